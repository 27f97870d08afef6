"""`cutover init`: a new organisation's site over the installed kit, that checks and builds at once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from support import REPO


def cutover(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=900, cwd=cwd)


INIT_OUTPUT: dict[str, str] = {}


@pytest.fixture(scope="module")
def org(tmp_path_factory) -> Path:
    """Acme, in English and German, made (and so checked and built) once for the module."""
    root = tmp_path_factory.mktemp("init") / "acme"
    run = cutover("init", str(root), "--org-name", "Acme & Sons", "--languages", "en,de")
    assert run.returncode == 0, run.stderr
    INIT_OUTPUT["stdout"] = run.stdout
    return root


@pytest.fixture(scope="module")
def site(org: Path) -> Path:
    """The site init built."""
    assert (org / "site" / "index.html").is_file()
    return org / "site"


def test_init_commits_checks_and_builds_as_readme_says(org: Path, site: Path) -> None:
    lines = INIT_OUTPUT["stdout"].splitlines()
    assert lines[0].endswith(": a git repository with a first commit.")
    assert lines[1].startswith("Checked: ") and "in 2 languages (en, de)" in lines[1]
    assert f"Site written to {site.resolve()}" in lines and lines[-1] == f"Next: cd {org} && cutover serve"
    log = subprocess.run(["git", "log", "--format=%s"], cwd=org, capture_output=True, text=True).stdout.splitlines()
    assert log == [f"New training site for Acme & Sons, from Cutover {version('cutover-kb')}"]
    # What publish needs is there: a repository, a commit, nothing uncommitted (site/ is ignored).
    from generator.publish.versions import require_committed
    require_committed(org)


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_init_commits_without_a_git_identity_and_says_so(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "GIT_CONFIG_GLOBAL": str(tmp_path / "none"), "GIT_CONFIG_NOSYSTEM": "1"}
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        env.pop(key, None)
    run = subprocess.run([sys.executable, "-m", "generator.cli", "init", str(tmp_path / "org"), "--no-build"], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "a git repository with a first commit as 'Cutover <cutover@localhost>'" in run.stdout
    assert "git config --global user.name" in run.stdout and not (tmp_path / "org" / "site").exists()
    author = subprocess.run(["git", "log", "--format=%an <%ae>"], cwd=tmp_path / "org", capture_output=True, text=True, env=env)
    assert author.stdout.strip() == "Cutover <cutover@localhost>"


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_init_inside_a_repository_makes_no_nested_one(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    run = cutover("init", str(tmp_path / "training"), "--no-build")
    assert run.returncode == 0, run.stderr
    assert f"inside the git repository {tmp_path}: commit the new folder there" in run.stdout
    assert not (tmp_path / "training" / ".git").exists()


def test_schema_lines_resolve_inside_the_new_repository(org: Path) -> None:
    new = cutover("new", "feature", "door-phone", "-p", str(org))
    assert new.returncode == 0, new.stderr
    lines = 0
    for path in sorted(org.rglob("*.yaml")):
        first = path.read_text("utf-8").splitlines()[0]
        if first.startswith("# yaml-language-server: $schema="):
            target = (path.parent / first.split("=", 1)[1]).resolve()
            assert target.is_file() and target.is_relative_to(org.resolve()), f"{path}: {first}"
            lines += 1
    assert lines >= 4  # site.yaml, site.de.yaml, the new feature and its translation
    readme = (org / "README.md").read_text("utf-8")
    assert "cutover.example" not in readme and "`schemas/`" in readme
    for path in (org / "catalog/features").glob("door-phone*"):
        path.unlink()


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_check_warns_about_schema_copies_older_than_cutover_and_init_renews_them(tmp_path: Path) -> None:
    root = tmp_path / "org"
    assert cutover("init", str(root), "--no-build").returncode == 0
    schema = root / "schemas" / "feature.schema.json"
    schema.write_text(schema.read_text("utf-8").replace('"title"', '"titel"'), "utf-8")
    warned = cutover("check", "-p", str(root))
    assert warned.returncode == 0
    assert ("schemas/feature.schema.json: warning: differs from the schema of the installed Cutover" in warned.stderr
            and "cutover init --update-schemas ." in warned.stderr)
    renewed = cutover("init", "--update-schemas", ".", cwd=root)
    assert renewed.returncode == 0 and renewed.stdout.startswith("1 schema file renewed")
    assert "schemas/" not in cutover("check", "-p", str(root)).stderr


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


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_a_second_organisation_with_other_languages_builds(tmp_path: Path) -> None:
    root = tmp_path / "nordic"
    assert cutover("init", str(root), "--org-name", "Nordic AB", "--languages", "en,sv", "--no-build").returncode == 0
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
