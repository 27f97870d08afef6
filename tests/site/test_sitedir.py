"""Nothing is lost: sources are never written, and a failed or interrupted build keeps the previous site."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site import sitedir
from generator.site.stage import default_staging_dir

from support import edit, tree_snapshot

SOURCES = ("catalog", "quizzes", "docs")


def cutover(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=600)


def sources_snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Content and modification time of every file and folder under the writers' folders: a rewrite with the
    same bytes counts as a write too."""
    found = {}
    for name in SOURCES:
        for path in sorted((root / name).rglob("*")):
            stat = path.lstat()
            found[path.relative_to(root).as_posix()] = (path.read_bytes() if path.is_file() else b"", stat.st_mtime_ns)
    return found


# --- the swap itself ---

def test_an_interrupted_swap_is_finished_by_the_next_build(tmp_path: Path):
    target = tmp_path / "site"
    old = tmp_path / ".site.old"
    old.mkdir()
    (old / "index.html").write_text("previous")
    sitedir.scratch_dir(target)  # what the next build does first
    assert (target / "index.html").read_text() == "previous" and not old.exists()


def test_scratch_folders_of_dead_builds_are_removed_and_live_ones_kept(tmp_path: Path):
    target = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f"{sitedir.SCRATCH_PREFIX}{dead}-abc"
    running = tmp_path / f"{sitedir.SCRATCH_PREFIX}{os.getpid()}-def"
    for folder in (stale, running):
        (folder / "site").mkdir(parents=True)
    mine = sitedir.scratch_dir(target)
    assert not stale.exists() and running.exists() and mine.parent == tmp_path
    assert mine.name.startswith(f"{sitedir.SCRATCH_PREFIX}{os.getpid()}-")


# --- whole builds ---

@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_builds_never_write_into_the_writers_folders(project: Path, tmp_path: Path):
    before = sources_snapshot(project)
    assert cutover("build", "-p", str(project)).returncode == 0  # default target: site/ inside the project
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(tmp_path / "plain")], capture_output=True, text=True, timeout=600)
    assert mkdocs.returncode == 0, mkdocs.stderr
    edit(project / "catalog/features/hold.yaml", "summary: Pause a call.", "summary: [broken")
    before["catalog/features/hold.yaml"] = sources_snapshot(project)["catalog/features/hold.yaml"]
    assert cutover("build", "-p", str(project)).returncode == 1
    assert sources_snapshot(project) == before
    assert (project / "site" / "index.html").is_file()


def _start_build(project: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_until_pages_are_written(build: subprocess.Popen, parent: Path) -> None:
    """Until MkDocs has written some pages into the scratch folder: the build is under way, not finished."""
    deadline = time.monotonic() + 600  # a guard against hanging, not a speed requirement
    while not any(parent.glob(f"{sitedir.SCRATCH_PREFIX}*/site/**/*.html")):
        assert build.poll() is None, "the build ended before it could be interrupted: " + build.stderr.read()
        assert time.monotonic() < deadline
        time.sleep(0.02)


@pytest.fixture
def built(project: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out" / "site"
    assert cutover("build", "-p", str(project), "-d", str(out)).returncode == 0
    # A change, so an interrupted build would be visible if it had touched the site.
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", "title: Hold the call")
    return out, tree_snapshot(out)


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_a_killed_build_leaves_the_previous_site(project: Path, built):
    out, good = built
    build = _start_build(project, out)
    _wait_until_pages_are_written(build, out.parent)
    build.kill()
    assert build.wait() == -signal.SIGKILL
    assert tree_snapshot(out) == good
    [leftover] = out.parent.glob(f"{sitedir.SCRATCH_PREFIX}*")  # nothing could clean up after SIGKILL …
    assert cutover("build", "-p", str(project), "-d", str(out)).returncode == 0
    assert not leftover.exists()  # … so the next build does
    assert "Hold the call" in (out / "guides/hold/index.html").read_text("utf-8")
    shutil.rmtree(_staging_of(project, build.pid), ignore_errors=True)  # the killed build's, in the temp folder


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_a_terminated_build_leaves_the_previous_site_and_cleans_up(project: Path, built):
    out, good = built
    build = _start_build(project, out)
    _wait_until_pages_are_written(build, out.parent)
    build.terminate()
    assert build.wait() == 128 + signal.SIGTERM
    assert tree_snapshot(out) == good
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]
    assert not _staging_of(project, build.pid).exists()


def _staging_of(project: Path, pid: int) -> Path:
    """The private staging folder a build process used (``cutover-<project hash>-<pid>``)."""
    mine = default_staging_dir(project).parent
    return mine.with_name(f"{mine.name.rsplit('-', 1)[0]}-{pid}")
