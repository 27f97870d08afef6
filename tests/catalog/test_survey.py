"""The post-go-live survey: loading and checking catalog/survey.yaml, and the survey page's markup."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalog.load import load_project
from generator.catalog.model import SurveyQuestionType
from generator.catalog.schema import translation_schema
from generator.cli import main
from generator.errors import CutoverError
from generator.render import page_markdown, render_pages
from generator.render.localize import Localizer
from generator.render.survey import SURVEY, render_survey

from support import FIXTURE, REPO, edit

SURVEY_FILES = FIXTURE.parent / "survey"
LANGUAGES = ("en", "de", "es", "sv")


def add_survey(root: Path) -> Path:
    for file in SURVEY_FILES.glob("survey*.yaml"):
        shutil.copy(file, root / "catalog" / file.name)
    return root / "catalog" / "survey.yaml"


def survey_page(root: Path, lang: str) -> str:
    p = load_project(root).project
    return page_markdown(p, render_survey(p, p.survey, Localizer(p, lang)), lang)


def errors(root: Path) -> list:
    with pytest.raises(CutoverError) as info:
        load_project(root)
    return info.value.problems


def test_the_survey_loads_with_its_translations(project: Path):
    add_survey(project)
    result = load_project(project)
    survey = result.project.survey
    assert result.warnings == []
    assert [q.type for q in survey.questions] == [SurveyQuestionType.RATING, SurveyQuestionType.RATING,
                                                  SurveyQuestionType.SINGLE, SurveyQuestionType.MULTIPLE, SurveyQuestionType.TEXT]
    assert survey.title.values == {"en": "Pulse check", "de": "Stimmungsbild", "es": "Sondeo rápido", "sv": "Pulsmätning"}
    assert survey.questions[1].scale == 3 and survey.questions[0].scale == 5


def test_a_project_without_a_survey_has_no_survey_page():
    p = load_project(FIXTURE).project
    assert p.survey is None
    assert SURVEY not in [page.path for page in render_pages(p, "en")]


def test_the_survey_page_is_generated_in_every_language(project: Path):
    add_survey(project)
    p = load_project(project).project
    for lang in LANGUAGES:
        assert SURVEY in [page.path for page in render_pages(p, lang)]


def test_every_question_type_is_accessible_markup(project: Path):
    add_survey(project)
    page = survey_page(project, "de")
    assert page.count("<fieldset") == 4 and page.count("<legend") == 4
    assert len(re.findall(r'<input type="radio" name="ease" value="\d"', page)) == 5
    assert len(re.findall(r'<input type="radio" name="quality" value="\d"', page)) == 3
    assert '1 <span class="cutover-survey__end">Schlecht</span>' in page and '3 <span class="cutover-survey__end">Gut</span>' in page
    assert '<input type="radio" name="trained" value="yes"> Ja' in page
    assert len(re.findall(r'<input type="checkbox" name="devices"', page)) == 3
    assert 'aria-describedby="survey-q-devices-help"' in page and "Wählen Sie jedes Gerät" in page
    assert '<label class="cutover-survey__prompt" for="survey-q-issues-input">5. Was funktioniert noch nicht?</label>' in page
    assert '<textarea id="survey-q-issues-input" name="issues"' in page
    assert '<label for="survey-name">Ihr Name (optional)</label>' in page
    assert "<strong>Gesprächsqualität</strong>" in page  # Markdown in prompts
    block = page[page.index("<form"):page.index("</form>")]
    assert "\n\n" not in block  # one raw HTML block: Markdown leaves it whole


def test_no_channel_means_no_send_button_and_whom_to_contact(project: Path):
    add_survey(project)
    page = survey_page(project, "sv")
    assert 'data-channel="none"' in page and 'type="submit"' not in page and "action=" not in page
    assert "Ladda ner dina svar som en fil och kontakta din utbildare eller servicedesk" in page


def test_email_channel_posts_text_to_mailto(project: Path):
    add_survey(project)
    edit(project / "catalog/site.yaml", "variables:\n", "variables:\n  helpdesk_email: help@example.org\n")
    page = survey_page(project, "es")
    assert 'method="post" enctype="text/plain" action="mailto:help@example.org?subject=Encuesta%3A%20Sondeo%20r%C3%A1pido"' in page
    assert '<button type="submit" class="md-button md-button--primary">Enviar por correo electrónico</button>' in page
    data = json.loads(html.unescape(re.search(r'class="cutover-survey-data">(.*?)</script>', page).group(1)))
    assert data["email"] == "help@example.org" and data["channel"] == "email" and data["lang"] == "es"
    assert data["questions"][3]["options"][2] == {"id": "desk-phone", "text": "Teléfono de sobremesa"}


def test_survey_form_is_a_get_form_keeping_its_own_query(project: Path):
    add_survey(project)
    edit(project / "catalog/site.yaml", "variables:\n",
         "feedback:\n  survey_form: https://forms.example.org/s?key=abc&amp=1\nvariables:\n")
    page = survey_page(project, "en")
    assert 'method="get" action="https://forms.example.org/s"' in page
    assert '<input type="hidden" name="key" value="abc">' in page and '<input type="hidden" name="amp" value="1">' in page
    assert '<input type="hidden" name="survey" value="pulse">' in page and '<input type="hidden" name="language" value="en">' in page


@pytest.mark.parametrize("change, message, line", [
    (("  - id: issues\n", "  - id: name\n"), "question id 'name' is reserved", 36),
    (("  - id: issues\n", "  - id: ease\n"), "duplicate id 'ease' (first used on line 6)", 36),
    (("    scale: 3\n", "    scale: 3\n    options: [{id: a, text: A}, {id: b, text: B}]\n"), "'options' does not belong to a question of type 'rating'", 14),
    (("    type: text\n", "    type: text\n    low: Hard\n"), "'low' does not belong to a question of type 'text'", 38),
    (("      - id: mobile\n", "      - id: desktop\n"), "duplicate id 'desktop' (first used on line 30)", 32),
    (("    type: single\n", "    type: choice\n"), "'choice' is not one of: rating, single, multiple, text", 18),
    (("    scale: 3\n", "    scale: 30\n"), "30 is greater than the maximum of 10", 13),
])
def test_survey_mistakes_are_located_errors(project: Path, change: tuple[str, str], message: str, line: int):
    source = add_survey(project)
    edit(source, *change)
    problems = [p for p in errors(project) if p.path == "catalog/survey.yaml"]
    assert problems and message in problems[0].message and problems[0].line == line, problems
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_missing_options_list_is_an_error(project: Path):
    source = add_survey(project)
    edit(source, """    options:
      - id: "yes"
        text: "Yes"
      - id: "no"
        text: "No"
""", "")
    for lang in ("de", "es", "sv"):
        text = (project / f"catalog/survey.{lang}.yaml").read_text("utf-8")
        (project / f"catalog/survey.{lang}.yaml").write_text(re.sub(r"(  - id: trained\n    prompt: [^\n]*\n)    options:\n(      [^\n]*\n)+", r"\1", text), "utf-8")
    assert any("missing the required key 'options'" in p.message for p in errors(project))


def test_missing_translations_are_reported_like_any_other(project: Path):
    add_survey(project)
    (project / "catalog/survey.sv.yaml").unlink()
    warnings = load_project(project).warnings
    assert [w.path for w in warnings] == ["catalog/survey.yaml"]
    assert "Pulse check" in survey_page(project, "sv")  # shown in the default language, with the notice


def test_hostile_survey_text_stays_inert(project: Path):
    source = add_survey(project)
    edit(source, "title: Pulse check", "title: '</script><script>alert(1)</script>'")
    edit(source, "text: Desktop app", "text: '<img src=x onerror=alert(2)> \"quoted\" & more'")
    edit(source, "prompt: What is still not working?", "prompt: '[click](javascript:alert(3)) </label><b>x</b>'")
    page = survey_page(project, "en")
    body = page.split("<form", 1)[1]
    assert "<img" not in body and "<script>alert" not in body and "javascript:" not in body and "<b>x</b>" not in body
    assert body.count("</script>") == 1
    data = json.loads(re.search(r'class="cutover-survey-data">(.*?)</script>', body).group(1))
    assert data["title"] == "</script><script>alert(1)</script>"  # the runtime gets it as plain text
    assert data["questions"][3]["options"][0]["text"] == '<img src=x onerror=alert(2)> "quoted" & more'


def test_the_translation_schema_is_committed():
    committed = json.loads((REPO / "generator/schemas/survey.translation.schema.json").read_text("utf-8"))
    assert committed == translation_schema("survey")


def test_the_default_kit_survey_covers_the_measures_in_four_languages():
    result = load_project(REPO)
    survey = result.project.survey
    assert survey is not None and [w for w in result.warnings if "survey" in w.path] == []
    ids = [q.id for q in survey.questions]
    for measure in ("ease-of-use", "call-quality", "training", "training-received", "open-issues"):
        assert measure in ids
    assert {q.type for q in survey.questions} == set(SurveyQuestionType)
    for question in survey.questions:
        assert set(question.prompt.values) == set(LANGUAGES)
