"""Every reader of stored or pasted data treats it as untrusted: forged result codes, prototype keys, huge input and
corrupted localStorage give a clear message, never a script error, and never stop valid codes being tallied."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def checksum(text: str) -> str:
    """quiz.js's checksum, so a test can forge codes the way anyone reading the page source can."""
    total = 0
    for char in text:
        total = (total * 31 + ord(char)) % 1679616
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while total:
        total, rest = divmod(total, 36)
        out = digits[rest] + out
    return out.rjust(4, "0")


def code(body: str) -> str:
    return f"{body}.{checksum(body)}"


@pytest.fixture
def errors(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def test_forged_and_huge_codes_are_named_and_valid_ones_still_tallied(page: Page, fixture_url: str, errors: list[str]):
    valid = [code("basics.5.F8.100.Ana"), code("basics.5.B8.80.Bo")]
    forged = [
        code("__proto__.5.F8.100.x"), code("constructor.5.F8.100.x"), code("hasOwnProperty.5.F8.100.x"),
        code("toString.0..100.x"), code("basics.5.F8.999.x"), code("basics.3.E.100.x"), code("other-quiz.5.F8.100.x"),
        code("basics.5.FFFFFFFF.100.x"), "basics.5.F8.100." + "x" * 100_000 + ".AAAA", "\u0000\u202e", "{}",
    ]
    junk = ["not a code"] * 2500
    page.goto(f"{fixture_url}/quizzes/results/")
    page.locator("#cq-codes").fill("\n".join([valid[0]] + forged + [valid[1]] + junk))
    page.locator(".cq-tally-button").click()
    table = page.locator('table[data-quiz="basics"]')
    expect(table.locator('tr[data-question="dial-how"] .cq-tally-cell')).to_have_text("2 / 2 (100 %)", timeout=20_000)  # a large paste
    expect(table.locator('tr[data-question="hold-where"] .cq-tally-cell')).to_have_text("1 / 2 (50 %)")
    expect(page.locator(".cq-learners li")).to_have_text(["Ana: 100 %", "Bo: 80 %"])
    messages = page.locator(".cq-invalid").all_text_contents()
    assert messages[:11] == [
        "Line 2: not a valid result code", "Line 3: a code for the quiz 'constructor', which this site does not have",
        "Line 4: not a valid result code", "Line 5: not a valid result code", "Line 6: not a valid result code",
        "Line 7: a code from another version of the quiz 'basics' (its questions have changed)",
        "Line 8: a code for the quiz 'other-quiz', which this site does not have", "Line 9: not a valid result code",
        "Line 10: too long to be a result code", "Line 11: not a valid result code", "Line 12: not a valid result code"]
    assert len(messages) == 22  # twenty named, then how many more, then where reading stopped
    assert messages[-2] == f"Further lines that are not valid result codes: {2000 - 2 - 20}"
    assert messages[-1] == "Only the first 2000 lines were read. Tally the rest separately."
    assert page.locator("table.cq-class-table").count() == 1 and errors == []


@pytest.mark.parametrize("stored", [
    '{"v":1,"quizzes":null}', '{"v":1,"quizzes":"basics"}', "[]", "null", '"text"', "1e309",
    '{"v":1,"quizzes":{"basics":{"answers":[1,2],"best":"x","attempts":-3,"passed":"yes"}}}',
    '{"v":1,"quizzes":{"basics":{"answers":{"constructor":{"a":1},"dial-how":{"x":1},"order":{"touched":true,"order":"abc"},'
    '"match":[1]},"best":1e400}}}',
    '{"v":1,"quizzes":{"__proto__":{"answers":{}},"constructor":{"best":100}}}',
    '{"v":1,"quizzes":{"basics":{"answers":{"match":{"__proto__":"a","a":"zz"}}, "best":250, "attempts":2.5}}}',
])
def test_corrupted_progress_never_breaks_the_quiz_or_the_progress_page(page: Page, fixture_url: str, errors: list[str],
                                                                        stored: str):
    page.goto(f"{fixture_url}/quizzes/basics/")
    page.evaluate("value => localStorage.setItem('cutover-quiz', value)", stored)
    page.reload()
    expect(page.locator(".cq-toolbar")).to_be_visible()
    page.goto(f"{fixture_url}/quizzes/progress/")
    status = page.locator(".cq-progress-status").first
    expect(status).to_be_visible()
    assert "NaN" not in status.text_content() and "250" not in status.text_content() and "-3" not in status.text_content()
    assert errors == []


@pytest.mark.parametrize("stored", ['{"agent": "text"}', "[1, 2]", '{"agent": [true]}', '{"__proto__": {"x": true}}',
                                    "{broken", '{"agent": {"constructor": true}}'])
def test_corrupted_checklist_never_breaks_the_role_manual(page: Page, fixture_url: str, errors: list[str], stored: str):
    page.goto(f"{fixture_url}/roles/agent/")
    page.evaluate("value => localStorage.setItem('cutover-checklist', value)", stored)
    page.reload()
    box = page.locator("li[data-task] input[type=checkbox]").first
    expect(box).to_be_visible()
    box.check()
    page.reload()
    expect(page.locator("li[data-task] input[type=checkbox]").first).to_be_checked()
    assert errors == []
