"""The benchmark's results as figures a reader compares with their goals: (figure, measured, goal) rows.

``run.py`` stores them in its JSON under ``"figures"`` (with ``"measured"``: when, where, how); ``readme.py``
writes them into README.md. A reworked benchmark only has to keep writing that list.
"""

from __future__ import annotations

from typing import Callable

MiB = 2 ** 20


def _overhead(r: dict) -> tuple[str, str, str]:
    return (f"Overhead against a plain `mkdocs build` of the same generated Markdown ({r['pages']:,} pages)",
            f"{r['overhead_ratio']:.2f} ({r['build_s']:.1f} s against {r['plain_build_s']:.1f} s; "
            f"CPU {r['overhead_ratio_cpu']:.2f})", "≤ 1.05")


def _generator(r: dict) -> tuple[str, str, str]:
    return ("Generator alone (load, validate, render, stage)",
            f"{r['generator_cpu_s']:.1f} s CPU of the build's {r['build_cpu_s']:.1f} s (wall: {r['generator_s']:.1f} s of "
            f"{r['build_s']:.1f} s)", "")


def _default(r: dict) -> tuple[str, str, str]:
    return (f"Default site, four languages, {r['default_pages']:,} pages",
            f"{r['default_build_s']:.1f} s ({r['default_build_cpu_s']:.1f} s CPU)", "≤ 15 s")


def _jobs(r: dict) -> tuple[str, str, str]:
    same = "byte-identical" if r["jobs2_identical"] else "NOT byte-identical"
    return ("Default site with `--jobs 2`", f"{r['default_build_jobs2_s']:.1f} s, {r['jobs2_ratio']:.2f} × the sequential "
            f"time, {same}", "≤ 0.6 ×")


def _serve(r: dict) -> tuple[str, str, str]:
    reported = f" (MkDocs reports {r['serve_build_reported_s']:.1f} s)" if r.get("serve_build_reported_s") else ""
    return ("Rebuild under `cutover serve` after one YAML edit (save to page served)",
            f"{r['serve_rebuild_s']:.1f} s median{reported}", "≤ 2 s")


def _scaling(r: dict) -> tuple[str, str, str]:
    rows = r["scaling"]
    pages = " / ".join(f"{x['pages']:,}" for x in rows)
    per_language = " / ".join(f"{x['pages_per_language']:,}" for x in rows)
    cpu = " / ".join(f"{1000 * x['build_cpu_s'] / x['pages']:.0f}" for x in rows)
    peak = " / ".join(f"{x['peak_rss_mb']:.0f}" for x in rows)
    return f"{pages} pages ({per_language} per language)", f"{cpu} ms CPU per page, {peak} MiB peak", "linear, ≤ 1 GiB"


def _output(r: dict) -> tuple[str, str, str]:
    return ("Output", f"{r['output_bytes_per_page'] / 1000:.0f} KB per page ({r['pages']:,} pages: "
            f"{r['output_bytes'] / MiB:.0f} MiB)", "")


def _quiz(r: dict) -> tuple[str, str, str]:
    return ("Quiz runtime, gzipped", f"{r['quiz_runtime_gzip_bytes'] / 1000:.1f} KB ({r['quiz_js_gzip_bytes'] / 1000:.1f} KB JS "
            f"+ {r['quiz_css_gzip_bytes'] / 1000:.1f} KB CSS)", "")


#: In the README's order; a figure whose results are missing (a --quick run has no serve or scaling) is left out.
FIGURES: list[Callable[[dict], tuple[str, str, str]]] = [_overhead, _generator, _default, _jobs, _serve, _scaling, _output, _quiz]


def figures(results: dict) -> list[dict]:
    rows = []
    for figure in FIGURES:
        try:
            name, measured, goal = figure(results)
        except (KeyError, TypeError, ZeroDivisionError):
            continue
        rows.append({"figure": name, "measured": measured, "goal": goal})
    return rows
