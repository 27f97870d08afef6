"""Deterministic output: two builds of the same input are byte-identical, every file of them."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.site.reproducible import normalise_sitemap

from support import FIXTURE, tree_snapshot


def build(project: Path, out: Path, *args: str, seed: str) -> dict[str, bytes]:
    # A different hash seed per build: set and dict order must never reach the output.
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out), *args],
                         capture_output=True, text=True, timeout=600, env=env)
    assert run.returncode == 0, run.stderr
    return tree_snapshot(out)


def test_two_builds_are_byte_identical(tmp_path: Path):
    # Two copies in different places, built into different folders by different processes.
    first, second = tmp_path / "a" / "proj", tmp_path / "b" / "project"
    shutil.copytree(FIXTURE, first)
    shutil.copytree(FIXTURE, second)
    one = build(first, tmp_path / "out1", seed="1")
    two = build(second, tmp_path / "elsewhere" / "out2", seed="2")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "de/search/search_index.json"):
        assert name in one
    assert b"<lastmod>" not in one["sitemap.xml"] and one["sitemap.xml.gz"][4:8] == b"\0\0\0\0"
    assert not [name for name, data in one.items() if str(tmp_path).encode() in data]  # no build paths leak in


def test_one_language_builds_carry_no_build_date(tmp_path: Path):
    site = build(FIXTURE, tmp_path / "out", "--lang", "de", seed="3")
    assert b"<lastmod>" not in site["sitemap.xml"]
    assert site["sitemap.xml.gz"][4:8] == b"\0\0\0\0" and gzip.decompress(site["sitemap.xml.gz"]) == site["sitemap.xml"]


def test_normalise_sitemap_removes_dates_once(tmp_path: Path):
    xml = b"<urlset>\n  <url>\n    <loc>/</loc>\n    <lastmod>2027-03-10</lastmod>\n  </url>\n</urlset>\n"
    (tmp_path / "sitemap.xml").write_bytes(xml)
    with gzip.GzipFile(tmp_path / "sitemap.xml.gz", "wb", mtime=1_800_000_000) as gz:
        gz.write(xml)
    assert normalise_sitemap(tmp_path)
    clean = (tmp_path / "sitemap.xml").read_bytes()
    assert clean == b"<urlset>\n  <url>\n    <loc>/</loc>\n  </url>\n</urlset>\n"
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()) == clean
    assert not normalise_sitemap(tmp_path)  # already clean: nothing rewritten
    assert not normalise_sitemap(tmp_path / "missing")
