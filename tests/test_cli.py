"""The cutover command, run as a writer runs it."""

import subprocess
import sys
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
