"""The learner's quiz page in Chromium, on the four-language fixture site (every question type)."""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from quizkit import LANGUAGES, answer, open_quiz, question, solve

pytestmark = pytest.mark.browser


def exam_mode(page: Page) -> None:
    page.locator('.cq-mode input[value="exam"]').check()


def plural(ui: dict, key: str, n: int) -> str:
    """The form the runtime must show for n (one/other: every shipped language's categories)."""
    return ui[key]["one" if n == 1 else "other"].replace("{count}", str(n))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exam_with_the_answer_key_scores_100_and_passes(page: Page, fixture_url: str, lang: str, external_requests):
    data = open_quiz(page, fixture_url, lang)
    assert data["lang"] == lang and len({q["type"] for q in data["questions"]}) == 5
    exam_mode(page)
    expect(page.locator(".cq-check").first).to_be_hidden()
    solve(page)
    page.locator(".cq-submit").click()
    expect(page.locator(".cq-warning")).to_be_hidden()  # everything answered: no warning
    expect(page.locator(".cq-score")).to_have_text(data["ui"]["score"].replace("{score}", "100"))
    expect(page.locator(".cq-passed")).to_contain_text(data["ui"]["passed"])
    expect(page.locator(".cq-score")).to_be_focused()
    expect(page.locator(".cq-review li")).to_have_count(5)
    expect(page.locator(".cq-review .cq-icon--right")).to_have_count(5)
    assert external_requests == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_verdict_is_glued_to_an_option(page: Page, browser, fixture_url: str, lang: str):
    """An option, a verdict and a feedback never share a line: not in the static answers (no JavaScript, print),
    not in the runtime's feedback after a wrong and after a right answer ("Falsch: Richtig.", ".: correct. Yes.")."""
    data = open_quiz(page, fixture_url, lang)
    ui = data["ui"]
    # (option, its feedback, whether a verdict word after it counts: not for True/False, which are verdict words
    # themselves in German and Swedish; there the glue was the feedback on the option's line, checked for all)
    options = [(o["html"], o.get("feedback", ""), q["type"] != "true_false") for q in data["questions"] if q.get("options") for o in q["options"]]
    verdicts = [ui[k] for k in ("correct", "incorrect", "partly", "your_answer", "right_answer", "not_answered")]

    def glued(text: str) -> list[str]:
        found = [line for line in text.splitlines() if ".:" in line]
        for line in text.splitlines():
            for option, feedback, check_verdict in options:
                at = re.search(rf"(?<!\w){re.escape(option)}(?!\w)", line)
                if not at or line.strip() in verdicts:
                    continue
                after = line[at.end():].lower()
                if (check_verdict and any(v.lower() in after for v in verdicts)) or (feedback and feedback in line):
                    found.append(line)
        return found

    context = browser.new_context(java_script_enabled=False)
    static = context.new_page()
    static.goto(f"{fixture_url}/{LANGUAGES[lang]}quizzes/basics/")
    static.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    text = static.locator(".cq-static").inner_text()
    assert ui["correct"] not in text.split(options[0][0])[0]  # sanity: the answers were read
    assert glued(text) == []
    context.close()
    for wrong in (True, False):
        for q in data["questions"]:
            answer(page, q, wrong=wrong)
            question(page, q["id"]).locator(".cq-check").click()
        shown = page.locator(".cq-questions").inner_text()
        assert ui["your_answer"] in shown and glued(shown) == []
        page.locator(".cq-retake").click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exam_warns_about_unanswered_questions_and_lists_them(page: Page, fixture_url: str, lang: str):
    data = open_quiz(page, fixture_url, lang)
    ui = data["ui"]
    exam_mode(page)
    answer(page, data["questions"][0])
    page.locator(".cq-submit").click()
    warning = page.locator(".cq-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(plural(ui, "unanswered_warning", 4).rstrip(":"))
    expect(warning.locator("li a")).to_have_text([ui["question"].replace("{n}", str(n)) for n in (2, 3, 4, 5)])
    expect(page.locator(".cq-score")).to_have_count(0)  # nothing submitted yet
    warning.locator(".cq-keep").click()
    expect(warning).to_be_hidden()
    expect(question(page, data["questions"][1]["id"]).locator("input").first).to_be_focused()
    for q in data["questions"][1:4]:
        answer(page, q)
    page.locator(".cq-submit").click()
    expect(warning).to_contain_text(plural(ui, "unanswered_warning", 1).rstrip(":"))  # the singular form
    warning.locator(".cq-submit-anyway").click()
    expect(page.locator(".cq-score")).to_be_visible()
    expect(page.locator(".cq-result")).to_contain_text(plural(ui, "unanswered", 1))
    expect(page.locator(".cq-review li").nth(4)).to_contain_text(ui["not_answered"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_result_code_is_short_and_decodes_on_the_class_results_page(page: Page, fixture_url: str, lang: str):
    open_quiz(page, fixture_url, lang)
    exam_mode(page)
    solve(page, wrong="mute")
    page.locator(".cq-submit").click()
    code = page.locator(".cq-code").text_content()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4,10}", code), code
    page.goto(f"{fixture_url}/{LANGUAGES['sv' if lang != 'sv' else 'de']}quizzes/results/")  # any language decodes it
    page.locator("#cq-codes").fill(f"{code} Anna Berg\n{code.lower()}")
    page.locator(".cq-tally-button").click()
    table = page.locator('table[data-quiz="basics"]')
    expect(table.locator('tr[data-question="mute"] .cq-tally-cell')).to_contain_text("0 / 2 (0 %)")
    expect(table.locator('tr[data-question="dial-how"] .cq-tally-cell')).to_contain_text("2 / 2 (100 %)")
    expect(page.locator(".cq-learners tbody tr").first).to_contain_text("Anna Berg")
    expect(page.locator(".cq-learners tbody tr").first).to_contain_text("80 %")
    expect(page.locator(".cq-invalid")).to_have_count(0)


def test_practice_feedback_tints_choices_and_labels_the_right_one_on_its_own_line(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url, "es")
    ui = data["ui"]
    q = data["questions"][0]
    box = question(page, q["id"])
    wrong = next(o for o in q["options"] if not o["correct"])
    right = next(o for o in q["options"] if o["correct"])
    answer(page, q, wrong=True)
    box.locator(".cq-check").click()
    chosen = box.locator(f'[data-option="{wrong["id"]}"]')
    missed = box.locator(f'[data-option="{right["id"]}"]')
    expect(chosen).to_have_class(re.compile("cq-chosen-wrong"))
    expect(missed).to_have_class(re.compile("cq-missed"))
    expect(chosen.locator(".cq-option-label")).to_have_text(f'✗ {ui["your_answer"]}')
    expect(chosen.locator('[role="img"]')).to_have_attribute("aria-label", ui["incorrect"])
    expect(chosen.locator(".cq-option-feedback")).to_contain_text(wrong["feedback"])
    expect(missed.locator(".cq-option-label")).to_have_text(f'✓ {ui["right_answer"]}')
    label, option = missed.locator(".cq-option-label").bounding_box(), missed.locator("label").bounding_box()
    assert label["y"] >= option["y"] + option["height"] - 1  # its own row, under the option it belongs to
    assert missed.bounding_box()["y"] + missed.bounding_box()["height"] <= chosen.bounding_box()["y"]
    verdict = box.locator(".cq-verdict")
    expect(verdict).to_have_text(f'✗ {ui["incorrect"]}')
    assert verdict.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"  # tinted


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_check_with_nothing_chosen_asks_for_an_answer(page: Page, fixture_url: str, lang: str):
    data = open_quiz(page, fixture_url, lang)
    ui = data["ui"]
    for q, key in zip(data["questions"], ("choose_first", "choose_first", "choose_first", "order_first", "match_first")):
        box = question(page, q["id"])
        box.locator(".cq-check").click()
        expect(box.locator(".cq-status")).to_have_text(ui[key])
        expect(box.locator(".cq-verdict, .cq-explanation, .cq-missed, .cq-correct-order")).to_have_count(0)
    expect(page.locator(".cq-score")).to_have_count(0)


def test_partial_credit(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url)
    multiple = next(q for q in data["questions"] if q["type"] == "multiple")
    right = [o for o in multiple["options"] if o["correct"]]
    question(page, multiple["id"]).locator(f'input[value="{right[0]["id"]}"]').check()
    question(page, multiple["id"]).locator(".cq-check").click()
    expect(question(page, multiple["id"]).locator(".cq-verdict")).to_have_text(f'◐ {data["ui"]["partly"]}')


def test_practice_wrong_answers_show_their_feedback_and_finish(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url, "de")
    for q in data["questions"]:
        answer(page, q, wrong=True)
        box = question(page, q["id"])
        box.locator(".cq-check").click()
        expect(box.locator(".cq-verdict")).to_contain_text("✗")
        expect(box.locator(".cq-explanation")).to_be_visible()
        expect(box.locator("a.cq-learn-link")).to_have_attribute("href", re.compile(r"guides/(dial|hold)/"))
    expect(page.locator(".cq-score")).to_be_visible()  # every question checked: the practice result appears
    expect(page.locator(".cq-failed")).to_be_visible()


def test_hint_opens_in_practice_and_stays_out_of_the_exam(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url, "de")
    box = question(page, "match")
    button = box.locator(".cq-hint-button")
    expect(button).to_have_text(data["ui"]["show_hint"])
    expect(box.locator(".cq-hint-text")).to_be_hidden()
    button.click()
    expect(box.locator(".cq-hint-text")).to_have_text("Jede rechte Seite gehört zu genau einer linken.")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(question(page, "dial-how").locator(".cq-hint-button")).to_have_count(0)  # no hint, no button
    exam_mode(page)
    expect(button).to_be_hidden()


def test_finishing_dispatches_the_quiz_finished_event(page: Page, fixture_url: str):
    """The event SCORM and cmi5 packages record the score from: practice with every question checked, and exams."""
    open_quiz(page, fixture_url)
    page.evaluate("window.__done = []; document.addEventListener('cutover:quiz-finished', (e) => window.__done.push(e.detail))")
    data = solve(page, wrong="hold-where")
    for q in data["questions"]:
        question(page, q["id"]).locator(".cq-check").click()
    exam_mode(page)
    page.locator(".cq-submit").click()
    done = page.evaluate("window.__done")
    assert done == [{"quiz": "basics", "score": 4, "max": 5, "percent": 80, "passed": True, "passMark": 60, "answered": 5, "total": 5}] * 2


def test_learn_more_opens_the_guide_section_in_the_same_language(page: Page, fixture_url: str):
    data = open_quiz(page, fixture_url, "de")
    q = data["questions"][0]
    answer(page, q)
    question(page, q["id"]).locator(".cq-check").click()
    question(page, q["id"]).locator("a.cq-learn-link").click()
    expect(page).to_have_url(re.compile(r"/de/guides/dial/#before-and-after$"))
    expect(page.locator("#before-and-after")).to_be_visible()


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


def test_progress_survives_reload_and_language_switch_and_puts_the_readers_role_first(page: Page, fixture_url: str):
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
    ui = json.loads(page.locator("script.cq-progress-data").text_content())["ui"]
    expect(page.locator(".cq-my-role a").first).to_have_text(ui["progress_no_role"])  # no role chosen yet
    page.goto(f"{fixture_url}/de/roles/agent/")  # opening a role manual chooses the role
    page.locator('details:has(li[data-task="cutover-1"])').evaluate("d => { d.open = true; }")  # its phase's tasks
    page.locator('li[data-task="cutover-1"] input').check()
    page.goto(f"{fixture_url}/de/quizzes/progress/")
    expect(page.locator(".cq-my-role h2")).to_have_text("Ihre Rolle: Agent")
    expect(page.locator(".cq-my-role")).to_contain_text("Checkliste: 1 von 1 Aufgabe erledigt")
    status = page.locator(".cq-progress li").first.locator(".cq-progress-status")
    expect(status).to_contain_text("Bestes Ergebnis: 80 %")
    expect(status).to_contain_text("Letztes Ergebnis: 80 %")
    expect(status).to_contain_text("1 Versuch")  # singular, not "1 Versuche"
    expect(status).to_contain_text("✓")
    page.locator(".cq-progress-reset").click()
    expect(status).to_contain_text("Noch nicht")


def test_corrupted_or_old_progress_does_not_break_the_page(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/quizzes/basics/")
    for stored in ("{not json", '{"v": 0, "quizzes": []}', '{"v":1,"quizzes":{"basics":{"answers":{"dial-how":["x"],"order":7},"best":"a"}}}',
                   '{"v":1,"quizzes":{"__proto__":{"answers":1},"basics":{"answers":{"match":{"__proto__":"x","a":"b"}},"attempts":-3}}}'):
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


def test_learner_page_shows_only_the_learners_controls(page: Page, fixture_url: str):
    open_quiz(page, fixture_url, "es")
    expect(page.locator(".cq-present, .cq-print")).to_have_count(0)
    expect(page.locator("a[href*='keys/']").filter(has_text="Soluciones")).to_have_count(0)  # not linked from the quiz


def test_result_downloads(page: Page, fixture_url: str):
    open_quiz(page, fixture_url)
    exam_mode(page)
    solve(page)
    page.locator(".cq-submit").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download result (CSV)").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.splitlines()[0] == "question,answered,score" and "total,,100" in text


def test_without_javascript_answers_and_hints_stay_in_details(browser, fixture_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{fixture_url}/de/quizzes/basics/")
    expect(page.locator(".cq-static")).to_be_visible()
    expect(page.locator(".cq-static details.success")).to_have_count(5)
    expect(page.locator(".cq-static details.tip")).to_have_count(1)  # the one hint
    expect(page.locator(".cq-static details").first).not_to_have_attribute("open", "")
    expect(page.locator(".cq-static .cq-sheet--single .cq-box")).to_have_count(4)  # ○ per option, A/B
    expect(page.locator(".cq-toolbar")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("path", ["sv/quizzes/end-user/", "de/quizzes/keys/end-user/", "es/quizzes/results/", "quizzes/progress/"])
def test_quiz_pages_fit_a_phone(page: Page, site_url: str, path: str):
    """390 px wide, every question answered and checked: nothing runs off the side (long matching choices)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/{path}")
    if page.locator("script.cq-data").count() and page.locator(".cq-mount").count():
        expect(page.locator(".cq-toolbar")).to_be_visible()
        for q in json.loads(page.locator("script.cq-data").text_content())["questions"]:
            answer(page, q, wrong=True)
            question(page, q["id"]).locator(".cq-check").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
