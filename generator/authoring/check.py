"""Everything ``cutover check`` reports, gathered in one run: the pull-request gate for writers and translators.

Loading finds the definitions' own problems (shape, references, variables, conditions, translations) — every file
and item on its own, so one item's error hides nobody else's —; TODO markers that ``cutover new`` left; then, on the
staging plan of everything that loaded, the hand-written pages' own problems, every link and anchor the strict
build checks (from hand-written pages and from definitions' text fields, located at their source line), and stale
translations. A check stops only where it cannot run: a file that is not YAML is not validated, an item of the
wrong shape is not cross-checked (its text still is), and links to the pages of such items wait until it is right.
On top of those: what the HTML allow-list removes from hand-written pages, words the language's term list forbids,
and times, dates and numbers a translation writes differently from its source.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from generator import version
from generator.authoring.consistency import check_consistency
from generator.authoring.i18n.strings import stale_warnings, todo_errors, todo_errors_in, variable_todos
from generator.authoring.pagelinks import check_links, handwritten_sources
from generator.authoring.terminology import check_terminology
from generator.authoring.textlinks import check_text_links
from generator.catalog.allowlist import AllowList, allow_list
from generator.catalog.load import Layout, load_everything
from generator.catalog.model import Category, Project, Text
from generator.errors import CutoverError, Problem, Severity, relative
from generator.org.init import outdated_schemas
from generator.render.common import card_path, guide_path, quiz_path, role_path, scenario_path
from generator.site import sanitize
from generator.site.languages import site_problems
from generator.site.stage import plan


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    project: Project | None = None  #: None when the definitions could not be loaded at all (catalog/site.yaml)


def run_check(root: Path) -> CheckResult:
    result = CheckResult()
    try:
        loaded = load_everything(root)
    except CutoverError as exc:
        result.problems = list(exc.problems)
        return result
    result.project = loaded.project
    problems = list(loaded.problems) + todo_errors(loaded.project) + todo_errors_in(loaded.unchecked, loaded.project.site)
    problems += site_problems(root) + variable_todos(root, loaded.project.site.languages)
    layout = Layout(root)
    files, staged = plan(_renderable(loaded.project), layout, problems)
    problems += staged.warnings
    sources = handwritten_sources(layout.docs, files)
    unjudged = _unjudged(loaded.left_out)
    problems += check_links(root, files, sources, unjudged)
    problems += check_text_links(loaded.project, files, staged.generated, unjudged)
    problems += _removed_html(root, files, sources, allow_list(loaded.project.site.html))
    problems += stale_warnings(loaded.project, root)
    problems += check_terminology(loaded.project, root)
    problems += check_consistency(loaded.project, root)
    problems += _schema_warnings(root)
    result.problems = sorted(set(problems))
    return result


def _renderable(project: Project) -> Project:
    """The model as pages can be made of it. Loading already dropped references to items that are not there; a
    feature's unknown category (reported) is the one gap left, filled here with a stand-in so its pages, and the
    links in them, are still checked."""
    known = {c.id for c in project.site.categories}
    unknown = sorted({f.category for f in project.features.values()} - known)
    if not unknown:
        return project
    stand_ins = [Category(cid, Text(f"site.yaml:categories[{cid}]", {lang: cid for lang in project.site.languages}))
                 for cid in unknown]
    site = dataclasses.replace(project.site, categories=project.site.categories + stand_ins)
    return dataclasses.replace(project, site=site)


#: Reference kind -> the generated pages of an item of that kind (stable paths, relative to the language folder).
_PAGES = {"feature": (guide_path,), "role": (role_path, card_path), "quiz": (quiz_path,), "scenario": (scenario_path,)}
#: Reference kind -> the generated page whose anchors name items of that kind.
_ANCHORED = {"FAQ": "faq.md", "phase": "timeline.md"}


def _unjudged(left_out: dict[str, set[str] | None]):
    """Whether a link target belongs to an item left out of the model for its own errors: not judged until then."""
    pages: set[str] = set()
    folders: set[str] = set()
    anchored = {_ANCHORED[kind] for kind in left_out if kind in _ANCHORED}
    for kind, ids in left_out.items():
        for path in _PAGES.get(kind, ()):
            if ids is None:
                folders.add(path("x").rsplit("/", 1)[0] + "/")
            else:
                pages.update(path(i) for i in ids)

    def unjudged(page: str, anchor: str) -> bool:
        return page in pages or page.startswith(tuple(folders)) or bool(anchor) and page in anchored
    return unjudged


def _schema_warnings(root: Path) -> list[Problem]:
    """An organisation's copies of the JSON Schemas (for editors) older than the installed Cutover's."""
    return [Problem(rel, 0, 0, f"differs from the schema of the installed Cutover {version()}: editors check against an "
                               "old format", "renew the copies with 'cutover init --update-schemas .'", Severity.WARNING,
                    "outdated-schema") for rel in outdated_schemas(root)]


def _removed_html(root: Path, files: dict[str, bytes], sources: dict[str, Path], allow: AllowList) -> list[Problem]:
    """Warnings for what the allow-list removes from hand-written pages (generator/site/sanitize.py), at file:line.

    The staged page is read (variables filled in: a portal address may be a script link), line for line the writer's."""
    problems = []
    for rel, path in sorted(sources.items()):
        text = files[rel].decode("utf-8", "replace")
        display = relative(path, root)
        problems += [Problem(display, f.line, f.col, f.message, f.hint, Severity.WARNING, sanitize.REMOVED)
                     for f in sanitize.findings(text, allow)]
    return problems
