"""axe finds no serious or critical violation on any page template, in any language, with the quiz in use."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from quizkit import LANGUAGES, open_key, question, quiz_data, solve

pytestmark = pytest.mark.browser
TEMPLATES = ["", "roles/", "roles/agent/", "guides/", "guides/dial/", "guides/hold/", "timeline/", "faq/", "glossary/",
             "quizzes/", "quizzes/basics/", "quizzes/progress/", "quizzes/results/", "quizzes/keys/",
             "quizzes/keys/basics/", "about/", "scenarios/",
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_presenter_progress_and_results_in_use(page: Page, fixture_url: str, lang: str):
    """axe on every state a reader or trainer reaches: feedback, the exam's warning and result, the presenter
    (question, revealed with bars, summary), "My progress" with a role, class results with a tally."""
    found = {}
    page.goto(f"{fixture_url}/{LANGUAGES[lang]}quizzes/basics/")
    data = quiz_data(page)
    solve(page, wrong="mute")
    for q in data["questions"]:
        question(page, q["id"]).locator(".cq-check").click()
    question(page, "match").locator(".cq-hint-button").click()
    expect(page.locator(".cq-score")).to_be_visible()
    found["practice"] = serious(page)
    page.locator(".cq-retake").click()
    page.locator('.cq-mode input[value="exam"]').check()
    page.locator(".cq-submit").click()
    expect(page.locator(".cq-warning")).to_be_visible()
    found["exam warning"] = serious(page)
    page.locator(".cq-submit-anyway").click()
    found["exam result"] = serious(page)
    code = page.locator(".cq-code").text_content()
    open_key(page, fixture_url, lang)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.locator(".cq-present").click()
    found["presenter"] = serious(page)
    page.keyboard.press("1")
    page.keyboard.press("Space")
    found["presenter revealed"] = serious(page)
    for _ in data["questions"]:
        page.keyboard.press("ArrowRight")
    found["presenter summary"] = serious(page)
    page.keyboard.press("Escape")
    page.goto(f"{fixture_url}/{LANGUAGES[lang]}roles/agent/")
    page.goto(f"{fixture_url}/{LANGUAGES[lang]}quizzes/progress/")
    expect(page.locator(".cq-my-role h2")).to_be_visible()
    found["progress"] = serious(page)
    page.goto(f"{fixture_url}/{LANGUAGES[lang]}quizzes/results/")
    page.locator("#cq-codes").fill(f"{code} Anna\nnot a code")
    page.locator(".cq-tally-button").click()
    expect(page.locator(".cq-class-table").first).to_be_visible()
    found["results"] = serious(page)
    assert {state: problems for state, problems in found.items() if problems} == {}


def test_role_checklist_is_keyboard_operable_and_remembered(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/de/roles/agent/")
    page.locator("details#phase-cutover > summary").focus()  # the phase's tasks open by keyboard (open on their own while current)
    page.keyboard.press("Enter")
    box = page.locator('li[data-task="cutover-1"] input[type=checkbox]')
    expect(page.locator('li[data-task="cutover-1"] label')).to_have_text("Einen Testanruf tätigen.")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    page.goto(f"{fixture_url}/roles/agent/")  # another language, same task
    expect(page.locator('li[data-task="cutover-1"] input[type=checkbox]')).to_be_checked()
