"""The cutover command, run as a writer runs it."""

import subprocess
import sys
import re
from pathlib import Path

from support import FIXTURE, edit, tree_snapshot


def cutover(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_check_passes_on_a_good_project():
    run = cutover("check", "-p", str(FIXTURE))
    assert run.returncode == 0, run.stderr
    assert "OK: 2 roles, 2 features, 2 FAQs, 2 phases, 2 glossary terms, 2 scenarios, 1 quizzes in 4 languages" in run.stdout


def test_check_reports_every_error_with_file_line_and_exit_1(project: Path):
    edit(project / "catalog/roles/manager.yaml", "features: [dial]", "features: [dail]")
    edit(project / "catalog/features/hold.yaml", "summary: Pause a call.", "summary: Pause a call.\nsumary: typo")
    run = cutover("check", "-p", str(project))
    assert run.returncode == 1
    assert "catalog/features/hold.yaml:4:1: error: unknown key 'sumary' (did you mean 'summary'?)" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_cross_reference_errors_after_schema_errors_are_fixed(project: Path):
    edit(project / "catalog/roles/manager.yaml", "features: [dial]", "features: [dail]")
    run = cutover("check", "-p", str(project))
    assert run.returncode == 1
    assert "catalog/roles/manager.yaml:4:" in run.stderr and "unknown feature 'dail' (did you mean 'dial'?)" in run.stderr


def test_strict_fails_on_missing_translations(project: Path):
    (project / "catalog/features/hold.sv.yaml").unlink()
    assert cutover("check", "-p", str(project)).returncode == 0
    strict = cutover("check", "--strict", "-p", str(project))
    assert strict.returncode == 1 and "not translated into sv" in strict.stderr


def test_build_writes_the_site_and_leaves_the_project_alone(project: Path, tmp_path: Path):
    before = tree_snapshot(project)
    out = tmp_path / "out"
    run = cutover("build", "-p", str(project), "-d", str(out))
    assert run.returncode == 0, run.stderr
    for page in ("index.html", "guides/dial/index.html", "de/guides/dial/index.html", "sv/quizzes/basics/index.html",
                 "es/about/index.html", "about/index.html"):
        assert (out / page).is_file(), page
    assert tree_snapshot(project) == before


def test_failed_build_keeps_the_previous_site(project: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert cutover("build", "-p", str(project), "-d", str(out)).returncode == 0
    good = tree_snapshot(out)
    edit(project / "quizzes/basics.yaml", "learn_more: dial#steps", "learn_more: dial#tips")
    run = cutover("build", "-p", str(project), "-d", str(out))
    assert run.returncode == 1 and "guide 'dial' has no section '#tips'" in run.stderr
    assert "Traceback" not in run.stderr
    assert tree_snapshot(out) == good
    assert not list(tmp_path.glob(".cutover-build-*"))


def test_build_one_language(tmp_path: Path):
    out = tmp_path / "out"
    assert cutover("build", "-p", str(FIXTURE), "-d", str(out), "--lang", "sv").returncode == 0
    assert '<html lang="sv"' in (out / "index.html").read_text("utf-8") and not (out / "de").exists()


def test_help_for_every_command():
    for command in ("check", "build", "serve"):
        run = cutover(command, "--help")
        assert run.returncode == 0 and "Usage:" in run.stdout


# --- failures that explain themselves (issue 23, point 10) ---

def test_a_language_the_site_does_not_have_is_one_clear_line(tmp_path: Path):
    for command in (["build", "-d", str(tmp_path / "site")], ["serve", "-a", "127.0.0.1:0"]):
        run = cutover(*command, "--lang", "fr", "-p", str(FIXTURE))
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert run.stderr.strip().splitlines() == [
            "Error: --lang fr: the site's languages are en, de, es, sv (add 'fr' to languages in catalog/site.yaml to build it)"]
    assert not (tmp_path / "site").exists()


def test_a_failed_build_into_a_new_folder_does_not_claim_to_have_kept_it(project: Path, tmp_path: Path):
    edit(project / "catalog/features/hold.yaml", "  - text: Press **Hold**.", "  - text: See [x](../guides/nowhere.md).")
    run = cutover("build", "-p", str(project), "-d", str(tmp_path / "new"))
    assert run.returncode == 1 and "Error: build failed, nothing written:" in run.stderr and "left as it was" not in run.stderr


def test_the_missing_translation_hint_says_create_only_when_the_file_is_missing(project: Path):
    (project / "catalog/features/hold.es.yaml").unlink()
    (project / "catalog/features/hold.sv.yaml").write_text("id: hold\n", "utf-8")  # there, but without a text
    run = cutover("check", "-p", str(project))
    assert ("catalog/features/hold.yaml: warning: not translated into es (5 strings) (create hold.es.yaml beside it)"
            in run.stderr)
    assert ("catalog/features/hold.yaml: warning: not translated into sv (5 strings) "
            "(write them into the existing hold.sv.yaml beside it)") in run.stderr


def test_i18n_status_can_show_only_unfinished_files(project: Path):
    (project / "catalog/features/hold.es.yaml").unlink()
    run = cutover("i18n", "status", "--unfinished", "-p", str(project))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    totals = {line.split(":")[0]: line for line in lines if re.match(r"^[a-z]{2}: ", line)}
    whole = int(re.search(r"\(of (\d+)\)", totals["de"]).group(1))  # the fixture's strings, interface strings included
    assert totals["de"] == f"de: {whole} complete, 0 missing, 0 stale (of {whole})"
    assert totals["es"] == f"es: {whole - 5} complete, 5 missing, 0 stale (of {whole})"
    files = [line.split()[0] for line in lines if line.startswith("  ") and line.split()[0].endswith(".yaml")]
    assert files == ["catalog/features/hold.yaml"]  # es's one unfinished file; de and sv list none
    assert len([line for line in cutover("i18n", "status", "-p", str(project)).stdout.splitlines() if ".yaml" in line]) > 10


def test_help_groups_the_commands_by_task_with_whole_summaries():
    run = cutover("--help")
    assert run.returncode == 0
    sections = [line[:-1] for line in run.stdout.splitlines() if line.endswith(":") and not line.startswith(" ")]
    assert sections == ["Options", "Write", "Translate", "Build and preview", "Publish", "Export", "Organisations"]
    assert "..." not in run.stdout.split("Write:", 1)[1]  # no summary cut short
    text = " ".join(run.stdout.split())
    assert "check Validate every definition and hand-written page (and the links between them); print file:line:col problems." in text
    assert "export-quiz Export quizzes for a learning-management system (categories by role, feedback, partial credit)." in text
