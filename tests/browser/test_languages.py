"""Generated pages open in every language, and the switcher keeps the reader on the same page."""

import re

import pytest
from playwright.sync_api import Page, expect

from generator.catalog.load import load_project
from generator.render.localize import Localizer

from support import REPO

LANGUAGES = {"en": "", "de": "de/", "es": "es/", "sv": "sv/"}
_PROJECT = load_project(REPO).project
HOLD_TITLE = {lang: Localizer(_PROJECT, lang).text(_PROJECT.features["hold-resume"].title) for lang in LANGUAGES}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_generated_pages_open_in_each_language(page: Page, site_url: str, lang: str, external_requests):
    for path in ("", "roles/end-user/", "guides/hold-resume/", "timeline/", "faq/", "glossary/", "quizzes/end-user/"):
        response = page.goto(f"{site_url}/{LANGUAGES[lang]}{path}")
        assert response.ok, path
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("article h1")).to_be_visible()
    page.goto(f"{site_url}/{LANGUAGES[lang]}guides/hold-resume/")
    expect(page.locator("article h1")).to_have_text(re.compile("^" + re.escape(HOLD_TITLE[lang])))
    assert external_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("source,target", [("en", "de"), ("de", "sv"), ("sv", "es"), ("es", "en")])
def test_language_switcher_keeps_the_page(page: Page, site_url: str, source: str, target: str):
    page.goto(f"{site_url}/{LANGUAGES[source]}guides/hold-resume/")
    page.locator(".md-select button").focus()  # keyboard users open it by focus
    link = page.locator(f'.md-select__link[hreflang="{target}"]')
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(f"{site_url}/{LANGUAGES[target]}guides/hold-resume/")
    expect(page.locator("html")).to_have_attribute("lang", target)
    expect(page.locator("article h1")).to_have_text(re.compile("^" + re.escape(HOLD_TITLE[target])))


@pytest.mark.browser
def test_platform_tabs_switch_the_steps(page: Page, site_url: str):
    page.goto(f"{site_url}/de/guides/hold-resume/")
    steps = page.locator("#steps ~ .tabbed-set").first
    steps.locator("label", has_text="Tischtelefon").click()
    expect(steps.locator(".tabbed-block").nth(2)).to_be_visible()
    expect(steps.locator(".tabbed-block").nth(0)).to_be_hidden()


@pytest.mark.browser
def test_published_pages_show_readers_no_edit_pencil(page: Page, site_url: str):
    """Edit links are for writers (cutover serve, or source_links: true; tests/site/test_build.py checks that they
    then open the definition): a published page has none."""
    page.goto(f"{site_url}/es/guides/hold-resume/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("a.md-content__button[href*='/edit/']")).to_have_count(0)
