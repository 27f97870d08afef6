"""The quiz runtime in Chromium, on the four-language fixture site (every question type)."""

import re

import pytest
from playwright.sync_api import Page, expect

from quizkit import answer, question, quiz_data, solve

LANGUAGES = {"en": "", "de": "de/", "es": "es/", "sv": "sv/"}
pytestmark = pytest.mark.browser


def open_quiz(page: Page, base: str, lang: str = "en", name: str = "basics") -> dict:
    page.goto(f"{base}/{LANGUAGES[lang]}quizzes/{name}/")
    expect(page.locator(".cq-toolbar")).to_be_visible()
    return quiz_data(page)


def exam_mode(page: Page) -> None:
    page.locator('.cq-mode input[value="exam"]').check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exam_with_the_answer_key_scores_100_and_passes(page: Page, fixture_url: str, lang: str, external_requests):
    data = open_quiz(page, fixture_url, lang)
    assert data["lang"] == lang and len({q["type"] for q in data["questions"]}) == 5
    exam_mode(page)
    expect(page.locator(".cq-check").first).to_be_hidden()
    solve(page)
    page.locator(".cq-submit").click()
    expect(page.locator(".cq-score")).to_have_text(data["ui"]["score"].replace("{score}", "100"))
    expect(page.locator(".cq-passed")).to_contain_text(data["ui"]["passed"])
    expect(page.locator(".cq-score")).to_be_focused()
    assert external_requests == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_practice_wrong_answers_show_their_feedback(page: Page, fixture_url: str, lang: str):
    data = open_quiz(page, fixture_url, lang)
    ui = data["ui"]
    for q in data["questions"]:
        answer(page, q, wrong=True)
        box = question(page, q["id"])
        box.locator(".cq-check").click()
        feedback = box.locator(".cq-feedback")
        expect(feedback.locator(".cq-verdict")).to_contain_text("✗")
        expect(feedback.locator(".cq-explanation")).to_be_visible()
        expect(feedback.locator("a.cq-learn-link")).to_have_attribute("href", re.compile(r"guides/(dial|hold)/"))
        if q["type"] in ("single", "true_false"):
            chosen = next(o for o in q["options"] if not o["correct"])
            expect(box.locator(f'[data-option="{chosen["id"]}"] .cq-option-feedback')).to_contain_text(ui["incorrect"])
    expect(page.locator(".cq-score")).to_be_visible()  # every question checked: practice result appears
    expect(page.locator(".cq-failed")).to_be_visible()


def test_learn_more_opens_the_guide_section_in_the_same_language(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url, "de")
    q = data["questions"][0]
    answer(page, q)
    question(page, q["id"]).locator(".cq-check").click()
    question(page, q["id"]).locator("a.cq-learn-link").click()
    expect(page).to_have_url(re.compile(r"/de/guides/dial/#before-and-after$"))
    expect(page.locator("#before-and-after")).to_be_visible()


def test_partial_credit_and_untouched_ordering(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url)
    multiple = next(q for q in data["questions"] if q["type"] == "multiple")
    right = [o for o in multiple["options"] if o["correct"]]
    question(page, multiple["id"]).locator(f'input[value="{right[0]["id"]}"]').check()
    question(page, multiple["id"]).locator(".cq-check").click()
    expect(question(page, multiple["id"]).locator(".cq-verdict")).to_have_text(f'✗ {data["ui"]["partly"]}')
    ordering = next(q for q in data["questions"] if q["type"] == "ordering")
    question(page, ordering["id"]).locator(".cq-check").click()
    expect(question(page, ordering["id"]).locator(".cq-verdict")).to_have_text(f'✗ {data["ui"]["not_answered"]}')


def test_ordering_by_keyboard_announces_moves(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url)
    q = next(q for q in data["questions"] if q["type"] == "ordering")
    box = question(page, q["id"])
    first = box.locator("li[data-item]").nth(0)
    moved_id = first.get_attribute("data-item")
    first.focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(box.locator("li[data-item]").nth(1)).to_have_attribute("data-item", moved_id)
    expect(box.locator("li[data-item]").nth(1)).to_be_focused()
    expect(box.locator(".cq-sr")).to_contain_text("2")


def test_progress_survives_reload_and_language_switch(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url, "en")
    exam_mode(page)
    solve(page, wrong="mute")
    page.locator(".cq-submit").click()
    expect(page.locator(".cq-score")).to_have_text("Your score: 80 %")
    page.reload()
    single = data["questions"][0]
    correct = next(o["id"] for o in single["options"] if o["correct"])
    expect(question(page, single["id"]).locator(f'input[value="{correct}"]')).to_be_checked()
    page.goto(f"{fixture_url}/sv/quizzes/basics/")  # same quiz, another language: answers by id
    expect(question(page, single["id"]).locator(f'input[value="{correct}"]')).to_be_checked()
    ordering = next(q for q in data["questions"] if q["type"] == "ordering")
    expect(question(page, ordering["id"]).locator("li[data-item]").first).to_have_attribute("data-item", ordering["items"][0]["id"])
    page.goto(f"{fixture_url}/de/quizzes/progress/")
    status = page.locator(".cq-progress-status").first
    expect(status).to_contain_text("80 %")
    expect(status).to_contain_text("✓")
    page.locator(".cq-progress-reset").click()
    expect(status).to_contain_text("Noch nicht")


def test_corrupted_or_old_progress_does_not_break_the_page(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/quizzes/basics/")
    for stored in ("{not json", '{"v": 0, "quizzes": []}', '{"v":1,"quizzes":{"basics":{"answers":{"dial-how":["x"],"order":7},"best":"a"}}}'):
        page.evaluate("value => localStorage.setItem('cutover-quiz', value)", stored)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.reload()
        expect(page.locator(".cq-toolbar")).to_be_visible()
        assert errors == []
    solve(page)
    exam_mode(page)
    page.locator(".cq-submit").click()
    expect(page.locator(".cq-score")).to_contain_text("100")


def test_presenter_keyboard(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url, "es")
    page.locator(".cq-present").click()
    dialog = page.locator(".cq-presenter")
    expect(dialog).to_be_focused()
    expect(dialog.locator("h2")).to_have_text("Pregunta 1 de 5")
    page.keyboard.press("1")
    page.keyboard.press("1")
    page.keyboard.press("2")
    expect(dialog.locator(".cq-count").nth(0)).to_have_text(re.compile(r"\b2 manos"))
    page.keyboard.press("Shift+Digit1")
    expect(dialog.locator(".cq-count").nth(0)).to_have_text(re.compile(r"\b1 mano\b"))  # CLDR: one, not "1 manos"
    expect(dialog.locator(".cq-is-right")).to_have_count(0)
    page.keyboard.press("Space")
    expect(dialog.locator(".cq-is-right")).to_have_count(1)
    for _ in data["questions"]:
        page.keyboard.press("ArrowRight")
    expect(dialog.locator("h2")).to_have_text("Resumen")
    expect(dialog.locator(".cq-summary tbody tr")).to_have_count(5)
    expect(dialog.locator(".cq-summary tbody tr").first).to_contain_text("A: 1 · B: 1")
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator("h2")).to_have_text("Pregunta 5 de 5")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(page.locator(".cq-present")).to_be_focused()


@pytest.mark.parametrize("kind,answers_shown", [("handout", False), ("key", True)])
def test_print_handout_and_answer_key(page: Page, fixture_url: str, kind: str, answers_shown: bool):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    open_quiz(page, fixture_url, "sv")
    page.locator(f'.cq-print[data-print="{kind}"]').click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    static = page.locator(".cq-static")
    expect(static).to_be_visible()
    expect(page.locator(".cq-toolbar")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    answers = static.locator("details")
    expect(answers).to_have_count(5)
    for i in range(5):
        if answers_shown:
            expect(answers.nth(i)).to_be_visible()
            expect(answers.nth(i)).to_have_attribute("open", "")
        else:
            expect(answers.nth(i)).to_be_hidden()
    if answers_shown:
        expect(static).to_contain_text("Förklaring")


def test_result_codes_tally_on_the_trainer_page(page: Page, fixture_url: str):
    codes = []
    for wrong in (None, "mute", "order"):
        open_quiz(page, fixture_url)
        exam_mode(page)
        solve(page, wrong=wrong)
        page.locator(".cq-submit").click()
        page.locator(".cq-result input[type=text]").fill(f"Learner {len(codes) + 1}")
        codes.append(page.locator(".cq-code").text_content())
        page.evaluate("localStorage.clear()")
    page.goto(f"{fixture_url}/quizzes/results/")
    page.locator("#cq-codes").fill("\n".join(codes + ["basics.5.F8.100..ZZZZ"]))
    page.locator(".cq-tally-button").click()
    table = page.locator('table[data-quiz="basics"]')
    expect(table.locator('tr[data-question="dial-how"] .cq-tally-cell')).to_have_text("3 / 3 (100 %)")
    expect(table.locator('tr[data-question="mute"] .cq-tally-cell')).to_have_text("2 / 3 (67 %)")
    expect(table.locator('tr[data-question="order"] .cq-tally-cell')).to_have_text("2 / 3 (67 %)")
    expect(page.locator(".cq-learners li")).to_have_text(["Learner 1: 100 %", "Learner 2: 80 %", "Learner 3: 80 %"])
    expect(page.locator(".cq-invalid")).to_have_text("Line 4: not a valid result code")


def test_result_downloads(page: Page, fixture_url: str):
    open_quiz(page, fixture_url)
    exam_mode(page)
    solve(page)
    page.locator(".cq-submit").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download result (CSV)").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.splitlines()[0] == "question,answered,score" and "total,,100" in text


def test_without_javascript_answers_stay_in_details(browser, fixture_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{fixture_url}/de/quizzes/basics/")
    expect(page.locator(".cq-static")).to_be_visible()
    expect(page.locator(".cq-static details")).to_have_count(5)
    expect(page.locator(".cq-static details").first).not_to_have_attribute("open", "")
    expect(page.locator(".cq-toolbar")).to_have_count(0)
    context.close()
