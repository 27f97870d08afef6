"""Each page renderer, on the fixture project."""

import re
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.render import page_markdown, render_pages
from generator.render.common import scrambled
from generator.render.guide import render_guide
from generator.render.home import render_home
from generator.render.localize import Localizer
from generator.render.quiz import render_quiz
from generator.render.reference import render_faq, render_glossary
from generator.render.timeline import render_timeline
from generator.render.role import render_role
from generator.strings.marks import mark

from support import FIXTURE, edit


@pytest.fixture(scope="module")
def proj():
    return load_project(FIXTURE).project


def md(page) -> str:
    return "\n".join(page.body)


def test_every_page_exists_in_every_language(proj):
    paths = {"index.md", "roles/index.md", "roles/agent.md", "roles/manager.md", "guides/index.md", "guides/dial.md",
             "guides/hold.md", "timeline.md", "faq.md", "glossary.md", "quizzes/index.md", "quizzes/basics.md", "quizzes/progress.md", "quizzes/results.md",
             "quizzes/keys/index.md", "quizzes/keys/basics.md", "cards/index.md", "cards/agent.md", "cards/manager.md",
             "scenarios/index.md", "scenarios/customer-waits-on-hold.md", "scenarios/first-call-on-cutover-day.md",
             "project/runbook.md", "project/posters/go-live.md", "project/posters/help.md"}  # the support team's, from the content
    for lang in proj.site.languages:
        assert {p.path for p in render_pages(proj, lang)} == paths


def test_guide_has_a_tab_per_platform_and_stable_anchors(proj):
    loc = Localizer(proj, "de")
    text = md(render_guide(proj, proj.features["dial"], loc))
    tabs = [f'</svg></span> {loc.ui("platform." + p)}"' for p in ("desktop", "mobile", "desk_phone")]
    assert all(tab in text for tab in tabs) and text.count('=== "<span class="twemoji cutover-device" data-device="') == 3
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
    order = ["{#changes}", "{#checklist}", 'id="phase-cutover"', "{#features}", 'id="feature-dial"', 'id="feature-hold"', "{#faq}", "{#quiz}"]
    positions = [text.index(anchor) for anchor in order]
    assert positions == sorted(positions)
    assert '<li data-role="agent" data-task="cutover-1" markdown="span">☐ Ring ett testsamtal.</li>' in text
    assert "Behåller agenterna sin kö?" in text  # an FAQ for this role
    assert '<a class="md-button md-button--primary" href="../quizzes/basics.md">Grunderna</a>' in text  # the next step: the quiz
    assert '<details class="cutover-task" id="feature-dial" markdown="1">' in text  # each task a card that opens its steps
    assert "hide: [footer]" in page_markdown(proj, render_role(proj, proj.roles["agent"], Localizer(proj, "sv")), "sv")


def test_role_manual_only_shows_its_faqs(proj):
    text = md(render_role(proj, proj.roles["manager"], Localizer(proj, "en")))
    assert "Does my number change?" in text and "Do agents keep their queue?" not in text


def test_home_starts_people_with_their_role_and_where_we_are(proj):
    text = md(render_home(proj, Localizer(proj, "es")))
    assert "[Agente](roles/agent.md)" in text and "[Responsable](roles/manager.md)" in text
    assert 'class="cutover-phase-line"' in text and "A fecha de" in text  # honest about the build's date
    assert 'href="#roles">Elija su perfil</a>' in text and 'href="timeline.md">' in text
    assert 'data-phase-id="parallel"' in text and "Funcionamiento en paralelo" in text


def test_faq_groups_with_roles(proj):
    text = md(render_faq(proj, Localizer(proj, "en")))
    assert "## General {#group-general}" in text and "### Does my number change? {#number}" in text
    assert 'Concerns:</span> <span class="cutover-badge">everyone</span>' in text  # compact badges, left out of search
    assert '<a class="cutover-badge" href="roles/agent.md">Agent</a>' in text and "data-search-exclude" in text


def test_timeline_lists_what_each_role_does(proj):
    text = md(render_timeline(proj, Localizer(proj, "de")))
    cutover = text.split('id="phase-cutover"')[0].rsplit('<li class="cutover-step"', 1)[1] + text.split('id="phase-cutover"')[1].split("</li>\n<li", 1)[0]
    assert re.search("10.(\u00a0| )März(\u00a0| )2027", cutover) and "<li>Einen Testanruf tätigen.</li>" in cutover
    assert 'data-phase-id="cutover"' in cutover and '<details class="cutover-step__details">' in cutover


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
    assert "**Correct answer:** A" in text and "**Correct answers:** A, B" in text and "**Correct answer:** B (False)" in text
    assert "- Left A → **B** Right A" in text
    assert "[Make a call](../guides/dial.md#before-and-after)" in text
    question = text.split("{#q-order}")[1].split("???")[0]
    assert question.index("Second") < question.index("First") or question.index("Third") < question.index("First") \
        or question.index("Third") < question.index("Second")  # not shown in the correct order


def test_answer_text_never_glues_a_verdict_to_an_option(proj):
    """Option, verdict and feedback each stand alone: never "False: Right." or "…out.: correct. Yes."."""
    for lang in proj.site.languages:
        loc = Localizer(proj, lang)
        text = md(render_quiz(proj, proj.quizzes["basics"], loc))
        assert ".:" not in text
        # the feedback of an option is a paragraph of its own under the option, not on the option's line
        assert f"**A** {loc.text(proj.quizzes['basics'].questions[0].options[0].text)}\n\n        " in text
        for word in (loc.ui("runtime.correct"), loc.ui("runtime.incorrect")):
            assert f": {word}" not in text and f": {word.lower()}" not in text


def test_worksheet_has_a_lettered_box_per_option_and_blanks_for_matching_and_ordering(proj):
    loc = Localizer(proj, "de")
    quiz = proj.quizzes["basics"]
    text = md(render_quiz(proj, quiz, loc))
    assert 'cq-sheet cq-sheet--single' in text and 'cq-sheet cq-sheet--multiple' in text
    boxes = len(quiz.questions[0].options) + len(quiz.questions[1].options) + 2 + len(quiz.questions[3].items) + len(quiz.questions[4].pairs)
    assert text.count('<span class="cq-box" aria-hidden="true"></span>') == boxes
    assert '<span class="cq-letter">C</span> <span class="cq-text">Fax' in text
    assert '<p class="cq-sheet-name">Name: <span class="cq-blank"></span> Datum:' in text


def test_answer_key_page_fills_the_worksheet_in(proj):
    from generator.render.quiz import render_key
    loc = Localizer(proj, "sv")
    page = render_key(proj, proj.quizzes["basics"], loc)
    text = md(page)
    assert page.path == "quizzes/keys/basics.md" and page.title == "Facit: Grunderna"
    assert "??? success" not in text and 'class="cq-trainer"' in text and 'class="cq-mount"' not in text
    assert text.count('<span class="cq-fill">✓</span>') == 4  # A; A and B; B (False)
    assert '<span class="cq-fill">1</span></span> <span class="cq-text">Först</span></li>' in text  # the ordering box holds the position
    assert text.count('class="cq-note"') == 4  # each option's feedback beside it


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
    assert "Ein Teil dieser Seite ist noch nicht übersetzt und wird auf Englisch angezeigt" in text
    assert "- `catalog/features/hold.yaml`: `summary`" in text  # the notice names what is untranslated
    assert mark("Pause a call.", "en") in text  # the English text itself, marked as English
    assert "übersetzt" not in page_markdown(proj, pages["roles/manager.md"], "de")


def test_hostile_text_stays_inert(project: Path):
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", 'title: "<script>alert(1)</script> {: onclick=x}"')
    proj = load_project(project).project
    page = next(p for p in render_pages(proj, "en") if p.path == "guides/hold.md")
    text = page_markdown(proj, page, "en")
    assert "<script>" not in text and "{:" not in text and "&lt;script>" in text


@pytest.mark.parametrize("lang, one, two", [("en", "(1 feature)", "(2 features)"), ("de", "(1 Funktion)", "(2 Funktionen)"),
                                            ("es", "(1 función)", "(2 funciones)"), ("sv", "(1 funktion)", "(2 funktioner)")])
def test_counts_take_the_plural_form_of_their_number(lang: str, one: str, two: str):
    proj = load_project(FIXTURE).project
    assert [len(r.features) for r in proj.roles.values()] == [2, 1]  # agent, manager
    roles = next(p for p in render_pages(proj, lang) if p.path == "roles/index.md")
    text = "\n".join(roles.body)
    assert one in text and two in text
