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

from generator.catalog import conditions, feedback, setaside, survey
from generator.catalog import model as m
from generator.catalog.references import check_references
from generator.catalog.schema import source_schema, translation_schema, validate
from generator.catalog.translations import Merger, missing_translations
from generator.catalog.yamlio import Document, YamlFileError, read_bytes, read_yaml
from generator.errors import CutoverError, Problem, Severity, did_you_mean, errors_only, relative
from generator.org import branding, kit, overrides

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
                ("scenario", self.scenarios, True)]

    def watched(self) -> list[Path]:
        return [self.catalog, self.quizzes, self.docs, self.root / "i18n"]  # i18n/: translation lock files (status page)


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

    def load(kind: str, path: Path, schema: dict | None = None, tschema: dict | None = None) -> Any:
        doc = c.read(path, schema or source_schema(kind))
        translation_files = [(lang, path.with_name(f"{path.stem}.{lang}.yaml")) for lang in languages[1:]]
        if doc is None:
            if schema is None:  # an override of the wrong shape leaves the kit's item as it was
                c.leave_out(kind, path)
            for _, tpath in translation_files:  # their own problems do not wait for the source's
                tdoc = c.read(tpath, tschema or translation_schema(kind)) if tpath.is_file() else None
                if tdoc is not None:
                    c.unchecked.append(tdoc)
            return None
        translations = {}
        for lang, tpath in translation_files:
            if tpath.is_file():
                tdoc = c.read(tpath, tschema or translation_schema(kind))
                if tdoc is None:
                    continue
                if "id" in doc.data and tdoc.data.get("id", doc.data["id"]) != doc.data["id"]:
                    c.problems.append(tdoc.problem(("id",), f"id '{tdoc.data['id']}' differs from '{doc.data['id']}' in {doc.display}",
                                                   "a translation keeps the id of its source"))
                translations[lang] = tdoc
        prefix = c.display(path)
        merger = Merger(doc, translations, schema or source_schema(kind), languages[0], prefix)
        tree = merger.merge()
        c.problems.extend(merger.problems)
        if "id" in doc.data and path.parent.name != "catalog" and doc.data["id"] != path.stem:
            c.problems.append(doc.problem(("id",), f"id '{doc.data['id']}' does not match the file name '{path.name}'",
                                          f"rename the file to {doc.data['id']}.yaml or change the id"))
        return tree, c.display(path)

    _stray_catalog_files(layout, languages, c)
    site_tree, site_source = load("site", layout.site_file)
    if c.kit:  # the organisation's settings over the kit's
        kit_site = load("site", c.kit[0] / "catalog" / "site.yaml")
        site_tree = kit.merge_site(kit_site[0], site_tree) if kit_site else site_tree
    facts = site_tree.get("facts", {})
    kit_langs = languages + [x for x in kit.kit_languages(c.kit[0]) if x not in languages] if c.kit else languages
    site = _build_site(site_tree, languages, site_source)
    site.facts, site.kit, site.branding = facts, c.kit and c.kit[1], branding.build(site_tree.get("branding"))
    c.problems.extend(branding.check(site.branding, layout.root, c.docs.get(site_source)))
    c.problems.extend(feedback.check_settings(site_doc))
    trees: dict[str, list[tuple[dict, str]]] = {}
    for kind, path, many in layout.source_sets():
        trees[kind] = []
        files = _sources(path, many, languages, c)
        if c.kit:  # the kit's files, then the organisation's own
            files, clashes = kit.layer_files(_sources(c.kit[0] / path.relative_to(layout.root), many, kit_langs, c),
                                             files, many, kind, c.display)
            c.problems.extend(clashes)
        for file in files:
            loaded = load(kind, file)
            if loaded:
                conditions.evaluate(kind, loaded[0], c.docs.get(loaded[1]), facts, c.problems)
                trees[kind].append(loaded)
        if kind in overrides.OVERRIDABLE:
            changes = [x for x in (load(kind, f, overrides.override_schema(kind), overrides.override_translation_schema(kind))
                                   for f in overrides.override_files(layout.root, kind)) if x]
            for tree, source in changes:
                conditions.evaluate(kind, tree, c.docs.get(source), facts, c.problems)
                conditions.evaluate(kind, tree.get("extend", {}), c.docs.get(source), facts, c.problems, ("extend",))
            trees[kind] = overrides.apply(trees[kind], changes, kind, c.docs, c.problems)
    excluded = conditions.collect(trees)

    project = m.Project(
        site=site,
        roles=_by_id(sorted((_build_role(t, s) for t, s in trees["role"]), key=lambda r: (r.order, r.id)), "role", c),
        features=_by_id([_build_feature(t, s) for t, s in trees["feature"]], "feature", c),
        faq_groups=[_build_faq_group(t, s) for t, s in trees["faqs"]],
        phases=[_build_phase(p) for t, _ in trees["phases"] for p in t["phases"]],
        terms=[_build_term(p) for t, _ in trees["glossary"] for p in t["terms"]],
        quizzes=_by_id([_build_quiz(t, s) for t, s in trees["quiz"]], "quiz", c),
        scenarios=_by_id([_build_scenario(t, s) for t, s in trees["scenario"]], "scenario", c),
    )
    survey_file = layout.catalog / "survey.yaml"
    if c.kit and not survey_file.is_file():  # the kit's survey, unless the organisation has its own
        survey_file = c.kit[0] / "catalog" / "survey.yaml"
    if survey_file.is_file():  # optional: a project without a survey has no survey page
        loaded_survey = load("survey", survey_file)
        if loaded_survey:
            c.problems.extend(survey.check(c.docs[loaded_survey[1]]))
            project.survey = survey.build(*loaded_survey)
    if not trees["phases"] and not _exists(layout.catalog / "phases.yaml"):
        c.problems.append(Problem(c.display(layout.catalog / "phases.yaml"), 0, 0, "migration phases file not found",
                                  "create catalog/phases.yaml with at least one phase"))
    setaside.set_aside(project, c.problems, c.left_out)  # items with errors of their own: the rest is checked on
    c.problems.extend(check_references(project, c.docs, c.left_out, c.unchecked))
    hide = site_tree.get("hide", {})
    c.problems.extend(overrides.check_hidden(hide, project, c.docs.get(site_source)))
    # Hidden items and unmet conditions leave, with every reference to them (and to items left out for errors).
    overrides.prune(project, hide, excluded)
    c.problems.extend(overrides.emptied(project, c.docs))
    c.problems.extend(missing_translations(project.texts(), languages,
                                           lambda display: display in c.docs or (layout.root / display).is_file()))
    problems = sorted(set(c.problems))
    warnings = [p for p in problems if p.severity is not Severity.ERROR]
    return LoadResult(project, warnings, problems, c.left_out, c.unchecked)


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every symbolic link followed, is in ``root``: the site must never publish other files."""
    if not any(p.is_symlink() for p in (path, *path.parents) if p.is_relative_to(root)):
        return True  # the common case, without resolving every parent folder
    return path.resolve().is_relative_to(root.resolve())


def _exists(path: Path) -> bool:
    return path.is_file()


def _sources(path: Path, many: bool, languages: list[str], c: _Collector) -> list[Path]:
    if not many:
        return [path] if path.is_file() else []
    if not path.is_dir():
        return []
    found = []
    for file in sorted(path.iterdir()):
        if file.suffix not in (".yaml", ".yml") or not file.is_file():
            continue
        problem = _name_problem(file, languages, c)
        if problem:
            c.problems.append(problem)
        elif file.name.count(".") == 1:
            found.append(file)
    return found


#: The single files of catalog/; anything else there is a misspelling or a stray translation.
_CATALOG_FILES = ("site", "phases", "glossary", "survey")


def _stray_catalog_files(layout: Layout, languages: list[str], c: _Collector) -> None:
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
        problem = _name_problem(file, languages, c)
        if problem:
            c.problems.append(problem)


def _name_problem(file: Path, languages: list[str], c: _Collector) -> Problem | None:
    """What is wrong with a definition file's name: ``<id>.yaml`` or ``<id>.<lang>.yaml`` for another language."""
    display, parts = c.display(file), file.name.split(".")
    if file.suffix == ".yml":
        return Problem(display, 1, 1, "definition files end in .yaml", f"rename it to {file.stem}.yaml")
    if len(parts) == 2:
        return None
    if len(parts) == 3 and parts[1] in languages[1:]:
        if file.with_name(f"{parts[0]}.yaml").is_file():
            return None
        return Problem(display, 1, 1, f"translation without a source file {parts[0]}.yaml", "rename it to match its source or delete it")
    if len(parts) == 3 and parts[1] == languages[0]:
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
    variables: dict[str, dict[str, object]] = {}
    for name, value in t.get("variables", {}).items():
        if isinstance(value, m.Text):
            variables[name] = dict(value.values)
        else:
            variables[name] = {"*": value}
    home = t.get("home", {})
    return m.Site(languages=languages, categories=[m.Category(x["id"], x["name"]) for x in t["categories"]],
                  variables=variables, home_title=home.get("title"), home_intro=home.get("intro"), source=source,
                  feedback=feedback.build_settings(t.get("feedback")))


def _build_role(t: dict, source: str) -> m.Role:
    return m.Role(id=t["id"], name=t["name"], audience=t["audience"], features=list(t["features"]),
                  changes=[m.Change(x["before"], x["after"]) for x in t.get("changes", [])],
                  tasks=dict(t.get("tasks", {})), quiz=t.get("quiz"), order=t.get("order", 100), source=source)


def _build_feature(t: dict, source: str) -> m.Feature:
    steps = []
    named: list[m.Platform] = []
    for s in t["steps"]:
        variants = {p: s[p.value] for p in m.Platform if p.value in s}
        named += [p for p in variants if p not in named]
        steps.append(m.Step(text=s.get("text"), variants=variants, result=s.get("result")))
    if "platforms" in t:
        platforms = [m.Platform(p) for p in t["platforms"]]
    else:
        platforms = sorted(named, key=list(m.Platform).index) if named else list(m.DEFAULT_PLATFORMS)
        if named and any(s.text for s in steps):
            platforms = [p for p in m.Platform if p in named or p in m.DEFAULT_PLATFORMS]
    ba = t.get("before_after") or {}
    return m.Feature(
        id=t["id"], title=t["title"], summary=t["summary"], category=t["category"], steps=steps, platforms=platforms,
        roles=list(t.get("roles", [])), prerequisites=list(t.get("prerequisites", [])), minutes=t.get("minutes"),
        result=t.get("result"), tips=list(t.get("tips", [])), warnings=list(t.get("warnings", [])),
        troubleshooting=[m.Troubleshooting(x["problem"], x["solution"]) for x in t.get("troubleshooting", [])],
        before=ba.get("before"), after=ba.get("after"), faqs=list(t.get("faqs", [])), related=list(t.get("related", [])),
        source=source)


def _build_faq_group(t: dict, source: str) -> m.FaqGroup:
    faqs = [m.Faq(id=f["id"], question=f["question"], answer=f["answer"], roles=list(f["roles"]),
                  phases=list(f.get("phases", [])), group=t["id"], source=source) for f in t["faqs"]]
    return m.FaqGroup(id=t["id"], title=t["title"], faqs=faqs, source=source)


def _build_phase(t: dict) -> m.Phase:
    return m.Phase(id=t["id"], name=t["name"], summary=t["summary"], when=t.get("when"), description=t.get("description"))


def _build_term(t: dict) -> m.Term:
    return m.Term(id=t["id"], term=t["term"], definition=t["definition"], tooltip=t.get("tooltip", True))


def _build_quiz(t: dict, source: str) -> m.Quiz:
    questions = []
    for q in t["questions"]:
        def options(key: str) -> list[m.Option]:
            return [m.Option(o["id"], o["text"], bool(o.get("correct", False)), o.get("feedback")) for o in q.get(key, [])]
        questions.append(m.Question(
            id=q["id"], type=m.QuestionType(q["type"]), prompt=q["prompt"], explanation=q["explanation"],
            learn_more=q["learn_more"], options=options("options"), answer=q.get("answer"),
            feedback_true=q.get("feedback_true"), feedback_false=q.get("feedback_false"), items=options("items"),
            pairs=[(p["id"], p["left"], p["right"]) for p in q.get("pairs", [])], distractors=options("distractors")))
    return m.Quiz(id=t["id"], title=t["title"], roles=list(t["roles"]), questions=questions,
                  pass_mark=t.get("pass_mark", 80), description=t.get("description"), source=source)


def _build_scenario(t: dict, source: str) -> m.Scenario:
    return m.Scenario(id=t["id"], title=t["title"], roles=list(t["roles"]), phase=t["phase"], situation=t["situation"],
                      steps=[m.ScenarioStep(x["text"], x.get("feature")) for x in t["steps"]],
                      pitfalls=[m.Pitfall(x["problem"], x["fix"]) for x in t["pitfalls"]],
                      questions=[(x["quiz"], x["question"]) for x in t.get("questions", [])], source=source)
