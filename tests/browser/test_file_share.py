"""`cutover build --offline`: the site read from a file share (file://) in Chromium — links, language switch,
search in the reader's language, quizzes — with no request to any host at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site
from playwright.sync_api import Page, expect

from quizkit import question, solve
from support import FIXTURE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    return build_site(FIXTURE, tmp_path_factory.mktemp("offline") / "site", "--offline")


@pytest.fixture
def network_requests(page: Page) -> list[str]:
    """Every request that is not for a file: on file:// pages, any request to a host leaves the file share."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if not request.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    return seen


def test_every_link_points_at_a_file(offline_site: Path):
    """file:// has no directory index: a link to "roles/" would open a folder listing, not the page."""
    broken = []
    for page in offline_site.rglob("*.html"):
        if page.name == "404.html":  # only a web server shows it, with root-absolute links by design
            continue
        for url in re.findall(r'(?:href|src)="(?![a-z][a-z0-9+.-]*:)([^"#?]+)[^"]*"', page.read_text("utf-8")):
            if not (page.parent / url).resolve().is_file():
                broken.append(f"{page.relative_to(offline_site)} -> {url}")
    assert not broken, broken[:10]


def test_pages_load_and_navigate_from_the_file_system(page: Page, offline_site: Path, network_requests: list[str]):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-content a[href='roles/agent.html']").first.click()
    expect(page).to_have_url(re.compile(r"/roles/agent\.html$"))
    expect(page.locator("h1")).to_be_visible()
    page.goto((offline_site / "guides" / "hold.html").as_uri())
    page.locator(".md-select button").focus()  # the language menu opens on focus
    page.locator(".md-select__link[hreflang='de']").click()
    expect(page).to_have_url(re.compile(r"/de/guides/hold\.html$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert not errors and not network_requests, errors + network_requests


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_search_works_offline_in_the_readers_language(page: Page, offline_site: Path, lang: str,
                                                      network_requests: list[str]):
    home = offline_site / ("index.html" if lang == "en" else f"{lang}/index.html")
    page.goto(home.as_uri())
    title = page.locator("h1").first.inner_text()
    word = max(re.findall(r"\w{4,}", title), key=len)
    page.wait_for_timeout(500)  # the search worker (in an iframe on file://) indexes in the background
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(word, delay=30)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=15_000)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    site_root = offline_site.resolve().as_uri()
    for href in hrefs:
        absolute = page.evaluate("href => new URL(href, location.href).href", href)
        inside = absolute[len(site_root) + 1:]
        assert absolute.startswith(site_root), absolute
        assert (inside.split("/")[0] == lang) == (lang != "en") and inside.split("/")[0] not in {"de", "es", "sv"} - {lang}, inside
    assert not network_requests, network_requests


def test_quiz_scores_and_keeps_progress_offline(page: Page, offline_site: Path, network_requests: list[str]):
    quiz = (offline_site / "quizzes" / "basics.html").as_uri()
    page.goto(quiz)
    page.locator('.cq-mode input[value="exam"]').check()
    data = solve(page)
    page.locator(".cq-submit").click()
    expect(page.locator(".cq-score")).to_have_text(data["ui"]["score"].replace("{score}", "100"))
    page.goto(quiz)  # answers are kept in the browser's storage, also for file:// pages
    single = next(q for q in data["questions"] if q["type"] == "single")
    correct = next(o["id"] for o in single["options"] if o["correct"])
    expect(question(page, single["id"]).locator(f'input[value="{correct}"]')).to_be_checked()
    assert not network_requests, network_requests
