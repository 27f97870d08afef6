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
    assert json.loads(run.stdout) == result
    for key in ("overhead_ratio", "default_build_s", "quiz_runtime_gzip_bytes", "generator_s", "build_s", "plain_build_s",
                "pages_per_s", "peak_rss_mb", "output_bytes", "pages"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    assert 0.2 < result["overhead_ratio"] < 5
    assert result["generator_s"] < result["build_s"]
    assert result["pages"] == 4 * result["synthetic"]["pages_per_language"]
    assert result["default_pages"] > 100 and result["default_output_bytes"] > 1_000_000
    assert 1_000 < result["quiz_runtime_gzip_bytes"] < result["quiz_runtime_bytes"]
    assert 10 < result["peak_rss_mb"] < 4096
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
