"""The navigation on every page: its own section open, every other section one link (navigation.prune), by keyboard."""

import pytest
from playwright.sync_api import Page, expect

from generator.catalog.load import load_project
from generator.render.localize import Localizer

from support import REPO

_PROJECT = load_project(REPO).project
_EN = Localizer(_PROJECT, "en")
CATEGORY = {c.id: _EN.text(c.name) for c in _PROJECT.site.categories}
GUIDES = {cid: [f.id for f in _PROJECT.features.values() if f.category == cid] for cid in CATEGORY}


@pytest.mark.browser
def test_a_guide_carries_its_category_and_one_link_per_other_category(page: Page, site_url: str):
    page.goto(f"{site_url}/guides/call-park/")
    nav = page.locator("nav.md-nav--primary")
    own = _PROJECT.features["call-park"].category
    for feature in GUIDES[own]:
        expect(nav.locator(f'a.md-nav__link[href="../{feature}/"], a.md-nav__link[href="./"]').first).to_be_attached()
    other = next(cid for cid in CATEGORY if cid != own and GUIDES[cid])
    expect(nav.locator("a.md-nav__link", has_text=CATEGORY[other])).to_have_attribute("href", f"../{GUIDES[other][0]}/")
    guide_links = nav.locator('a.md-nav__link[href^="../"]:not([href^="../../"])')
    assert guide_links.count() < len(_PROJECT.features)  # not every guide on every page


@pytest.mark.browser
def test_keyboard_opens_another_category(page: Page, site_url: str):
    page.goto(f"{site_url}/guides/call-park/")
    target = next(cid for cid in CATEGORY if cid != _PROJECT.features["call-park"].category and len(GUIDES[cid]) > 1)
    link = page.locator("nav.md-nav--primary a.md-nav__link", has_text=CATEGORY[target])
    link.focus()
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/guides/{GUIDES[target][0]}/")
    section = page.locator("nav.md-nav--primary nav[aria-expanded='true']", has_text=CATEGORY[target]).last
    for feature in GUIDES[target][1:]:
        sibling = section.locator(f'a.md-nav__link[href="../{feature}/"]')
        expect(sibling).to_be_attached()
    sibling = section.locator(f'a.md-nav__link[href="../{GUIDES[target][1]}/"]')
    sibling.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/guides/{GUIDES[target][1]}/")
