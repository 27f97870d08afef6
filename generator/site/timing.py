"""Where a build's time goes, per stage: ``cutover build --profile``.

A :class:`Clock` charges CPU and wall time to named stages. Stages nest, and each second is charged to the
innermost one only (Markdown inside a page's template is Markdown, not templates), so the stages add up to the
build. Work that no stage names is reported as the rest. Processes of a parallel build each keep a clock and the
parent adds their :meth:`Clock.totals` together (:meth:`Clock.add`).

The library only measures; which functions belong to which stage is the adapter's knowledge
(``generator/site/mkdocs/profiling.py``), since most of them are MkDocs' and the theme's.
"""

from __future__ import annotations

import functools
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

#: What the work no stage names is called in the report.
REST = "rest (MkDocs, static-i18n, start-up)"


@dataclass
class _Open:
    name: str
    cpu: float
    wall: float


@dataclass
class Clock:
    """CPU and wall seconds per stage, each second charged to the innermost stage open."""

    cpu: dict[str, float] = field(default_factory=dict)
    wall: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    processes: int = 1
    _stack: list[_Open] = field(default_factory=list)
    _started: tuple[float, float] = field(default_factory=lambda: (time.process_time(), time.perf_counter()))
    _workers_cpu: float = 0.0  #: CPU seconds of the workers added

    def restart(self) -> None:
        """Forget everything measured: a forked worker starts its own account."""
        self.cpu.clear(), self.wall.clear(), self.calls.clear(), self._stack.clear()
        self.processes, self._workers_cpu = 1, 0.0
        self._started = (time.process_time(), time.perf_counter())

    @contextmanager
    def stage(self, name: str):
        cpu, wall = time.process_time(), time.perf_counter()
        if self._stack:
            self._charge(self._stack[-1], cpu, wall)
        self._stack.append(_Open(name, cpu, wall))
        self.calls[name] = self.calls.get(name, 0) + 1
        try:
            yield
        finally:
            cpu, wall = time.process_time(), time.perf_counter()
            self._charge(self._stack.pop(), cpu, wall)
            if self._stack:  # the outer stage resumes now
                self._stack[-1].cpu, self._stack[-1].wall = cpu, wall

    def _charge(self, open_stage: _Open, cpu: float, wall: float) -> None:
        self.cpu[open_stage.name] = self.cpu.get(open_stage.name, 0.0) + cpu - open_stage.cpu
        self.wall[open_stage.name] = self.wall.get(open_stage.name, 0.0) + wall - open_stage.wall
        open_stage.cpu, open_stage.wall = cpu, wall

    def timed(self, function, name: str):
        """``function`` charging its calls to ``name``."""
        @functools.wraps(function)
        def timed_call(*args, **kwargs):
            with self.stage(name):
                return function(*args, **kwargs)
        timed_call.__cutover_untimed__ = function
        return timed_call

    def totals(self) -> dict:
        """What a worker sends back to the parent: its stages and its own CPU time."""
        return {"cpu": dict(self.cpu), "calls": dict(self.calls), "elapsed_cpu": time.process_time() - self._started[0]}

    def add(self, totals: dict) -> None:
        """A worker's :meth:`totals` added to this clock (its CPU ran beside this process's)."""
        for name, seconds in totals["cpu"].items():
            self.cpu[name] = self.cpu.get(name, 0.0) + seconds
        for name, count in totals["calls"].items():
            self.calls[name] = self.calls.get(name, 0) + count
        self._workers_cpu += totals["elapsed_cpu"]
        self.processes += 1

    def report(self) -> str:
        """The table ``--profile`` prints: CPU seconds per stage, largest first, with their share; the rest; totals."""
        own_cpu, wall = time.process_time() - self._started[0], time.perf_counter() - self._started[1]
        total_cpu = own_cpu + self._workers_cpu
        rows = sorted(self.cpu.items(), key=lambda item: -item[1])
        rest = max(0.0, total_cpu - sum(self.cpu.values()))
        width = max([len(REST)] + [len(name) for name, _ in rows])
        lines = [f"Where the time went: {total_cpu:.2f} s CPU in {self.processes} "
                 f"process{'es' if self.processes != 1 else ''}, {wall:.2f} s wall",
                 f"  {'stage':<{width}}  {'CPU s':>7}  {'share':>6}  {'calls':>6}"]
        for name, seconds in rows + [(REST, rest)]:
            share = 100 * seconds / total_cpu if total_cpu else 0.0
            calls = str(self.calls.get(name, "")) if name != REST else ""
            lines.append(f"  {name:<{width}}  {seconds:7.2f}  {share:5.1f}%  {calls:>6}")
        return "\n".join(lines)
