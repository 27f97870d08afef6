"""Translators' workflow: `cutover i18n status`, stale detection, PO export and import, mark-current."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from generator.authoring.i18n.lock import lock_path
from generator.cli import main

from support import REPO, edit, tree_snapshot


def cutover(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def counts(project: Path, lang: str) -> dict:
    run = cutover("i18n", "status", "-p", str(project), "--format", "json")
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)[lang]


def file_counts(project: Path, lang: str, file: str) -> dict:
    return next(f for f in counts(project, lang)["files"] if f["file"] == file)


def export(project: Path, lang: str, out: Path) -> polib.POFile:
    run = cutover("i18n", "export", "-p", str(project), "--lang", lang, "-o", str(out))
    assert run.exit_code == 0, run.output
    return polib.pofile(str(out))


def po_entry(po: polib.POFile, key: str) -> polib.POEntry:
    return next(e for e in po if e.msgctxt == key)


# --- status ---------------------------------------------------------------------------------------------------

def test_status_counts_complete_and_missing_strings_per_language_and_file(project: Path):
    assert counts(project, "de")["missing"] == 0 and counts(project, "de")["stale"] == 0
    edit(project / "catalog/features/hold.de.yaml", "summary: Einen Anruf pausieren.\n", "")
    (project / "catalog/roles/manager.sv.yaml").unlink()
    assert file_counts(project, "de", "catalog/features/hold.yaml") == {
        "file": "catalog/features/hold.yaml", "complete": 4, "missing": 1, "stale": 0}
    assert file_counts(project, "es", "catalog/features/hold.yaml")["missing"] == 0
    manager = file_counts(project, "sv", "catalog/roles/manager.yaml")
    assert manager["complete"] == 0 and manager["missing"] == manager["complete"] + 2

    text = cutover("i18n", "status", "-p", str(project), "--lang", "de")
    assert text.exit_code == 0
    assert "de: " in text.stdout and "1 missing" in text.stdout and "catalog/features/hold.yaml" in text.stdout
    assert "sv:" not in text.stdout


def test_status_rejects_an_unknown_language(project: Path):
    run = cutover("i18n", "status", "-p", str(project), "--lang", "fr")
    assert run.exit_code == 2 and "'fr' is not a language to translate into" in run.output


def test_a_source_edit_after_translation_makes_it_stale_until_the_translation_is_updated(project: Path, tmp_path: Path):
    assert cutover("i18n", "mark-current", "-p", str(project), "--lang", "de").exit_code == 0
    assert lock_path(project, "de").is_file()
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", "title: Put a call on hold")
    hold = file_counts(project, "de", "catalog/features/hold.yaml")
    assert hold["stale"] == 1 and hold["complete"] == 4
    assert file_counts(project, "es", "catalog/features/hold.yaml")["stale"] == 0  # es was never marked: no evidence

    # check warns at the translation, --strict fails
    check = cutover("check", "-p", str(project))
    assert check.exit_code == 0
    assert "catalog/features/hold.de.yaml:2:1: warning: the de translation of title is older than its source text" in check.stderr
    assert cutover("check", "--strict", "-p", str(project)).exit_code == 1

    # the export marks it fuzzy, with the new source text
    po = export(project, "de", tmp_path / "de.po")
    entry = po_entry(po, "catalog/features/hold.yaml:title")
    assert entry.fuzzy and entry.msgid == "Put a call on hold" and entry.msgstr == "Anruf halten"

    # the translator updates the translation: no longer stale
    edit(project / "catalog/features/hold.de.yaml", "title: Anruf halten", "title: Einen Anruf halten")
    assert file_counts(project, "de", "catalog/features/hold.yaml")["stale"] == 0


def test_mark_current_clears_stale_for_the_named_files_only(project: Path):
    cutover("i18n", "mark-current", "-p", str(project), "--lang", "de")
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", "title: Put a call on hold")
    edit(project / "catalog/features/dial.yaml", "title: Make a call", "title: Place a call")
    assert counts(project, "de")["stale"] == 2
    run = cutover("i18n", "mark-current", "-p", str(project), "--lang", "de", "catalog/features/hold.yaml")
    assert run.exit_code == 0
    assert counts(project, "de")["stale"] == 1
    assert file_counts(project, "de", "catalog/features/dial.yaml")["stale"] == 1


def test_a_broken_lock_file_is_a_clear_error(project: Path):
    lock_path(project, "de").parent.mkdir()
    lock_path(project, "de").write_text("{not json", "utf-8")
    run = cutover("i18n", "status", "-p", str(project))
    assert run.exit_code == 1 and "i18n/de.lock.json:1:1: error: the translation lock file cannot be read" in run.stderr


# --- export ---------------------------------------------------------------------------------------------------

def test_export_writes_every_string_with_key_source_translation_and_where_it_appears(project: Path, tmp_path: Path):
    edit(project / "quizzes/basics.de.yaml", "  explanation: Paare.\n", "")
    po = export(project, "de", tmp_path / "de.po")
    assert po.metadata["Language"] == "de"
    option = po_entry(po, "quizzes/basics.yaml:questions[dial-how].options[direct].text")
    assert (option.msgid, option.msgstr) == ("Dial directly", "Direkt wählen")
    assert "quizzes/basics.md" in option.tcomment and "questions[dial-how].options[direct].text" in option.tcomment
    assert option.occurrences == [("quizzes/basics.yaml", "12")]
    step = po_entry(po, "catalog/features/hold.yaml:steps[1].text")
    assert step.msgstr == "Drücken Sie **Halten**." and "guides/hold.md" in step.tcomment
    missing = po_entry(po, "quizzes/basics.yaml:questions[match].explanation")
    assert missing.msgid == "Pairs." and missing.msgstr == "" and not missing.fuzzy


def test_export_refuses_the_default_or_an_unknown_language(project: Path, tmp_path: Path):
    for lang in ("en", "fr"):
        run = cutover("i18n", "export", "-p", str(project), "--lang", lang, "-o", str(tmp_path / "x.po"))
        assert run.exit_code == 2 and f"'{lang}' is not a language to translate into" in run.output
    assert not (tmp_path / "x.po").exists()


# --- round trip -----------------------------------------------------------------------------------------------

def round_trip(project: Path, langs: list[str], tmp_path: Path) -> None:
    before = tree_snapshot(project)
    for lang in langs:
        export(project, lang, tmp_path / f"{lang}.po")
        run = cutover("i18n", "import", "-p", str(project), str(tmp_path / f"{lang}.po"))
        assert run.exit_code == 0, run.output
        assert f"0 strings written into 0 files for {lang}" in run.stdout
    assert tree_snapshot(project) == before


def test_export_then_import_without_edits_changes_nothing_on_the_fixture(project: Path, tmp_path: Path):
    edit(project / "catalog/features/hold.de.yaml", "summary: Einen Anruf pausieren.\n", "")  # a missing string too
    cutover("i18n", "mark-current", "-p", str(project), "--lang", "de")
    edit(project / "catalog/features/dial.yaml", "title: Make a call", "title: Place a call")  # and a stale one
    round_trip(project, ["de", "es", "sv"], tmp_path)


def test_export_then_import_without_edits_changes_nothing_on_the_default_kit(tmp_path: Path):
    kit = tmp_path / "kit"
    for name in ("catalog", "quizzes", "docs", "i18n"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, kit / name)
    shutil.copy(REPO / "mkdocs.yml", kit / "mkdocs.yml")
    round_trip(kit, ["de"], tmp_path)


# --- import ---------------------------------------------------------------------------------------------------

def test_import_writes_changed_translations_and_nothing_else(project: Path, tmp_path: Path):
    edit(project / "quizzes/basics.de.yaml", "- id: order\n", "# Reihenfolge, geprüft von J.\n- id: order\n")
    edit(project / "quizzes/basics.de.yaml", "  explanation: Paare.\n", "")
    (project / "catalog/roles/manager.es.yaml").unlink()
    before = tree_snapshot(project)
    po = export(project, "de", tmp_path / "de.po")
    po_entry(po, "quizzes/basics.yaml:questions[dial-how].options[direct].text").msgstr = "Direkt: ohne Vorwahl"
    po_entry(po, "quizzes/basics.yaml:questions[match].explanation").msgstr = "Jedes Paar gehört zusammen."
    po_entry(po, "catalog/features/hold.yaml:troubleshooting[1].solution").msgstr = "Erste Zeile.\n\nZweiter Absatz."
    po.save(str(tmp_path / "de.po"))
    run = cutover("i18n", "import", "-p", str(project), str(tmp_path / "de.po"))
    assert run.exit_code == 0, run.output
    assert "3 strings written into 2 files for de" in run.stdout

    after = tree_snapshot(project)
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == {"quizzes/basics.de.yaml", "catalog/features/hold.de.yaml", "i18n/de.lock.json"}
    old, new = before["quizzes/basics.de.yaml"].decode().splitlines(), after["quizzes/basics.de.yaml"].decode().splitlines()
    assert [line for line in new if line not in old] == ['    text: "Direkt: ohne Vorwahl"',
                                                          "  explanation: Jedes Paar gehört zusammen."]
    assert [line for line in old if line not in new] == ["    text: Direkt wählen"]
    assert "# Reihenfolge, geprüft von J." in new
    assert "    Zweiter Absatz." in after["catalog/features/hold.de.yaml"].decode()
    assert cutover("check", "-p", str(project)).exit_code == 0
    assert counts(project, "de")["missing"] == 0


def test_import_creates_a_missing_translation_file(project: Path, tmp_path: Path):
    (project / "catalog/roles/manager.es.yaml").unlink()
    po = export(project, "es", tmp_path / "es.po")
    for entry in po:
        if entry.msgctxt.startswith("catalog/roles/manager.yaml:"):
            entry.msgstr = "ES " + entry.msgid
    po.save(str(tmp_path / "es.po"))
    assert cutover("i18n", "import", "-p", str(project), str(tmp_path / "es.po")).exit_code == 0
    created = (project / "catalog/roles/manager.es.yaml").read_text("utf-8")
    assert created.startswith("# yaml-language-server: $schema=../../generator/schemas/role.translation.schema.json\nid: manager\n")
    assert counts(project, "es")["missing"] == 0
    assert cutover("check", "-p", str(project)).exit_code == 0


def test_an_imported_fuzzy_entry_stays_stale_and_a_confirmed_one_becomes_current(project: Path, tmp_path: Path):
    cutover("i18n", "mark-current", "-p", str(project), "--lang", "de")
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", "title: Put a call on hold")
    edit(project / "catalog/features/dial.yaml", "title: Make a call", "title: Place a call")
    po = export(project, "de", tmp_path / "de.po")
    po_entry(po, "catalog/features/hold.yaml:title").msgstr = "Anruf in die Warteschleife"  # still fuzzy
    dial = po_entry(po, "catalog/features/dial.yaml:title")
    dial.flags.remove("fuzzy")  # confirmed as it is
    po.save(str(tmp_path / "de.po"))
    assert cutover("i18n", "import", "-p", str(project), str(tmp_path / "de.po")).exit_code == 0
    assert file_counts(project, "de", "catalog/features/hold.yaml")["stale"] == 1
    assert file_counts(project, "de", "catalog/features/dial.yaml")["stale"] == 0


@pytest.mark.parametrize("case, mutate, message", [
    ("syntax", lambda text: text.replace('msgstr "Anruf halten"', 'msgstr "Anruf halten"\nnot po at all'),
     "not a valid PO file: syntax error"),
    ("unknown key", lambda text: text.replace('msgctxt "catalog/features/hold.yaml:title"',
                                              'msgctxt "catalog/features/hold.yaml:titel"'),
     "unknown string 'catalog/features/hold.yaml:titel' (did you mean 'catalog/features/hold.yaml:title'?)"),
    ("wrong language", lambda text: text.replace('"Language: de\\n"', '"Language: es\\n"'), None),
    ("default language", lambda text: text.replace('"Language: de\\n"', '"Language: en\\n"'),
     "'en' is not a language to translate into ('en' is the default language"),
    ("cannot place", lambda text: text.replace('msgid "Silence instead of music."\nmsgstr ""',
                                               'msgid "Silence instead of music."\nmsgstr "Stille."'),
     "cannot write catalog/features/hold.yaml:troubleshooting[1].problem: the file writes this part in [ ] or { } style"),
])
def test_bad_po_files_are_clear_errors_and_nothing_is_written(project: Path, tmp_path: Path, case, mutate, message):
    edit(project / "catalog/features/dial.de.yaml", "title: ", "title: X")  # so the file has something to write
    edit(project / "catalog/features/hold.de.yaml", "troubleshooting:\n- problem: Stille statt Musik.\n"
         "  solution: Halten statt Stummschalten verwenden.\n", "troubleshooting: []\n")
    po_file = tmp_path / "de.po"
    export(project, "de", po_file)
    text = po_file.read_text("utf-8").replace('msgstr "XAnruf tätigen"', 'msgstr "Anruf tätigen"')
    po_file.write_text(mutate(text), "utf-8")
    before = tree_snapshot(project)
    run = cutover("i18n", "import", "-p", str(project), str(po_file), *(["--lang", "de"] if case == "wrong language" else []))
    assert run.exit_code == 1, run.output
    assert (message or "the PO file is for 'es', not 'de'") in run.stderr
    assert "de.po:" in run.stderr and "Nothing was written." in run.stderr and "Traceback" not in run.output
    assert tree_snapshot(project) == before


def test_a_missing_po_file_is_a_clear_error(project: Path, tmp_path: Path):
    run = cutover("i18n", "import", "-p", str(project), str(tmp_path / "nope.po"))
    assert run.exit_code == 1 and "file not found" in run.stderr


# --- the status page ------------------------------------------------------------------------------------------

def test_the_status_page_is_generated_in_every_language_with_the_same_counts(project: Path):
    from generator.catalog.load import Layout, load_project
    from generator.site.stage import plan

    edit(project / "catalog/features/hold.de.yaml", "summary: Einen Anruf pausieren.\n", "")
    cutover("i18n", "mark-current", "-p", str(project), "--lang", "sv")
    edit(project / "catalog/features/dial.yaml", "title: Make a call", "title: Place a call")
    files, _ = plan(load_project(project).project, Layout(project))
    pages = {lang: files[f"{lang}/translation-status.md"].decode("utf-8") for lang in ("en", "de", "es", "sv")}
    assert "# Translation status" in pages["en"] and "# Übersetzungsstand" in pages["de"]
    assert "# Estado de las traducciones" in pages["es"] and "# Översättningsstatus" in pages["sv"]
    en = pages["en"]
    de_part = en[en.index("{#lang-de}"):en.index("{#lang-es}")]
    assert "| `catalog/features/hold.yaml` | [guides/hold.md](guides/hold.md) | 4 | 1 | 0 |" in de_part
    sv_part = en[en.index("{#lang-sv}"):]
    assert "| `catalog/features/dial.yaml` | [guides/dial.md](guides/dial.md) | 7 | 0 | 1 |" in sv_part
    for text in pages.values():  # every language shows every language's table
        assert all(f"{{#lang-{lang}}}" in text for lang in ("de", "es", "sv"))
        assert "| `catalog/features/hold.yaml` | [guides/hold.md](guides/hold.md) | 4 | 1 | 0 |" in text


# --- surgical edits, for any text -----------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

from generator.authoring.i18n.yamledit import field_steps, lookup, set_string  # noqa: E402

_TEXT = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"), whitelist_characters="\n"),
                min_size=1, max_size=40).filter(lambda s: s.strip())
_SOURCE = {"id": "x", "title": "T", "steps": [{"text": "a"}, {"desktop": "b"}], "faqs": [{"id": "q", "answer": "A"}]}
_TRANSLATION = ("# a comment that must stay\nid: x\ntitle: Titel  # trailing comment\nsteps:\n- text: |\n    Zeile\n"
                "- desktop: 'b'\nfaqs:\n  - id: q\n    answer: >-\n      Antwort\n      weiter\n\n# end\n")


@settings(max_examples=150, deadline=None)
@given(field=st.sampled_from(["title", "steps[1].text", "steps[2].desktop", "faqs[q].answer", "steps[2].mobile"]),
       value=_TEXT)
def test_any_text_is_written_exactly_and_the_rest_of_the_file_stays(field: str, value: str):
    steps = field_steps(field, _SOURCE)
    new = set_string(_TRANSLATION, steps, value)
    assert lookup(new, steps) == value
    assert new.startswith("# a comment that must stay\nid: x\n") and new.endswith("\n# end\n")
    for other in {"title", "steps[1].text", "steps[2].desktop", "faqs[q].answer"} - {field}:
        assert lookup(new, field_steps(other, _SOURCE)) == lookup(_TRANSLATION, field_steps(other, _SOURCE))
