"""A missing address gets the 404 page in the language of its folder, from a server that answers every missing
address with the site's root 404.html (as nginx's error_page, GitHub Pages or most static hosts do)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from generator.verify.server import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(default_site):
    server, url = serve(default_site, error_page=True)
    yield url
    server.shutdown()


@pytest.mark.parametrize("lang, title", [("de", "Seite nicht gefunden"), ("es", "Página no encontrada"),
                                         ("sv", "Sidan hittades inte")])
def test_a_missing_page_in_a_language_folder_says_so_in_that_language(page: Page, site_url: str, lang: str, title: str):
    response = page.goto(f"{site_url}/{lang}/guides/no-such-guide/?from=test")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text(title)
    assert page.locator("html").get_attribute("lang") == lang
    # the reader keeps the address they asked for, and the page's links work from it
    assert page.url.endswith(f"/{lang}/guides/no-such-guide/?from=test")
    expect(page.locator(".md-search__input")).to_have_attribute("placeholder", {"de": "Suchen", "es": "Buscar", "sv": "Sök"}[lang])
    page.locator("article a").first.click()
    expect(page).to_have_url(f"{site_url}/{lang}/")


def test_a_missing_page_elsewhere_gets_the_default_languages(page: Page, site_url: str):
    response = page.goto(f"{site_url}/guides/no-such-guide/")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    assert page.locator("html").get_attribute("lang") == "en"
