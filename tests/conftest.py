"""Shared fixtures: a small complete project in four languages, copied per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

from support import FIXTURE


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minimal."""
    target = tmp_path / "proj"
    shutil.copytree(FIXTURE, target)
    return target

