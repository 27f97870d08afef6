"""`cutover build --offline`: a site for file shares — links to files, the web-worker shim shipped, every
language's search index as a script. (The browser side is tests/browser/test_file_share.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.offline import write_search_scripts

from support import FIXTURE


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(FIXTURE), "-d", str(out), "--offline"],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    return out


def test_pages_are_files_and_load_the_shipped_shim(offline_site: Path):
    assert (offline_site / "guides" / "hold.html").is_file() and not (offline_site / "guides" / "hold").exists()
    page = (offline_site / "de" / "guides" / "hold.html").read_text("utf-8")
    assert '<script src="../../assets/cutover/iframe-worker.js"></script>' in page
    assert not [p for p in offline_site.rglob("*.html") if "unpkg.com" in p.read_text("utf-8")]


def test_every_language_has_its_index_as_a_script(offline_site: Path):
    for prefix in ("", "de/", "es/", "sv/"):
        script = (offline_site / f"{prefix}search/search_index.js").read_text("utf-8")
        assert script.startswith("var __index = ")
        index = json.loads(script[len("var __index = "):].replace("<\\/", "</"))
        assert index == json.loads((offline_site / f"{prefix}search/search_index.json").read_text("utf-8"))
        assert index["docs"] and all(doc["location"].startswith(prefix) for doc in index["docs"])


def test_script_index_cannot_close_a_script_element(tmp_path: Path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"docs": [{"text": "</script><script>alert(1)"}]}))
    [script] = write_search_scripts(tmp_path)
    assert "</script>" not in script.read_text("utf-8")


def test_the_normal_build_has_no_offline_files(tmp_path: Path):
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(FIXTURE), "-d", str(out), "--lang", "de"],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    assert not list(out.rglob("search_index.js")) and "iframe-worker.js\"></script>" not in (out / "index.html").read_text("utf-8")
