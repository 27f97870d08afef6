"""A build whose inputs have not changed is skipped, and any change of any input builds again.

The key tests change one input each and expect another key; the command tests build the small fixture in a
process of its own with a cache folder of the test's own, as a writer would run ``cutover build`` twice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import uptodate

from support import FIXTURE, edit, make_org


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CUTOVER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CUTOVER_NO_CACHE", raising=False)
    return tmp_path / "cache"


def key(project: Path, options: dict | None = None) -> str:
    return uptodate.inputs_key(project, project / "site", options or {"strict": True})


# -- the key -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("change", [
    pytest.param(lambda p: edit(p / "catalog/features/dial.yaml", "summary: Call someone.", "summary: Ring."), id="definition"),
    pytest.param(lambda p: edit(p / "catalog/features/dial.de.yaml", "summary: Jemanden anrufen.", "summary: Anrufen."),
                 id="translation"),
    pytest.param(lambda p: (p / "docs/en/extra.md").write_text("# Extra\n", "utf-8"), id="new page"),
    pytest.param(lambda p: (p / "docs/en/about.md").unlink(), id="deleted page"),
    pytest.param(lambda p: (p / "docs/en/about.md").rename(p / "docs/en/about-us.md"), id="renamed page"),
    pytest.param(lambda p: edit(p / "mkdocs.yml", "  font: false\n", "  font: false\n  custom_dir: overrides\n"), id="mkdocs.yml"),
    pytest.param(lambda p: (p / "overrides").mkdir() or (p / "overrides/main.html").write_text("x", "utf-8"), id="theme override"),
])
def test_any_change_of_the_project_changes_the_key(project: Path, cache: Path, change) -> None:
    before = key(project)
    change(project)
    assert key(project) != before


def test_options_and_the_variables_a_build_reads_are_in_the_key(project: Path, cache: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    before = key(project)
    assert key(project, {"strict": False}) != before
    assert key(project, {"strict": True, "offline": True}) != before
    assert key(project, {"strict": True, "language": "de"}) != before
    for variable in ("CUTOVER_STRICT", "CUTOVER_LANGUAGE", "SOURCE_DATE_EPOCH", "MIKE_DOCS_VERSION"):
        monkeypatch.setenv(variable, "1")
        assert key(project) != before, variable
        monkeypatch.delenv(variable)
    assert key(project) == before
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text("utf-8") + "copyright: !ENV [OUR_NOTICE, x]\n", "utf-8")
    with_tag = key(project)
    monkeypatch.setenv("OUR_NOTICE", "© Example")
    assert key(project) != with_tag


def test_the_site_caches_and_version_control_are_not_inputs(project: Path, cache: Path) -> None:
    before = key(project)
    for folder in ("site/en", ".git/objects", "catalog/__pycache__", ".venv/lib", ".site.old", ".cutover-build-1-x"):
        (project / folder).mkdir(parents=True)
        (project / folder / "file").write_text("anything", "utf-8")
    (project / ".venv/pyvenv.cfg").write_text("home = /usr/bin\n", "utf-8")
    assert key(project) == before


def test_a_commit_changes_the_key_because_pages_are_dated_from_the_history(project: Path, cache: Path) -> None:
    git = ["git", "-C", str(project), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "one", "--date", "2026-01-01T00:00:00"], check=True)
    first = key(project)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "two"], check=True)
    assert key(project) != first


def test_the_kit_an_organisation_names_by_path_is_an_input(tmp_path: Path, cache: Path) -> None:
    kit = tmp_path / "kit"
    shutil.copytree(FIXTURE, kit)
    org = make_org(tmp_path / "org", kit)
    edit(org / "catalog/site.yaml", f"kit: {kit}", "kit: ../kit")
    before = key(org)
    edit(kit / "catalog/features/dial.yaml", "summary: Call someone.", "summary: Ring.")
    assert key(org) != before


# -- the command -------------------------------------------------------------------------------------------------

def build(project: Path, out: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CUTOVER_CACHE_DIR": str(cache)}
    env.pop("CUTOVER_NO_CACHE", None)
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out), "-q", *extra],
                          capture_output=True, text=True, timeout=600, env=env)


def listing(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}


def test_a_second_build_of_the_same_inputs_is_skipped_and_any_change_builds_again(project: Path, tmp_path: Path) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site"
    first = build(project, site, cache)
    assert first.returncode == 0, first.stderr
    written = listing(site)

    again = build(project, site, cache)
    assert again.returncode == 0, again.stderr
    assert "is up to date" in again.stdout
    assert listing(site) == written  # not a file rewritten

    page = site / "guides" / "dial" / "index.html"
    edit(project / "catalog/features/dial.yaml", "summary: Call someone.", "summary: Ring a colleague.")
    edited = build(project, site, cache)
    assert "Site written" in edited.stdout, edited.stderr
    assert "Ring a colleague." in page.read_text("utf-8")

    page.unlink()  # the site changed behind the build's back: it is not trusted any more
    repaired = build(project, site, cache)
    assert "Site written" in repaired.stdout, repaired.stderr
    assert "Ring a colleague." in page.read_text("utf-8")

    assert "is up to date" in build(project, site, cache).stdout
    forced = build(project, site, cache, "--no-cache")
    assert "Site written" in forced.stdout, forced.stderr


def test_a_build_that_may_have_warned_is_never_skipped(project: Path, tmp_path: Path) -> None:
    """A non-strict build may have printed warnings: skipping the next one would hide them from the writer."""
    cache, site = tmp_path / "cache", tmp_path / "site"
    (project / "docs/en/about.md").write_text("# About\n\nSee [the missing page](missing.md).\n", "utf-8")
    assert build(project, site, cache, "--no-strict").returncode == 0
    again = build(project, site, cache, "--no-strict")
    assert "Site written" in again.stdout
    assert "missing.md" in again.stderr


def test_an_upgraded_library_changes_the_key(project: Path, cache: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    packages = tmp_path / "lib" / "site-packages"
    (packages / "mkdocs_material-9.0.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(packages))
    before = key(project)
    (packages / "mkdocs_material-9.0.0.dist-info").rename(packages / "mkdocs_material-9.0.1.dist-info")
    assert key(project) != before
