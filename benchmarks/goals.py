"""Issue 24's goals against the benchmark's figures: (goal, target, measured, verdict) rows.

Each goal reads its figure from ``run.py``'s results and says whether it is met or by how much it is missed. A goal
whose figure the run did not take (``--quick`` skips serve and scaling) says "not measured" and why; a goal the
benchmark cannot measure at all says so, rather than showing a figure that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

GiB_MB = 1024  #: peak memory is recorded in MiB


@dataclass
class Goal:
    name: str
    target: str
    measured: Callable[[dict], tuple[float, str] | None]  #: (the figure compared, how it reads) or None: not measured
    limit: float  #: met when the figure is ≤ this
    unit: str  #: how a miss is expressed ("s", "MiB", "×")
    unmeasured: str = "not measured in this run"


def _seconds(key: str, cpu_key: str | None = None, note: str = "") -> Callable[[dict], tuple[float, str] | None]:
    def read(r: dict) -> tuple[float, str] | None:
        if r.get(key) is None:
            return None
        cpu = f", {r[cpu_key]:.1f} s CPU" if cpu_key and r.get(cpu_key) is not None else ""
        return r[key], f"{r[key]:.2f} s{cpu}{note}"
    return read


def _memory(r: dict) -> tuple[float, str] | None:
    peaks = [r[k] for k in ("default_peak_memory_mb", "seq_peak_memory_mb", "peak_memory_mb") if r.get(k) is not None]
    return (max(peaks), f"{max(peaks):.0f} MiB peak (default site and synthetic project)") if peaks else None


def _cached(kind: str, how: str) -> Callable[[dict], tuple[float, str] | None]:
    """A build of the shipped kit with the caches warm, against the same build with ``--no-cache``."""
    def read(r: dict) -> tuple[float, str] | None:
        c = r.get("cache") or {}
        if kind not in c:
            return None
        with_cache, without = c[kind]["cached"], c[kind]["uncached"]
        text = (f"{with_cache['wall_s']:.1f} s, {with_cache['cpu_s']:.1f} s CPU {how}; "
                f"{without['wall_s']:.1f} s, {without['cpu_s']:.1f} s CPU with `--no-cache` "
                f"(CPU ×{with_cache['cpu_s'] / without['cpu_s']:.2f})")
        if kind == "no_change" and "new_folder" in c:
            text += (f"; into a new folder, from the render cache alone: {c['new_folder']['cached']['wall_s']:.1f} s, "
                     f"{c['new_folder']['cached']['cpu_s']:.1f} s CPU")
        return with_cache["wall_s"], text
    return read


def _overhead(r: dict) -> tuple[float, str] | None:
    if r.get("overhead_ratio") is None:
        return None
    return r["overhead_ratio"], f"{r['overhead_ratio']:.3f} wall, {r['overhead_ratio_cpu']:.3f} CPU ({r['pages']:,} pages)"


def _jobs(r: dict) -> tuple[float, str] | None:
    if r.get("jobs_ratio") is None:
        return None
    return r["jobs_ratio"], (f"{r['jobs_ratio']:.2f} × the time of `--jobs 1` ({r['default_build_s']:.1f} s against "
                             f"{r['default_build_seq_s']:.1f} s, {r['default_jobs']} processes)")


def _scale_linear(r: dict) -> tuple[float, str] | None:
    rows = r.get("scaling") or []
    if len(rows) < 2:
        return None
    per_page = [x["build_cpu_s"] / x["pages"] for x in rows]
    ratio = per_page[-1] / per_page[0]
    return ratio, (f"CPU per page at {rows[-1]['pages']:,} pages is ×{ratio:.2f} that at {rows[0]['pages']:,} "
                   f"({1000 * per_page[0]:.0f} → {1000 * per_page[-1]:.0f} ms)")


def _scale_memory(r: dict) -> tuple[float, str] | None:
    rows = r.get("scaling") or []
    if not rows:
        return None
    return rows[-1]["peak_memory_mb"], f"{rows[-1]['peak_memory_mb']:.0f} MiB peak at {rows[-1]['pages']:,} pages"


def _profile(r: dict) -> tuple[float, str] | None:
    rows = r.get("default_profile")
    if rows is None:
        return None
    return (0.0 if rows else 1.0), (f"{len(rows)} stages printed by `cutover build --profile`" if rows else "no stages printed")


GOALS: list[Goal] = [
    Goal("Full default build, cold (`--jobs` at its default)", "≤ 5 s wall on 2 cores",
         _seconds("default_build_s", "default_build_cpu_s"), 5.0, "s"),
    Goal("Peak memory of a build", "≤ 1 GiB", _memory, GiB_MB, "MiB"),
    Goal("`--jobs` speeds the build up with the cores", "≤ 0.6 × the `--jobs 1` time on 2 cores", _jobs, 0.6, "×",
         "not measured (`--quick` builds the default site once)"),
    Goal("No-change rebuild of the default site", "≤ 1.5 s", _cached("no_change", "(nothing changed: the up-to-date check skips the build)"), 1.5, "s"),
    Goal("Build after changing one file", "≤ 2 s", _cached("one_file", "with the render cache"), 2.0, "s"),
    Goal("`cutover serve`: a text edit in the browser", "≤ 1 s",
         _seconds("serve_rebuild_s", note=" from saving a YAML summary to the page served"), 1.0, "s",
         "not measured (`--quick` skips serve)"),
    Goal("`cutover serve`: a navigation change (title, new page, translation, `mkdocs.yml`) in the browser", "≤ 3 s",
         _seconds("serve_navigation_s", note=" from saving a guide's new title to another page's navigation showing it"),
         3.0, "s", "not measured (`--quick` skips serve)"),
    Goal("Overhead against plain MkDocs on the same Markdown", "≤ 1.05", _overhead, 1.05, "×"),
    Goal("Scale: time linear in pages", "CPU per page at the largest size ≤ 1.25 × that at the smallest",
         _scale_linear, 1.25, "×", "not measured (no `--scaling` in this run)"),
    Goal("Scale: peak memory at the largest size (the goal: 20,000 pages)", "≤ 1 GiB", _scale_memory, GiB_MB, "MiB",
         "not measured (no `--scaling` in this run)"),
    Goal("Where the time goes, per stage", "printed by `cutover build --profile`", _profile, 0.0, ""),
]


def verdict(goal: Goal, figure: float) -> str:
    """"met", or "missed by" the amount and the share (a miss below 1 % in one significant digit, never "0.00")."""
    if figure <= goal.limit:
        return "met"
    if goal.unit == "":
        return "missed"
    over = figure - goal.limit
    amount = {"s": f"{over:.2f} s", "MiB": f"{over:.0f} MiB", "×": f"{over:.1g}" if over < 0.01 else f"{over:.2f}"}[goal.unit]
    percent = 100 * over / goal.limit
    share = (f"{percent:.1g} % over" if percent < 1 else f"{percent:.0f} % over") if over < goal.limit else f"{figure / goal.limit:.1f} × the target"
    return f"missed by {amount} ({share})"


def goals(results: dict) -> list[dict]:
    """Every goal, in the issue's order, with its figure and verdict."""
    rows = []
    for goal in GOALS:
        try:
            found = goal.measured(results)
        except (KeyError, TypeError, ZeroDivisionError):
            found = None
        if found is None:
            rows.append({"goal": goal.name, "target": goal.target, "measured": "", "verdict": goal.unmeasured})
        else:
            figure, text = found
            rows.append({"goal": goal.name, "target": goal.target, "measured": text, "verdict": verdict(goal, figure)})
    return rows


def text_table(rows: list[dict]) -> str:
    """The goals as aligned plain text, for the terminal."""
    head = {"goal": "Goal", "target": "Target", "measured": "Measured", "verdict": "Verdict"}
    cols = list(head)
    widths = {c: max(len(str(r[c])) for r in [head, *rows]) for c in cols[:-1]}
    lines = []
    for r in [head, *rows]:
        lines.append("  ".join(str(r[c]).ljust(widths[c]) for c in cols[:-1]) + "  " + r["verdict"])
        if r is head:
            lines.append("  ".join("-" * widths[c] for c in cols[:-1]) + "  " + "-" * 7)
    return "\n".join(lines)
