"""Pages built so far, per language, for long builds: `cutover build` shows them on a terminal; the `mkdocs build`
that mike starts for `cutover publish` writes them as lines its parent reads (``CUTOVER_PROGRESS=lines``)."""

from __future__ import annotations

import os
import sys
from typing import Callable

#: Environment variable: "lines" makes a build in another process write its progress to stderr.
ENV = "CUTOVER_PROGRESS"
_PREFIX = "cutover-progress "

Sink = Callable[[str, int, int], None]  #: (language, pages done, pages in this language)
_sink: Sink | None = None


def set_sink(sink: Sink | None) -> None:
    """Where this process's builds report (None: nowhere, or lines on stderr with ``CUTOVER_PROGRESS=lines``)."""
    global _sink
    _sink = sink


def report(language: str, done: int, total: int) -> None:
    if _sink is not None:
        _sink(language, done, total)
    elif os.environ.get(ENV) == "lines":
        print(f"{_PREFIX}{language} {done} {total}", file=sys.stderr, flush=True)


def parse(line: str) -> tuple[str, int, int] | None:
    """A progress line written by another process's build, else None."""
    if not line.startswith(_PREFIX):
        return None
    try:
        language, done, total = line[len(_PREFIX):].split()
        return language, int(done), int(total)
    except ValueError:
        return None
