"""A reader goes from a role manual to a situation, on to its guide and quiz question, and finds it in the navigation."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_from_the_manual_to_a_situation_its_guide_and_its_quiz_question(page: Page, fixture_url: str, external_requests):
    page.goto(f"{fixture_url}/de/roles/agent/")
    section = page.locator("#scenarios")
    expect(section).to_have_text(re.compile("Situationen, die Ihnen begegnen"))
    page.get_by_role("link", name="Ein Kunde wartet, während Sie etwas nachschlagen").click()
    expect(page).to_have_url(f"{fixture_url}/de/scenarios/customer-waits-on-hold/")
    expect(page.locator("article h1")).to_have_text(re.compile("^Ein Kunde wartet"))
    expect(page.locator("article ol li").nth(1)).to_contain_text("Halten Sie den Anruf.")
    page.locator("article ol li").nth(1).get_by_role("link", name="Anruf halten").click()
    expect(page).to_have_url(f"{fixture_url}/de/guides/hold/")
    page.go_back()
    page.get_by_role("link", name="Grundlagen, Frage 3").click()
    expect(page).to_have_url(f"{fixture_url}/de/quizzes/basics/#q-mute")
    # The interactive quiz replaces the static questions: the linked one is scrolled into view.
    expect(page.locator('.cq-question[data-question="mute"]')).to_be_in_viewport()
    assert external_requests == []


def test_navigation_has_the_situations_section_in_each_language(page: Page, fixture_url: str):
    for prefix, title in (("", "Situations"), ("de/", "Praxissituationen"), ("es/", "Situaciones"), ("sv/", "Situationer")):
        page.goto(f"{fixture_url}/{prefix}scenarios/")
        nav = page.locator(".md-nav--primary .md-nav__item--active > label, .md-nav--primary .md-nav__item--active > a").first
        expect(nav).to_contain_text(title)
        expect(page.locator("article")).to_contain_text("Parallel" if prefix != "es/" else "Funcionamiento en paralelo")
