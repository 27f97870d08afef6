"""An organisation's site made with `cutover init`, branded and trimmed, passes `cutover verify` in Chromium."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import browser_executable, build_site

from generator.verify.server import serve

from support import edit

pytestmark = pytest.mark.browser

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><circle cx="12" cy="12" r="10"/></svg>\n'


@pytest.fixture(scope="module")
def org_site(tmp_path_factory) -> Path:
    """Nordic AB in English and Swedish, with its logo, colour, footer and a hidden feature; built once."""
    base = tmp_path_factory.mktemp("org-site")
    root = base / "nordic"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "init", str(root), "--org-name", "Nordic AB",
                          "--languages", "en,sv"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    (root / "branding" / "logo.svg").write_text(LOGO, "utf-8")
    edit(root / "catalog" / "site.yaml", "\nvariables:\n", '\nbranding:\n  logo: branding/logo.svg\n  primary: "#006633"\n'
         '  footer: "Nordic AB · internal"\nhide:\n  features: [call-recording]\n\nvariables:\n')
    return build_site(root, base / "site")


@pytest.fixture(scope="module")
def org_url(org_site: Path):
    server, url = serve(org_site)
    yield url
    server.shutdown()


@pytest.mark.slow  # minutes: cutover verify over an organisation's whole site
def test_verify_passes_on_the_organisation_site(org_site: Path, tmp_path: Path) -> None:
    args = [sys.executable, "-m", "generator.cli", "verify", str(org_site), "--jobs", "2"]
    if browser_executable():
        args += ["--browser", browser_executable()]
    run = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert not (org_site / "guides" / "call-recording").exists()


def test_branding_shows_in_the_browser(page, org_url: str, external_requests: list[str]) -> None:
    page.goto(org_url.rstrip("/") + "/sv/")
    header = page.locator(".md-header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(0, 102, 51)"
    assert page.locator(".md-header__button.md-logo img").evaluate("img => img.naturalWidth") > 0
    assert page.locator(".cutover-footer").inner_text() == "Nordic AB · internal"
    assert external_requests == []
