"""The trainer's side of the quizzes in Chromium: the answer key, the presenter on a projector, handouts and keys
on paper, class results from short result codes."""

import re

import pytest
from playwright.sync_api import Page, expect

from quizkit import LANGUAGES, open_key, open_quiz, solve

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
#: What must be on screen for the class: the question, every tile (or the matching table), Reveal and Next.
FITS = """() => {
  const dialog = document.querySelector('.cq-presenter');
  const parts = [...dialog.querySelectorAll('.cq-present-prompt, .cq-tile, .cq-present-match, .cq-present-explanation, .cq-summary, .cq-reveal, .cq-next')];
  const outside = parts.filter((e) => { const r = e.getBoundingClientRect(); return r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth; });
  const stage = dialog.querySelector('.cq-stage');
  return {parts: parts.length, outside: outside.map((e) => e.className), scrolls: stage.scrollHeight > stage.clientHeight + 1,
          reveal: Boolean(dialog.querySelector('.cq-reveal')), tiles: dialog.querySelectorAll('.cq-tile, .cq-present-match').length};
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_presenter_fits_a_projector_for_every_question_of_every_default_quiz(page: Page, site_url: str, lang: str):
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{site_url}/{LANGUAGES[lang]}quizzes/keys/")
    keys = sorted({a.get_attribute("href") for a in page.locator("article li a").all() if re.fullmatch(r"[a-z-]+/", a.get_attribute("href") or "")})
    assert len(keys) == 9
    problems = []
    for key in keys:
        data = open_key(page, site_url, lang, key.rstrip("/"))
        page.locator(".cq-present").click()
        for number, q in enumerate(data["questions"], 1):
            for state in ("question", "revealed"):
                if state == "revealed":
                    page.keyboard.press("Space")
                seen = page.evaluate(FITS)
                tiles = len(q["options"]) if q.get("options") else len(q["items"]) + 2 if q.get("items") else 3
                if seen["outside"] or seen["scrolls"] or not seen["reveal"] or seen["tiles"] != tiles:
                    problems.append((key, number, state, seen))
            page.keyboard.press("ArrowRight")
        summary = page.evaluate(FITS)  # the summary screen fits too
        if summary["outside"] or summary["scrolls"]:
            problems.append((key, "summary", summary))
        page.keyboard.press("Escape")
    assert problems == []


def test_presenter_by_keyboard_with_hands_bars_and_a_summary(page: Page, fixture_url: str):
    data = open_key(page, fixture_url, "es")
    ui = data["ui"]
    page.set_viewport_size(PROJECTOR)
    page.locator(".cq-present").click()
    dialog = page.locator(".cq-presenter")
    expect(dialog).to_be_focused()
    expect(dialog.locator(".cq-present-count")).to_have_text("Pregunta 1 de 5")
    expect(dialog.locator(".cq-keys")).to_have_text(ui["keys_help"])  # the keys, on screen
    expect(dialog.locator(".cq-tile-mark")).to_have_text(["A", "B"])
    expect(dialog.locator(".cq-count").nth(0)).to_have_text("")  # no "0 manos" before anyone votes
    for key in ("1", "1", "2"):
        page.keyboard.press(key)
    expect(dialog.locator(".cq-count").nth(0)).to_have_text("2 manos")
    expect(dialog.locator(".cq-count").nth(1)).to_have_text("1 mano")  # the singular
    page.keyboard.press("Shift+Digit1")
    expect(dialog.locator(".cq-count").nth(0)).to_have_text("1 mano")
    expect(dialog.locator(".cq-tile--right, .cq-bar")).to_have_count(0)
    page.keyboard.press("Space")
    right = dialog.locator(".cq-tile--right")
    expect(right).to_have_count(1)
    expect(right.locator('[role="img"]')).to_have_attribute("aria-label", ui["right_answer"])  # an icon, not only colour
    assert right.evaluate("e => getComputedStyle(e).borderColor") != dialog.locator(".cq-tile--other").evaluate("e => getComputedStyle(e).borderColor")
    expect(dialog.locator(".cq-bar")).to_have_count(2)
    expect(dialog.locator(".cq-count").nth(0)).to_have_text("1 mano · 50 %")
    expect(dialog.locator(".cq-present-explanation")).to_be_visible()
    page.keyboard.press("ArrowRight")  # to the matching question: a two-column table
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".cq-tiles--order .cq-tile-mark")).to_have_count(3)  # ordering: lettered tiles
    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".cq-present-match tr")).to_have_count(3)  # two pairs, three choices
    page.keyboard.press("Space")
    expect(dialog.locator(".cq-present-match tr")).to_have_count(2)  # each item beside its answer
    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".cq-present-count")).to_have_text("Resumen")
    expect(dialog.locator(".cq-summary tbody tr")).to_have_count(5)
    first = dialog.locator(".cq-summary tbody tr").first
    expect(first).to_contain_text("A: 1")
    expect(first).to_contain_text("B: 1")
    assert ".;" not in dialog.inner_text()
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator(".cq-present-count")).to_have_text("Pregunta 5 de 5")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(page.locator(".cq-present")).to_be_focused()


def test_presenter_goes_full_screen_with_its_button_and_the_f_key(page: Page, fixture_url: str):
    open_key(page, fixture_url)
    page.locator(".cq-present").click()
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    assert page.evaluate("document.fullscreenElement.classList.contains('cq-presenter')")
    expect(page.locator(".cq-fullscreen")).to_have_attribute("aria-pressed", "true")
    page.locator(".cq-fullscreen").click()
    page.wait_for_function("document.fullscreenElement === null")
    expect(page.locator(".cq-fullscreen")).to_have_attribute("aria-pressed", "false")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_handout_has_an_answer_box_per_option_and_a_name_line(page: Page, fixture_url: str, lang: str):
    page.add_init_script("window.print = () => { window.__printed = document.documentElement.dataset.cqPrint; }")
    data = open_key(page, fixture_url, lang)
    title = page.locator("article h1").text_content()
    page.locator('.cq-print[data-print="handout"]').click()
    assert page.evaluate("window.__printed") == "handout"
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_have_text(data["title"])  # the quiz's name, not "Answer key: …"
    expect(page.locator(".cq-sheet-name")).to_be_visible()
    for hidden in (".cq-key-intro", ".cq-trainer-tools", ".cq-key-answer", ".cq-note"):
        assert page.locator(hidden).count() > 0, hidden
        for node in page.locator(hidden).all():
            expect(node).to_be_hidden()
    for q in data["questions"]:
        section = page.locator(f".cq-sheet-question:has(#q-{q['id']})")
        wanted = len(q["options"]) if q.get("options") else len(q["items"]) if q.get("items") else len(q["pairs"])
        boxes = section.locator(".cq-box")
        expect(boxes).to_have_count(wanted)
        for box in boxes.all():
            expect(box).to_be_visible()
            expect(box.locator(".cq-fill")).to_be_hidden()  # empty, to fill in
        assert section.evaluate("e => getComputedStyle(e).breakInside") == "avoid"  # never split across pages
    single = page.locator(".cq-sheet--single .cq-box").first
    multiple = page.locator(".cq-sheet--multiple .cq-box").first
    assert single.evaluate("e => getComputedStyle(e).borderRadius") == "50%"  # ○ for one answer
    assert multiple.evaluate("e => getComputedStyle(e).borderRadius") != "50%"  # □ for several
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    expect(page.locator("article h1")).to_have_text(title)


def test_printed_key_marks_the_answers_and_explains_them(page: Page, fixture_url: str):
    page.add_init_script("window.print = () => {}")
    data = open_key(page, fixture_url, "sv")
    page.locator('.cq-print[data-print="key"]').click()
    page.emulate_media(media="print")
    expect(page.locator(".cq-sheet-name")).to_be_hidden()
    expect(page.locator(".cq-key-answer")).to_have_count(5)
    expect(page.locator(".cq-key-answer").first).to_contain_text("Förklaring")
    expect(page.locator(".cq-right .cq-fill")).to_have_text(["✓", "✓", "✓", "✓"])
    order = data["questions"][3]
    positions = [str([i["id"] for i in order["items"]].index(item) + 1) for item in order["start"]]
    expect(page.locator(".cq-sheet--order .cq-fill")).to_have_text(positions)  # each box holds the item's place
    expect(page.locator(".cq-note").first).to_have_text(data["questions"][0]["options"][0]["feedback"])
    expect(page.locator("details")).to_have_count(0)  # no "Show the answer" heading on the key


def test_answer_keys_and_class_results_sit_under_for_trainers(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/de/quizzes/keys/")
    expect(page.locator("article h1")).to_have_text("Für die Schulungsleitung")
    page.locator("article a", has_text="Lösungsblatt: Grundlagen").click()
    expect(page).to_have_url(re.compile(r"/de/quizzes/keys/basics/$"))
    nav = page.locator(".md-nav__item--active").filter(has_text="Für die Schulungsleitung").last
    expect(nav).to_contain_text("Ergebnisse der Gruppe")
    expect(page.locator(".cq-static--key")).to_be_visible()  # the key is on screen, answers shown


def test_class_results_explain_every_bad_line_and_still_tally_the_good_ones(page: Page, fixture_url: str):
    codes = []
    for wrong in (None, "mute", "order"):
        open_quiz(page, fixture_url)
        page.locator('.cq-mode input[value="exam"]').check()
        solve(page, wrong=wrong)
        page.locator(".cq-submit").click()
        codes.append(page.locator(".cq-code").text_content())
        page.evaluate("localStorage.clear()")
    page.goto(f"{fixture_url}/quizzes/results/")
    data_ui = page.evaluate("JSON.parse(document.querySelector('script.cq-results-data').textContent).ui")
    expect(page.get_by_text("This page needs JavaScript.")).to_be_hidden()
    typo = codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1")
    page.locator("#cq-codes").fill("\n".join([f"Learner 1: {codes[0]}", f"{codes[1]}\tLearner 2", codes[2].lower().replace("0", "o"),
                                              "basics.5.F8.100..ZZZZ", typo, "Z91234", "hello", "__proto__ constructor"]))
    page.locator(".cq-tally-button").click()
    table = page.locator('table[data-quiz="basics"]')
    expect(table.locator('tr[data-question="dial-how"] .cq-tally-cell')).to_contain_text("3 / 3 (100 %)")
    expect(table.locator('tr[data-question="mute"] .cq-tally-cell')).to_contain_text("2 / 3 (67 %)")
    expect(page.locator(".cq-learners tbody tr")).to_have_text([re.compile("Learner 1.*100 %"), re.compile("Learner 2.*80 %"),
                                                                  re.compile(f"{data_ui['anonymous']}.*80 %")])
    invalid = page.locator(".cq-invalid")
    expect(invalid).to_have_count(5)
    expect(invalid.nth(0)).to_contain_text("Line 4: this is a long code from an older version")
    expect(invalid.nth(1)).to_contain_text(f"Line 5: “{typo}” has a typing error")
    expect(invalid.nth(2)).to_contain_text("Line 6: “Z91234” belongs to a quiz this site does not have")
    expect(invalid.nth(3)).to_have_text(re.compile(r"Line 7: no result code found"))
    expect(invalid.nth(4)).to_have_text(re.compile(r"Line 8: no result code found"))


def test_weak_questions_are_highlighted(page: Page, fixture_url: str):
    codes = []
    for _ in range(2):
        open_quiz(page, fixture_url)
        page.locator('.cq-mode input[value="exam"]').check()
        solve(page, wrong="order")
        page.locator(".cq-submit").click()
        codes.append(page.locator(".cq-code").text_content())
        page.evaluate("localStorage.clear()")
    page.goto(f"{fixture_url}/sv/quizzes/results/")
    page.locator("#cq-codes").fill("\n".join(codes))
    page.locator(".cq-tally-button").click()
    weak = page.locator("tr.cq-weak")
    expect(weak).to_have_count(1)
    expect(weak).to_have_attribute("data-question", "order")
    expect(page.locator(".cq-weak-note")).to_contain_text("Färre än 60 %")


def test_the_trainers_guide_quiz_walk_through_works_as_written(page: Page, site_url: str):
    """docs/en/trainer-guide.md, "The quiz as a group activity", followed step by step on the shipped site."""
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{site_url}/trainer-guide/")
    page.locator("article a", has_text="For trainers").first.click()  # 1. Open For trainers,
    page.locator("article a", has_text="Answer key: Everyday calling").click()  # choose the role's answer key
    page.get_by_role("button", name="Present in class").click()  # and press Present in class.
    page.keyboard.press("F")  # F for full screen
    page.wait_for_function("document.fullscreenElement !== null")
    dialog = page.locator(".cq-presenter")
    assert page.evaluate(FITS)["outside"] == []
    page.keyboard.press("1")  # 4. count the hands: 1 for A,
    dialog.locator(".cq-tally button", has_text="+").nth(1).click()  # or the answer's + button
    page.keyboard.press("Shift+Digit1")  # Shift and the number take one away
    expect(dialog.locator(".cq-count")).to_have_text(["", "1 hand", "", ""])
    page.keyboard.press("Space")  # 5. Space: the right answer green with a tick, hands as bars, the explanation
    expect(dialog.locator(".cq-tile--right .cq-icon--right")).to_have_count(1)
    expect(dialog.locator(".cq-bar")).to_have_count(4)
    expect(dialog.locator(".cq-count").nth(1)).to_have_text("1 hand · 100 %")  # Space revealed; it counted no hand
    expect(dialog.locator(".cq-present-explanation")).to_be_visible()
    while dialog.locator(".cq-summary").count() == 0:  # → for the next question; after the last one, a summary
        page.keyboard.press("ArrowRight")
    expect(dialog.locator(".cq-summary tbody tr")).to_have_count(10)
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Print handout")).to_be_visible()  # paper: Print handout, Print answer key
    expect(page.get_by_role("button", name="Print answer key")).to_be_visible()
    page.goto(f"{site_url}/trainer-guide/")
    page.locator("article a", has_text="Class results").click()
    expect(page.locator("#cq-codes")).to_be_visible()


def test_class_results_stay_readable_with_many_bad_lines(page: Page, fixture_url: str):
    open_quiz(page, fixture_url)
    page.locator('.cq-mode input[value="exam"]').check()
    solve(page)
    page.locator(".cq-submit").click()
    code = page.locator(".cq-code").text_content()
    page.goto(f"{fixture_url}/quizzes/results/")
    page.locator("#cq-codes").fill("\n".join(["nonsense"] * 25 + [code] + ["x"] * 2100))
    page.locator(".cq-tally-button").click()
    expect(page.locator('table[data-quiz="basics"] tr[data-question="dial-how"] .cq-tally-cell')).to_contain_text("1 / 1")
    invalid = page.locator(".cq-invalid")
    expect(invalid).to_have_count(22)  # twenty lines named, then how many more, then where reading stopped
    expect(invalid.nth(20)).to_have_text("Further lines that are not valid result codes: 1979")
    expect(invalid.nth(21)).to_have_text("Only the first 2000 lines were read. Tally the rest separately.")
    table, first_note = page.locator(".cq-class-table").first.bounding_box(), invalid.first.bounding_box()
    assert table["y"] < first_note["y"]  # the tally comes first
