from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.catalog.model import QuestionType
from generator.errors import CutoverError, Severity

from support import FIXTURE, edit


def errors(root: Path) -> list:
    with pytest.raises(CutoverError) as info:
        load_project(root)
    return info.value.problems


def test_fixture_loads_complete_in_four_languages():
    result = load_project(FIXTURE)
    p = result.project
    assert result.warnings == []
    assert p.site.languages == ["en", "de", "es", "sv"]
    assert list(p.roles) == ["agent", "manager"] and p.roles["agent"].features == ["dial", "hold"]
    dial = p.features["dial"]
    assert dial.platforms == ["desktop", "mobile", "desk_phone"]
    assert dial.steps[0].variants["mobile"].values["de"] == "Tippen Sie auf **Anrufen**."
    assert dial.title.values == {"en": "Make a call", "de": "Anruf tätigen", "es": "Hacer una llamada", "sv": "Ringa ett samtal"}
    assert [q.type for q in p.quizzes["basics"].questions] == list(QuestionType)
    assert p.site.variables["hours"] == {"en": "weekdays", "de": "werktags", "es": "días laborables", "sv": "vardagar"}


def test_text_remembers_file_and_line_per_language():
    title = load_project(FIXTURE).project.features["hold"].title
    assert title.origins["en"].path == "catalog/features/hold.yaml" and title.origins["en"].line == 2
    assert title.origins["de"].path == "catalog/features/hold.de.yaml" and title.origins["de"].line == 2


def test_missing_translation_file_is_one_warning(project: Path):
    (project / "catalog/features/hold.sv.yaml").unlink()
    warnings = load_project(project).warnings
    assert [(w.path, w.severity) for w in warnings] == [("catalog/features/hold.yaml", Severity.WARNING)]
    assert "not translated into sv" in warnings[0].message and "hold.sv.yaml" in warnings[0].hint


def test_missing_single_string_is_located(project: Path):
    edit(project / "catalog/features/dial.de.yaml", "summary: Jemanden anrufen.\n", "")
    [w] = load_project(project).warnings
    assert (w.path, w.line) == ("catalog/features/dial.yaml", 3) and "no de translation for summary" in w.message


def test_translation_with_unknown_id(project: Path):
    edit(project / "catalog/faqs/general.es.yaml", "id: agents-only", "id: agent-only")
    [p] = errors(project)
    assert p.path == "catalog/faqs/general.es.yaml" and "agent-only" in p.message and "agents-only" in p.hint


def test_translation_with_too_many_steps(project: Path):
    edit(project / "catalog/features/hold.de.yaml", "- text: Drücken Sie **Halten**.", "- text: Drücken Sie **Halten**.\n- text: Noch einer.")
    [p] = errors(project)
    assert "2 entries here, the source only 1" in p.message


def test_every_error_of_a_run_is_reported(project: Path):
    edit(project / "catalog/features/dial.yaml", "summary: Call someone.", "sumary: Call someone.")
    edit(project / "catalog/roles/manager.yaml", "name: Manager", "name: [Manager]")
    problems = errors(project)
    assert {p.path for p in problems} == {"catalog/features/dial.yaml", "catalog/roles/manager.yaml"}


def test_file_name_must_match_id(project: Path):
    (project / "catalog/roles/manager.yaml").rename(project / "catalog/roles/boss.yaml")
    messages = [p.message for p in errors(project)]
    assert any("does not match the file name 'boss.yaml'" in m for m in messages)


def test_unknown_language_and_yml_files(project: Path):
    (project / "catalog/features/hold.fr.yaml").write_text("title: Mettre en attente\n")
    (project / "catalog/features/park.yml").write_text("id: park\n")
    problems = errors(project)
    assert any("'fr' is not a configured language" in p.message for p in problems)
    assert any("end in .yaml" in p.message for p in problems)


def test_missing_site_file(tmp_path: Path):
    [p] = errors(tmp_path)
    assert p.path == "catalog/site.yaml" and "not found" in p.message
