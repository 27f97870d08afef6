"""Times and dates written by hand in a translation that its source does not have are warnings at the translation."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.authoring.consistency import check_consistency, dates, differences, times
from generator.catalog.load import load_project
from generator.cli import main

from support import edit

FAQ = "catalog/faqs/general"


def findings(root: Path) -> list[tuple[str, int, int, str]]:
    return sorted((p.path, p.line, p.col, p.message) for p in check_consistency(load_project(root).project, root))


def at(path: Path, needle: str) -> tuple[int, int]:
    text = path.read_text("utf-8")
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def plant(project: Path, english: str, **translations: str) -> None:
    edit(project / f"{FAQ}.yaml", "answer: Yes.", f"answer: {english}")
    for lang, text in translations.items():
        edit(project / f"{FAQ}.{lang}.yaml", "answer: Ja." if lang != "es" else "answer: Sí.", f"answer: {text}")


def test_each_language_writes_times_its_own_way_without_a_warning(project: Path):
    plant(project, "The port runs from 22:00 to 02:00; lunch cover starts at 12:30 or noon.",
          de="Die Portierung läuft von 22 Uhr bis 2:00 Uhr; die Mittagsvertretung beginnt um 12.30 Uhr oder 12 Uhr.",
          sv="Nummerflytten pågår kl. 22.00–02.00; lunchavlösningen börjar kl. 12.30 eller kl. 12.")
    assert findings(project) == []


def test_a_time_the_source_does_not_have_is_located_in_the_translation(project: Path):
    plant(project, "The port runs from 22:00 to 02:00.",
          de="Die Portierung läuft von 23:00 bis 02:00 Uhr.", sv="Nummerflytten pågår kl. 22.00–03.00.")
    german, swedish = project / f"{FAQ}.de.yaml", project / f"{FAQ}.sv.yaml"
    assert findings(project) == [
        (f"{FAQ}.de.yaml", *at(german, "23:00"), "the time 23:00 is not in the source text"),
        (f"{FAQ}.sv.yaml", *at(swedish, "03.00"), "the time 03:00 is not in the source text"),
    ]


def test_a_date_written_out_differently_is_a_warning(project: Path):
    plant(project, "Freeze from 24 February.", de="Änderungsstopp ab dem 24. Februar.", es="Congelación desde el 25 de febrero.")
    spanish = project / f"{FAQ}.es.yaml"
    assert findings(project) == [(f"{FAQ}.es.yaml", *at(spanish, "25 de"), "the date 25/2 is not in the source text")]


def test_hand_written_pages_are_compared_with_the_default_languages_page(project: Path):
    edit(project / "docs/en/about.md", "See the", "Training runs from 9:00 to 12:00 on 3 February. See the")
    edit(project / "docs/de/about.md", "Siehe die", "Die Schulung läuft von 9:00 bis 13:00 Uhr am 3. Februar. Siehe die")
    page = project / "docs/de/about.md"
    assert findings(project) == [("docs/de/about.md", *at(page, "13:00"), "the time 13:00 is not in docs/en/about.md")]


def test_check_reports_them_as_warnings_and_strict_fails(project: Path):
    plant(project, "Call between 8:00 and 18:00.", sv="Ring mellan kl. 8.00 och 19.00.")
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["check", "-p", str(project), "--format", "json"]).stdout)
    [problem] = [p for p in data["problems"] if p["code"] == "number-mismatch"]
    assert problem["severity"] == "warning" and problem["file"] == f"{FAQ}.sv.yaml" and "18:00" in problem["hint"]
    assert runner.invoke(main, ["check", "-p", str(project), "--strict"]).exit_code == 1


def test_placeholders_code_and_links_are_not_read():
    assert list(differences("Dial *22.", "en", "{{ porting_window }} `*22:00` [x](https://example.org/22:00)", "de")) == []
    assert [minutes for _, minutes in times("at 10 pm, 7:55 a.m. or midnight", "en")] == [22 * 60, 7 * 60 + 55, 0]
    assert [value for _, value in dates("10. März und 3. Mai 2027", "de")] == [(3, 10), (5, 3)]
    assert [value for _, value in dates("March 10, 2027", "en")] == [(3, 10)]
