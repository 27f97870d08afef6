"""axe finds no serious or critical violation on any page template, in any language, with the quiz in use."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from quizkit import question, quiz_data, solve

pytestmark = pytest.mark.browser
LANGUAGES = {"en": "", "de": "de/", "es": "es/", "sv": "sv/"}
TEMPLATES = ["", "roles/", "roles/agent/", "guides/", "guides/dial/", "guides/hold/", "timeline/", "faq/", "glossary/",
             "quizzes/", "quizzes/basics/", "quizzes/progress/", "quizzes/results/", "about/", "scenarios/",
             "scenarios/customer-waits-on-hold/"]
AXE = Axe()


def serious(page: Page) -> list[str]:
    result = AXE.run(page)
    return [f'{v["id"]} ({v["impact"]}): {v["nodes"][0]["target"]}' for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template(page: Page, fixture_url: str, lang: str):
    found = {}
    for path in TEMPLATES:
        page.goto(f"{fixture_url}/{LANGUAGES[lang]}{path}")
        problems = serious(page)
        if problems:
            found[path] = problems
    assert found == {}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_quiz_in_use(page: Page, fixture_url: str, lang: str):
    page.goto(f"{fixture_url}/{LANGUAGES[lang]}quizzes/basics/")
    data = quiz_data(page)
    solve(page, wrong="mute")
    for q in data["questions"]:
        question(page, q["id"]).locator(".cq-check").click()
    expect(page.locator(".cq-score")).to_be_visible()
    assert serious(page) == []
    page.locator(".cq-present").click()
    page.keyboard.press("Space")
    assert serious(page) == []


def test_role_checklist_is_keyboard_operable_and_remembered(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/de/roles/agent/")
    box = page.locator('li[data-task="cutover-1"] input[type=checkbox]')
    expect(page.locator('li[data-task="cutover-1"] label')).to_have_text("Einen Testanruf tätigen.")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    page.goto(f"{fixture_url}/roles/agent/")  # another language, same task
    expect(page.locator('li[data-task="cutover-1"] input[type=checkbox]')).to_be_checked()
