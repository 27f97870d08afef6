"""Paths and small helpers shared by the test modules."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
REPO = Path(__file__).parent.parent


def edit(path: Path, old: str, new: str) -> None:
    """Replace one occurrence of ``old`` in a file; fail loudly when it is not there."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def tree_snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
