"""Long work shows progress on a terminal — build per language and pages done, publish the same through mike —
and stays quiet in CI (not a terminal) and with --quiet."""

from __future__ import annotations

import pytest
import os
import re
import pty
import shutil
import subprocess
import sys
from pathlib import Path

from support import FIXTURE


def on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal, as in a writer's shell; what the terminal shows."""
    master, slave = pty.openpty()
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, close_fds=True)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return process.wait(timeout=600), shown.decode("utf-8", "replace")


def cutover(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", *args]


def test_build_shows_pages_per_language_on_a_terminal(tmp_path: Path):
    code, shown = on_terminal(cutover("build", "-p", str(FIXTURE), "-d", str(tmp_path / "site")), tmp_path)
    assert code == 0, shown
    assert "Reading the definitions" in shown
    for lang in ("en", "de", "es", "sv"):
        total = _total(shown, lang)
        assert f"{lang}: 1/{total} pages" in shown and f"{lang}: {total}/{total} pages\r\n" in shown.replace("\r\r\n", "\r\n"), shown[-400:]


def _total(shown: str, lang: str) -> int:
    """The page count a language's progress counts up to (the fixture's pages, whatever they are today)."""
    found = re.search(rf"{lang}: 1/(\d+) pages", shown)
    assert found, shown[-400:]
    return int(found.group(1))


def test_build_is_quiet_in_ci_and_with_quiet(tmp_path: Path):
    logged = subprocess.run(cutover("build", "-p", str(FIXTURE), "-d", str(tmp_path / "a")), capture_output=True, text=True,
                            timeout=600)
    assert logged.returncode == 0 and "pages" not in logged.stderr and "Reading" not in logged.stderr
    code, shown = on_terminal(cutover("build", "--quiet", "-p", str(FIXTURE), "-d", str(tmp_path / "b")), tmp_path)
    assert code == 0 and "pages" not in shown and "Reading" not in shown, shown


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_publish_shows_the_pages_mike_builds(tmp_path: Path):
    repo = tmp_path / "kb"
    shutil.copytree(FIXTURE, repo)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "kit"]):
        subprocess.run(git + args, cwd=repo, check=True)
    code, shown = on_terminal(cutover("publish", "1.0"), repo)
    assert code == 0, shown
    total = _total(shown, "de")
    assert total > 20 and f"de: {total}/{total} pages" in shown and "cutover-progress" not in shown and "Published 1.0" in shown
    code, shown = on_terminal(cutover("publish", "1.1", "--quiet"), repo)
    assert code == 0 and not re.search(r"\d+/\d+ pages", shown), shown
