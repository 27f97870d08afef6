"""Problems found in a writer's input, and how they are reported.

Every check in the pipeline reports :class:`Problem` objects instead of raising
on the first mistake, so a writer sees every error of a run at once.
"""

from __future__ import annotations

import difflib
import enum
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable


class Severity(str, enum.Enum):
    """How bad a problem is."""

    ERROR = "error"  #: the site cannot be built correctly; exit code 1
    WARNING = "warning"  #: the site builds, but a reader will notice (for example an untranslated string)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake, located as precisely as the input allows."""

    path: str  #: file path, relative to the project root where possible
    line: int  #: 1-based; 0 when the whole file is concerned
    col: int  #: 1-based; 0 when unknown
    message: str
    hint: str = ""  #: what to do about it
    severity: Severity = Severity.ERROR
    code: str = ""  #: machine-readable kind, e.g. ``missing-translation``

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class CutoverError(Exception):
    """Raised when input is wrong; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=_problem_order)
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join(p.format() for p in self.problems)


def _problem_order(p: Problem) -> tuple:
    return (p.path, p.line, p.col, p.message)


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest known spelling, or an empty string."""
    close = difflib.get_close_matches(str(word), sorted(set(map(str, candidates))), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def relative(path: Path, root: Path) -> str:
    # Lexically first: a symbolic link is named where the writer sees it, not where it points.
    for resolve in (False, True):
        try:
            if resolve:
                return path.resolve().relative_to(root.resolve()).as_posix()
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
        except ValueError:
            continue
    return path.as_posix()
