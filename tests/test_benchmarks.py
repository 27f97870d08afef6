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
