"""The term lists as a check: forbidden variants are warnings at file:line:col with the preferred term as the hint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.authoring import terminology
from generator.authoring.terminology import check_terminology, read_list, render_markdown, variant_regex
from generator.catalog.load import load_project
from generator.cli import main

from support import REPO, edit, make_org

SWEDISH = """\
# yaml-language-server: $schema=../../generator/schemas/terminology.schema.json
title: Svensk termlista
sections:
  - title: Begrepp
    terms:
      - english: hold
        term: vänteläge
        forbidden: [parkera*]
        note: Samtalet ligger kvar på din linje.
      - english: parallel operation
        term: parallelldrift
        forbidden: [paralleldrift*]
"""

GERMAN = """\
title: Deutsche Termliste
terms:
  - english: hold
    term: halten
    forbidden: ["*warteschleife*"]
  - english: familiar number
    term: gewohnte Nummer
    forbidden: [vertraut* *nummer]
  - english: hunt group
    term: Sammelanschluss (Gruppenruf)
    forbidden: [Hunt Group]
    exceptions: [englisch Hunt Group]
  - english: busy lamp field
    term: Besetztlampenfeld
    forbidden: [BLF]
    case_sensitive: true
"""


def write_list(root: Path, lang: str, text: str) -> None:
    folder = root / "catalog" / "terminology"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{lang}.yaml").write_text(text, "utf-8")


def warnings(root: Path, path: str | None = None) -> list[tuple[str, int, int, str, str]]:
    """The term list's findings (in one file, with ``path``)."""
    problems = check_terminology(load_project(root).project, root)
    return sorted((p.path, p.line, p.col, p.message, p.hint) for p in problems if path in (None, p.path))


def at(path: Path, needle: str) -> tuple[int, int]:
    """Line and column where ``needle`` starts in a file, counted independently of the check."""
    text = path.read_text("utf-8")
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check(project: Path, *args: str):
    return CliRunner().invoke(main, ["check", "-p", str(project), *args], catch_exceptions=False)


def test_a_forbidden_variant_is_located_with_the_preferred_term_as_hint(project: Path):
    write_list(project, "sv", SWEDISH)
    found = warnings(project, "catalog/features/hold.sv.yaml")
    # The fixture's Swedish hold guide is titled "Parkera ett samtal": line 2, after "title: ".
    assert found == [("catalog/features/hold.sv.yaml", 2, 8, "'Parkera': use 'vänteläge'",
                      "term list catalog/terminology/sv.yaml:6: Samtalet ligger kvar på din linje.")]


def test_check_warns_and_strict_fails(project: Path):
    write_list(project, "sv", SWEDISH)
    run = check(project, "--format", "json")
    data = json.loads(run.stdout)
    [problem] = [p for p in data["problems"] if p["code"] == "terminology" and p["file"] == "catalog/features/hold.sv.yaml"]
    assert problem["severity"] == "warning" and problem["file"] == "catalog/features/hold.sv.yaml"
    assert (problem["line"], problem["col"]) == (2, 8)
    assert run.exit_code == 0
    assert check(project, "--strict").exit_code == 1


def test_endings_compounds_and_line_breaks(project: Path):
    write_list(project, "de", GERMAN)
    faq = project / "catalog/faqs/general.de.yaml"
    edit(faq, "answer: Ja.",
         "answer: >-\n    Ja, Ihre vertraute\n    Rufnummer bleibt. Übrigens: keine Telefonwarteschleifen-Musik und keine Warteschleife.")
    found = warnings(project, "catalog/faqs/general.de.yaml")
    assert [(line, col, message) for _, line, col, message, _ in found] == [
        (*at(faq, "vertraute"), "'vertraute Rufnummer': use 'gewohnte Nummer'"),  # across the folded line break
        (*at(faq, "Telefonw"), "'Telefonwarteschleifen': use 'halten'"),
        (*at(faq, "Warteschleife."), "'Warteschleife': use 'halten'"),
    ]


def test_whole_words_only_without_a_star(project: Path):
    assert variant_regex("BLF") == r"(?<!\w)BLF(?!\w)"
    write_list(project, "de", GERMAN)
    faq = project / "catalog/faqs/general.de.yaml"
    edit(faq, "answer: Ja.", "answer: Ja, BLFs und BLF-Tasten, aber nicht blf.")
    found = warnings(project, "catalog/faqs/general.de.yaml")
    # "BLFs" is a longer word and "blf" differs in case (the entry is case-sensitive); "BLF-Tasten" is hyphenated.
    assert [(line, col) for _, line, col, _, _ in found] == [at(faq, "BLF-")]


def test_exceptions_allow_a_phrase(project: Path):
    write_list(project, "de", GERMAN)
    faq = project / "catalog/faqs/general.de.yaml"
    edit(faq, "answer: Ja.", "answer: Sammelanschluss (englisch Hunt Group). Eine Hunt Group ist das.")
    assert [(line, col) for _, line, col, _, _ in warnings(project, "catalog/faqs/general.de.yaml")] == [at(faq, "Hunt Group ist")]


def test_hand_written_pages_skip_code_links_and_placeholders(project: Path):
    write_list(project, "de", GERMAN)
    page = project / "docs/de/about.md"
    page.write_text("# Über\n\n`Warteschleife` und [Link](https://x.example/warteschleife) {{ hours }}\n\n"
                    "```\nWarteschleife\n```\n\nDie Warteschleife.\n", "utf-8")
    assert [(line, col) for _, line, col, _, _ in warnings(project, "docs/de/about.md")] == [at(page, "Warteschleife.")]


def test_site_variables_and_their_forms_are_checked(project: Path):
    write_list(project, "de", GERMAN)
    edit(project / "catalog/site.de.yaml", "  hours: werktags\n",
         "  hours: werktags\n  org_name:\n    forms:\n      dat: der Warteschleife GmbH\n")
    site = project / "catalog/site.de.yaml"
    assert [(line, col) for _, line, col, _, _ in warnings(project, "catalog/site.de.yaml")] == [at(site, "Warteschleife GmbH")]


def test_english_source_texts_are_checked_but_not_ids_or_keys(project: Path):
    write_list(project, "en", "terms:\n  - term: pause\n    forbidden: [hold, Hold]\n    case_sensitive: true\n")
    found = warnings(project, "catalog/features/hold.yaml")
    # Only prose: "id: hold" and keys are structure, not text; the title, "**Hold**" and "hold," are prose.
    guide = project / "catalog/features/hold.yaml"
    assert [(line, col) for _, line, col, _, _ in found] == [at(guide, "Hold a"), at(guide, "Hold**"), at(guide, "hold, not")]


def test_interface_strings_are_checked(project: Path, tmp_path: Path, monkeypatch):
    locales = tmp_path / "locales"
    locales.mkdir()
    (locales / "de.yaml").write_text("page:\n  edit: Seite editieren\n", "utf-8")
    monkeypatch.setattr(terminology, "PACKAGE_LOCALES", locales)
    write_list(project, "de", "terms:\n  - term: bearbeiten\n    forbidden: [editier*]\n")
    assert [(path, line, col) for path, line, col, _, _ in warnings(project)] == [("generator/locales/de.yaml", 2, 15)]


def test_an_organisation_extends_and_replaces_the_kits_list(project: Path, tmp_path: Path):
    write_list(project, "sv", SWEDISH)
    org = make_org(tmp_path / "org", project)
    # The organisation allows "parkera" (its own entry for the same term, nothing forbidden) and forbids "Tystnad".
    write_list(org, "sv", "terms:\n  - term: vänteläge\n  - term: stillhet\n    forbidden: [tystnad]\n")
    kit_file = project / "catalog/features/hold.sv.yaml"
    found = warnings(org, f"kit:{project}/catalog/features/hold.sv.yaml")
    assert [(path, line, col, message) for path, line, col, message, _ in found] == [
        (f"kit:{project}/catalog/features/hold.sv.yaml", *at(kit_file, "Tystnad"), "'Tystnad': use 'stillhet'")]


def test_a_variant_that_matches_its_own_preferred_term_is_a_located_error(project: Path):
    write_list(project, "de", "terms:\n  - term: Warteschlange\n    forbidden: [Warte*]\n")
    problems = [p for p in check_terminology(load_project(project).project, project) if p.severity.value == "error"]
    assert [(p.path, p.line) for p in problems] == [("catalog/terminology/de.yaml", 3)]
    assert "matches the preferred term 'Warteschlange'" in problems[0].message


def test_a_malformed_list_is_a_located_schema_error(project: Path):
    write_list(project, "de", "terms:\n  - term: halten\n    forbiden: [Warteschleife]\n")
    run = check(project)
    assert "catalog/terminology/de.yaml:3:5: error: unknown key 'forbiden' (did you mean 'forbidden'?)" in run.output
    assert run.exit_code == 1


@pytest.mark.parametrize("lang", ["de", "es", "sv"])
def test_the_kits_readable_pages_are_generated_from_the_lists(lang: str):
    path = REPO / "catalog" / "terminology" / f"{lang}.yaml"
    problems: list = []
    term_list = read_list(path, f"catalog/terminology/{lang}.yaml", problems)
    assert problems == []
    assert path.with_suffix(".md").read_text("utf-8") == render_markdown(term_list), \
        "run: python -m generator.authoring.terminology"


def test_times_in_another_format_than_the_lists_are_warnings(project: Path):
    write_list(project, "sv", "time_format: H.MM\nterms: []\n")
    faq = project / "catalog/faqs/general.sv.yaml"
    edit(faq, "answer: Ja.", "answer: Ja, kl. 8.00–18.00, inte 08.00 eller 9:30; version 2.5 och 10,30 kronor.")
    found = [(line, col, message) for _, line, col, message, _ in warnings(project, "catalog/faqs/general.sv.yaml")]
    assert found == [(*at(faq, "08.00"), "'08.00': write '8.00'"), (*at(faq, "9:30"), "'9:30': write '9.30'")]
