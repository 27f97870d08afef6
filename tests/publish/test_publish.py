"""Versioned publishing with mike in real git repositories."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURE, edit

pytestmark = pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop


def cutover(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def tree_of(repo: Path, path: str) -> str:
    """Every file under ``path`` on gh-pages with its blob hash: equal output means byte-identical files."""
    return git(repo, "ls-tree", "-r", "gh-pages", path)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A project repository with 1.0 published, then 2.0 as 'latest' and the default."""
    repo = tmp_path_factory.mktemp("publish") / "kb"
    shutil.copytree(FIXTURE, repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "kit"], cwd=repo, check=True)
    first = cutover("publish", "1.0", "--title", "Parallel operation", cwd=repo)
    assert first.returncode == 0, first.stderr
    # The fixture leaves some strings untranslated: the publish goes ahead, and says so.
    assert "Warning: 2 hand-written pages not translated yet" in first.stderr
    before = tree_of(repo, "1.0")
    edit(repo / "catalog/features/dial.yaml", "summary: Call someone.", "summary: Call anyone on the new system.")
    dirty = cutover("publish", "2.0", cwd=repo)
    assert dirty.returncode == 1 and "Traceback" not in dirty.stderr
    assert dirty.stderr.startswith("Error: uncommitted changes (catalog/features/dial.yaml) would be published as commit ")
    assert "--allow-dirty" in dirty.stderr
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "dial"], cwd=repo, check=True)
    second = cutover("publish", "2.0", "latest", "--set-default", cwd=repo)
    assert second.returncode == 0, second.stderr
    return repo, before


def test_versions_lists_versions_and_aliases(published):
    repo, _ = published
    run = cutover("versions", cwd=repo)
    assert run.stdout.splitlines() == ["2.0 [latest]", "1.0 — Parallel operation"]


def test_older_version_stays_byte_identical(published):
    repo, before = published
    assert before and tree_of(repo, "1.0") == before
    assert "Call anyone" in git(repo, "show", "gh-pages:2.0/guides/dial/index.html")
    assert "Call anyone" not in git(repo, "show", "gh-pages:1.0/guides/dial/index.html")


def test_failed_build_leaves_gh_pages_unchanged(published):
    repo, _ = published
    head = git(repo, "rev-parse", "gh-pages")
    edit(repo / "quizzes/basics.yaml", "learn_more: dial#steps", "learn_more: dial#nowhere")
    try:
        run = cutover("publish", "3.0", "--allow-dirty", cwd=repo)
        assert run.returncode == 1 and "has no section '#nowhere'" in run.stderr and "Traceback" not in run.stderr
        assert git(repo, "rev-parse", "gh-pages") == head
    finally:
        edit(repo / "quizzes/basics.yaml", "learn_more: dial#nowhere", "learn_more: dial#steps")


@pytest.mark.parametrize("alias_type", ["copy", "redirect", "symlink"])
def test_export_for_a_web_server(published, tmp_path: Path, alias_type: str):
    repo, _ = published
    out = tmp_path / "www"
    run = cutover("export", str(out), "--alias-type", alias_type, cwd=repo)
    assert run.returncode == 0, run.stderr
    assert (out / "versions.json").is_file() and (out / "1.0/de/guides/dial/index.html").is_file()
    latest = out / "latest"
    if alias_type == "symlink":
        assert latest.is_symlink()
    else:
        assert not any(p.is_symlink() for p in out.rglob("*"))
    page = (latest / "de/guides/dial/index.html").read_text("utf-8")
    if alias_type == "redirect":
        assert 'url=../../../../2.0/de/guides/dial/' in page
    else:
        assert "Anruf tätigen" in page


def test_publish_outside_a_repository_is_a_clear_error(tmp_path: Path):
    project = tmp_path / "kb"
    shutil.copytree(FIXTURE, project)
    run = cutover("publish", "1.0", cwd=project)
    assert run.returncode == 1 and "not inside a git repository" in run.stderr and "Traceback" not in run.stderr


def test_export_without_a_default_version_leads_from_the_root_to_the_newest(tmp_path: Path):
    repo = tmp_path / "kb"
    shutil.copytree(FIXTURE, repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "kit"], cwd=repo, check=True)
    for version in ("1.0", "1.1"):
        assert cutover("publish", version, cwd=repo).returncode == 0
    out = tmp_path / "www"
    assert cutover("export", str(out), cwd=repo).returncode == 0
    root = (out / "index.html").read_text("utf-8")
    assert 'url=1.1/' in root and 'href="1.1/"' in root  # relative: it works under /kb/ too
    assert (out / "1.1/index.html").is_file()
