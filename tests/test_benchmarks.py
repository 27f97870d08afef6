"""The benchmark harness runs in quick mode and reports sane figures (speed itself is not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalog.load import load_project

from support import REPO


@pytest.mark.slow  # a minute of builds: the full suite only
def test_quick_benchmark_reports_every_figure(tmp_path: Path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
                         capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    result = json.loads(out.read_text("utf-8"))
    goals = result["goals"]  # printed as a table, in the order, each with its verdict
    assert run.stdout.splitlines()[0].split()[0] == "Goal" and all(g["goal"] in run.stdout for g in goals)
    verdicts = {g["goal"]: g["verdict"] for g in goals}
    assert verdicts["Peak memory of a build"] == "met" or verdicts["Peak memory of a build"].startswith("missed by")
    assert verdicts["`cutover serve`: a text edit in the browser"] == "not measured (`--quick` skips serve)"
    assert all(g["measured"] for g in goals if g["goal"].startswith(("No-change", "Build after changing one file")))
    assert result["cache"]["identical"] is True  # the builds from the render cache are the --no-cache builds
    assert result["cache"]["no_change_skipped"] is True  # a rebuild of unchanged inputs found the site up to date
    for key in ("overhead_ratio", "default_build_s", "quiz_runtime_gzip_bytes", "generator_s", "build_s", "plain_build_s",
                "pages_per_s", "peak_memory_mb", "output_bytes", "pages"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    assert 0.2 < result["overhead_ratio"] < 5
    assert result["generator_s"] < result["build_s"]
    assert result["pages"] == 4 * result["synthetic"]["pages_per_language"]
    assert result["default_pages"] > 100 and result["default_output_bytes"] > 1_000_000
    assert 1_000 < result["quiz_runtime_gzip_bytes"] < result["quiz_runtime_bytes"]
    assert 10 < result["peak_memory_mb"] < 4096
    assert result["machine"]["cores"] >= 1
    kit = load_project(REPO).project
    for fmt in ("scorm12", "cmi5"):
        packages = result[f"lms_{fmt}"]  # one package per role and language of the shipped kit, each with its size
        assert packages["packages"] == len(packages["bytes_by_role_and_language"]) == len(kit.roles) * len(kit.site.languages)
        assert 20_000 < packages["min_bytes"] <= packages["median_bytes"] <= packages["max_bytes"] < 5_000_000
    assert result["figures"] and all(set(f) == {"figure", "measured", "goal"} for f in result["figures"])
    assert result["measured"]["command"] == "python benchmarks/run.py --quick"


def test_the_readme_figures_are_the_committed_results():
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "readme.py"), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    data = json.loads((REPO / "benchmarks" / "results.json").read_text("utf-8"))
    readme = (REPO / "README.md").read_text("utf-8")
    for figure in data["figures"]:
        assert f"| {figure['figure']} | {figure['measured']} | {figure['goal']} |" in readme
    assert len(data["goals"]) >= 10
    for goal in data["goals"]:
        assert f"| {goal['goal']} | {goal['target']} | {goal['measured']} | {goal['verdict']} |" in readme
    assert data["measured"]["date"] in readme.split("## Performance", 1)[1]


def test_the_table_writer_replaces_only_the_marked_block(tmp_path: Path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import figures
        import readme
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    results = {"pages": 1600, "overhead_ratio": 1.1, "overhead_ratio_cpu": 1.05, "build_s": 20.0, "plain_build_s": 18.2,
               "generator_s": 1.5, "generator_cpu_s": 1.4, "build_cpu_s": 19.0, "quiz_runtime_gzip_bytes": 11100, "quiz_js_gzip_bytes": 9400, "quiz_css_gzip_bytes": 1700,
               "output_bytes": 80 * 2 ** 20, "output_bytes_per_page": 52000}  # a --quick-like run: no serve, no scaling
    rows = figures.figures(results)
    assert [r["figure"] for r in rows] == ["Overhead against a plain `mkdocs build` of the same generated Markdown (1,600 pages)",
                                           "Generator alone (load, validate, render, stage)", "Output", "Quiz runtime, gzipped"]
    assert rows[0]["measured"] == "1.10 (20.0 s against 18.2 s; CPU 1.05)" and rows[0]["goal"] == "≤ 1.05"
    page = f"# Title\n\nbefore\n{readme.BEGIN}\nold table\n{readme.END}\nafter\n"
    written = readme.rewrite(page, {"figures": rows, "measured": {"date": "2026-12-05", "cores": 2}})
    assert written.startswith("# Title\n\nbefore\n") and written.endswith(f"{readme.END}\nafter\n") and "old table" not in written
    assert "| Quiz runtime, gzipped | 11.1 KB (9.4 KB JS + 1.7 KB CSS) | ≤ 14 KiB (14.3 KB) |" in written and "Measured 2026-12-05 on 2 cores" in written


def test_every_goal_says_met_missed_by_how_much_or_not_measured():
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import goals
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    results = {"default_build_s": 7.5, "default_build_cpu_s": 12.0, "default_peak_memory_mb": 300.0, "peak_memory_mb": 80.0,
               "overhead_ratio": 1.0, "overhead_ratio_cpu": 1.02, "pages": 800,
               "cache": {"no_change": {"cached": {"wall_s": 1.2, "cpu_s": 1.0}, "uncached": {"wall_s": 9.0, "cpu_s": 8.0}}},
               "scaling": [{"pages": 2000, "build_cpu_s": 60.0, "peak_memory_mb": 200.0},
                           {"pages": 8000, "build_cpu_s": 320.0, "peak_memory_mb": 1536.0}]}
    rows = {row["goal"]: row for row in goals.goals(results)}
    assert list(rows) == [goal.name for goal in goals.GOALS]
    assert rows["Full default build, cold (`--jobs` at its default)"]["verdict"] == "missed by 2.50 s (50 % over)"
    assert rows["Full default build, cold (`--jobs` at its default)"]["measured"] == "7.50 s, 12.0 s CPU"
    assert rows["Peak memory of a build"]["verdict"] == "met"
    assert rows["No-change rebuild of the default site"]["verdict"] == "met"
    assert "with `--no-cache`" in rows["No-change rebuild of the default site"]["measured"]
    assert rows["Build after changing one file"]["verdict"] == "not measured in this run"
    assert rows["Overhead against plain MkDocs on the same Markdown"]["verdict"] == "met"
    assert rows["Scale: time linear in pages"]["verdict"] == "missed by 0.08 (7 % over)"  # 30 → 40 ms a page: ×1.33
    assert rows["Scale: peak memory at the largest size (the goal: 20,000 pages)"]["verdict"] == "missed by 512 MiB (50 % over)"
    assert rows["`cutover serve`: a navigation change (title, new page, translation, `mkdocs.yml`) in the browser"][
        "verdict"] == "not measured (`--quick` skips serve)"
    close = {row["goal"]: row for row in goals.goals({**results, "overhead_ratio": 1.0503})}
    assert close["Overhead against plain MkDocs on the same Markdown"]["verdict"] == "missed by 0.0003 (0.03 % over)"
    served = {row["goal"]: row for row in goals.goals({**results, "serve_rebuild_s": 0.8, "serve_navigation_s": 4.5})}
    assert served["`cutover serve`: a text edit in the browser"]["verdict"] == "met"
    assert served["`cutover serve`: a navigation change (title, new page, translation, `mkdocs.yml`) in the browser"][
        "verdict"] == "missed by 1.50 s (50 % over)"
    assert rows["`cutover serve`: a text edit in the browser"]["verdict"] == "not measured (`--quick` skips serve)"
    table = goals.text_table(list(rows.values()))
    assert table.splitlines()[0].startswith("Goal") and "missed by 2.50 s" in table
