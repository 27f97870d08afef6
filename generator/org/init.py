"""``cutover init``: a new organisation's site repository, layered over a kit.

It writes settings and starting content only (``mkdocs.yml``, ``catalog/site.yaml`` with the kit's variables to
edit, the hand-written pages of the chosen languages, a CI sample, README and .gitignore); the kit's definitions
stay in the installed package and no generator code is copied.
"""

from __future__ import annotations

import re
import shutil
import string
import tempfile
from pathlib import Path

from generator import DISTRIBUTION, PACKAGE_DIR, version
from generator.org.installsource import install_requirement
from generator.org.kit import DEFAULT_KIT, kit_languages, kit_root
from generator.render.localize import _lookup, _package_strings, language_name

TEMPLATES = Path(__file__).parent / "templates"
#: Empty folders an organisation fills with its own content (kept in git by a .gitkeep).
OWN_FOLDERS = ("catalog/roles", "catalog/features", "catalog/faqs", "catalog/overrides/features", "catalog/overrides/roles",
               "quizzes", "branding")


#: Where an organisation's repository keeps the JSON Schemas its files' ``$schema`` lines point at: copies, so the
#: lines resolve in every writer's editor on every machine and survive upgrades (``--update-schemas`` renews them).
SCHEMA_FOLDER = "schemas"


class InitError(Exception):
    pass


def schema_files() -> dict[str, str]:
    """``schemas/<name>.json`` -> the installed Cutover's schema, for every kind and its translation variant."""
    return {f"{SCHEMA_FOLDER}/{path.name}": path.read_text("utf-8") for path in sorted((PACKAGE_DIR / "schemas").glob("*.json"))}


def outdated_schemas(root: Path) -> list[str]:
    """The schema copies of an organisation's repository that differ from (or lack) the installed Cutover's."""
    if not (root / SCHEMA_FOLDER).is_dir():
        return []
    return [rel for rel, text in schema_files().items()
            if not (root / rel).is_file() or (root / rel).read_text("utf-8", errors="replace") != text]


def update_schemas(root: Path) -> list[str]:
    """Write the installed Cutover's schemas into an existing organisation repository; the files that changed."""
    if not (root / "catalog" / "site.yaml").is_file():
        raise InitError(f"{root} is not a Cutover project (no catalog/site.yaml)")
    changed = outdated_schemas(root) if (root / SCHEMA_FOLDER).is_dir() else list(schema_files())
    for rel in changed:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        tmp = (root / rel).with_name((root / rel).name + ".tmp")
        tmp.write_text(schema_files()[rel], "utf-8")
        tmp.replace(root / rel)
    return changed


def parse_languages(value: str | None, kit: Path) -> list[str]:
    """The chosen languages, the kit's source language first; any language the kit lacks is an error."""
    available = kit_languages(kit)
    if not value:
        return available
    chosen = [x.strip() for x in value.split(",") if x.strip()]
    unknown = [x for x in chosen if x not in available]
    if unknown:
        raise InitError(f"the kit has no language '{unknown[0]}'; it is written in {', '.join(available)}")
    if len(set(chosen)) != len(chosen):
        raise InitError("a language is listed twice")
    if not chosen or chosen[0] != available[0]:
        raise InitError(f"the kit's texts are written in '{available[0]}': list it first (it is the default language), "
                        f"e.g. --languages {','.join([available[0]] + [x for x in chosen if x != available[0]])}")
    return chosen


_PLACEHOLDER_NOTE_CI = ("  # Cutover is not on the package index: replace the address with your organisation's copy of the Cutover\n"
                        "  # repository (or install a wheel you keep, e.g. \"./wheels/cutover_kb-$version-py3-none-any.whl\").\n")
_PLACEHOLDER_NOTE_README = ("Cutover is not on the package index: replace the address above with your organisation's copy of the\n"
                            "Cutover repository, or install a wheel built from it (`python -m pip wheel --no-deps -w wheels/ .` in\n"
                            "the Cutover checkout, then `python -m pip install wheels/cutover_kb-$version-py3-none-any.whl`).\n")


def _variables_block(site_file: Path) -> str:
    """The ``variables:`` section of a kit site file, comments included (they guide translators)."""
    text = site_file.read_text("utf-8")
    match = re.search(r"^variables:\n(?:(?:[ #].*)?\n?)*", text, re.M)
    return match.group(0).rstrip() + "\n" if match else ""


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]  # "svenska" -> "Svenska" in the language menu


def _facts_block(kit: Path) -> str:
    """The kit's facts with their default values, to edit."""
    import yaml

    from generator.catalog.yamlio import read_bytes, read_yaml

    site = kit / "catalog" / "site.yaml"
    facts = read_yaml(site, site.as_posix(), read_bytes(site)).data.get("facts") or {}
    lines = yaml.safe_dump(facts, allow_unicode=True, default_flow_style=False, sort_keys=False).splitlines() if facts else []
    return "\n".join(f"  {line}" for line in lines) or "  {}"


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _site_name(org_name: str, lang: str) -> str:
    """The header title in ``lang``: the organisation and the home page's title in that language."""
    title = _lookup(_package_strings(lang), "home.title") or _lookup(_package_strings("en"), "home.title")
    return f"{org_name}: {title}"


def init(target: Path, org_name: str, languages: str | None = None, kit_name: str = DEFAULT_KIT) -> list[str]:
    """Write the new project into ``target`` (absent or empty); return the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(f"{target} is not empty: choose a new folder")
    kit = kit_root(kit_name, target)
    langs = parse_languages(languages, kit)
    if not org_name.strip() or "\n" in org_name:
        raise InitError("the organisation name must be one line of text")
    files: dict[str, str] = {}
    fill = lambda name, **values: string.Template((TEMPLATES / name).read_text("utf-8")).substitute(values)
    i18n = "\n".join(f"        - locale: {code}\n" + ("          default: true\n" if n == 0 else "")
                     + f"          name: {_capitalised(language_name(code, code))}\n          build: true\n"
                     + f"          site_name: {_yaml_string(_site_name(org_name, code))}" for n, code in enumerate(langs))
    files["mkdocs.yml"] = fill("mkdocs.yml.tmpl", org_name=org_name, site_name=_yaml_string(f"{org_name}: phone system training"),
                               default_language=langs[0], languages=i18n)
    variables = _variables_block(kit / "catalog" / "site.yaml")
    variables = re.sub(r"^  org_name: .*$", f"  org_name: {_yaml_string(org_name)}", variables, count=1, flags=re.M)
    files["catalog/site.yaml"] = fill("site.yaml.tmpl", org_name=org_name, languages=", ".join(langs),
                                      schema_url=f"../{SCHEMA_FOLDER}/site.schema.json",
                                      facts=_facts_block(kit), variables=variables)
    for lang in langs[1:]:
        translated = _variables_block(kit / "catalog" / f"site.{lang}.yaml")
        if translated:
            files[f"catalog/site.{lang}.yaml"] = (f"# yaml-language-server: $schema=../{SCHEMA_FOLDER}/site.translation.schema.json\n"
                                                  f"# {org_name}'s variable values in this language.\n{translated}")
        for page in sorted((kit / "docs" / lang).glob("*.md")):
            files[f"docs/{lang}/{page.name}"] = page.read_text("utf-8")
    for page in sorted((kit / "docs" / langs[0]).glob("*.md")):
        files[f"docs/{langs[0]}/{page.name}"] = page.read_text("utf-8")
    requirement, placeholder = install_requirement()
    notes = lambda note: string.Template(note).substitute(version=version()) if placeholder else ""
    files["README.md"] = fill("README.md.tmpl", org_name=org_name, version=version(), distribution=DISTRIBUTION,
                              requirement=requirement, requirement_note_readme=notes(_PLACEHOLDER_NOTE_README))
    files[".github/workflows/site.yml"] = fill("ci.yml", version=version(), requirement=requirement,
                                               requirement_note=notes(_PLACEHOLDER_NOTE_CI))
    files[".gitignore"] = (TEMPLATES / "gitignore").read_text("utf-8")
    for folder in OWN_FOLDERS:
        files[f"{folder}/.gitkeep"] = ""
    files.update(schema_files())
    # Written into a scratch folder first and moved into place: a failure leaves nothing half-written.
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".cutover-init-", dir=target.parent))
    try:
        for rel, content in files.items():
            path = scratch / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, "utf-8")
        if target.exists():
            target.rmdir()
        scratch.rename(target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return sorted(files)
