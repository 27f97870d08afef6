"""When pages last changed, and the date a build is "as of" — from git when the project is a repository.

Builds of the same commit stay byte-identical: dates come from the commit history, never from the clock, unless
the project is not in git (then the build date, or ``SOURCE_DATE_EPOCH`` as reproducible builds set it).
"""

from __future__ import annotations

import datetime
import functools
import os
import subprocess
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    try:
        run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 else None


def _epoch() -> datetime.date | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.timezone.utc).date() if value else None
    except (ValueError, OverflowError, OSError):
        return None


@functools.lru_cache(maxsize=8)
def as_of_date(root: Path) -> datetime.date:
    """The date a build describes: SOURCE_DATE_EPOCH, else the date of the checked-out commit, else today."""
    epoch = _epoch()
    if epoch:
        return epoch
    out = _git(root, "log", "-1", "--format=%cs")
    try:
        return datetime.date.fromisoformat(out.strip()) if out and out.strip() else datetime.date.today()
    except ValueError:
        return datetime.date.today()


@functools.lru_cache(maxsize=8)
def file_dates(root: Path) -> dict[str, datetime.date]:
    """Path relative to the repository's top folder -> the date of the last commit that changed it (one git call)."""
    out = _git(root, "log", "--format=@%cs", "--name-only", "--no-renames", "--relative", "HEAD")
    dates: dict[str, datetime.date] = {}
    day = None
    for line in (out or "").splitlines():
        if line.startswith("@"):
            try:
                day = datetime.date.fromisoformat(line[1:])
            except ValueError:
                day = None
        elif line and day and line not in dates:
            dates[line] = day
    return dates


def last_changed(root: Path, sources: list[str]) -> datetime.date:
    """The last change of any of ``sources`` (paths relative to ``root``; a folder counts every file in it), else
    the build's date."""
    dates = file_dates(root)
    found = [d for path, d in dates.items() for s in sources if s and (path == s or path.startswith(s.rstrip("/") + "/"))]
    return max(found) if found else as_of_date(root)
