"""The new organisation folder becomes a git repository with a first commit, so `cutover publish` (mike commits
to its gh-pages branch) works right away."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

#: Who the first commit is by when git has no identity configured (a fresh machine): said in the message.
FALLBACK_IDENTITY = ("Cutover", "cutover@localhost")


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)


def first_commit(folder: Path, message: str) -> str:
    """``git init`` and commit every file; returns what was done, in one sentence for the writer."""
    if shutil.which("git") is None:
        return "git is not installed: install it, then run 'git init' and commit, before 'cutover publish'"
    outer = _git(folder.parent, "rev-parse", "--show-toplevel")
    if outer.returncode == 0:
        return f"inside the git repository {outer.stdout.strip()}: commit the new folder there"
    for args in (("init", "-q"), ("add", "-A")):
        run = _git(folder, *args)
        if run.returncode != 0:
            return f"'git {' '.join(args)}' failed ({run.stderr.strip()}): set up the repository yourself"
    identity: list[str] = []
    note = ""
    if not all(_git(folder, "config", key).stdout.strip() for key in ("user.name", "user.email")):
        name, email = FALLBACK_IDENTITY
        identity = ["-c", f"user.name={name}", "-c", f"user.email={email}"]
        note = (f" as '{name} <{email}>' (git has no identity here: set yours with git config --global user.name "
                "and user.email)")
    run = _git(folder, *identity, "commit", "-q", "-m", message)
    if run.returncode != 0:
        return f"git init done, but the first commit failed ({run.stderr.strip()}): commit the files yourself"
    return "a git repository with a first commit" + note
