"""Each page renderer, on the fixture project."""

from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.render import page_markdown, render_pages
from generator.render.common import scrambled
from generator.render.guide import render_guide
from generator.render.home import render_home
from generator.render.localize import Localizer
from generator.render.quiz import render_quiz
from generator.render.reference import render_faq, render_glossary, render_timeline
from generator.render.role import render_role

from support import FIXTURE, edit


@pytest.fixture(scope="module")
def proj():
    return load_project(FIXTURE).project


def md(page) -> str:
    return "\n".join(page.body)


def test_every_page_exists_in_every_language(proj):
    paths = {"index.md", "roles/index.md", "roles/agent.md", "roles/manager.md", "guides/index.md", "guides/dial.md",
             "guides/hold.md", "timeline.md", "faq.md", "glossary.md", "quizzes/index.md", "quizzes/basics.md", "quizzes/progress.md", "quizzes/results.md",
             "cards/index.md", "cards/agent.md", "cards/manager.md",
             "scenarios/index.md", "scenarios/customer-waits-on-hold.md", "scenarios/first-call-on-cutover-day.md"}
    for lang in proj.site.languages:
        assert {p.path for p in render_pages(proj, lang)} == paths


def test_guide_has_a_tab_per_platform_and_stable_anchors(proj):
    loc = Localizer(proj, "de")
    text = md(render_guide(proj, proj.features["dial"], loc))
    tabs = [f'=== "{loc.ui("platform." + p)}"' for p in ("desktop", "mobile", "desk_phone")]
    assert all(tab in text for tab in tabs) and tabs[0] != '=== "Desktop app"'
    desk_tab = text.split(tabs[2])[1]
    assert "Klicken Sie" not in desk_tab and "1. Sprechen Sie." in desk_tab  # the common step only
    assert "## Schritte {#steps}" in text and "{#before-and-after}" in text
    assert "Sie haben bei OldTel die 9 gewählt." in text
    assert "[Anruf halten](hold.md)" in text  # related guide, by stable path


def test_guide_without_platform_steps_has_no_tabs(proj):
    text = md(render_guide(proj, proj.features["hold"], Localizer(proj, "en")))
    assert "===" not in text and "1. Press **Hold**." in text
    assert "Before you start" in text and "[Make a call](dial.md)" in text
    assert '??? question "Silence instead of music."' in text
    assert '??? question "Does my number change?"' in text  # its FAQ
    assert "March\u00a010, 2027"  # a non-breaking space keeps day and month together in text


def test_role_manual_sections_in_order(proj):
    text = md(render_role(proj, proj.roles["agent"], Localizer(proj, "sv")))
    order = ["{#changes}", "{#checklist}", "{#phase-cutover}", "{#features}", "{#feature-dial}", "{#feature-hold}", "{#faq}", "{#quiz}"]
    positions = [text.index(anchor) for anchor in order]
    assert positions == sorted(positions)
    assert '<li data-role="agent" data-task="cutover-1" markdown="span">☐ Ring ett testsamtal.</li>' in text
    assert "Behåller agenterna sin kö?" in text  # an FAQ for this role
    assert "[Grunderna](../quizzes/basics.md)" in text


def test_role_manual_only_shows_its_faqs(proj):
    text = md(render_role(proj, proj.roles["manager"], Localizer(proj, "en")))
    assert "Does my number change?" in text and "Do agents keep their queue?" not in text


def test_home_lists_roles_and_phases(proj):
    text = md(render_home(proj, Localizer(proj, "es")))
    assert "[Agente](roles/agent.md)" in text and "[Responsable](roles/manager.md)" in text
    assert "(timeline.md#phase-parallel)" in text and "Funcionamiento en paralelo" in text


def test_faq_groups_with_roles(proj):
    text = md(render_faq(proj, Localizer(proj, "en")))
    assert "## General {#group-general}" in text and "### Does my number change? {#number}" in text
    assert "*Concerns:* everyone" in text and "[Agent](roles/agent.md)" in text


def test_timeline_lists_what_each_role_does(proj):
    text = md(render_timeline(proj, Localizer(proj, "de")))
    cutover = text.split("{#phase-cutover}")[1]
    assert "10.\u00a0März\u00a02027" in cutover and "- Einen Testanruf tätigen." in cutover


def test_glossary_is_sorted_in_the_reader_language(proj):
    text = md(render_glossary(proj, Localizer(proj, "sv")))
    assert text.index("## PBX") < text.index("## Parkering") or text.index("## Parkering") < text.index("## PBX")
    en = md(render_glossary(proj, Localizer(proj, "en")))
    assert en.index("## hold") < en.index("## PBX")


def test_tooltips_skip_terms_marked_off(proj):
    page = next(p for p in render_pages(proj, "en") if p.path == "faq.md")
    text = page_markdown(proj, page, "en")
    assert "*[PBX]: Private branch exchange." in text and "*[hold]" not in text


def test_quiz_answers_are_collapsed_and_complete(proj):
    text = md(render_quiz(proj, proj.quizzes["basics"], Localizer(proj, "en")))
    assert text.count('??? success "Show the answer"') == 5
    assert "**Dial directly**: correct. Yes." in text
    assert "**Correct answer:** False" in text
    assert "- Left A → Right A" in text
    assert "[Make a call](../guides/dial.md#before-and-after)" in text
    question = text.split("{#q-order}")[1].split("???")[0]
    assert question.index("Second") < question.index("First") or question.index("Third") < question.index("First") \
        or question.index("Third") < question.index("Second")  # not shown in the correct order


def test_scrambled_never_returns_the_correct_order():
    for n in range(2, 8):
        items = [(str(i), None) for i in range(n)]
        for seed in ("a", "b", "c", "d"):
            assert scrambled(seed, items) != items


def test_untranslated_page_carries_a_notice(project: Path):
    edit(project / "catalog/features/hold.de.yaml", "summary: Einen Anruf pausieren.\n", "")
    proj = load_project(project).project
    pages = {p.path: p for p in render_pages(proj, "de")}
    text = page_markdown(proj, pages["guides/hold.md"], "de")
    assert "Teile dieser Seite sind noch nicht übersetzt und werden auf Englisch angezeigt." in text
    assert "Pause a call." in text
    assert "übersetzt" not in page_markdown(proj, pages["roles/manager.md"], "de")


def test_hostile_text_stays_inert(project: Path):
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", 'title: "<script>alert(1)</script> {: onclick=x}"')
    proj = load_project(project).project
    page = next(p for p in render_pages(proj, "en") if p.path == "guides/hold.md")
    text = page_markdown(proj, page, "en")
    assert "<script>" not in text and "{:" not in text and "&lt;script>" in text
