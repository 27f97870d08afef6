"""Shared fixtures: a small complete project in four languages, copied per test."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
# The builds of the suite keep their render cache (generator/site/rendercache.py) in a folder of their own, removed
# at the end, rather than in the developer's ~/.cache.
_RENDER_CACHE = tempfile.mkdtemp(prefix="cutover-test-cache-")
os.environ["CUTOVER_CACHE_DIR"] = _RENDER_CACHE

from support import FIXTURE


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minimal."""
    target = tmp_path / "proj"
    shutil.copytree(FIXTURE, target)
    return target


def pytest_collection_modifyitems(items: list) -> None:
    """The files that hold slow tests first: scripts/test deals whole files out to one worker per core in this order,
    and a long file dealt out last would leave one worker running alone at the end. A file's tests stay together and
    in order (its module fixtures, such as a built site, are made once)."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    first: dict = {}
    for i, item in enumerate(items):
        first.setdefault(item.path, i)
    items.sort(key=lambda item: (item.path not in slow_files, first[item.path]))  # stable: in order within a file


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_RENDER_CACHE, ignore_errors=True)
