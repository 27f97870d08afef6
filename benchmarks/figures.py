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
    return (f"Full default build, cold: four languages, {r['default_pages']:,} pages, `--jobs` at its default "
            f"({r['default_jobs']} on this machine)",
            f"{r['default_build_s']:.1f} s ({r['default_build_cpu_s']:.1f} s CPU, {r['default_peak_memory_mb']:.0f} MiB peak)",
            "≤ 5 s, ≤ 1 GiB")


def _jobs(r: dict) -> tuple[str, str, str]:
    same = "byte-identical" if r["jobs_identical"] else "NOT byte-identical"
    return ("The same with `--jobs 1` (one process)", f"{r['default_build_seq_s']:.1f} s ({r['default_build_seq_cpu_s']:.1f} s "
            f"CPU); the default takes {r['jobs_ratio']:.2f} × its time, {same}", "default ≤ 0.6 ×")


def _profile(r: dict) -> tuple[str, str, str]:
    rows = sorted(r["default_profile"], key=lambda row: -row["cpu_s"])
    shown = ", ".join(f"{row['stage']} {row['share']:.0f} %" for row in rows[:5])
    return ("Where the default build's CPU time goes (`cutover build --profile`, largest five)", shown, "")


def _one_file_profile(r: dict) -> tuple[str, str, str]:
    rows = sorted(r["one_file_profile"], key=lambda row: -row["cpu_s"])
    total = sum(row["cpu_s"] for row in rows)
    shown = ", ".join(f"{row['stage']} {row['share']:.0f} %" for row in rows[:6])
    return (f"Where a build after one edit spends its CPU, with the render cache (`--profile`, {total:.1f} s; largest six)",
            shown, "")


def _serve(r: dict) -> tuple[str, str, str]:
    reported = f" (MkDocs reports {r['serve_build_reported_s']:.1f} s)" if r.get("serve_build_reported_s") else ""
    return ("Rebuild under `cutover serve` after one YAML edit (save to page served)",
            f"text: {r['serve_rebuild_s']:.1f} s median{reported}; a title (navigation): {r['serve_navigation_s']:.1f} s median",
            "≤ 1 s; ≤ 3 s")


def _scaling(r: dict) -> tuple[str, str, str]:
    rows = r["scaling"]
    pages = " / ".join(f"{x['pages']:,}" for x in rows)
    per_language = " / ".join(f"{x['pages_per_language']:,}" for x in rows)
    cpu = " / ".join(f"{1000 * x['build_cpu_s'] / x['pages']:.0f}" for x in rows)
    peak = " / ".join(f"{x['peak_memory_mb']:.0f}" for x in rows)
    return f"{pages} pages ({per_language} per language)", f"{cpu} ms CPU per page, {peak} MiB peak", "linear, ≤ 1 GiB"


def _output(r: dict) -> tuple[str, str, str]:
    return ("Output", f"{r['output_bytes_per_page'] / 1000:.0f} KB per page ({r['pages']:,} pages: "
            f"{r['output_bytes'] / MiB:.0f} MiB)", "")


def _quiz(r: dict) -> tuple[str, str, str]:
    return ("Quiz runtime, gzipped", f"{r['quiz_runtime_gzip_bytes'] / 1000:.1f} KB ({r['quiz_js_gzip_bytes'] / 1000:.1f} KB JS "
            f"+ {r['quiz_css_gzip_bytes'] / 1000:.1f} KB CSS)", "≤ 14 KiB (14.3 KB)")


def _lms(r: dict) -> tuple[str, str, str]:
    scorm, cmi5 = r["lms_scorm12"], r["lms_cmi5"]
    return (f"LMS packages of the default kit (`cutover export-lms`, one per role and language: {scorm['packages']} SCORM 1.2, "
            f"{cmi5['packages']} cmi5)",
            f"SCORM 1.2 {scorm['min_bytes'] / 1000:.0f}–{scorm['max_bytes'] / 1000:.0f} KB (median "
            f"{scorm['median_bytes'] / 1000:.0f} KB) in {scorm['export_s']:.1f} s; cmi5 {cmi5['min_bytes'] / 1000:.0f}–"
            f"{cmi5['max_bytes'] / 1000:.0f} KB (median {cmi5['median_bytes'] / 1000:.0f} KB) in {cmi5['export_s']:.1f} s", "")


#: In the README's order; a figure whose results are missing (a --quick run has no serve or scaling) is left out.
FIGURES: list[Callable[[dict], tuple[str, str, str]]] = [_overhead, _generator, _default, _jobs, _profile, _one_file_profile,
                                                        _serve, _scaling,
                                                        _output, _quiz, _lms]


def figures(results: dict) -> list[dict]:
    rows = []
    for figure in FIGURES:
        try:
            name, measured, goal = figure(results)
        except (KeyError, TypeError, ZeroDivisionError):
            continue
        rows.append({"figure": name, "measured": measured, "goal": goal})
    return rows
