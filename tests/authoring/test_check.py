"""`cutover check` as the pull-request gate: formats, --strict, links in hand-written pages, editor schemas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from support import REPO, edit


def check(project: Path, *args: str):
    return CliRunner().invoke(main, ["check", "-p", str(project), *args], catch_exceptions=False)


# --- formats and exit codes -----------------------------------------------------------------------------------

def test_json_lists_every_problem_with_location_severity_and_code(project: Path):
    edit(project / "catalog/roles/manager.yaml", "features: [dial]", "features: [dail]")
    run = check(project, "--format", "json")
    assert run.exit_code == 1
    data = json.loads(run.stdout)
    assert data["ok"] is False and data["errors"] == 1 and data["summary"] == ""
    error = next(p for p in data["problems"] if p["severity"] == "error")
    assert error["file"] == "catalog/roles/manager.yaml" and error["line"] == 4 and error["col"] > 0
    assert "unknown feature 'dail'" in error["message"] and error["hint"] == "did you mean 'dial'?"

    edit(project / "catalog/roles/manager.yaml", "features: [dail]", "features: [dial]")
    data = json.loads(check(project, "--format", "json").stdout)
    assert data["ok"] is True and data["errors"] == 0 and data["warnings"] == 2
    warning = next(p for p in data["problems"] if p["severity"] == "warning")
    assert warning == {"file": "docs/en/about.md", "line": 0, "col": 0, "severity": "warning", "code": "missing-translation",
                       "message": "not translated into es", "hint": "create docs/es/about.md"}


def test_json_on_a_clean_project_says_ok(project: Path):
    for lang in ("es", "sv"):
        (project / f"docs/{lang}").mkdir()
        (project / f"docs/{lang}/about.md").write_text((project / "docs/de/about.md").read_text("utf-8"), "utf-8")
    run = check(project, "--format", "json", "--strict")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data == {"ok": True, "errors": 0, "warnings": 0, "problems": [], "summary": data["summary"]}
    assert data["summary"].startswith("2 roles, 2 features")


def test_github_format_writes_workflow_annotations(project: Path):
    edit(project / "catalog/features/hold.yaml", "summary: Pause a call.", "summary: Pause a call.\nsumary: typo")
    run = check(project, "--format", "github")
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert ("::error file=catalog/features/hold.yaml,line=4,col=1,title=cutover check::unknown key 'sumary' "
            "(did you mean 'summary'?)") in lines
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_github_format_escapes_and_strict_turns_warnings_into_errors(project: Path):
    run = check(project, "--format", "github")
    assert run.exit_code == 0
    assert ("::warning file=docs/en/about.md,title=cutover check (missing-translation)::not translated into es "
            "(create docs/es/about.md)") in run.stdout.splitlines()
    strict = check(project, "--format", "github", "--strict")
    assert strict.exit_code == 1
    assert "::error file=docs/en/about.md,title=cutover check (missing-translation)::not translated into es" in strict.stdout
    assert "::warning" not in strict.stdout


def test_text_format_is_the_default(project: Path):
    run = check(project)
    assert run.exit_code == 0
    assert "docs/en/about.md: warning: not translated into es (create docs/es/about.md)" in run.stderr
    assert run.stdout.startswith("OK: 2 roles")
    assert check(project, "--strict").exit_code == 1


def test_an_unknown_format_is_refused(project: Path):
    run = check(project, "--format", "xml")
    assert run.exit_code == 2 and "'xml' is not one of 'text', 'json', 'github'" in run.output


# --- links in hand-written pages ------------------------------------------------------------------------------

PAGE = "docs/de/about.md"


def add_line(project: Path, line: str, page: str = PAGE) -> int:
    """Append a line to a hand-written page; return its line number."""
    path = project / page
    text = path.read_text("utf-8").rstrip("\n") + "\n"
    path.write_text(text + line + "\n", "utf-8")
    return text.count("\n") + 1


def test_links_to_existing_generated_and_hand_written_pages_pass(project: Path):
    add_line(project, "[Fehler](guides/hold.md#troubleshooting), [Rolle](roles/agent.md), [Karte](cards/agent.md), "
                      "[Quiz](quizzes/basics.md#q-dial-how), [oben](#uber-diese-seite), [Seite](about.md), "
                      "[Web](https://example.org/x.md), [Mail](mailto:help@example.org), [Stand](translation-status.md#lang-de)")
    run = check(project, "--format", "json")
    assert run.exit_code == 0, run.stdout
    assert not [p for p in json.loads(run.stdout)["problems"] if p["code"] == "broken-link"]


def test_a_link_to_a_missing_generated_page_is_a_located_error(project: Path):
    line = add_line(project, "Siehe [die Anleitung](guides/hodl.md).")
    run = check(project)
    assert run.exit_code == 1
    assert (f"docs/de/about.md:{line}:23: error: link to 'guides/hodl.md': there is no page 'guides/hodl.md' "
            "(did you mean 'guides/hold.md'?)") in run.stderr


def test_a_link_to_a_missing_anchor_is_a_located_error(project: Path):
    line = add_line(project, "[Fehlerbehebung](guides/hold.md#trouble-shooting) und [FAQ](faq.md#nummer)")
    run = check(project)
    assert run.exit_code == 1
    assert (f"docs/de/about.md:{line}:18: error: link to 'guides/hold.md#trouble-shooting': 'guides/hold.md' has no "
            "anchor '#trouble-shooting' (did you mean 'troubleshooting'?)") in run.stderr
    assert f"docs/de/about.md:{line}:61: error: link to 'faq.md#nummer': 'faq.md' has no anchor '#nummer'" in run.stderr


def test_a_link_to_a_missing_hand_written_page_and_one_outside_the_language(project: Path):
    line = add_line(project, "[Kontakt](contact.md) [Englisch](../../outside.md)", page="docs/en/about.md")
    run = check(project)
    assert f"docs/en/about.md:{line}:11: error: link to 'contact.md': there is no page 'contact.md'" in run.stderr
    assert f"docs/en/about.md:{line}:34: error: link to '../../outside.md' leaves the language folder" in run.stderr


def test_links_in_code_are_not_checked(project: Path):
    add_line(project, "`[x](nowhere.md)`\n\n```\n[y](nowhere.md)\n```")
    assert check(project).exit_code == 0


def test_a_hand_written_page_missing_in_a_language_is_a_warning(project: Path):
    (project / "docs/en/extra.md").write_text("# Extra\n\nSee [about](about.md).\n", "utf-8")
    run = check(project, "--format", "json")
    assert run.exit_code == 0
    missing = {(p["file"], p["message"]) for p in json.loads(run.stdout)["problems"] if p["severity"] == "warning"}
    assert {("docs/en/extra.md", f"not translated into {lang}") for lang in ("de", "es", "sv")} <= missing


def test_every_problem_in_one_run(project: Path):
    add_line(project, "[x](guides/nope.md)")
    edit(project / "catalog/features/hold.de.yaml", "title: Anruf halten", "title: 'TODO: übersetzen'")
    run = check(project, "--format", "json")
    codes = sorted(p["code"] for p in json.loads(run.stdout)["problems"] if p["severity"] == "error")
    assert codes == ["broken-link", "todo"]


# --- editors: yaml-language-server ----------------------------------------------------------------------------

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _kind(path: Path) -> str:
    name = path.name.split(".")[0]
    folder = path.parent.name
    return {"roles": "role", "features": "feature", "faqs": "faqs", "scenarios": "scenario", "quizzes": "quiz",
            "messages": "message", "surveys": "survey",
            "terminology": "terminology"}.get(folder, name)


@pytest.mark.parametrize("folder", ["catalog", "quizzes"])
def test_every_definition_file_names_an_existing_schema_of_its_kind(folder: str):
    files = sorted((REPO / folder).rglob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text("utf-8").split("\n", 1)[0]
        match = SCHEMA_LINE.match(first)
        assert match, f"{path.relative_to(REPO)} does not start with a yaml-language-server schema line"
        target = (path.parent / match.group(1)).resolve()
        assert target.is_file(), f"{path.relative_to(REPO)}: {match.group(1)} does not exist"
        variant = ".translation.schema.json" if path.name.count(".") == 2 else ".schema.json"
        assert target.name == _kind(path) + variant, f"{path.relative_to(REPO)} points at {target.name}"


def test_the_vscode_sample_maps_every_kind_to_its_schema():
    settings = json.loads((REPO / ".vscode/settings.json").read_text("utf-8"))
    mapping = settings["yaml.schemas"]
    for schema, globs in mapping.items():
        assert (REPO / schema).is_file(), schema
        assert globs
    kinds = {p.name.split(".")[0] for p in (REPO / "generator/schemas").glob("*.translation.schema.json")}
    assert {Path(s).name for s in mapping} >= {f"{k}{v}" for k in kinds
                                               for v in (".schema.json", ".translation.schema.json")}
    assert "generator/schemas/terminology.schema.json" in mapping  # term lists have no translations


# --- the sample CI workflow -----------------------------------------------------------------------------------

def test_the_sample_ci_workflow_runs_check_build_verify_with_options_that_exist():
    import shlex

    import click
    import yaml

    workflow = yaml.safe_load((REPO / "examples/ci/github-workflow.yml").read_text("utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    commands = [shlex.split(line.split(">>")[0]) for run in runs for line in run.splitlines() if line.startswith("cutover ")]
    assert [c[1] for c in commands if c[1] in ("check", "build", "verify")] == ["check", "build", "verify"]
    assert ["cutover", "check", "--strict", "--format", "github"] in commands
    for args in commands:
        command, rest = main, args[1:]
        while isinstance(command, click.Group):
            command, rest = command.commands[rest[0]], rest[1:]
        command.make_context(args[1], list(rest))  # raises on an unknown option or value
    assert "examples/ci/github-workflow.yml" in (REPO / "CONTRIBUTING.md").read_text("utf-8")


def test_the_default_kit_has_no_broken_links_todos_or_stale_translations():
    from generator.authoring.check import run_check

    result = run_check(REPO)
    assert result.project is not None
    assert [p.format() for p in result.problems if p.code in ("broken-link", "todo", "stale-translation")] == []


# --- everything the strict build finds, at the source line (issue 23, point 3) ---------------------------------

def cutover_cli(project: Path, *args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "generator.cli", *args, "-p", str(project)], capture_output=True, text=True,
                          timeout=600)


def test_a_link_in_a_step_to_a_missing_guide_is_an_error_at_the_yaml_line(project: Path):
    edit(project / "catalog/features/hold.yaml", "  - text: Press **Hold**.", "  - text: Press **Hold**, see [park](../guides/park.md).")
    edit(project / "catalog/features/hold.de.yaml", "- text: Drücken Sie **Halten**.", "- text: Siehe [Parken](../guides/parken.md).")
    (project / "catalog/features/hold.sv.yaml").unlink()
    run = cutover_cli(project, "check")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    english = next(line for line in lines if line.startswith("catalog/features/hold.yaml:7:"))
    assert "link to '../guides/park.md': there is no page 'guides/park.md'" in english
    assert "en/guides/hold.md" in english and "en/roles/agent.md" in english
    # Without a Swedish translation the Swedish pages show the English text: its line names them too.
    assert "and 3 more" in english  # en and sv: the card, the guide and the role manual
    german = next(line for line in lines if line.startswith("catalog/features/hold.de.yaml:5:"))
    assert "there is no page 'guides/parken.md'" in german and "de/guides/hold.md" in german and "en/" not in german
    assert not [line for line in lines if ": error: " in line and line.startswith(("en/", "de/", "docs/"))]


def test_a_relative_link_that_breaks_on_role_manuals_and_a_missing_anchor_are_errors(project: Path):
    edit(project / "catalog/features/hold.yaml", "  - text: Press **Hold**.", "  - text: Press **Hold** ([dial](dial.md#nowhere)).")
    run = cutover_cli(project, "check")
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert any("'guides/dial.md' has no anchor '#nowhere'" in e and "(on en/guides/hold.md" in e for e in errors), errors
    assert any("there is no page 'roles/dial.md'" in e and "en/roles/agent.md" in e and "relative to every page" in e for e in errors)
    assert all(e.startswith("catalog/features/hold.yaml:7:") for e in errors)


def test_an_absolute_link_in_a_hand_written_page_is_an_error(project: Path):
    edit(project / "docs/en/about.md", "See the [guide](guides/dial.md)", "See the [guide](/guides/dial.md)")
    run = cutover_cli(project, "check")
    assert run.returncode == 1
    assert "docs/en/about.md:4:17: error: link to '/guides/dial.md' is absolute" in run.stderr


def test_the_build_counts_every_warning_it_printed(project: Path, tmp_path: Path):
    edit(project / "catalog/features/hold.yaml", "  - text: Press **Hold**.", "  - text: Press **Hold**, see [park](../guides/park.md).")
    edit(project / "catalog/features/hold.de.yaml", "- text: Drücken Sie **Halten**.", "- text: Siehe [Parken](../guides/parken.md).")
    run = cutover_cli(project, "build", "-d", str(tmp_path / "site"))
    assert run.returncode == 1
    printed = [line for line in run.stderr.splitlines() if line.startswith("WARNING")]
    assert len(printed) >= 6  # the guide and the role manual, in each of the four languages
    assert f"{len(printed)} warnings in strict mode" in run.stderr and "'cutover check' names each" in run.stderr


def test_the_shipped_kit_has_no_broken_link_in_any_generated_page():
    run = cutover_cli(REPO, "check")
    assert run.returncode == 0, run.stderr
    assert "broken" not in run.stderr and ": error: " not in run.stderr


# --- every independent problem in one run (issue 23, point 4) ---------------------------------------------------

def test_one_run_reports_shape_reference_variable_and_translation_problems_together(project: Path):
    # A new feature whose file has the wrong shape, with a TODO and an unknown variable in it; a role that lists it
    # (not unknown: its file has errors of its own) and a feature that does not exist; an unknown variable and a
    # translation TODO in files that are right otherwise; a broken link in a hand-written page.
    (project / "catalog/features/park.yaml").write_text(
        "id: park\ntitle: Park a call\nsumary: typo\ncategory: calls\nsteps:\n  - text: TODO write the step\n"
        "  - text: Dial {{ park_code }}.\n", "utf-8")
    (project / "catalog/features/park.de.yaml").write_text("id: park\ntitle: TODO Titel\n", "utf-8")
    edit(project / "catalog/roles/agent.yaml", "features: [dial, hold]", "features: [dial, hold, park, transfer]")
    edit(project / "catalog/features/hold.yaml", "summary: Pause a call.", "summary: Pause a call with {{ hold_key }}.")
    edit(project / "catalog/features/hold.de.yaml", "summary: Einen Anruf pausieren.", "summary: TODO übersetzen")
    edit(project / "docs/en/about.md", "[FAQ](faq.md#number)", "[FAQ](faq.md#numbre)")
    run = cutover_cli(project, "check")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    expected = [
        ("catalog/features/park.yaml:3:1", "unknown key 'sumary'"),                      # shape
        ("catalog/features/park.yaml:6:", "still holds the placeholder 'TODO write the step'"),
        ("catalog/features/park.yaml:7:", "unknown variable '{{ park_code }}'"),
        ("catalog/features/park.de.yaml:2:", "still holds the placeholder 'TODO Titel'"),
        ("catalog/roles/agent.yaml:7:", "unknown feature 'transfer'"),                 # reference
        ("catalog/features/hold.yaml:3:", "unknown variable '{{ hold_key }}'"),          # variable
        ("catalog/features/hold.de.yaml:3:", "still holds the placeholder 'TODO übersetzen'"),  # translation TODO
        ("docs/en/about.md:4:", "has no anchor '#numbre'"),                              # link
    ]
    for where, says in expected:
        assert any(e.startswith(where) and says in e for e in errors), f"{where} {says!r} missing:\n" + "\n".join(errors)
    assert not any("unknown feature 'park'" in e for e in errors)
    assert len(errors) == len(expected), "\n".join(errors)


def test_a_file_that_is_not_yaml_stops_only_its_own_checks(project: Path):
    (project / "catalog/features/hold.yaml").write_text("id: hold\ntitle: [unclosed\n", "utf-8")
    edit(project / "catalog/roles/agent.yaml", "features: [dial, hold]", "features: [dial, hold, transfer]")
    edit(project / "docs/en/about.md", "[guide](guides/dial.md)", "[guide](guides/dail.md)")
    run = cutover_cli(project, "check")
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert any(e.startswith("catalog/features/hold.yaml:") and "invalid YAML" in e for e in errors), errors
    assert any(e.startswith("catalog/roles/agent.yaml:7:") and "unknown feature 'transfer'" in e for e in errors), errors
    assert any(e.startswith("docs/en/about.md:4:") and "no page 'guides/dail.md'" in e for e in errors), errors
    # Pages of the feature whose file cannot be read are not judged (nor references to it): they return with it.
    assert not any("'hold'" in e or "guides/hold.md" in e for e in errors), errors
