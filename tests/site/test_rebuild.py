"""Incremental rebuilds under `cutover serve`: only changed pages are rebuilt, and the site is the full build's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.site.rebuild import PageMemory, replace_search_docs, site_signature

from support import edit, tree_snapshot


class Serve:
    """What `cutover serve` does on every save: a new config, a dirty build (static-i18n reads --dirty from argv)."""

    def __init__(self, project: Path, site: Path, monkeypatch):
        monkeypatch.setattr(sys, "argv", [*sys.argv, "--dirty"])
        self.project, self.site = project, site
        self.config = self._config()
        self.config.plugins.on_startup(command="serve", dirty=True)

    def _config(self):
        return load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))

    def rebuild(self) -> None:
        self.config = self._config()
        build(self.config, dirty=True)

    def stop(self) -> None:
        self.config.plugins.on_shutdown()


def full_build(project: Path, out: Path) -> dict[str, bytes]:
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    return tree_snapshot(out)


@pytest.fixture
def serve(project: Path, tmp_path: Path, monkeypatch):
    # The preview shows writers the repository link and edit pencils; with source_links a full build does too, so the
    # two sites can be compared byte for byte.
    edit(project / "catalog/site.yaml", "languages: [en, de, es, sv]", "languages: [en, de, es, sv]\nsource_links: true")
    server = Serve(project, tmp_path / "served", monkeypatch)
    build(server.config, dirty=True)
    yield server
    server.stop()


def mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_text_edit_rebuilds_only_the_pages_that_show_it(serve: Serve, project: Path, tmp_path: Path):
    before = mtimes(serve.site)
    edit(project / "catalog/features/hold.yaml", "text: Press **Hold**.", "text: Press **Hold** once.")
    serve.rebuild()
    changed = {page for page, mtime in mtimes(serve.site).items() if before.get(page) != mtime}
    assert "guides/hold/index.html" in changed
    assert "de/guides/hold/index.html" not in changed  # the German text did not change
    assert "guides/dial/index.html" not in changed
    assert len(changed) < len(before) // 4
    assert tree_snapshot(serve.site) == full_build(project, tmp_path / "full")


def test_title_edit_rebuilds_the_pages_whose_navigation_shows_it(serve: Serve, project: Path, tmp_path: Path):
    edit(project / "catalog/features/dial.yaml", "related: [hold]", "related: []")  # the dial guide names hold only
    serve.rebuild()                                                                 # in its navigation now
    before = mtimes(serve.site)
    staged = (serve.site / "guides/dial/index.html").read_text("utf-8")
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", "title: Hold a call for a while")
    serve.rebuild()
    changed = {page for page, mtime in mtimes(serve.site).items() if before.get(page) != mtime}
    assert "Hold a call" in staged and "Hold a call for a while" in (serve.site / "guides/dial/index.html").read_text("utf-8")
    assert "guides/dial/index.html" in changed  # its Markdown is the same: rebuilt for the navigation alone
    # navigation.prune: the other sections show the guides as one link; their pages (and other languages) stay
    assert not changed & {"faq/index.html", "about/index.html", "timeline/index.html", "de/guides/dial/index.html"}
    assert len(changed) < len(before) // 3
    assert tree_snapshot(serve.site) == full_build(project, tmp_path / "full")


def test_a_title_edit_reaches_the_neighbours_footer_and_other_sections_link(serve: Serve, project: Path, tmp_path: Path):
    """The first guide's title is the guides section's link on every other page; a page's footer names its neighbours."""
    guides = sorted((serve.site / "guides").glob("*/index.html"))
    first = guides[0].parent.name
    edit(project / f"catalog/features/{first}.yaml", "title: ", "title: Renamed — ")
    serve.rebuild()
    assert tree_snapshot(serve.site) == full_build(project, tmp_path / "full")


def test_title_edit_rebuilds_every_page_when_the_theme_shows_the_whole_navigation(serve: Serve, project: Path,
                                                                                 tmp_path: Path):
    edit(project / "mkdocs.yml", "navigation.prune]", "navigation.expand]")
    serve.rebuild()
    before = mtimes(serve.site)
    edit(project / "catalog/features/hold.yaml", "title: Hold a call", "title: Hold a call for a while")
    serve.rebuild()
    assert all(before[page] != mtime for page, mtime in mtimes(serve.site).items() if page in before)
    assert tree_snapshot(serve.site) == full_build(project, tmp_path / "full")


def test_search_keeps_the_pages_a_rebuild_skipped(serve: Serve, project: Path):
    edit(project / "catalog/features/dial.de.yaml", "summary: Jemanden anrufen.", "summary: Jemanden sofort anrufen.")
    serve.rebuild()
    german = json.loads((serve.site / "de/search/search_index.json").read_text("utf-8"))["docs"]
    english = json.loads((serve.site / "search/search_index.json").read_text("utf-8"))["docs"]
    assert any("sofort" in doc["text"] for doc in german)
    assert any(doc["location"].startswith("de/guides/hold/") for doc in german)  # not rebuilt, still found
    assert any(doc["location"].startswith("guides/dial/") for doc in english)


def test_signature_follows_titles_pages_and_settings(tmp_path: Path):
    staging, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    (staging / "en").mkdir(parents=True)
    page = staging / "en" / "a.md"
    page.write_text("---\ncutover_source: x\n---\n\n# Title\n\nBody\n", "utf-8")
    config.write_text("site_name: x\n", "utf-8")
    first = site_signature(staging, config, ["a.md"])
    page.write_text("---\ncutover_source: x\n---\n\n# Title\n\nAnother body\n", "utf-8")
    assert site_signature(staging, config, ["a.md"]) == first
    page.write_text("---\ncutover_source: x\n---\n\n# New title\n\nAnother body\n", "utf-8")
    assert site_signature(staging, config, ["a.md"]) != first
    page.write_text("---\ncutover_source: x\n---\n\n# Title\n\nBody\n", "utf-8")
    assert site_signature(staging, config, ["a.md"]) == first
    assert site_signature(staging, config, ["a.md", "b.md"]) != first
    (staging / "en" / "b.md").write_text("# B\n", "utf-8")
    assert site_signature(staging, config, ["a.md"]) != first
    (staging / "en" / "b.md").unlink()
    config.write_text("site_name: y\n", "utf-8")
    assert site_signature(staging, config, ["a.md"]) != first


def test_remembered_search_entries_in_build_order(tmp_path: Path):
    memory = PageMemory()
    memory.order = {"en": ["", "b/"], "de": ["de/"]}
    memory.entries = {("en", "b/"): [{"location": "b/"}], ("en", ""): [{"location": ""}, {"location": "#x"}],
                      ("de", "de/"): [{"location": "de/"}]}
    docs = memory.search_docs(["en", "de"])
    assert [d["location"] for d in docs] == ["", "#x", "b/", "de/"]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": ["en"]}, "docs": []}), "utf-8")
    replace_search_docs(tmp_path, docs)
    index = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    assert index == {"config": {"lang": ["en"]}, "docs": docs}
