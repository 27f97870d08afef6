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



def pytest_unconfigure(config) -> None:
    shutil.rmtree(_RENDER_CACHE, ignore_errors=True)
