"""Published versions in the browser: selector, old-version notice, both switchers, hosting at / and /kb/."""

import re
import shutil
import subprocess
import sys

import pytest
from conftest import serve
from playwright.sync_api import Page, expect

from support import FIXTURE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    repo = tmp_path_factory.mktemp("versions") / "kb"
    shutil.copytree(FIXTURE, repo)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "kit"]):
        subprocess.run(git + args, cwd=repo, check=True)
    for args in (["publish", "1.0", "--title", "1.0 parallel operation"], ["publish", "2.0", "latest", "--set-default"],
                 ["export", str(repo.parent / "www")]):
        run = subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=repo, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
    return repo.parent / "www"


@pytest.fixture(scope="module", params=["/", "/kb/"], ids=["root", "sub-path"])
def base(request, exported):
    server, url = serve(exported, request.param)
    yield url
    server.shutdown()


def test_old_version_says_so_and_links_to_the_same_page(page: Page, base: str, external_requests):
    page.goto(f"{base}/1.0/de/guides/dial/")
    notice = page.locator('[data-md-component="outdated"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Sie lesen eine ältere Fassung")
    notice.locator("a.cutover-latest").click()
    expect(page).to_have_url(f"{base}/latest/de/guides/dial/")
    expect(page.locator('[data-md-component="outdated"]')).to_be_hidden()
    assert external_requests == []


def test_version_selector_keeps_page_and_language(page: Page, base: str):
    page.goto(f"{base}/latest/sv/guides/hold/")
    selector = page.locator(".md-version")
    expect(selector.locator(".md-version__current")).to_contain_text("2.0")
    selector.hover()
    selector.locator(".md-version__link", has_text="1.0 parallel operation").click()
    expect(page).to_have_url(f"{base}/1.0/sv/guides/hold/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")


@pytest.mark.parametrize("start,target,expected", [("1.0/guides/dial/", "de", "1.0/de/guides/dial/"),
                                                   ("1.0/", "es", "1.0/es/"), ("1.0/sv/", "en", "1.0/")])
def test_language_switcher_keeps_the_version(page: Page, base: str, start: str, target: str, expected: str):
    page.goto(f"{base}/{start}")
    page.locator(".md-select button").focus()
    page.locator(f'.md-select__link[hreflang="{target}"]').click()
    expect(page).to_have_url(f"{base}/{expected}")


def test_site_root_sends_readers_to_the_default_version(page: Page, base: str):
    page.goto(f"{base}/")
    expect(page).to_have_url(re.compile(r"/2\.0/$"))
    expect(page.locator('[data-md-component="outdated"]')).to_be_hidden()


@pytest.mark.slow  # minutes: cutover verify over every published version
def test_verify_passes_on_the_published_tree(exported):
    run = subprocess.run([sys.executable, "-m", "generator.cli", "verify", str(exported)], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:]
    assert "1.0/de/" in run.stdout or "All checks passed" in run.stdout
