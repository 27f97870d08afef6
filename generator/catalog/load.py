"""Load a project's definition files into a validated :class:`~generator.catalog.model.Project`.

Layout (relative to the project root)::

    catalog/site.yaml            settings, languages, categories, variables
    catalog/phases.yaml          the migration timeline
    catalog/glossary.yaml        glossary terms
    catalog/roles/<id>.yaml      one role each
    catalog/features/<id>.yaml   one feature each
    catalog/faqs/<group>.yaml    one FAQ group each
    catalog/scenarios/<id>.yaml  one scenario each (optional folder)
    quizzes/<id>.yaml            one quiz each

Beside every file, ``<name>.<lang>.yaml`` holds its translation into ``lang``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.catalog import adoption, allowlist, conditions, devices, feedback, images, messages, phasedates, setaside, survey, variables
from generator.catalog import model as m
from generator.catalog.references import Unchecked, check_references
from generator.catalog.schema import source_schema, translation_schema, validate
from generator.catalog.translations import Merger, missing_translations, unmatched_in_both
from generator.catalog.variables import nested
from generator.catalog.yamlio import Document, YamlFileError, read_bytes, read_yaml
from generator.errors import CutoverError, Problem, Severity, did_you_mean, errors_only, relative
from generator.org import branding, kit, overrides, structure
from generator.strings import files as uistrings

#: The shape of a language code (the site schema's pattern); whether it names a real language is checked later.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its files."""

    root: Path

    @property
    def catalog(self) -> Path:
        return self.root / "catalog"

    @property
    def quizzes(self) -> Path:
        return self.root / "quizzes"

    @property
    def scenarios(self) -> Path:
        return self.catalog / "scenarios"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site_file(self) -> Path:
        return self.catalog / "site.yaml"

    def source_sets(self) -> list[tuple[str, Path, bool]]:
        """(kind, path, is_directory_of_many) in load order."""
        return [("phases", self.catalog / "phases.yaml", False), ("glossary", self.catalog / "glossary.yaml", False),
                ("role", self.catalog / "roles", True), ("feature", self.catalog / "features", True),
                ("faqs", self.catalog / "faqs", True), ("quiz", self.quizzes, True),
                ("scenario", self.scenarios, True), ("message", self.catalog / "messages", True),
                ("survey", self.catalog / "surveys", True)]

    def watched(self) -> list[Path]:
        # i18n/: translation lock files (status page); locales/: the organisation's interface strings
        return [self.catalog, self.quizzes, self.docs, self.root / "i18n", self.root / "locales"]


@dataclass
class LoadResult:
    project: m.Project
    warnings: list[Problem]
    #: :func:`load_everything` only: every problem, errors included (the project then misses what they concern)
    problems: list[Problem] = field(default_factory=list)
    #: ids of items whose file is left out of the model (not YAML, or the wrong shape), by reference kind
    #: ("feature", "role", "quiz", "scenario", "FAQ", "phase"); None: every id of that kind is unknowable
    left_out: dict[str, set[str] | None] = field(default_factory=dict)
    #: definitions left out of the model for their shape: their text is still checked
    unchecked: list[Document] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return errors_only(self.problems)


#: path -> (bytes, display, schema, document, schema problems) of the last valid read. ``cutover serve`` loads
#: the project again after every save: files whose bytes did not change are neither parsed nor validated again
#: (documents are never modified after reading).
_READ_CACHE: dict[Path, tuple[bytes, str, dict, Document, list[Problem]]] = {}


class _Collector:
    def __init__(self, layout: Layout):
        self.layout = layout
        self.problems: list[Problem] = []
        self.docs: dict[str, Document] = {}
        self.kit: tuple[Path, str] | None = None  #: (folder, name) of the kit the project layers over
        self.left_out: dict[str, set[str] | None] = {}
        self.unchecked: list[Document] = []  #: read, but the wrong shape: not in the model

    def leave_out(self, kind: str, path: Path) -> None:
        """Note the ids of a definition file that is not in the model, so references to them are not "unknown"."""
        ref_kind, many = _REFERENCED_AS.get(kind, (None, None))
        if ref_kind is None or self.left_out.get(ref_kind, set()) is None:
            return
        doc = self.docs.get(self.display(path))
        data = doc.data if doc else None
        if not many:
            ident = data.get("id") if isinstance(data, dict) else None
            self.left_out.setdefault(ref_kind, set()).add(ident if isinstance(ident, str) else path.stem)
            return
        items = data.get(many) if isinstance(data, dict) else None
        if not isinstance(items, list) or not all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in items):
            self.left_out[ref_kind] = None  # which ids the file holds is anybody's guess
            return
        self.left_out.setdefault(ref_kind, set()).update(x["id"] for x in items)

    def display(self, path: Path) -> str:
        if self.kit and path.is_absolute() and path.is_relative_to(self.kit[0]) and not path.is_relative_to(self.layout.root.resolve()):
            return kit.kit_display(path, *self.kit)
        return relative(path, self.layout.root)

    def read(self, path: Path, schema: dict) -> Document | None:
        if not inside(path, self.layout.root):
            self.problems.append(Problem(self.display(path), 1, 1, "the file links to a file outside the project",
                                         "replace the link with the file itself"))
            return None
        display = self.display(path)
        try:
            raw = read_bytes(path)
            cached = _READ_CACHE.get(path)
            if cached and cached[0] == raw and cached[1] == display and cached[2] is schema:
                doc, found = cached[3], cached[4]
            else:
                doc = read_yaml(path, display, raw)
                found = None
        except YamlFileError as exc:
            self.problems.append(exc.problem)
            return None
        except OSError as exc:
            self.problems.append(Problem(display, 1, 1, f"cannot read file: {exc.strerror}"))
            return None
        if found is None:
            if not doc.positions:
                self.problems.append(doc.problem((), "the file is empty", "write the definition, as in the examples in catalog/, or delete the file"))
                return None
            if not isinstance(doc.data, dict):
                self.problems.append(doc.problem((), "the file must be a mapping of keys to values", "see the examples in catalog/"))
                return None
            found = validate(doc, schema)
            _READ_CACHE[path] = (raw, display, schema, doc, found)
        self.problems.extend(found)
        self.docs[doc.display] = doc
        if errors_only(found):
            self.unchecked.append(doc)
            return None
        return doc


#: load kind -> (the kind references name, the list of its items in a file of many; None: one item per file)
_REFERENCED_AS = {"role": ("role", None), "feature": ("feature", None), "quiz": ("quiz", None), "scenario": ("scenario", None),
                  "faqs": ("FAQ", "faqs"), "phases": ("phase", "phases")}


def load_project(root: Path) -> LoadResult:
    """Read, validate and cross-check everything; raise :class:`CutoverError` listing every error."""
    loaded = load_everything(root)
    if loaded.errors:
        raise CutoverError(loaded.problems)
    return loaded


def load_everything(root: Path) -> LoadResult:
    """Every problem of every file in one go, and the model of every item without errors in its own file.

    Checks stop per file and item, only where they truly cannot run: a file that is not YAML is not validated, an
    item of the wrong shape is left out of the model (references to it are not reported as unknown; its text is
    still checked for variables and markup). Raises :class:`CutoverError` only when ``catalog/site.yaml`` (the
    languages every other file depends on) cannot be read.
    """
    layout = Layout(root)
    c = _Collector(layout)
    if not layout.site_file.is_file():
        raise CutoverError([Problem(c.display(layout.site_file), 0, 0, "site settings file not found",
                                    "create catalog/site.yaml (see the README) or run the command in the project folder")])
    site_doc = c.read(layout.site_file, source_schema("site"))
    if site_doc is None:
        raise CutoverError(c.problems)
    languages: list[str] = site_doc.data["languages"]
    c.kit = kit.open_kit(site_doc, layout.root, c.problems)
    if c.kit is None and site_doc.data.get("kit"):
        raise CutoverError(c.problems)
    chosen = kit.chosen_content(site_doc.data.get("kit_content"))
    kit_dir = c.kit[0] if c.kit and chosen else None  #: the kit whose content the site layers over (None: its own only)

    def translation_files(path: Path, lang: str) -> list[Path]:
        """Rising precedence: the translation beside the file, then (for a kit file) the organisation's own."""
        files = [path.with_name(f"{path.stem}.{lang}.yaml")]
        if kit_dir and path.is_relative_to(kit_dir) and not path.is_relative_to(layout.root):
            files.append(kit.own_translation(path, kit_dir, layout.root, lang))
        return files

    def merge(kind: str, path: Path, schema: dict | None = None, tschema: dict | None = None) -> tuple[Any, str, Merger] | None:
        """(tree, source, merger) of one file and its translations; the merger holds the translation entries that
        match nothing in the source, for the caller to report."""
        doc = c.read(path, schema or source_schema(kind))
        tfiles = [(lang, tpath) for lang in languages[1:] for tpath in translation_files(path, lang)]
        if doc is None:
            if schema is None:  # an override of the wrong shape leaves the kit's item as it was
                c.leave_out(kind, path)
            for _, tpath in tfiles:  # their own problems do not wait for the source's
                tdoc = c.read(tpath, tschema or translation_schema(kind)) if tpath.is_file() else None
                if tdoc is not None:
                    c.unchecked.append(tdoc)
            return None
        translations = []
        for lang, tpath in tfiles:
            if tpath.is_file():
                tdoc = c.read(tpath, tschema or translation_schema(kind))
                if tdoc is None:
                    continue
                if "id" in doc.data and tdoc.data.get("id", doc.data["id"]) != doc.data["id"]:
                    c.problems.append(tdoc.problem(("id",), f"id '{tdoc.data['id']}' differs from '{doc.data['id']}' in {doc.display}",
                                                   "a translation keeps the id of its source"))
                translations.append((lang, tdoc))
        prefix = c.display(path)
        forms: dict[str, dict[str, dict[str, str]]] = {}
        if kind == "site":  # grammatical forms are per language: merged beside their value, not as a translation of it
            doc, forms[languages[0]] = variables.split_forms(doc)
            for i, (lang, tdoc) in enumerate(translations):  # in rising precedence: a later file's variable replaces
                translations[i] = (lang, variables.split_forms(tdoc)[0])  # its value and its forms, with or without
                named = forms.setdefault(lang, {})
                given = tdoc.data.get("variables") if isinstance(tdoc.data, dict) else None
                for name in given if isinstance(given, dict) else ():
                    named.pop(name, None)
                named.update(variables.split_forms(tdoc)[1])
        merger = Merger(doc, translations, schema or source_schema(kind), languages[0], prefix)
        tree = merger.merge()
        variables.attach_forms(tree, forms)
        c.problems.extend(merger.problems)
        if "id" in doc.data and path.parent.name != "catalog" and doc.data["id"] != path.stem:
            c.problems.append(doc.problem(("id",), f"id '{doc.data['id']}' does not match the file name '{path.name}'",
                                          f"rename the file to {doc.data['id']}.yaml or change the id"))
        return tree, c.display(path), merger

    def load(kind: str, path: Path, override: bool = False) -> tuple[Any, str] | None:
        schemas = (overrides.override_schema(kind), overrides.override_translation_schema(kind)) if override else (None, None)
        merged = merge(kind, path, *schemas)
        if merged is None:
            return None
        unmatched = merged[2].unmatched
        c.problems.extend(overrides.with_kit_hint(unmatched, kind, path.stem) if override else unmatched)
        return merged[0], merged[1]

    _stray_catalog_files(layout, languages, c, kit_dir)
    site_tree, site_source, own_merger = merge("site", layout.site_file)
    unmatched = own_merger.unmatched
    if kit_dir:  # the organisation's settings over the kit's; its site.<lang>.yaml translates both
        kit_site = merge("site", kit_dir / "catalog" / "site.yaml")
        if kit_site:
            site_tree = kit.merge_site(kit_site[0], site_tree)
            unmatched = unmatched_in_both(own_merger, kit_site[2])
            unmatched += [p for p in kit_site[2].unmatched if kit.is_kit_source(p.path)]  # the kit's own translations
    c.problems.extend(unmatched)
    facts = site_tree.get("facts", {})
    kit_langs = languages + [x for x in kit.kit_languages(kit_dir) if x not in languages] if kit_dir else languages
    site = _build_site(site_tree, languages, site_source)
    c.problems.extend(_variables_inside_variables(site_tree.get("variables", {})))
    site.facts, site.kit, site.branding = facts, c.kit and c.kit[1], branding.build(site_tree.get("branding"))
    site.devices = devices.build(site_tree.get("devices", []))
    c.problems.extend(devices.check_settings(site_doc, site.devices, devices.BUILTIN_IDS + tuple(
        e["id"] for e in site_tree.get("devices", []) if e["id"] not in devices.BUILTIN_IDS)))
    c.problems.extend(branding.check(site.branding, layout.root, c.docs.get(site_source)))
    c.problems.extend(feedback.check_settings(site_doc))
    c.problems.extend(allowlist.check_settings(site_doc))
    trees: dict[str, list[tuple[dict, str]]] = {}
    for kind, path, many in layout.source_sets():
        trees[kind] = []
        kit_path = kit_dir / path.relative_to(layout.root) if kit_dir else None
        files = _sources(path, many, languages, c, kit_path if many else None)
        if kit_path:  # the kit's files, then the organisation's own
            files, clashes = kit.layer_files(_sources(kit_path, many, kit_langs, c), files, many, kind, c.display)
            c.problems.extend(clashes)
        for file in files:
            loaded = load(kind, file)
            if loaded:
                conditions.evaluate(kind, loaded[0], c.docs.get(loaded[1]), facts, c.problems)
                if kind == "feature":
                    c.problems.extend(devices.check_steps(loaded[0], c.docs.get(loaded[1]), site.devices))
                if kind == "role":
                    c.problems.extend(devices.check_icon(loaded[0], c.docs.get(loaded[1])))
                trees[kind].append(loaded)
        if kind in overrides.OVERRIDABLE:
            changes = [x for x in (load(kind, f, override=True)
                                   for f in overrides.override_files(layout.root, kind, languages, c.problems)) if x]
            for tree, source in changes:
                conditions.evaluate(kind, tree, c.docs.get(source), facts, c.problems)
                conditions.evaluate(kind, tree.get("extend", {}), c.docs.get(source), facts, c.problems, ("extend",))
                if kind == "feature":
                    c.problems.extend(devices.check_steps(tree, c.docs.get(source), site.devices))
                    c.problems.extend(devices.check_steps(tree.get("extend", {}), c.docs.get(source), site.devices, ("extend",)))
            trees[kind] = overrides.apply(trees[kind], changes, kind, c.docs, c.problems, languages[0])
    excluded = conditions.collect(trees)

    project = m.Project(
        site=site,
        roles=_by_id(sorted((_build_role(t, s) for t, s in trees["role"]), key=lambda r: (r.order, r.id)), "role", c),
        features=_by_id([_build_feature(t, s, site.devices) for t, s in trees["feature"]], "feature", c),
        faq_groups=[_build_faq_group(t, s) for t, s in trees["faqs"]],
        phases=[_build_phase(p) for t, _ in trees["phases"] for p in t["phases"]],
        terms=[_build_term(p) for t, _ in trees["glossary"] for p in t["terms"]],
        quizzes=_by_id([_build_quiz(t, s) for t, s in trees["quiz"]], "quiz", c),
        scenarios=_by_id([_build_scenario(t, s) for t, s in trees["scenario"]], "scenario", c),
    )
    _date_phases(project, trees["phases"], c)
    project.root = layout.root
    for tree, source in trees["feature"]:
        c.problems.extend(images.check_steps(tree, c.docs.get(source), layout.root, languages))
    project.ui = uistrings.load(layout.root, c.kit, languages, c.problems)  # the interface strings, layered
    survey_file = layout.catalog / "survey.yaml"
    if kit_dir and not survey_file.is_file():  # the kit's survey, unless the organisation has its own
        survey_file = kit_dir / "catalog" / "survey.yaml"
    if survey_file.is_file():  # optional: a project without a survey has no survey page
        loaded_survey = load("survey", survey_file)
        if loaded_survey:
            c.problems.extend(survey.check(c.docs[loaded_survey[1]]))
            project.survey = survey.build(*loaded_survey)
    for tree, source in trees["survey"]:  # catalog/surveys/: the readiness survey and any others
        c.problems.extend(survey.check(c.docs[source]))
        built = survey.build(tree, source)
        if built.id in [s.id for s in project.all_surveys]:
            c.problems.append(c.docs[source].problem(("id",), f"duplicate survey id '{built.id}'", "survey ids must be unique"))
        project.surveys[built.id] = built
    project.messages = _by_id([messages.build(t, s) for t, s in trees["message"]], "message", c)
    for kind, attribute in adoption.FILES.items():  # the organisation's own file, else the kit's
        path = layout.catalog / f"{kind}.yaml"
        if kit_dir and not path.is_file():
            path = kit_dir / "catalog" / f"{kind}.yaml"
        loaded_file = load(kind, path) if path.is_file() else None
        if loaded_file:
            setattr(project, attribute, adoption.build(kind, *loaded_file))
    if (not trees["phases"] or "phases" not in chosen) and not _exists(layout.catalog / "phases.yaml"):
        hint = ("create catalog/phases.yaml with at least one phase"
                + (" (kit_content in catalog/site.yaml leaves out the kit's)" if c.kit and "phases" not in chosen else ""))
        c.problems.append(Problem(c.display(layout.catalog / "phases.yaml"), 0, 0, "migration phases file not found", hint))
    setaside.set_aside(project, c.problems, c.left_out)  # items with errors of their own: the rest is checked on
    # The organisation's structure over the kit's: which kit phases its own timeline replaced, what it hides.
    own_phases = bool(kit_dir and trees["phases"] and not kit.is_kit_source(trees["phases"][0][1]))
    kit_phases = kit.kit_phase_ids(kit_dir) if own_phases else []
    written_hide = site_tree.get("hide", {})
    hide = structure.effective_hide(written_hide, chosen if kit_dir else set(kit.CONTENT_KINDS), project, trees)
    absent = structure.map_phases(project, kit_phases, c.docs.get(trees["phases"][0][1]) if trees["phases"] else None,
                                  hide, c.problems)
    structure.map_categories(project, kit.kit_category_ids(kit_dir) if kit_dir else [], site_doc, c.problems)
    c.problems.extend(check_references(project, c.docs, Unchecked.of(hide, absent), c.left_out, c.unchecked))
    c.problems.extend(messages.check(project, c.docs, hide))
    c.problems.extend(adoption.check(project, c.docs))
    c.problems.extend(overrides.check_hidden(written_hide, project, c.docs.get(site_source), kit_phases))
    # Hidden items and unmet conditions leave, with every reference to them (and to items left out for errors).
    overrides.prune(project, hide, excluded)
    structure.drop_unused_categories(project)
    c.problems.extend(overrides.emptied(project, c.docs))
    c.problems.extend(missing_translations(project.texts(), languages, site.kit if kit_dir else None,
                                           lambda display: display in c.docs or (layout.root / display).is_file()))
    problems = sorted(set(c.problems))  # a site translation is read for the kit's settings and its own
    warnings = [p for p in problems if p.severity is not Severity.ERROR]
    return LoadResult(project, warnings, problems, c.left_out, c.unchecked)


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every symbolic link followed, is in ``root``: the site must never publish other files."""
    if not any(p.is_symlink() for p in (path, *path.parents) if p.is_relative_to(root)):
        return True  # the common case, without resolving every parent folder
    return path.resolve().is_relative_to(root.resolve())


def _exists(path: Path) -> bool:
    return path.is_file()


def _sources(path: Path, many: bool, languages: list[str], c: _Collector, kit_folder: Path | None = None) -> list[Path]:
    """The definition files of a folder (or the single file); ``kit_folder``: the kit's folder this one layers over,
    whose files the organisation may translate here."""
    if not many:
        return [path] if path.is_file() else []
    if not path.is_dir():
        return []
    found = []
    for file in sorted(path.iterdir()):
        if file.suffix not in (".yaml", ".yml") or not file.is_file():
            continue
        problem = _name_problem(file, languages, c, kit_folder)
        if problem:
            c.problems.append(problem)
        elif file.name.count(".") == 1:
            found.append(file)
    return found


#: The single files of catalog/; anything else there is a misspelling or a stray translation.
_CATALOG_FILES = ("site", "phases", "glossary", "survey", "day-one", "retired", "champions")


def _stray_catalog_files(layout: Layout, languages: list[str], c: _Collector, kit_dir: Path | None) -> None:
    if not layout.catalog.is_dir():
        return
    for file in sorted(layout.catalog.iterdir()):
        if file.suffix not in (".yaml", ".yml") or not file.is_file():
            continue
        stem = file.name.split(".")[0]
        if stem not in _CATALOG_FILES:
            hint = did_you_mean(stem, _CATALOG_FILES) or "definitions go in roles/, features/, faqs/ or scenarios/"
            c.problems.append(Problem(c.display(file), 1, 1, f"'{file.name}' is not a file catalog/ knows", hint))
            continue
        problem = _name_problem(file, languages, c, kit_dir / "catalog" if kit_dir else None)
        if problem:
            c.problems.append(problem)


def _name_problem(file: Path, languages: list[str], c: _Collector, kit_folder: Path | None = None) -> Problem | None:
    """What is wrong with a definition file's name: ``<id>.yaml`` or ``<id>.<lang>.yaml`` for another language.

    In an organisation's folder, ``<id>.<lang>.yaml`` may also translate the kit's ``<id>.yaml`` of the same folder.
    """
    display, parts = c.display(file), file.name.split(".")
    if file.suffix == ".yml":
        return Problem(display, 1, 1, "definition files end in .yaml", f"rename it to {file.stem}.yaml")
    if len(parts) == 2:
        return None
    in_kit = kit_folder is not None and (kit_folder / f"{parts[0]}.yaml").is_file()
    if len(parts) == 3 and parts[1] in languages[1:]:
        if file.with_name(f"{parts[0]}.yaml").is_file() or in_kit:
            return None
        return Problem(display, 1, 1, f"translation without a source file {parts[0]}.yaml", "rename it to match its source or delete it")
    if len(parts) == 3 and parts[1] == languages[0]:
        if in_kit and not file.with_name(f"{parts[0]}.yaml").is_file():
            return Problem(display, 1, 1, f"'{parts[1]}' is the kit's source language: its text is not translated",
                           "change a kit feature or role with catalog/overrides/; replace anything else with your own file")
        return Problem(display, 1, 1, f"'{parts[1]}' is the default language: its text lives in {parts[0]}.yaml",
                       "move the text into the source file")
    if len(parts) == 3 and LANGUAGE_CODE.match(parts[1]):
        return Problem(display, 1, 1, f"'{parts[1]}' is not a configured language",
                       f"add it to languages in catalog/site.yaml ({', '.join(languages)})")
    return Problem(display, 1, 1, f"'{file.name}' is not a definition file name",
                   "name it <id>.yaml, or <id>.<language>.yaml for a translation (ids use hyphens, not dots)")


def _by_id(items: list, kind: str, c: _Collector) -> dict:
    result: dict[str, Any] = {}
    for item in items:
        if item.id in result:
            c.problems.append(c.docs[item.source].problem(("id",), f"duplicate {kind} id '{item.id}' (also in {result[item.id].source})",
                                                          "ids must be unique"))
        result[item.id] = item
    return result


def _build_site(t: dict, languages: list[str], source: str) -> m.Site:
    values: dict[str, dict[str, object]] = {}
    for name, value in t.get("variables", {}).items():
        forms = value.forms if isinstance(value, variables.WithForms) else {}
        value = value.value if isinstance(value, variables.WithForms) else value
        if isinstance(value, m.Text):
            values[name] = dict(value.values)
        else:
            values[name] = {"*": value}
        for lang, named in forms.items():  # a language may give forms without its own value: the value falls back
            plain = variables.value_for(values, name, lang, languages[0])
            values[name][lang] = variables.Inflected(str(plain), named)
    home = t.get("home", {})
    return m.Site(languages=languages, categories=[m.Category(x["id"], x["name"], list(x.get("replaces") or [])) for x in t.get("categories", [])],
                  variables=values, home_title=home.get("title"), home_intro=home.get("intro"), source=source,
                  feedback=feedback.build_settings(t.get("feedback")), html=_build_html(t.get("html")),
                  source_links=bool(t.get("source_links", False)))


def _variables_inside_variables(values: dict) -> list[Problem]:
    problems = []
    for name, value in values.items():
        if isinstance(value, variables.WithForms):
            value = value.value
        if not isinstance(value, m.Text):
            continue
        for lang, raw in value.values.items():
            origin = value.origins.get(lang)
            for offset, message, hint in nested(name, raw):
                line = (origin.text_line or origin.line) + raw[:offset].count("\n") if origin else 1
                problems.append(Problem(origin.path if origin else "catalog/site.yaml", line, origin.col if origin else 1,
                                        message, hint))
    return problems


def _build_html(t: dict | None) -> m.HtmlSettings | None:
    if not t:
        return None
    return m.HtmlSettings(tags=list(t.get("allow_tags", [])), schemes=list(t.get("allow_schemes", [])),
                          hosts=list(t.get("allow_hosts", [])),
                          attributes={tag: list(names) for tag, names in t.get("allow_attributes", {}).items()})


def _build_role(t: dict, source: str) -> m.Role:
    return m.Role(id=t["id"], name=t["name"], audience=t["audience"], features=list(t["features"]),
                  changes=[m.Change(x["before"], x["after"]) for x in t.get("changes", [])],
                  tasks=dict(t.get("tasks", {})), quiz=t.get("quiz"), order=t.get("order", 100), source=source,
                  icon=t.get("icon") or "material/account")


def _build_feature(t: dict, source: str, site_devices: list[m.Device]) -> m.Feature:
    variants, platforms = devices.feature_devices(t["steps"], t.get("platforms"), site_devices)
    steps = [m.Step(text=s.get("text"), variants=v, result=s.get("result"),
                    images=[m.StepImage(i["src"], i["alt"], i.get("device")) for i in s.get("images") or []])
             for s, v in zip(t["steps"], variants)]
    ba = t.get("before_after") or {}
    return m.Feature(
        id=t["id"], title=t["title"], summary=t["summary"], category=t["category"], steps=steps, platforms=platforms,
        roles=list(t.get("roles", [])), prerequisites=list(t.get("prerequisites", [])), minutes=t.get("minutes"),
        result=t.get("result"), tips=list(t.get("tips", [])), warnings=list(t.get("warnings", [])),
        troubleshooting=[m.Troubleshooting(x["problem"], x["solution"]) for x in t.get("troubleshooting", [])],
        before=ba.get("before"), after=ba.get("after"), faqs=list(t.get("faqs", [])), related=list(t.get("related", [])),
        source=source, card=t.get("card"), illustration=t.get("illustration"), synonyms=t.get("synonyms"))


def _build_faq_group(t: dict, source: str) -> m.FaqGroup:
    faqs = [m.Faq(id=f["id"], question=f["question"], answer=f["answer"], roles=list(f["roles"]),
                  phases=list(f.get("phases", [])), group=t["id"], source=source) for f in t["faqs"]]
    return m.FaqGroup(id=t["id"], title=t["title"], faqs=faqs, source=source)


def _date_phases(project: m.Project, phase_trees: list, c: _Collector) -> None:
    """Each phase's first and last day from its start and end (dates, date variables, 'after <phase>', 'ongoing')."""
    entries = [phasedates.Entry(p, c.docs.get(source), i) for t, source in phase_trees for i, p in enumerate(t["phases"])]
    entries = [e for e in entries if e.doc is not None]
    dates, problems = phasedates.resolve(entries, project.site.variables, project.site.default_language)
    c.problems.extend(problems)
    switches = [e for e in entries if e.data.get("switch")]
    for extra in switches[1:]:
        c.problems.append(extra.problem("switch", f"phase '{switches[0].data['id']}' is already the switch",
                                        "mark one phase with switch: true"))
    for phase in project.phases:
        if phase.id in dates:
            phase.start, phase.end, phase.ongoing = dates[phase.id].start, dates[phase.id].end, dates[phase.id].ongoing


def _build_phase(t: dict) -> m.Phase:
    return m.Phase(id=t["id"], name=t["name"], summary=t["summary"], when=t.get("when"), description=t.get("description"),
                   replaces=list(t.get("replaces") or []), switch=bool(t.get("switch", False)))


def _build_term(t: dict) -> m.Term:
    return m.Term(id=t["id"], term=t["term"], definition=t["definition"], tooltip=t.get("tooltip", True), synonyms=t.get("synonyms"))


def _build_quiz(t: dict, source: str) -> m.Quiz:
    questions = []
    for q in t["questions"]:
        def options(key: str) -> list[m.Option]:
            return [m.Option(o["id"], o["text"], bool(o.get("correct", False)), o.get("feedback")) for o in q.get(key, [])]
        questions.append(m.Question(
            id=q["id"], type=m.QuestionType(q["type"]), prompt=q["prompt"], explanation=q["explanation"],
            learn_more=q["learn_more"], options=options("options"), answer=q.get("answer"),
            feedback_true=q.get("feedback_true"), feedback_false=q.get("feedback_false"), items=options("items"),
            pairs=[(p["id"], p["left"], p["right"]) for p in q.get("pairs", [])], distractors=options("distractors"),
            hint=q.get("hint")))
    return m.Quiz(id=t["id"], title=t["title"], roles=list(t["roles"]), questions=questions,
                  pass_mark=t.get("pass_mark", 80), description=t.get("description"), source=source,
                  pass_mark_given="pass_mark" in t)


def _build_scenario(t: dict, source: str) -> m.Scenario:
    return m.Scenario(id=t["id"], title=t["title"], roles=list(t["roles"]), phase=t["phase"], situation=t["situation"],
                      steps=[m.ScenarioStep(x["text"], x.get("feature")) for x in t["steps"]],
                      pitfalls=[m.Pitfall(x["problem"], x["fix"]) for x in t["pitfalls"]],
                      questions=[(x["quiz"], x["question"]) for x in t.get("questions", [])], source=source)
