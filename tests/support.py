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


def make_org(root: Path, kit: Path, site: str = "", files: dict[str, str] | None = None,
             languages: tuple[str, ...] = ("en", "de", "es", "sv")) -> Path:
    """An organisation project in ``root`` layered over the kit folder ``kit`` (usually a copy of FIXTURE).

    ``site`` is appended to its catalog/site.yaml; ``files`` maps project paths to their text.
    """

    root.mkdir(parents=True, exist_ok=True)
    mkdocs = (FIXTURE / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(mkdocs, "utf-8")
    (root / "catalog").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "catalog" / "site.yaml").write_text(f"kit: {kit}\nlanguages: [{', '.join(languages)}]\n{site}", "utf-8")
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def load_problems(root: Path) -> list[str]:
    """Every problem loading ``root`` reports, formatted (errors raised, or warnings of a load that succeeded)."""
    from generator.catalog.load import load_project
    from generator.errors import CutoverError

    try:
        return [p.format() for p in load_project(root).warnings]
    except CutoverError as exc:
        return [p.format() for p in exc.problems]
