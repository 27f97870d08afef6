"""Hostile text in quiz definitions stays text: nothing runs, and the reader sees it literally."""

import shutil

import pytest
from conftest import build_site, serve
from playwright.sync_api import Page, expect

from quizkit import answer, question, quiz_data
from support import FIXTURE, edit

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'
ATTR = '" onmouseover="window.__pwned = 3'
TEMPLATE = "{{ 7*7 }} {% if x %}"
CLOSE = "</script><script>window.__pwned = 5</script>"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile") / "proj"
    shutil.copytree(FIXTURE, project)
    quiz = project / "quizzes/basics.yaml"
    edit(quiz, "prompt: How do you dial out?", f"prompt: '{SCRIPT} {IMG}'")
    edit(quiz, "text: Dial directly", f"text: '{ATTR}'")
    edit(quiz, "feedback: Not any more.", "feedback: '[click me](javascript:window.__pwned=4) {: onclick=\"window.__pwned=6\"}'")
    edit(quiz, "text: First", f"text: '{TEMPLATE}'")
    edit(quiz, "left: Left A", f"left: '{CLOSE}'")
    edit(quiz, "explanation: No prefix.", "explanation: '<b onclick=\"window.__pwned=7\">bold</b>'")
    edit(quiz, "title: Basics", f"title: '{SCRIPT}'")
    server, url = serve(build_site(project, tmp_path_factory.mktemp("hostile-site") / "site"))
    yield url
    server.shutdown()


def test_hostile_quiz_text_is_inert_and_literal(page: Page, hostile_url: str):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{hostile_url}/quizzes/basics/")
    expect(page.locator("article h1")).to_contain_text(SCRIPT)
    data = quiz_data(page)
    first = question(page, data["questions"][0]["id"])
    expect(first.locator(".cq-prompt")).to_contain_text(SCRIPT)
    expect(first.locator(".cq-prompt")).to_contain_text("onerror")
    expect(first.locator("img")).to_have_count(0)
    expect(first.locator("label").first).to_contain_text('" onmouseover=')
    first.locator("label").first.hover()
    for q in data["questions"]:
        answer(page, q, wrong=True)
        question(page, q["id"]).locator(".cq-check").click()
    link = first.locator(".cq-option-feedback a", has_text="click me")
    if link.count():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript")
        link.click()
    first.locator(".cq-explanation").click()
    expect(page.locator(".cq-order").first).to_contain_text(TEMPLATE)
    expect(page.locator(".cq-match label").first).to_contain_text(CLOSE)
    page.goto(f"{hostile_url}/quizzes/keys/basics/")  # the answer key and the presenter show the same text
    expect(page.locator(".cq-static--key")).to_contain_text(SCRIPT)
    page.locator(".cq-present").click()
    for _ in data["questions"]:
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
    expect(page.locator(".cq-summary")).to_contain_text(SCRIPT)
    page.keyboard.press("Escape")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
