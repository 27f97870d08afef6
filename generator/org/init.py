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
from generator.authoring.newlanguage import strings_scaffold
from generator.org.kit import DEFAULT_KIT, kit_languages, kit_root
from generator.render import escape
from generator.strings.files import PROJECT_FOLDER, package_layer, shipped_languages
from generator.strings.languages import autonym
from generator.strings.languages import problem as language_problem

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
    """The chosen languages, the kit's source language first. Any language CLDR knows will do: one the kit is not
    written in gets its interface strings file and site texts to translate (see ``cutover new language``)."""
    available = kit_languages(kit)
    if not value:
        return available
    chosen = [x.strip() for x in value.split(",") if x.strip()]
    for lang in chosen:
        reason = language_problem(lang)
        if reason:
            raise InitError(f"{reason}; the kit is written in {', '.join(available)}")
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


def _renamed_forms(block: str, kit_name: str, org_name: str) -> str:
    """A translated variables block with the kit organisation's name replaced by the new one in every grammatical
    form ("dat: der Northwind Group" becomes "dat: \"der Acme AG\""), flagged for the writer to check the article."""
    if not kit_name or kit_name not in block:
        return block
    out = []
    for line in block.splitlines():
        match = re.match(r"^(\s+[a-z][a-z0-9_]*: )(.*)$", line)
        if match and kit_name in match.group(2):
            value = match.group(2).strip().strip('"')
            line = match.group(1) + _yaml_string(value.replace(kit_name, org_name))
            line += "  # check the article and case for your name"
        out.append(line)
    return "\n".join(out) + "\n"


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


def _todo_variables(kit: Path, kit_langs: list[str], variables: str) -> str:
    """The ``variables:`` block for a language the kit is not written in: each variable the kit translates, its
    English value behind a TODO (`cutover check` names each until it is translated)."""
    import yaml

    names: list[str] = []
    for lang in kit_langs[1:]:
        block = _variables_block(kit / "catalog" / f"site.{lang}.yaml")
        data = yaml.safe_load(block) if block else None
        names += [n for n in (data or {}).get("variables") or {} if n not in names]
    values = (yaml.safe_load(variables) or {}).get("variables") or {} if variables else {}
    lines = [f"  {name}: {_yaml_string('TODO: ' + str(values[name]))}" for name in names if isinstance(values.get(name), str)]
    return "variables:\n" + "\n".join(lines) + "\n" if lines else ""


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _site_name(org_name: str, lang: str) -> str:
    """The header title in ``lang``: the organisation and the home page's title in that language, as HTML text (the
    theme writes site_name into every page as it is); the organisation alone in a language the package has no
    strings for: no English in its header."""
    entry = package_layer(lang).get("home.title")
    return escape.html_text(f"{org_name}: {entry.value}" if entry else org_name)


def record_translations(project: Path, kit: Path) -> dict[str, str]:
    """Write ``i18n/<lang>.lock.json`` for every language but the default: the fingerprints of every string's
    source and translation as they are now, so a translation that falls behind its source is found from the first
    commit on (an upgrade of the kit that changes a text, an own text edited later). The kit's own record of a
    string is kept, so what the kit knows to be stale stays stale. Returns the files written."""
    from generator.authoring.i18n.lock import lock_path, lock_text, read_lock, write_lock
    from generator.authoring.i18n.strings import mark_current
    from generator.catalog.load import load_project
    from generator.errors import CutoverError

    try:
        project_model = load_project(project).project
    except CutoverError as exc:
        raise InitError("the new site does not load:\n" + exc.report()) from None
    written = {}
    for lang in project_model.site.languages[1:]:
        kit_lock = {f"kit:{project_model.site.kit}/{key}": entry for key, entry in read_lock(kit, lang).items()}
        entries = mark_current(project_model, project, lang, base=kit_lock)
        write_lock(project, lang, entries)
        written[lock_path(project, lang).relative_to(project).as_posix()] = lock_text(entries)
    return written


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
                     + f"          name: {autonym(code)}\n          build: true\n"
                     + f"          site_name: {_yaml_string(_site_name(org_name, code))}" for n, code in enumerate(langs))
    files["mkdocs.yml"] = fill("mkdocs.yml.tmpl", org_name=org_name, site_name=_yaml_string(escape.html_text(f"{org_name}: phone system training")),
                               default_language=langs[0], languages=i18n)
    variables = _variables_block(kit / "catalog" / "site.yaml")
    kit_org_name = (re.search(r"^  org_name: (.*)$", variables, re.M) or [None, ""])[1].strip().strip('"')
    variables = re.sub(r"^  org_name: .*$", f"  org_name: {_yaml_string(org_name)}", variables, count=1, flags=re.M)
    files["catalog/site.yaml"] = fill("site.yaml.tmpl", org_name=org_name, languages=", ".join(langs), kit=kit_name,
                                      schema_url=f"../{SCHEMA_FOLDER}/site.schema.json",
                                      facts=_facts_block(kit), variables=variables)
    kit_langs = kit_languages(kit)
    for lang in langs[1:]:
        site_file = kit / "catalog" / f"site.{lang}.yaml"
        translated = _renamed_forms(_variables_block(site_file), kit_org_name, org_name) if site_file.is_file() else ""
        if lang not in kit_langs:  # a language of the organisation's own: its texts to translate, its strings
            translated = _todo_variables(kit, kit_langs, variables)
            if lang not in shipped_languages():
                files[f"{PROJECT_FOLDER}/{lang}.yaml"] = strings_scaffold(lang)
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
        files.update(record_translations(scratch, kit))
        if target.exists():
            target.rmdir()
        scratch.rename(target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return sorted(files)
