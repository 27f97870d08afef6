"""`cutover init`: a new organisation's site over the installed kit, that checks and builds at once."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from support import REPO


def cutover(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=900, cwd=cwd)


@pytest.fixture(scope="module")
def org(tmp_path_factory) -> Path:
    """Acme, in English and German, built once for the module."""
    root = tmp_path_factory.mktemp("init") / "acme"
    run = cutover("init", str(root), "--org-name", "Acme & Sons", "--languages", "en,de")
    assert run.returncode == 0, run.stderr
    return root


@pytest.fixture(scope="module")
def site(org: Path) -> Path:
    run = cutover("build", cwd=org)
    assert run.returncode == 0, run.stderr + run.stdout
    return org / "site"


def test_init_writes_settings_and_starting_content_but_no_code(org: Path) -> None:
    files = sorted(p.relative_to(org).as_posix() for p in org.rglob("*") if p.is_file())
    for expected in ("mkdocs.yml", "catalog/site.yaml", "catalog/site.de.yaml", "docs/en/welcome.md", "docs/de/welcome.md",
                     ".github/workflows/site.yml", "README.md", ".gitignore", "quizzes/.gitkeep"):
        assert expected in files
    assert not [f for f in files if f.endswith(".py") or f.startswith(("generator", "catalog/features/", "docs/es"))
                and not f.endswith(".gitkeep")]
    site_yaml = (org / "catalog" / "site.yaml").read_text("utf-8")
    assert "kit: default" in site_yaml and "languages: [en, de]" in site_yaml and 'org_name: "Acme & Sons"' in site_yaml
    assert "name: Deutsch" in (org / "mkdocs.yml").read_text("utf-8")


def test_the_new_site_checks_cleanly(org: Path) -> None:
    run = cutover("check", cwd=org)
    assert run.returncode == 0, run.stderr
    assert re.search(r"OK: \d+ roles, \d+ features", run.stdout) and "in 2 languages (en, de)" in run.stdout


def test_variables_appear_on_pages_in_every_language(site: Path) -> None:
    assert "Acme &amp; Sons" in (site / "index.html").read_text("utf-8")
    german = (site / "de" / "index.html").read_text("utf-8")
    assert "Acme &amp; Sons" in german
    # A per-language value (catalog/site.de.yaml) on a hand-written page.
    assert "montags bis freitags" in (site / "de" / "contact" / "index.html").read_text("utf-8")
    assert not (site / "es").exists()


def test_the_build_never_writes_into_the_project_or_the_kit(org: Path, site: Path) -> None:
    assert (org / "site").is_dir()
    assert not list((REPO / "catalog").rglob("*.html"))


def test_a_second_organisation_with_other_languages_builds(tmp_path: Path) -> None:
    root = tmp_path / "nordic"
    assert cutover("init", str(root), "--org-name", "Nordic AB", "--languages", "en,sv").returncode == 0
    run = cutover("build", "-d", str(tmp_path / "out"), cwd=root)
    assert run.returncode == 0, run.stderr + run.stdout
    assert "Nordic AB" in (tmp_path / "out" / "sv" / "index.html").read_text("utf-8")
    assert not (tmp_path / "out" / "de").exists()


@pytest.mark.parametrize("languages, message", [
    ("en,xx", "'xx' is not a language CLDR knows"),
    ("en,pol", "'pol' is not a language code"),
    ("de,en", "list it first"),
])
def test_unknown_or_misordered_languages_are_refused(tmp_path: Path, languages: str, message: str) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "x"), "--languages", languages])
    assert result.exit_code == 1 and message in result.output
    assert not (tmp_path / "x").exists()


def test_a_non_empty_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1 and "is not empty" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_the_organisations_own_name_gets_the_kits_grammatical_forms(org: Path) -> None:
    """The kit's German sentences say "bei {{ org_name.dat }}": a new organisation's site.de.yaml carries its own
    name in those forms (to check), never the kit's demo name."""
    german = (org / "catalog" / "site.de.yaml").read_text("utf-8")
    assert 'dat: "der Acme & Sons"  # check the article and case for your name' in german
    assert "Northwind" not in german
