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

#: The parts of a project that make up a kit (copied into the package by setup.py); i18n/ holds its translation locks.
KIT_PARTS = ("catalog", "quizzes", "docs", "i18n")
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


def _data(path: Path) -> dict:
    from generator.catalog.yamlio import read_bytes, read_yaml

    if not path.is_file():
        return {}
    data = read_yaml(path, path.as_posix(), read_bytes(path)).data
    return data if isinstance(data, dict) else {}


def kit_languages(kit: Path) -> list[str]:
    """The languages a kit is written in (its translation files for other languages are simply not read)."""
    return list(_data(kit / "catalog" / "site.yaml").get("languages", []))


def kit_phase_ids(kit: Path) -> list[str]:
    """The ids of the kit's phases, in timeline order (for an organisation whose own phases replace them)."""
    return [p["id"] for p in _data(kit / "catalog" / "phases.yaml").get("phases", []) if isinstance(p, dict) and "id" in p]


def kit_category_ids(kit: Path) -> list[str]:
    """The ids of the kit's guide categories (an organisation's category may replace them)."""
    return [c["id"] for c in _data(kit / "catalog" / "site.yaml").get("categories", []) if isinstance(c, dict) and "id" in c]


def is_kit_source(source: str) -> bool:
    """Whether a definition's source (as :func:`kit_display` names it) is one of the kit's files."""
    return source.startswith("kit:")


def own_translation(kit_file: Path, kit: Path, project_root: Path, lang: str) -> Path:
    """Where an organisation translates a kit file: the same path in its own repository, with the language code.

    The kit's ``catalog/features/hold.yaml`` is translated into Italian in ``catalog/features/hold.it.yaml`` of the
    organisation's repository. The file layers over the kit's own translation string by string, so it may also
    correct single strings of a language the kit ships.
    """
    relative = kit_file.relative_to(kit)
    return project_root / relative.with_name(f"{kit_file.stem}.{lang}.yaml")


def own_translation_display(source: str, kit_name: str, lang: str) -> str | None:
    """The organisation's translation file (relative to its project) of a kit source named ``source``; None
    when ``source`` is not one of the kit's files."""
    prefix = f"kit:{kit_name}/"
    if not source.startswith(prefix):
        return None
    folder, _, name = source[len(prefix):].rpartition("/")
    return f"{folder}/{name.rsplit('.', 1)[0]}.{lang}.yaml" if folder else f"{name.rsplit('.', 1)[0]}.{lang}.yaml"


#: What ``kit_content`` in site.yaml may list: the kinds of kit content a site takes (the rest is hidden).
CONTENT_KINDS = ("roles", "features", "faqs", "quizzes", "scenarios", "glossary", "phases", "survey",
                 "surveys", "messages", "day_one", "retired", "champions")


def chosen_content(value: object) -> set[str]:
    """The kinds of kit content a site uses: ``all`` (or nothing said), ``none``, or a list of kinds."""
    if value is None or value == "all":
        return set(CONTENT_KINDS)
    if value == "none":
        return set()
    return set(value) if isinstance(value, list) else set(CONTENT_KINDS)


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
    """The organisation's settings over the kit's: variables and facts by name, categories and devices by id."""
    merged = dict(own)
    merged["categories"] = merge_by_id(kit.get("categories", []), own.get("categories", []))
    if "devices" in kit or "devices" in own:
        merged["devices"] = merge_by_id(kit.get("devices", []), own.get("devices", []))
    merged["variables"] = {**kit.get("variables", {}), **own.get("variables", {})}
    merged["facts"] = {**kit.get("facts", {}), **own.get("facts", {})}
    if "home" not in own and "home" in kit:
        merged["home"] = kit["home"]
    return merged


def merge_by_id(kit: list[dict], own: list[dict]) -> list[dict]:
    """The kit's entries in the kit's order; an entry of the organisation with the same id takes its place, one that
    ``replaces`` kit ids takes the place of the first of them (the others leave); new entries follow, in order."""
    own_ids = {entry["id"]: entry for entry in own}
    claimed = {kid: entry for entry in own for kid in entry.get("replaces") or [] if kid not in own_ids}
    result, placed = [], set()
    for entry in kit:
        chosen = own_ids.get(entry["id"]) or claimed.get(entry["id"]) or entry
        if id(chosen) not in placed:
            placed.add(id(chosen))
            result.append(chosen)
    return result + [entry for entry in own if id(entry) not in placed]


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
