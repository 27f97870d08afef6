"""Fixtures of the organisation tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURE


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A kit: a copy of the fixture project (tests may change it, as a newer kit would)."""
    target = tmp_path / "kit"
    shutil.copytree(FIXTURE, target)
    return target
