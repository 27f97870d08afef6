"""Translating the kit from the organisation's folder: the kit's ``catalog/features/hold.yaml`` is translated in the
organisation's ``catalog/features/hold.<lang>.yaml``, string by string over the kit's own translation, and no
language is ever dropped. Warnings, status, PO export and import all point into the organisation's repository."""

from __future__ import annotations

from pathlib import Path

import polib

from generator.authoring.i18n.po import export_po, import_po
from generator.authoring.i18n.strings import status
from generator.catalog.load import load_project
from generator.errors import Severity

from support import load_problems, make_org, tree_snapshot


HOLD_IT = """id: hold
title: Mettere in attesa una chiamata
summary: Mettere in pausa una chiamata.
steps:
  - text: Premere **Attesa**.
troubleshooting:
  - problem: Silenzio invece della musica.
    solution: Usare l'attesa, non il muto.
"""


def test_a_kit_file_is_translated_at_the_same_path_in_the_organisations_repository(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "de", "it"), files={"catalog/features/hold.it.yaml": HOLD_IT})
    loaded = load_project(org)
    hold = loaded.project.features["hold"]
    assert hold.title.values == {"en": "Hold a call", "de": "Anruf halten", "it": "Mettere in attesa una chiamata"}
    assert hold.title.origins["it"].path == "catalog/features/hold.it.yaml"
    assert hold.troubleshooting[0].solution.values["it"] == "Usare l'attesa, non il muto."
    assert not [p for p in loaded.warnings if p.path == "catalog/features/hold.it.yaml"], loaded.warnings


def test_the_organisations_translation_corrects_single_strings_of_a_language_the_kit_ships(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "de"),
                   files={"catalog/features/hold.de.yaml": "id: hold\ntitle: Gespräch halten\n"})
    hold = load_project(org).project.features["hold"]
    assert hold.title.values["de"] == "Gespräch halten" and hold.title.origins["de"].path == "catalog/features/hold.de.yaml"
    assert hold.summary.values["de"] == "Einen Anruf pausieren."  # the kit's translation of everything else stays
    assert hold.summary.origins["de"].path.startswith("kit:")


def test_missing_kit_translations_name_the_file_to_create_in_the_organisations_repository(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "it"),
                   files={"catalog/features/hold.it.yaml": "id: hold\ntitle: Mettere in attesa una chiamata\n"})
    warnings = [p for p in load_project(org).warnings if p.code == "missing-translation"]
    assert warnings and not [p for p in warnings if p.path.startswith("kit:")], warnings
    whole = next(p for p in warnings if p.path == "catalog/features/dial.it.yaml")
    assert "the kit's catalog/features/dial.yaml is not translated into it" in whole.message
    assert "create catalog/features/dial.it.yaml in your repository" in whole.hint
    partial = [p for p in warnings if p.path == "catalog/features/hold.it.yaml"]
    assert any("no it translation for summary" in p.message and f"kit:{kit}/catalog/features/hold.yaml:3" in p.message
               for p in partial), partial
    assert {p.path for p in warnings} >= {"catalog/site.it.yaml", "quizzes/basics.it.yaml", "catalog/phases.it.yaml"}


def test_the_organisations_site_translation_translates_the_kits_settings_too(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "variables:\n  org_name: Acme\n  help: the front desk\n", languages=("en", "it"),
                   files={"catalog/site.it.yaml": "categories:\n  - id: calls\n    name: Chiamate\nvariables:\n"
                                                  "  hours: nei giorni feriali\n  help: la reception\n"})
    loaded = load_project(org)
    site = loaded.project.site
    assert site.categories[0].name.values["it"] == "Chiamate"  # a kit category
    assert site.variables["hours"]["it"] == "nei giorni feriali"  # a kit variable the organisation did not change
    assert site.variables["help"]["it"] == "la reception"  # its own
    assert not [p for p in loaded.warnings if p.path == "catalog/site.it.yaml"], loaded.warnings


def test_a_site_translation_of_something_neither_the_kit_nor_the_organisation_has_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "it"),
                   files={"catalog/site.it.yaml": "categories:\n  - id: cals\n    name: Chiamate\n"})
    found = load_problems(org)
    assert any(p.startswith("catalog/site.it.yaml:2:5: error: id 'cals' does not exist") for p in found), found
    assert len([p for p in found if "'cals'" in p]) == 1, found


def test_copying_a_key_into_an_override_keeps_its_other_languages(kit: Path, tmp_path: Path) -> None:
    override = "id: hold\ntitle: Hold a call\nsummary: Pause a call for a moment.\n"
    org = make_org(tmp_path / "org", kit, languages=("en", "de", "es", "sv"), files={"catalog/overrides/features/hold.yaml": override})
    loaded = load_project(org)
    hold = loaded.project.features["hold"]
    assert set(hold.title.values) == {"en", "de", "es", "sv"} and hold.title.values["de"] == "Anruf halten"
    assert hold.title.origins["de"].path == f"kit:{kit}/catalog/features/hold.de.yaml"
    # A text the override changed is not the kit's any more: its translations are the override's to give.
    assert set(hold.summary.values) == {"en"}
    assert any(p.path == "catalog/overrides/features/hold.yaml" and "no de translation for summary" in p.message
               for p in loaded.warnings), loaded.warnings


def test_a_translation_beside_an_override_stub_of_the_kits_text_is_an_error_that_names_the_right_file(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "it"),
                   files={"catalog/overrides/features/hold.yaml": "id: hold\nextend:\n  tips:\n    - Ask first.\n",
                          "catalog/overrides/features/hold.it.yaml": "id: hold\ntitle: Mettere in attesa\n"})
    found = load_problems(org)
    assert any(p.startswith("catalog/overrides/features/hold.it.yaml:2:1: error: 'title' does not exist in "
                            "catalog/overrides/features/hold.yaml") and "catalog/features/hold.<language>.yaml" in p
               for p in found), found


def test_a_translation_of_an_override_that_does_not_exist_is_an_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "it"),
                   files={"catalog/overrides/features/hold.it.yaml": "id: hold\ntitle: Mettere in attesa\n"})
    found = load_problems(org)
    assert any(p.startswith("catalog/overrides/features/hold.it.yaml:1:1: error: translation of an override that does not exist")
               and "move it to catalog/features/hold.it.yaml" in p for p in found), found


def test_a_translation_of_a_key_the_source_lacks_is_an_error(project: Path) -> None:
    (project / "catalog" / "features" / "hold.de.yaml").write_text(
        (project / "catalog" / "features" / "hold.de.yaml").read_text("utf-8") + "result: Der Anruf wartet.\n", "utf-8")
    found = load_problems(project)
    assert any(p.startswith("catalog/features/hold.de.yaml:9:1: warning: 'result' does not exist in catalog/features/hold.yaml")
               for p in found), found


def test_status_and_po_export_cover_the_kits_strings_in_the_organisations_language(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "it"), files={"catalog/features/hold.it.yaml": HOLD_IT})
    project = load_project(org).project
    rows = {r.file: r for r in status(project, org)["it"]}
    assert rows[f"kit:{kit}/catalog/features/hold.yaml"].complete == 5 and rows[f"kit:{kit}/catalog/features/hold.yaml"].missing == 0
    assert rows[f"kit:{kit}/catalog/features/dial.yaml"].complete == 0 and rows[f"kit:{kit}/catalog/features/dial.yaml"].missing > 0
    po = export_po(project, org, "it")
    entry = next(e for e in po if e.msgctxt == f"kit:{kit}/catalog/features/dial.yaml:title")
    assert entry.msgid == "Make a call" and entry.msgstr == "" and "Page guides/dial.md" in entry.tcomment


def test_po_import_writes_kit_translations_into_the_organisations_files_never_into_the_kit(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "it"))
    project = load_project(org).project
    po = export_po(project, org, "it")
    for entry in po:
        if entry.msgctxt.startswith(f"kit:{kit}/catalog/features/dial.yaml:"):
            entry.msgstr = "IT " + entry.msgid
    po_file = tmp_path / "it.po"
    po.save(str(po_file))
    kit_before = tree_snapshot(kit)
    result = import_po(project, org, po_file)
    assert list(result.changed) == ["catalog/features/dial.it.yaml"]
    assert tree_snapshot(kit) == kit_before
    written = (org / "catalog" / "features" / "dial.it.yaml").read_text("utf-8")
    assert written.startswith("# yaml-language-server: $schema=https://cutover.example/schemas/feature.translation.schema.json\nid: dial\n")
    dial = load_project(org).project.features["dial"]
    assert dial.title.values["it"] == "IT Make a call" and dial.steps[0].variants["mobile"].values["it"] == "IT Tap **Call**."
    again = export_po(load_project(org).project, org, "it")
    assert import_po(load_project(org).project, org, _saved(again, tmp_path / "again.po")).changed == {}  # a round trip is a no-op


def test_po_import_corrects_one_kit_translation_of_a_language_the_kit_ships(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "de"))
    project = load_project(org).project
    po = export_po(project, org, "de")
    entry = next(e for e in po if e.msgctxt == f"kit:{kit}/catalog/features/dial.yaml:steps[2].text")
    entry.msgstr = "Sprechen Sie deutlich."
    kit_before = tree_snapshot(kit)
    assert import_po(project, org, _saved(po, tmp_path / "de.po")).changed == {"catalog/features/dial.de.yaml": 1}
    assert tree_snapshot(kit) == kit_before
    dial = load_project(org).project.features["dial"]
    assert dial.steps[1].text.values["de"] == "Sprechen Sie deutlich."
    assert dial.steps[0].variants["desktop"].values["de"] == (kit / "catalog/features/dial.de.yaml").read_text("utf-8").split(
        "desktop: ", 1)[1].split("\n", 1)[0].strip().strip('"')  # the kit's translation of the step before stays


def _saved(po: polib.POFile, path: Path) -> Path:
    po.save(str(path))
    return path


def test_check_reports_a_kit_file_translated_into_a_language_without_a_warning_in_the_kit(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "it"), files={"catalog/features/hold.it.yaml": HOLD_IT})
    warnings = load_project(org).warnings
    assert not [p for p in warnings if p.severity is Severity.ERROR]
    assert not [p for p in warnings if p.path.startswith("kit:")], [p.format() for p in warnings if p.path.startswith("kit:")]
