"""`cutover build --jobs N`: languages built in parallel give the sequential build's site, byte for byte. Parallel
is the default (one process per core), so the sequential site is built with ``--jobs 1``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURE, edit, tree_snapshot


def build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out), *extra],
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def sequential(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sequential") / "site"
    run = build(FIXTURE, out, "--jobs", "1")
    assert run.returncode == 0, run.stderr
    return out


@pytest.mark.parametrize("jobs", [None, "2", "8"], ids=["default", "2", "8"])
def test_parallel_build_is_the_sequential_site(sequential: Path, tmp_path: Path, jobs: str | None):
    run = build(FIXTURE, tmp_path / "site", *(("--jobs", jobs) if jobs else ()))
    assert run.returncode == 0, run.stderr
    parallel = tree_snapshot(tmp_path / "site")
    expected = tree_snapshot(sequential)
    assert sorted(parallel) == sorted(expected)
    # The parts assembled after the languages are built: one search index per language and the sitemap.
    for name in ("search/search_index.json", "de/search/search_index.json", "es/search/search_index.json",
                 "sv/search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html"):
        assert parallel[name] == expected[name], name
    assert parallel == expected
    german = json.loads(parallel["de/search/search_index.json"])
    assert german["docs"] and all(doc["location"].startswith("de/") for doc in german["docs"])


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_offline_parallel_build_is_the_sequential_offline_site(tmp_path: Path):
    """material's offline plugin rewrites every page and the search index of each language build: parallel workers
    must give what it gives in one process."""
    for jobs in ("1", "2"):
        run = build(FIXTURE, tmp_path / jobs, "--offline", "--jobs", jobs)
        assert run.returncode == 0, run.stderr
    assert tree_snapshot(tmp_path / "2") == tree_snapshot(tmp_path / "1")


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_failed_parallel_build_leaves_the_previous_site(project: Path, tmp_path: Path):
    out = tmp_path / "site"
    assert build(project, out, "--jobs", "2").returncode == 0
    before = tree_snapshot(out)
    edit(project / "catalog/features/hold.yaml", "category: calls", "category: nowhere")
    run = build(project, out, "--jobs", "2")
    assert run.returncode == 1
    assert "catalog/features/hold.yaml" in run.stderr and "left as it was" in run.stderr
    assert "Traceback" not in run.stderr
    assert tree_snapshot(out) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no scratch folder left behind


def test_jobs_with_one_language(tmp_path: Path):
    run = build(FIXTURE, tmp_path / "site", "--jobs", "2", "--lang", "de")
    assert run.returncode == 0, run.stderr
    assert "Anruf tätigen" in (tmp_path / "site/guides/dial/index.html").read_text("utf-8")


def assemble(project: Path, parts: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "assemble", "-p", str(project), str(parts), "-d", str(out)],
                          capture_output=True, text=True, timeout=900)


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_parts_built_apart_assemble_into_the_sequential_site(sequential: Path, tmp_path: Path):
    """Two CI runners build two languages each into a shared parts folder; assembling gives the one-build site."""
    parts = tmp_path / "parts"
    for share in ("sv,de", "en,es"):
        run = build(FIXTURE, parts, "--part", share)
        assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in parts.iterdir()) == ["de", "en", "es", "sv"]
    before = tree_snapshot(parts)
    run = assemble(FIXTURE, parts, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    assert tree_snapshot(tmp_path / "site") == tree_snapshot(sequential)
    assert tree_snapshot(parts) == before  # the parts stay for the next runner or a rerun


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_assembling_incomplete_parts_names_the_missing_languages(tmp_path: Path):
    parts = tmp_path / "parts"
    assert build(FIXTURE, parts, "--part", "en,de").returncode == 0
    run = assemble(FIXTURE, parts, tmp_path / "site")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "no part for es, sv" in run.stderr and "--part es,sv" in run.stderr
    assert not (tmp_path / "site").exists()


def test_part_of_an_unknown_language_is_refused(tmp_path: Path):
    run = build(FIXTURE, tmp_path / "parts", "--part", "de,fr")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "not a language of this site: fr" in run.stderr
    assert not (tmp_path / "parts" / "de").exists()
