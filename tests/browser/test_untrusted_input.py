"""Every reader of stored or pasted data treats it as untrusted: forged result codes, prototype keys, huge input and
corrupted localStorage give a clear message, never a script error, and never stop valid codes being tallied."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from quizkit import open_quiz, solve

pytestmark = pytest.mark.browser


@pytest.fixture
def errors(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def test_forged_and_huge_lines_are_named_and_valid_codes_still_tallied(page: Page, fixture_url: str, errors: list[str]):
    open_quiz(page, fixture_url)
    page.locator('.cq-mode input[value="exam"]').check()
    solve(page)
    page.locator(".cq-submit").click()
    code = page.locator(".cq-code").text_content()
    page.evaluate("localStorage.clear()")
    page.goto(f"{fixture_url}/quizzes/results/")
    forged = ["__proto__ constructor hasOwnProperty toString", "x" * 50_000 + " " + code[:-1], "\u0000\u202e", "{}",
              code[:2] + "Z" * 8, f"<img src=x onerror=alert(1)> {code[:-1]}"]
    page.locator("#cq-codes").fill("\n".join([f"Ana {code}"] + forged + [f"{code.lower()} Bo"] + ["not a code"] * 2500))
    page.locator(".cq-tally-button").click()
    table = page.locator('table[data-quiz="basics"]')
    expect(table.locator('tr[data-question="dial-how"] .cq-tally-cell')).to_contain_text("2 / 2", timeout=20_000)  # a large paste
    expect(page.locator(".cq-learners tbody tr")).to_have_count(2)
    messages = page.locator(".cq-invalid").all_text_contents()
    assert len(messages) == 22 and all(m.lstrip("⚠ ").startswith("Line ") for m in messages[:20])  # twenty named, then the counts
    assert messages[-1] == "Only the first 2000 lines were read. Tally the rest separately."
    assert page.locator(".cq-invalid img, .cq-learners img").count() == 0  # pasted markup stays text
    assert page.locator("table.cq-class-table").count() == 2 and errors == []


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
    page.locator("details:has(li[data-task])").first.evaluate("d => { d.open = true; }")  # a phase's tasks, opened
    box = page.locator("li[data-task] input[type=checkbox]").first
    expect(box).to_be_visible()
    box.check()
    page.reload()
    expect(page.locator("li[data-task] input[type=checkbox]").first).to_be_checked()
    assert errors == []
