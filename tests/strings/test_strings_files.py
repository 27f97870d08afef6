"""The strings layer's files: an organisation's locales/<lang>.yaml over the package's, key by key, and checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.errors import Severity
from generator.render.localize import Localizer
from generator.strings.files import MISSING

from support import FIXTURE


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    (root / "locales").mkdir()
    return root


def _problems(root: Path, needle: str):
    return [p for p in load_project(root).warnings if needle in p.path]


def test_one_term_of_a_shipped_language_changes_and_the_rest_stays(project: Path):
    (project / "locales/de.yaml").write_text("guide:\n  steps: Arbeitsschritte\n", "utf-8")
    loc = Localizer(load_project(project).project, "de")
    assert loc.ui("guide.steps") == "Arbeitsschritte"  # the organisation's term
    assert loc.ui("guide.tips") == "Tipps"  # the package's German for every other key
    assert loc.ui_fallbacks == []


def test_an_organisation_can_change_an_english_term_too(project: Path):
    (project / "locales/en.yaml").write_text("nav:\n  cards: Pocket guides\n", "utf-8")
    project_model = load_project(project).project
    assert Localizer(project_model, "en").ui("nav.cards") == "Pocket guides"
    assert Localizer(project_model, "de").ui("nav.cards") == "Kurzanleitungen"  # German is German's


def test_unknown_keys_are_located_warnings_with_a_did_you_mean(project: Path):
    (project / "locales/de.yaml").write_text("guide:\n  stepz: Schritte\n", "utf-8")
    [problem] = _problems(project, "locales/de.yaml")
    assert (problem.line, problem.col, problem.severity) == (2, 3, Severity.WARNING)
    assert "unknown interface string 'guide.stepz'" in problem.message and "did you mean 'guide.steps'?" in problem.hint


def test_yaml_errors_are_located_errors(project: Path):
    from generator.errors import CutoverError

    (project / "locales/de.yaml").write_text("guide:\n  steps: [Schritte\n", "utf-8")
    with pytest.raises(CutoverError) as info:
        load_project(project)
    [problem] = [p for p in info.value.problems if p.path == "locales/de.yaml"]
    assert problem.line >= 2 and problem.severity is Severity.ERROR


@pytest.mark.parametrize("text, message", [
    ("quiz:\n  learn_more: 'Mehr: {titel}'\n", "unknown placeholder {titel}"),
    ("quiz:\n  learn_more: 'Mehr: {title'\n", "unbalanced braces"),
    ("guide:\n  steps: '<script>alert(1)</script>'\n", "raw HTML"),
    ("guide:\n  steps: 12\n", "must be text, not a number"),
    ("guide:\n  steps:\n    one: Schritt\n    other: Schritte\n", "is not counted"),
])
def test_values_that_would_break_a_page_are_located_errors(project: Path, text: str, message: str):
    from generator.errors import CutoverError

    (project / "locales/de.yaml").write_text(text, "utf-8")
    with pytest.raises(CutoverError) as info:
        load_project(project)
    found = [p for p in info.value.problems if p.path == "locales/de.yaml"]
    assert found and message in found[0].message and found[0].line >= 2, [p.format() for p in found]


def test_plural_forms_the_language_needs_are_named(project: Path):
    (project / "catalog/site.yaml").write_text((project / "catalog/site.yaml").read_text("utf-8").replace(
        "languages: [en, de, es, sv]", "languages: [en, de, es, sv, pl]"), "utf-8")
    (project / "locales/pl.yaml").write_text("quiz:\n  questions:\n    one: '{count} pytanie'\n    other: '{count} pytania'\n"
                                             "role:\n  features_count: '{count} funkcji'\n", "utf-8")
    problems = {p.message: p for p in _problems(project, "locales/pl.yaml") if p.code == "plural-forms"}
    assert "quiz.questions lacks the plural forms few, many that Polish needs" in problems
    assert "role.features_count is counted: Polish needs the forms one, few, many, other" in problems


def test_a_language_without_any_strings_is_one_warning_and_english_marked(project: Path):
    (project / "catalog/site.yaml").write_text((project / "catalog/site.yaml").read_text("utf-8").replace(
        "languages: [en, de, es, sv]", "languages: [en, de, es, sv, fo]"), "utf-8")
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text("utf-8").replace(
        "        - {locale: sv, name: Svenska, build: true}",
        "        - {locale: sv, name: Svenska, build: true}\n        - {locale: fo, name: Føroyskt, build: true}"), "utf-8")
    loaded = load_project(project)
    [problem] = [p for p in loaded.warnings if "no interface strings in fo" in p.message]
    assert problem.code == MISSING and "cutover new language fo" in problem.hint
    loc = Localizer(loaded.project, "fo", marked=True)
    assert loc.ui("guide.steps") == "\ue000en\ue001Steps\ue002" and loc.ui_fallbacks == ["guide.steps"]


def _add_faroese(project: Path) -> None:
    (project / "catalog/site.yaml").write_text((project / "catalog/site.yaml").read_text("utf-8").replace(
        "languages: [en, de, es, sv]", "languages: [en, de, es, sv, fo]"), "utf-8")


def test_todo_values_are_untranslated_and_named_at_their_line(project: Path):
    _add_faroese(project)
    (project / "locales/fo.yaml").write_text("guide:\n  steps: 'TODO: Steps'\n  tips: Ráð\n", "utf-8")
    loaded = load_project(project)
    problems = {p.message: p for p in loaded.warnings if p.path == "locales/fo.yaml"}
    todo = problems["interface string guide.steps is not translated into fo"]
    assert (todo.line, todo.col, todo.code) == (2, 3, MISSING)
    assert "interface string nav.roles is missing in fo" in problems  # a key the file lacks: named too
    loc = Localizer(loaded.project, "fo")
    assert (loc.ui("guide.steps"), loc.ui("guide.tips")) == ("Steps", "Ráð")  # English, not "TODO: Steps"


def test_a_todo_over_a_shipped_language_leaves_the_package_text(project: Path):
    (project / "locales/de.yaml").write_text("guide:\n  steps: 'TODO: Steps'\n", "utf-8")
    assert Localizer(load_project(project).project, "de").ui("guide.steps") == "Schritte"


def test_the_organisations_strings_reach_every_output_the_quiz_runtime_and_the_lms_export(project: Path):
    """The layered strings are the project's: pages, quiz runtime, LMS export and PDF use the same Localizer."""
    from generator.export.lms import LmsFormat, export
    from generator.render.localize import runtime_strings

    (project / "locales/de.yaml").write_text("quiz:\n  learn_more: 'Nachlesen: {title}'\nruntime:\n  submit: Abgeben\n", "utf-8")
    loaded = load_project(project).project
    assert r"<p>Nachlesen\: Anruf" in export(loaded, LmsFormat.GIFT, "de")  # GIFT escapes the colon
    assert runtime_strings(Localizer(loaded, "de"))["submit"] == "Abgeben"
