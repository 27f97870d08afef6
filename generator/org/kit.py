"""Where a kit lives: the content an organisation's site layers over.

The default kit is this repository's ``catalog/``, ``quizzes/`` and ``docs/``. An installed package carries a
copy in ``generator/kits/default/`` (written by ``setup.py`` when the wheel is built); a source checkout or an
editable install uses the repository itself, so writers see their edits at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from generator import PACKAGE_DIR
from generator.errors import Problem

#: The parts of a project that make up a kit (copied into the package by setup.py).
KIT_PARTS = ("catalog", "quizzes", "docs")
DEFAULT_KIT = "default"


class KitNotFound(Exception):
    pass


def packaged_kits() -> dict[str, Path]:
    """Kit name -> folder, for every kit this installation ships."""
    kits = {}
    shipped = PACKAGE_DIR / "kits"
    if shipped.is_dir():
        kits = {p.name: p for p in sorted(shipped.iterdir()) if (p / "catalog" / "site.yaml").is_file()}
    checkout = PACKAGE_DIR.parent
    if DEFAULT_KIT not in kits and (checkout / "pyproject.toml").is_file() and (checkout / "catalog" / "site.yaml").is_file():
        kits[DEFAULT_KIT] = checkout
    return kits


def kit_root(name: str, project_root: Path) -> Path:
    """The folder of kit ``name``: a shipped kit's name, or a path (relative to the project) holding a kit.

    A path lets an organisation pin a kit it keeps itself, and lets tests stand in a newer kit.
    """
    kits = packaged_kits()
    if name in kits:
        return kits[name]
    if "/" in name or name.startswith("."):
        path = (project_root / name).resolve()
        if (path / "catalog" / "site.yaml").is_file():
            return path
        raise KitNotFound(f"no kit at '{name}' ({path} has no catalog/site.yaml)")
    known = ", ".join(sorted(kits)) or "none"
    raise KitNotFound(f"unknown kit '{name}' (this installation ships: {known})")


def kit_display(path: Path, kit: Path, name: str) -> str:
    """How errors name a kit's file: ``kit:default/catalog/features/call-park.yaml``."""
    return f"kit:{name}/{path.relative_to(kit).as_posix()}"


def kit_languages(kit: Path) -> list[str]:
    """The languages a kit is written in (its translation files for other languages are simply not read)."""
    from generator.catalog.yamlio import read_bytes, read_yaml

    site = kit / "catalog" / "site.yaml"
    data = read_yaml(site, site.as_posix(), read_bytes(site)).data
    return list(data.get("languages", [])) if isinstance(data, dict) else []


def layer_files(kit_files: list[Path], own_files: list[Path], many: bool, kind: str,
                display: Callable[[Path], str]) -> tuple[list[Path], list[Problem]]:
    """The files to load: the kit's, then the organisation's own.

    A single file (phases, glossary) of the organisation replaces the kit's. In a folder of many, an own file
    named like a kit file would silently shadow it: that is an error that says how to change a kit item instead.
    """
    if not many:
        return (own_files or kit_files), []
    own = {f.name: f for f in own_files}
    problems = []
    for f in kit_files:
        if f.name in own:
            folder = f.parent.name
            hint = (f"to change the kit's {kind}, write catalog/overrides/{folder}/{f.name}; to replace it, hide it in "
                    f"catalog/site.yaml and give yours another id" if folder in ("features", "roles")
                    else f"hide the kit's {kind} in catalog/site.yaml and give yours another id")
            problems.append(Problem(display(own[f.name]), 1, 1, f"the kit already has a {kind} named '{f.stem}'", hint))
    names = {f.name for f in own_files}
    return [f for f in kit_files if f.name not in names] + own_files, problems


def merge_site(kit: dict, own: dict) -> dict:
    """The organisation's settings over the kit's: variables and facts by name, categories by id."""
    merged = dict(own)
    categories = {c["id"]: c for c in kit.get("categories", [])}
    categories.update({c["id"]: c for c in own.get("categories", [])})
    merged["categories"] = list(categories.values())
    merged["variables"] = {**kit.get("variables", {}), **own.get("variables", {})}
    merged["facts"] = {**kit.get("facts", {}), **own.get("facts", {})}
    if "home" not in own and "home" in kit:
        merged["home"] = kit["home"]
    return merged


def open_kit(site_doc, project_root: Path, problems: list[Problem]) -> tuple[Path, str] | None:
    """(folder, name) of the kit ``site.yaml`` names, or None; an unknown kit is a located error."""
    name = site_doc.data.get("kit")
    if not name:
        return None
    try:
        root = kit_root(name, project_root)
    except KitNotFound as exc:
        problems.append(site_doc.problem(("kit",), str(exc), f"use 'kit: {DEFAULT_KIT}' or the path of a folder holding a kit"))
        return None
    if root.resolve() == project_root.resolve():
        problems.append(site_doc.problem(("kit",), "a project cannot layer over itself", "remove 'kit' from catalog/site.yaml"))
        return None
    return root, name
