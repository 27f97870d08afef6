"""Search the way a language is written, in the browser: Italian elides articles (l’infermiera), and readers type
without accents (citta for città); Polish has no lunr stemmer, and its words stay whole."""

from __future__ import annotations

import pytest
from conftest import build_site
from playwright.sync_api import Page, expect

from generator.verify.server import serve

from support import language_org, translate_language_org

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    urls, servers = {}, []
    for lang in ("it", "pl"):
        root = language_org(tmp_path_factory.mktemp(f"search-{lang}") / "hospital", lang)
        translate_language_org(root, lang)
        server, url = serve(build_site(root, root / "site"))
        servers.append(server)
        urls[lang] = url
    yield urls
    for server in servers:
        server.shutdown()


def search(page: Page, url: str, words: str) -> list[str]:
    page.goto(url)
    page.wait_for_timeout(300)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(words, delay=20)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=15_000)
    return results.evaluate_all("links => links.map(a => new URL(a.getAttribute('href'), location.href).pathname)")


@pytest.mark.parametrize("words", ["infermiera", "citta", "città", "squillano"])
def test_italian_search_finds_words_after_elided_articles_and_without_accents(page: Page, sites, words: str):
    found = search(page, f"{sites['it']}/it/", words)
    assert "/it/guides/ward-call/" in found, found
    assert all(path.startswith("/it/") for path in found)  # the Italian index only


@pytest.mark.parametrize("words", ["słuchawki", "sluchawki"])
def test_polish_search_finds_words_with_and_without_accents(page: Page, sites, words: str):
    found = search(page, f"{sites['pl']}/pl/", words)
    assert "/pl/guides/ward-call/" in found, found
