"""``cutover new language xx``: a language is a folder of content plus this command.

It adds ``xx`` to ``catalog/site.yaml`` (the list of languages) and to the i18n plugin's list in ``mkdocs.yml``
(surgically: comments and order stay), and writes what a translator fills in:

* the interface strings file, every key with the English as reference behind a ``TODO`` (``locales/xx.yaml``;
  ``generator/locales/xx.yaml`` in the kit's own repository, so the package ships the language). Until a string is
  translated the page shows it in English, marked as such, and ``cutover check`` names it at its line. material's
  own translation of the theme's strings fills those in where material has the language (a translator reviews
  them). A language the package already ships needs no file: ``locales/xx.yaml`` may still change single terms.
* ``catalog/site.xx.yaml``: the project's own site texts (home page, categories, the variables its other
  languages translate), each a ``TODO`` that ``cutover check`` reports until it is translated.

Hand-written pages (``docs/xx/``) are optional: until one exists the page shows the default language's with a
notice. Nothing is written unless everything can be: new files are created exclusively, edited files replaced
whole after the new text was read back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.catalog.yamlio import YamlFileError, read_yaml
from generator.errors import CutoverError, relative
from generator.strings import plurals
from generator.strings.files import PACKAGE_STRINGS, REFERENCE, TODO, project_folder, shipped_languages
from generator.strings.languages import autonym, language_name, problem

#: YAML words a plain key would be read as something else than text.
_PLAIN_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


class LanguageError(Exception):
    """A clear reason why nothing was written."""


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar


def _key(name: str) -> str:
    return name if _PLAIN_KEY.match(name) and name not in _YAML_WORDS else _q(name)


def strings_scaffold(lang: str) -> str:
    """The interface strings file of ``lang``: every key of English, each a TODO with the English behind it, every
    plural form the language needs; the theme's strings from material's own translation where it has one."""
    from generator.site.chrome import material_strings

    english = read_yaml(PACKAGE_STRINGS / f"{REFERENCE}.yaml", f"generator/locales/{REFERENCE}.yaml").data
    material = material_strings(lang)
    name = language_name(lang, REFERENCE)
    forms = plurals.categories(lang)
    lines = [f"# Interface strings in {name} ({lang}). Replace each TODO with the translation (keep the {{placeholders}});",
             "# until then the page shows the English, marked as English, and `cutover check` names the line.",
             f"# Counted strings have one form per plural category {name} uses: {', '.join(forms)} (CLDR). English is in",
             "# generator/locales/en.yaml; CONTRIBUTING.md, \"Interface strings\", explains the format."]

    def walk(node: dict[str, Any], indent: str, section: str) -> None:
        for key, value in node.items():
            if plurals.is_plural(value):
                lines.append(f"{indent}{_key(key)}:")
                lines.extend(f"{indent}  {c}: {_q('TODO: ' + (value.get(c) or value['other']))}" for c in forms)
            elif isinstance(value, dict):
                if not indent and key == "theme" and any(material.values()):
                    lines.append(f"# The theme's strings below come from Material for MkDocs' own {name} translation: review them.")
                lines.append(f"{indent}{_key(key)}:")
                walk(value, indent + "  ", key if not indent else section)
            elif section == "theme" and material.get(key):
                lines.append(f"{indent}{_key(key)}: {_q(material[key])}")
            else:
                lines.append(f"{indent}{_key(key)}: {_q('TODO: ' + str(value))}")
    walk(english, "", "")
    return "\n".join(lines) + "\n"


def site_scaffold(root: Path, site: dict, lang: str) -> str | None:
    """``catalog/site.<lang>.yaml``: the project's own site texts, each a TODO; None when it has none."""
    out: list[str] = []
    home = site.get("home") if isinstance(site.get("home"), dict) else {}
    if home:
        out.append("home:")
        out += [f"  {k}: {_q('TODO: ' + ' '.join(str(v).split()))}" for k, v in home.items() if k in ("title", "intro") and v]
    categories = [c for c in site.get("categories") or [] if isinstance(c, dict) and c.get("id") and c.get("name")]
    if categories:
        out.append("categories:")
        for c in categories:
            out += [f"  - id: {c['id']}", f"    name: {_q('TODO: ' + str(c['name']))}"]
    translated = _translated_variables(root, site)
    variables = {k: v for k, v in (site.get("variables") or {}).items() if k in translated and isinstance(v, str)}
    if variables:
        out.append("variables:")
        out += [f"  {_key(k)}: {_q('TODO: ' + v)}" for k, v in variables.items()]
    for section, key in (("feedback", "contact"), ("branding", "footer")):
        value = (site.get(section) or {}).get(key) if isinstance(site.get(section), dict) else None
        if isinstance(value, str) and value:
            out += [f"{section}:", f"  {key}: {_q('TODO: ' + value)}"]
    if not out:
        return None
    return "\n".join(["# yaml-language-server: $schema=../generator/schemas/site.translation.schema.json",
                      f"# The texts of catalog/site.yaml in {language_name(lang, REFERENCE)}: replace each TODO "
                      "(`cutover check` names those left).", *out]) + "\n"


def _translated_variables(root: Path, site: dict) -> set[str]:
    """The variables the project's other translations (or its kit's) translate: the ones that are words."""
    from generator.org.kit import KitNotFound, kit_root

    folders = [root / "catalog"]
    if site.get("kit"):
        try:
            folders.append(kit_root(str(site["kit"]), root) / "catalog")
        except KitNotFound:
            pass
    names: set[str] = set()
    for folder in folders:
        for path in sorted(folder.glob("site.*.yaml")):
            try:
                data = read_yaml(path, relative(path, root)).data
            except YamlFileError:
                continue
            if isinstance(data, dict) and isinstance(data.get("variables"), dict):
                names |= set(data["variables"])
    return names


def with_site_language(text: str, lang: str) -> str:
    """catalog/site.yaml's text with ``lang`` appended to ``languages`` (flow or block list), nothing else changed."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    node = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "languages"), None) \
        if isinstance(root, MappingNode) else None
    if not isinstance(node, SequenceNode) or not node.value:
        raise LanguageError("catalog/site.yaml has no list of languages to add to")
    last = node.value[-1]
    if node.flow_style:
        at = last.end_mark.index
        return text[:at] + f", {lang}" + text[at:]
    lines = text.split("\n")
    line = last.end_mark.line
    column = last.start_mark.column
    return "\n".join(lines[: line + 1] + [" " * (column - 2) + f"- {lang}"] + lines[line + 1:])


def add_language(root: Path, lang: str, site_name: str | None = None) -> list[tuple[Path, str]]:
    """Add ``lang`` to the project in ``root``; return (file, "created" or "updated") in the order written."""
    from generator.site.languages import CONFIG_FILE, ConfigError, read_languages, with_language

    reason = problem(lang)
    if reason:
        raise LanguageError(reason)
    site_file = root / "catalog" / "site.yaml"
    if not site_file.is_file():
        raise LanguageError(f"{relative(site_file, root)} not found: run the command in the project folder or pass --project")
    try:
        doc = read_yaml(site_file, "catalog/site.yaml")
    except YamlFileError as exc:
        raise CutoverError([exc.problem]) from None
    site = doc.data if isinstance(doc.data, dict) else {}
    languages = site.get("languages") or []
    if lang in languages:
        raise LanguageError(f"'{lang}' is already a language of this site ({', '.join(languages)})")
    new: dict[Path, str] = {}
    strings_file = project_folder(root) / f"{lang}.yaml"
    if lang not in shipped_languages() or project_folder(root) == PACKAGE_STRINGS:
        if strings_file.exists():
            raise LanguageError(f"{relative(strings_file, root)} already exists; add '{lang}' to catalog/site.yaml by hand")
        new[strings_file] = strings_scaffold(lang)
    translation = root / "catalog" / f"site.{lang}.yaml"
    text = site_scaffold(root, site, lang)
    if text and not translation.exists():
        new[translation] = text
    edits: dict[Path, str] = {site_file: with_site_language(site_file.read_text("utf-8"), lang)}
    if (root / CONFIG_FILE).is_file():
        try:
            found = read_languages(root)
            if found is not None:
                default = site_name or _default_site_name(root, found)
                edits[root / CONFIG_FILE] = with_language(root, lang, autonym(lang), default)
            elif languages:
                raise LanguageError("mkdocs.yml does not enable the i18n plugin (mkdocs-static-i18n): add it with its "
                                    "languages as in the kit's mkdocs.yml, then run this again")
        except ConfigError as exc:
            raise CutoverError([exc.problem]) from None
    for path, changed in edits.items():  # read back: the edit must say what was meant, and only that
        data = yaml.compose(changed, Loader=yaml.SafeLoader)
        if data is None or lang not in changed:
            raise LanguageError(f"could not add '{lang}' to {relative(path, root)}; add it by hand")
    return _write(root, new, edits)


def _default_site_name(root: Path, found) -> str:
    """A TODO with the default language's header title, for mkdocs.yml (check names it until it is translated)."""
    text = (root / "mkdocs.yml").read_text("utf-8")
    default = next((e for e in found.entries if e.default), None)
    title = default.site_name[0] if default and default.site_name else None
    if not title:
        match = re.search(r"^site_name:\s*(.+?)\s*$", text, re.M)
        title = match.group(1).strip("\"'") if match else "site"
    return title if TODO.match(title) else f"TODO: {title}"


def _write(root: Path, new: dict[Path, str], edits: dict[Path, str]) -> list[tuple[Path, str]]:
    written: list[Path] = []
    try:
        for path, text in new.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as file:  # never overwrite, even in a race
                file.write(text)
            written.append(path)
        temporary = {path: path.with_name(path.name + ".tmp") for path in edits}
        for path, tmp in temporary.items():
            tmp.write_text(edits[path], "utf-8")
            written.append(tmp)
        for path, tmp in temporary.items():  # both written: now the two renames
            tmp.replace(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise LanguageError(f"cannot write {relative(Path(exc.filename or root), root)}: {exc.strerror}") from None
    return [(p, "created") for p in new] + [(p, "updated") for p in edits]
