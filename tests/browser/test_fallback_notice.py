"""A reader of an untranslated page sees, in their own language, that parts of it are in English."""

from __future__ import annotations

import shutil

import pytest
from conftest import build_site
from playwright.sync_api import Page, expect

from generator.verify.server import serve

from support import FIXTURE, edit

pytestmark = pytest.mark.browser

NOTICES = {  # one text of the page (its summary) is untranslated
    "de": "Ein Teil dieser Seite ist noch nicht übersetzt und wird auf Englisch angezeigt (gepunktet unterstrichen).",
    "es": "Una parte de esta página aún no está traducida y se muestra en inglés (subrayada con puntos).",
    "sv": "En del av den här sidan är inte översatt ännu och visas på engelska (prickigt understruken).",
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The fixture with the hold guide's summary and one step untranslated in de, es and sv."""
    root = tmp_path_factory.mktemp("fallback")
    project = root / "proj"
    shutil.copytree(FIXTURE, project)
    for lang, summary in (("de", "Einen Anruf pausieren."), ("es", None), ("sv", None)):
        path = project / f"catalog/features/hold.{lang}.yaml"
        text = path.read_text("utf-8")
        line = next(line for line in text.splitlines() if line.startswith("summary:"))
        path.write_text(text.replace(line + "\n", ""), "utf-8")
    edit(project / "catalog/features/hold.yaml", "summary: Pause a call.", "summary: Pause a call for a moment.")
    server, url = serve(build_site(project, root / "site"))
    yield url.rstrip("/") + "/"
    server.shutdown()


@pytest.mark.parametrize("lang", ["de", "es", "sv"])
def test_the_fallback_notice_is_in_the_readers_language(page: Page, site_url: str, lang: str):
    page.goto(f"{site_url}{lang}/guides/hold/")
    notice = page.locator("article .admonition.warning")
    expect(notice.locator("p").first).to_have_text(NOTICES[lang])
    expect(notice).to_be_visible()
    # It names what is untranslated (folded), by file and field.
    notice.locator("summary").click()
    expect(notice.locator("li")).to_have_text("catalog/features/hold.yaml: summary")
    # The English text itself, marked as English: read in English, underlined with dots.
    english = page.locator('article span[lang="en"].cutover-fallback', has_text="Pause a call for a moment.")
    expect(english).to_have_count(1)
    assert "dotted" in english.evaluate("e => getComputedStyle(e).textDecorationStyle")
    assert page.locator("html").get_attribute("lang") == lang


def test_a_fully_translated_page_has_no_notice(page: Page, site_url: str):
    page.goto(f"{site_url}de/timeline/")
    expect(page.locator("article h1")).to_be_visible()
    expect(page.get_by_text(NOTICES["de"])).to_have_count(0)


def test_a_hand_written_page_missing_in_a_language_says_so_in_that_language(page: Page, site_url: str):
    page.goto(f"{site_url}es/about/")
    expect(page.locator("article .admonition.warning")).to_have_text(
        "Esta página aún no está traducida y se muestra en inglés.")
