"""The Content-Security-Policy in Chromium: every shipped page and view runs with zero violations, on a web server
and from a file share, and a planted inline script without a hash is blocked (and reported)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import build_site, serve
from playwright.sync_api import Page, expect

from quizkit import solve
from support import FIXTURE

pytestmark = pytest.mark.browser

RECORD = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
    `${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    return build_site(FIXTURE, tmp_path_factory.mktemp("csp") / "site")


@pytest.fixture
def watched(page: Page) -> Page:
    page.context.add_init_script(RECORD)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" and "Content-Security-Policy" in m.text else None)
    return page


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations") + page.errors


def test_every_page_of_every_language_runs_with_no_violation(watched: Page, fixture_site: Path):
    server, url = serve(fixture_site)
    try:
        pages = sorted(p.relative_to(fixture_site).parent.as_posix() for p in fixture_site.rglob("index.html"))
        assert len(pages) > 80
        found = {}
        for path in pages:
            watched.goto(f"{url}/{'' if path == '.' else path + '/'}")
            watched.wait_for_load_state("load")
            if violations(watched):
                found[path] = violations(watched)
        watched.goto(f"{url}/does-not-exist/")  # the 404 page
        assert violations(watched) == [] and found == {}, found
    finally:
        server.shutdown()


def test_quiz_views_search_and_results_run_with_no_violation(watched: Page, fixture_site: Path):
    server, url = serve(fixture_site)
    try:
        watched.goto(f"{url}/de/quizzes/basics/")
        watched.locator('.cq-mode input[value="exam"]').check()
        solve(watched)
        watched.locator(".cq-submit").click()
        code = watched.locator(".cq-code").text_content()
        watched.locator(".cq-retake").click()
        watched.goto(f"{url}/de/quizzes/keys/basics/")  # the presenter is the trainer's, on the answer-key page
        watched.locator(".cq-present").click()
        watched.keyboard.press("Space")
        watched.keyboard.press("Escape")
        watched.emulate_media(media="print")
        watched.emulate_media(media="screen")
        watched.locator(".md-search__input").first.click()
        watched.keyboard.type("Anruf", delay=30)
        expect(watched.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
        watched.goto(f"{url}/de/quizzes/results/")
        watched.locator("#cq-codes").fill(code)
        watched.locator(".cq-tally-button").click()
        expect(watched.locator(".cq-class-table[data-quiz]")).to_have_count(1)
        assert violations(watched) == []
    finally:
        server.shutdown()


def test_a_planted_inline_script_without_a_hash_is_blocked(watched: Page, fixture_site: Path, tmp_path: Path):
    planted = tmp_path / "planted"
    shutil.copytree(fixture_site, planted)
    guide = planted / "guides/hold/index.html"
    text = guide.read_text("utf-8")
    guide.write_text(text.replace("<article", "<script>window.__planted = 1</script><article", 1), "utf-8")
    server, url = serve(planted)
    try:
        watched.goto(f"{url}/guides/hold/")
        watched.wait_for_load_state("load")
        assert watched.evaluate("window.__planted") is None
        assert any(v.startswith("script-src-elem inline window.__planted = 1") for v in watched.evaluate("window.__violations"))
        expect(watched.locator("article h1")).to_be_visible()  # the page itself still works
    finally:
        server.shutdown()


def test_offline_pages_run_with_no_violation_and_search_works(watched: Page, tmp_path: Path):
    site = build_site(FIXTURE, tmp_path / "offline", "--offline")
    for rel in ("index.html", "sv/guides/hold.html", "de/quizzes/basics.html"):
        watched.goto((site / rel).as_uri())
        watched.wait_for_load_state("load")
        assert violations(watched) == [], rel
    watched.goto((site / "sv/index.html").as_uri())
    watched.wait_for_timeout(500)
    watched.locator(".md-search__input").first.click()
    watched.keyboard.type("telefonisystemet", delay=30)
    expect(watched.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    assert violations(watched) == []
