"""Drive a quiz page the way a learner does: from its answer key, or with one deliberate mistake."""

from __future__ import annotations

import json

from playwright.sync_api import Locator, Page, expect

LANGUAGES = {"en": "", "de": "de/", "es": "es/", "sv": "sv/"}


def quiz_data(page: Page) -> dict:
    return json.loads(page.locator("script.cq-data").text_content())


def open_quiz(page: Page, base: str, lang: str = "en", name: str = "basics") -> dict:
    """A learner's quiz page, once the runtime has mounted it; returns its data."""
    page.goto(f"{base}/{LANGUAGES[lang]}quizzes/{name}/")
    expect(page.locator(".cq-toolbar")).to_be_visible()
    return quiz_data(page)


def open_key(page: Page, base: str, lang: str = "en", name: str = "basics") -> dict:
    """A quiz's answer-key page (the trainer's), once its tools have mounted; returns the quiz's data."""
    page.goto(f"{base}/{LANGUAGES[lang]}quizzes/keys/{name}/")
    expect(page.locator(".cq-trainer-tools")).to_be_visible()
    return quiz_data(page)


def question(page: Page, qid: str) -> Locator:
    return page.locator(f'fieldset.cq-question[data-question="{qid}"]')


def answer(page: Page, q: dict, wrong: bool = False) -> None:
    """Answer one question correctly, or (wrong=True) with a wrong answer."""
    box = question(page, q["id"])
    kind = q["type"]
    if kind in ("single", "true_false"):
        option = next(o for o in q["options"] if o["correct"] != wrong)
        box.locator(f'input[value="{option["id"]}"]').check()
    elif kind == "multiple":
        for o in q["options"]:
            box.locator(f'input[value="{o["id"]}"]').set_checked(o["correct"] != wrong)
    elif kind == "ordering":
        target = [item["id"] for item in q["items"]]
        if wrong:
            target = target[1:] + target[:1]
        for position, item_id in enumerate(target):
            current = [li.get_attribute("data-item") for li in box.locator("li[data-item]").all()]
            for _ in range(current.index(item_id) - position):
                box.locator(f'li[data-item="{item_id}"] .cq-up').click()
    else:
        choices = [c["id"] for c in q["choices"]]
        for pair in q["pairs"]:
            right = pair["right"]
            value = next(c for c in choices if c != right) if wrong else right
            box.locator(f'select[data-pair="{pair["id"]}"]').select_option(value)


def solve(page: Page, wrong: str | None = None) -> dict:
    """Answer every question from the key; the question with id ``wrong`` gets a wrong answer."""
    data = quiz_data(page)
    for q in data["questions"]:
        answer(page, q, wrong=q["id"] == wrong)
    return data
