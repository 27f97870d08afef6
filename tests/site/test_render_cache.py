"""The persistent render cache never serves a stale page, is actually used, and replays what rendering reported.

Every build runs in its own process with ``XDG_CACHE_HOME`` pointing into the test's folder, so the cache is this
test's alone and can be looked at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site.rendercache import RenderCache, project_cache_dir

from support import FIXTURE, edit, tree_snapshot


def build(project: Path, out: Path, cache_home: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    environment.pop("CUTOVER_NO_CACHE", None)
    environment.pop("CUTOVER_CACHE_DIR", None)  # the suite's own cache folder (conftest.py): this test chooses its own
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out), "-v", *extra],
                          capture_output=True, text=True, timeout=900, env=environment)


def from_cache(run: subprocess.CompletedProcess) -> tuple[int, int]:
    """(pages from the render cache, pages rendered) over every language, from the build's --verbose messages."""
    counts = [tuple(map(int, m)) for m in re.findall(r"cutover: \w+: (\d+) of (\d+) pages from the render cache", run.stderr)]
    return sum(hit for hit, _ in counts), sum(total for _, total in counts)


def _add_theme_override(project: Path) -> None:
    edit(project / "mkdocs.yml", "  font: false\n", "  font: false\n  custom_dir: overrides\n")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "copyright.html").write_text("<div class=\"md-copyright\">Kept by the cache test</div>\n", "utf-8")


def _add_extension_setting(project: Path) -> None:
    text = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(text + "markdown_extensions:\n  - toc:\n      permalink: \"§\"\n", "utf-8")


#: (kind of input, how it changes). Applied one after the other to one project, each built warm and cold.
CHANGES = [
    ("definition text", lambda p: edit(p / "catalog/features/dial.yaml", "summary: Call someone.", "summary: Ring a colleague.")),
    ("title", lambda p: edit(p / "catalog/features/hold.yaml", "title: ", "title: Parked — ")),
    ("new page", lambda p: (p / "docs/en/extra.md").write_text("# Extra\n\nBack to [about](about.md).\n", "utf-8")),
    ("translation", lambda p: edit(p / "catalog/features/dial.de.yaml", "summary: Jemanden anrufen.",
                                   "summary: Eine Kollegin anrufen.")),
    ("variable", lambda p: edit(p / "catalog/site.yaml", "new_system: NewTel", "new_system: NovaTel")),
    ("mkdocs.yml extension setting", _add_extension_setting),
    ("theme override", _add_theme_override),
    ("asset", lambda p: (p / "docs/en/pic.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n', "utf-8")),
    ("asset changed", lambda p: (p / "docs/en/pic.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle r="4"/></svg>\n', "utf-8")),
    ("hand-written page", lambda p: edit(p / "docs/en/about.md", "See the [guide]", "Read [more](extra.md), the [guide]")),
    # about.md's Markdown stays the same, but its link to the deleted page is now broken: left as written, and reported
    # (a lenient build, so that the site is written).
    ("deleted page", lambda p: (p / "docs/en/extra.md").unlink()),
]
LENIENT = {"deleted page"}


@pytest.mark.slow  # two dozen builds: the full suite, not the edit–test loop
def test_a_cached_build_is_the_cold_build_for_every_kind_of_change(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    cache = tmp_path / "cache"
    first = build(project, tmp_path / "warm-up", cache)
    assert first.returncode == 0, first.stderr
    previous = tree_snapshot(tmp_path / "warm-up")
    for n, (kind, change) in enumerate(CHANGES):
        change(project)
        lenient = ("--no-strict",) if kind in LENIENT else ()
        warm = build(project, tmp_path / f"warm{n}", cache, *lenient)
        cold = build(project, tmp_path / f"cold{n}", tmp_path / "unused-cache", "--no-cache", *lenient)
        assert warm.returncode == 0 and cold.returncode == 0, (kind, warm.stderr[-3000:], cold.stderr[-3000:])
        hits, _ = from_cache(warm)
        assert from_cache(cold) == (0, 0), kind  # --no-cache: no cache at all
        with_cache, without = tree_snapshot(tmp_path / f"warm{n}"), tree_snapshot(tmp_path / f"cold{n}")
        assert with_cache != previous, f"{kind}: the change did not change the site (the test would prove nothing)"
        assert sorted(with_cache) == sorted(without), kind
        assert [name for name in with_cache if with_cache[name] != without[name]] == [], kind
        previous = with_cache
        if kind in LENIENT:
            assert "contains a link 'extra.md'" in warm.stderr and "contains a link 'extra.md'" in cold.stderr
        if kind in ("definition text", "translation", "hand-written page", "theme override", "asset changed"):
            assert hits > 0, f"{kind}: the file set is unchanged, so most pages come from the cache"
    assert not (tmp_path / "unused-cache").exists()


def test_the_second_build_renders_almost_nothing(tmp_path: Path, monkeypatch):
    cache = tmp_path / "cache"
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    cold = build(project, tmp_path / "one", cache)
    again = build(project, tmp_path / "two", cache, "--jobs", "1")
    assert cold.returncode == 0 and again.returncode == 0, cold.stderr + again.stderr
    hits, total = from_cache(cold)
    assert hits == 0 and total > 80  # four languages of the fixture
    assert from_cache(again) == (total, total)  # every page, in the sequential build too
    assert tree_snapshot(tmp_path / "one") == tree_snapshot(tmp_path / "two")
    edit(project / "catalog/features/dial.yaml", "summary: Call someone.", "summary: Ring a colleague.")
    one_edit = build(project, tmp_path / "three", cache)
    hits, rendered = from_cache(one_edit)
    assert rendered == total and total - 20 < hits < total  # only the pages that show the summary are rendered again
    # The cache lives outside the project and the site, in the folder of this project.
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("CUTOVER_CACHE_DIR", raising=False)
    folder = project_cache_dir(project)
    assert folder.is_relative_to(cache) and list(folder.glob("??/*.json"))
    assert not any(p.name.endswith(".json") and p.parent.parent == folder for p in project.rglob("*"))


def test_no_cache_reads_and_writes_nothing(tmp_path: Path):
    for extra, env in ((("--no-cache",), None), ((), {"CUTOVER_NO_CACHE": "1"})):
        cache = tmp_path / f"cache{len(extra)}"
        run = build(FIXTURE, tmp_path / f"site{len(extra)}", cache, *extra, env=env)
        assert run.returncode == 0, run.stderr
        assert from_cache(run) == (0, 0) and not cache.exists()


@pytest.mark.slow  # five builds
def test_broken_link_warnings_come_back_on_a_cached_build(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    edit(project / "docs/en/about.md", "See the [guide]", "See the [missing page](nowhere.md) and the [guide]")
    cache = tmp_path / "cache"
    outputs = []
    for n in range(2):
        run = build(project, tmp_path / f"lenient{n}", cache, "--no-strict")
        assert run.returncode == 0, run.stderr
        outputs.append(run)
    assert from_cache(outputs[1])[0] == from_cache(outputs[1])[1] > 0  # the second build rendered nothing
    warning = re.compile(r"docs/en/about\.md:\d+:\d+: this page contains a link 'nowhere\.md'")
    assert warning.search(outputs[0].stderr) and warning.search(outputs[1].stderr)
    broken = lambda run: sorted(line for line in run.stderr.splitlines() if "nowhere" in line)  # workers interleave
    assert broken(outputs[0]) == broken(outputs[1]) and len(broken(outputs[0])) == 3  # en, and es and sv fall back to it
    strict = build(project, tmp_path / "strict", cache)  # warm cache, strict: still fails, naming the file and line
    assert strict.returncode != 0 and warning.search(strict.stderr)
    assert from_cache(strict)[0] > 0
    # The warning names the line as it is now, though the page's Markdown (the cache key) did not change.
    edit(project / "docs/en/about.md", "# About\n", "# About\n\n\n")
    moved = build(project, tmp_path / "moved", cache, "--no-strict")
    line = lambda run: int(re.search(r"docs/en/about\.md:(\d+):\d+: this page contains a link 'nowhere", run.stderr).group(1))
    assert line(moved) == line(outputs[0]) + 2


def test_a_damaged_entry_is_rendered_again(tmp_path: Path, monkeypatch):
    cache = tmp_path / "cache"
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    assert build(project, tmp_path / "one", cache).returncode == 0
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("CUTOVER_CACHE_DIR", raising=False)
    entries = sorted(project_cache_dir(project).glob("??/*.json"))
    for entry in entries[:5]:
        entry.write_bytes(entry.read_bytes()[:40])  # a half-written file, as a crash of an older version might leave
    run = build(project, tmp_path / "two", cache)
    hits, total = from_cache(run)
    assert run.returncode == 0 and hits == total - 5
    assert tree_snapshot(tmp_path / "one") == tree_snapshot(tmp_path / "two")


def test_prune_keeps_the_most_recently_used_entries_within_the_bound(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CUTOVER_CACHE_DIR", raising=False)
    cache = RenderCache(tmp_path / "project")
    for n in range(10):
        cache.put(f"{n:064x}", {"content": "x" * 1000})
        entry = cache.folder / f"{n:064x}"[:2] / f"{n:064x}.json"
        os.utime(entry, (time.time() - 100 + n, time.time() - 100 + n))
    assert cache.get(f"{0:064x}") is not None  # used now: the newest
    assert cache.prune(max_bytes=4 * 1100) == 6
    kept = sorted(int(p.stem, 16) for p in cache.folder.glob("??/*.json"))
    assert kept == [0, 7, 8, 9]
    # A project not built for a long time loses its cache when another project is pruned.
    old = RenderCache(tmp_path / "old-project")
    old.put("f" * 64, {"content": "y"})
    old.prune()
    long_ago = time.time() - 40 * 86400
    for path in (old.folder / "last-used", old.folder):
        os.utime(path, (long_ago, long_ago))
    cache.prune()
    assert not old.folder.exists() and cache.folder.exists()


def test_settings_that_cannot_be_keyed_turn_the_cache_off_for_the_build():
    from types import SimpleNamespace

    from generator.site.mkdocs import cached_render

    class Loop:  # an extension setting that refers to itself: JSON cannot write it down
        pass

    loop = Loop()
    loop.me = loop
    config = SimpleNamespace(markdown_extensions=["toc"], mdx_configs={"toc": {"slugify": loop}}, use_directory_urls=True,
                             validation={})

    class NoFiles(list):
        pass

    assert cached_render._build_fingerprint(config, NoFiles(), "en") == ""  # every page rendered as MkDocs would
    config.mdx_configs = {"toc": {"permalink": True}}
    assert cached_render._build_fingerprint(config, NoFiles(), "en")
