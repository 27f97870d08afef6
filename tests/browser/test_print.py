"""Printing from the browser: the Print button, the quick-reference card, and what print media shows and hides."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
BUTTONS = {"": "Print", "de/": "Drucken", "es/": "Imprimir", "sv/": "Skriv ut"}
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


@pytest.mark.parametrize("prefix", BUTTONS)
def test_print_button_on_manual_and_card_prints(page: Page, fixture_url: str, prefix: str):
    page.add_init_script(COUNT_PRINTS)
    page.goto(f"{fixture_url}/{prefix}roles/agent/")
    button = page.locator(".cutover-print-button")
    expect(button).to_have_count(1)
    expect(button).to_have_text(BUTTONS[prefix])
    button.click()
    assert page.evaluate("window.__prints") == 1
    page.locator(".cutover-print-bar a").click()  # the manual links its card
    expect(page).to_have_url(f"{fixture_url}/{prefix}cards/agent/")
    expect(page.locator(".cutover-print-button")).to_have_text(BUTTONS[prefix])
    page.locator(".cutover-print-button").click()
    assert page.evaluate("window.__prints") == 1  # a new page, counted afresh
    page.locator(".cutover-print-bar a").click()  # and the card its manual
    expect(page).to_have_url(f"{fixture_url}/{prefix}roles/agent/")


def test_card_lists_tasks_and_codes_and_passes_axe(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/de/cards/agent/")
    expect(page.locator("h1")).to_have_text("Kurzanleitung: Agent")
    rows = page.locator(".cutover-card tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Anruf tätigen")
    expect(rows.nth(0)).to_contain_text("Desktop-App: Klicken Sie auf Anrufen.")
    expect(page.locator(".cutover-card dt")).to_have_text(["Portierungsnacht"])
    expect(page.locator(".cutover-card dd")).to_have_text(["10. März 2027"])
    violations = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == []


def test_print_media_hides_chrome_and_shows_every_tab_and_link_target(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/roles/agent/")
    page.evaluate("""() => {
        const p = document.createElement('p');
        p.innerHTML = '<a id="ext" href="https://example.org/help">help</a> <a id="int" href="../manager/">manager</a>';
        document.querySelector('.md-content__inner').append(p);
    }""")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser's print command sends: every card opens
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-content__button", ".cutover-print-bar"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.get_by_text("Open the full guide").first).to_be_hidden()
    blocks = page.locator("#feature-dial .tabbed-set").first.locator(".tabbed-block")
    expect(blocks).to_have_count(3)
    for i in range(3):
        expect(blocks.nth(i)).to_be_visible()
    labels = page.locator("#feature-dial .tabbed-set").first.locator(".tabbed-labels > label")
    expect(labels).to_have_text(["Desktop app", "Mobile app", "Desk phone"])
    for i in range(3):  # each platform's label is printed right above its own steps
        label, block = labels.nth(i).bounding_box(), blocks.nth(i).bounding_box()
        assert label["y"] < block["y"] and (i == 0 or blocks.nth(i - 1).bounding_box()["y"] < label["y"])
    after = "(id) => getComputedStyle(document.getElementById(id), '::after').content"
    assert page.evaluate(after, "ext") == '" (https://example.org/help)"'
    assert page.evaluate(after, "int") in ("none", "normal")
    page.emulate_media(media="screen")
    expect(page.locator(".md-header")).to_be_visible()
    expect(blocks.nth(1)).to_be_hidden()  # on screen only the chosen tab shows


def test_printing_opens_collapsed_answers_but_never_shows_the_quizs(page: Page, fixture_url: str):
    page.goto(f"{fixture_url}/de/roles/agent/")
    answer = page.get_by_text("Nein, sie wechselt am 10. März 2027.")  # a FAQ answer, collapsed on screen
    expect(answer).to_be_hidden()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(answer).to_be_visible()
    page.goto(f"{fixture_url}/quizzes/basics/")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.get_by_text("No prefix.")).to_be_hidden()  # the explanation stays off a plain print
    expect(page.locator(".cq-static").get_by_text("How do you dial out?")).to_be_visible()


def test_printed_answer_key_keeps_each_option_on_its_letters_line(page: Page, site_url: str):
    """Options with a glossary term or bold words print as one run of text beside their letter or box, never split
    into pieces or pushed under it (the default kit's end-user key: a matching question with two glossary terms)."""
    page.goto(f"{site_url}/quizzes/keys/end-user/")
    page.emulate_media(media="print")
    rows = page.evaluate("""() => [...document.querySelectorAll('.cq-static .cq-sheet > li')].map((li) => {
        const text = li.querySelector('.cq-text');
        const first = li.querySelector('.cq-letter, .cq-box') || li;
        return {text: li.textContent.trim().slice(0, 40), whole: !!text && [...li.childNodes].every((n) =>
                    n === text || n.nodeType !== 3 || !n.textContent.trim()),
                level: !!text && Math.abs(text.getBoundingClientRect().top - first.getBoundingClientRect().top) < 6};
    })""")
    assert len(rows) > 30 and any("consult transfer" in r["text"] or "Speak to your" in r["text"] for r in rows)
    assert [r["text"] for r in rows if not (r["whole"] and r["level"])] == []
