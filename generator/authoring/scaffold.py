"""``cutover new role|feature|quiz|faq|message ID``: a definition of the right shape and a translation file per language.

The templates live in ``generator/authoring/scaffolds/`` (content stays out of code). Every text is a TODO marker, so
``cutover check`` fails, naming each one, until the writer and the translators have filled them in; ids that
other definitions must know (a category, a feature, a role) are taken from the project so the rest is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator import PACKAGE_DIR
from generator.catalog.yamlio import YamlFileError, read_yaml
from generator.errors import CutoverError, Problem, relative
from generator.render.localize import language_name

KINDS = ("role", "feature", "quiz", "faq", "message")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class _Kind:
    template: str  #: template and schema name
    folder: str  #: relative to the project root


_KINDS = {"role": _Kind("role", "catalog/roles"), "feature": _Kind("feature", "catalog/features"),
          "quiz": _Kind("quiz", "quizzes"), "faq": _Kind("faqs", "catalog/faqs"),
          "message": _Kind("message", "catalog/messages")}


def _schema_folder(root: Path, depth: str) -> str:
    """What a new file's ``$schema`` line points into: the checkout's generator/schemas, an organisation's copies
    in schemas/ (``cutover init``), else the installed package's own folder."""
    for folder in ("generator/schemas", "schemas"):
        if (root / folder / "site.schema.json").is_file():
            return depth + folder
    return (PACKAGE_DIR / "schemas").as_posix()


class ScaffoldError(Exception):
    """A clear reason why nothing was written."""


def scaffold(root: Path, kind: str, new_id: str) -> list[Path]:
    """Write the definition and its translations; return their paths. Nothing is written when anything is wrong."""
    if kind not in _KINDS:
        raise ScaffoldError(f"unknown kind '{kind}': choose one of {', '.join(KINDS)}")
    if not _ID.match(new_id) or len(new_id) > 64:
        raise ScaffoldError(f"'{new_id}' is not a valid id: use lower-case letters, digits and single hyphens "
                            "(for example 'call-park'), at most 64 characters")
    spec = _KINDS[kind]
    site = _site(root)
    languages = site.get("languages") or ["en"]
    folder = root / spec.folder
    source = folder / f"{new_id}.yaml"
    targets = [source] + [folder / f"{new_id}.{lang}.yaml" for lang in languages[1:]]
    existing = [p for p in targets if p.exists()]
    if existing:
        raise ScaffoldError(f"{relative(existing[0], root)} already exists; choose another id or edit that file")
    fields = {"id": new_id, "category": _first_category(site), "feature": _first_id(root / "catalog/features", "your-feature-id"),
              "role": _first_id(root / "catalog/roles", "your-role-id"), "devices": ", ".join(_devices(root, site))}
    depth = "../" * len(Path(spec.folder).parts)
    schemas = _schema_folder(root, depth)
    texts = {source: _fill(_template(spec.template), {**fields, "schema": f"{schemas}/{spec.template}.schema.json"})}
    for lang, path in zip(languages[1:], targets[1:]):
        texts[path] = _fill(_template(f"{spec.template}.translation"), {
            **fields, "schema": f"{schemas}/{spec.template}.translation.schema.json",
            "language": language_name(lang, "en"), "source": source.name})
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for path, text in texts.items():
            with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
                file.write(text)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise ScaffoldError(f"cannot write {relative(path, root)}: {exc.strerror}") from None
    return written


def _template(name: str) -> str:
    return (Path(__file__).parent / "scaffolds" / f"{name}.yaml").read_text("utf-8")


def _fill(template: str, fields: dict[str, str]) -> str:
    return re.sub(r"<<(\w+)>>", lambda m: fields[m.group(1)], template)


def _site(root: Path) -> dict:
    path = root / "catalog" / "site.yaml"
    if not path.is_file():
        raise ScaffoldError(f"{relative(path, root)} not found: run the command in the project folder or pass --project")
    try:
        data = read_yaml(path, relative(path, root)).data
    except YamlFileError as exc:
        raise CutoverError([exc.problem]) from None
    if not isinstance(data, dict):
        raise CutoverError([Problem(relative(path, root), 1, 1, "the file must be a mapping of keys to values")])
    return data


def _devices(root: Path, site: dict) -> list[str]:
    """The device keys steps may use on this site: the built-in ones and those the site (or its kit) declares."""
    from generator.catalog.devices import order
    from generator.org.kit import KitNotFound, kit_root

    entries = []
    if isinstance(site.get("kit"), str) and site.get("kit_content") != "none":
        try:
            kit_site = kit_root(site["kit"], root) / "catalog" / "site.yaml"
            entries += read_yaml(kit_site, kit_site.as_posix()).data.get("devices") or []
        except (KitNotFound, YamlFileError, AttributeError):
            pass  # `cutover check` names what is wrong with the kit
    entries += site.get("devices") or []
    return order([e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)])


def _first_category(site: dict) -> str:
    cats = site.get("categories") or []
    return str(cats[0].get("id")) if cats and isinstance(cats[0], dict) else "your-category-id"


def _first_id(folder: Path, fallback: str) -> str:
    names = sorted(p.name.split(".")[0] for p in folder.glob("*.yaml") if p.name.count(".") == 1) if folder.is_dir() else []
    return names[0] if names else fallback
