"""`cutover build --profile`: where a build's time goes, per stage, in the build's processes together."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site.mkdocs import profiling
from generator.site.timing import REST, Clock

from support import FIXTURE, tree_snapshot

STAGES = ["load: read YAML files", "load: validate (JSON Schema)", "render: Markdown of generated pages",
          "Markdown → HTML (Python-Markdown)", "templates (Jinja: material + cutover partials)",
          "search index (material)", "page fixes (CSP, language marks, links)", "finish: search per language, sitemap",
          "write pages", REST]


def build(out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(FIXTURE), "-d", str(out), *extra],
                          capture_output=True, text=True, timeout=900)


def rows(report: str) -> dict[str, tuple[float, float]]:
    """stage -> (CPU seconds, share in percent) from the printed table."""
    found = {}
    for line in report.splitlines():
        match = re.match(r"^  (.+?)\s+(\d+\.\d\d)\s+(\d+\.\d)%", line)
        if match:
            found[match.group(1)] = (float(match.group(2)), float(match.group(3)))
    return found


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_profile_names_every_stage_and_adds_up(tmp_path: Path, jobs: str):
    run = build(tmp_path / "site", "--profile", "--jobs", jobs, "--no-cache")  # every page rendered: every stage shown
    assert run.returncode == 0, run.stderr
    head = re.search(r"Where the time went: (\d+\.\d\d) s CPU in (\d) process(?:es)?, (\d+\.\d\d) s wall", run.stderr)
    assert head, run.stderr
    assert int(head.group(2)) == (1 if jobs == "1" else 3)  # the parent and its two workers
    table = rows(run.stderr)
    assert set(STAGES) <= set(table), run.stderr
    total = float(head.group(1))
    assert abs(sum(cpu for cpu, _ in table.values()) - total) < 0.05 * total + 0.02  # the stages are the whole build
    assert abs(sum(share for _, share in table.values()) - 100) < 1
    assert table["Markdown → HTML (Python-Markdown)"][0] > 0 and table["templates (Jinja: material + cutover partials)"][0] > 0


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_profile_of_a_build_from_the_render_cache(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CUTOVER_CACHE_DIR", str(tmp_path / "cache"))  # a cache of this test's own, empty
    cold = build(tmp_path / "cold", "--profile", "--jobs", "1")
    warm = build(tmp_path / "warm", "--profile", "--jobs", "1")
    assert cold.returncode == 0 and warm.returncode == 0, cold.stderr + warm.stderr
    markdown, cache = "Markdown → HTML (Python-Markdown)", "render cache: look up, store, replay"
    assert rows(cold.stderr)[markdown][0] > 0 and cache in rows(cold.stderr)
    assert markdown not in rows(warm.stderr) and cache in rows(warm.stderr)  # no page rendered again


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_profiling_changes_nothing_in_the_site(tmp_path: Path):
    assert build(tmp_path / "plain", "--jobs", "2").returncode == 0
    run = build(tmp_path / "profiled", "--jobs", "2", "--profile")
    assert run.returncode == 0, run.stderr
    assert tree_snapshot(tmp_path / "profiled") == tree_snapshot(tmp_path / "plain")


def test_no_table_without_profile(tmp_path: Path):
    run = build(tmp_path / "site", "--jobs", "1")
    assert run.returncode == 0 and "Where the time went" not in run.stderr


def test_the_wrapped_functions_are_restored_after_the_build():
    from mkdocs.structure.pages import Page

    original = Page.__dict__["render"]
    with profiling.profiled() as clock:
        assert Page.__dict__["render"] is not original and clock is not None
    assert Page.__dict__["render"] is original
    with profiling.profiled(False) as clock:
        assert clock is None and Page.__dict__["render"] is original


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_each_second_goes_to_the_innermost_stage():
    clock = Clock()
    with clock.stage("outer"):
        _spin(0.05)
        with clock.stage("inner"):
            _spin(0.1)
        _spin(0.05)
    assert 0.09 <= clock.cpu["inner"] < 0.15
    assert 0.09 <= clock.cpu["outer"] < 0.15  # the inner stage's time is not counted twice
    assert clock.calls == {"outer": 1, "inner": 1}


def test_workers_totals_are_added():
    parent, worker = Clock(), Clock()
    with worker.stage("Markdown"):
        _spin(0.05)
    with parent.stage("Markdown"):
        _spin(0.02)
    parent.add(worker.totals())
    assert parent.processes == 2 and parent.calls["Markdown"] == 2
    assert parent.cpu["Markdown"] >= 0.07
    assert "in 2 processes" in parent.report()
