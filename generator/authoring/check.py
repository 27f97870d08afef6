"""Everything ``cutover check`` reports, gathered in one run: the pull-request gate for writers and translators.

Loading and staging find the definitions' and pages' own problems; on top of those come links from hand-written
pages to generated and hand-written pages, TODO markers that ``cutover new`` left, stale translations, words the
language's term list forbids, and times, dates and numbers a translation writes differently from its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.consistency import check_consistency
from generator.authoring.i18n.strings import stale_warnings, todo_errors, variable_todos
from generator.authoring.pagelinks import check_links, handwritten_sources
from generator.authoring.terminology import check_terminology
from generator.catalog.allowlist import AllowList, allow_list
from generator.catalog.load import Layout, load_project
from generator.catalog.model import Project
from generator.errors import CutoverError, Problem, Severity, relative
from generator.site import sanitize
from generator.site.languages import site_problems
from generator.site.stage import plan


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    project: Project | None = None  #: None when the definitions could not be loaded


def run_check(root: Path) -> CheckResult:
    result = CheckResult()
    try:
        loaded = load_project(root)
    except CutoverError as exc:
        result.problems = list(exc.problems)
        return result
    result.project = loaded.project
    problems = list(loaded.warnings) + todo_errors(loaded.project) + site_problems(root)
    problems += variable_todos(root, loaded.project.site.languages)
    try:
        files, staged = plan(loaded.project, Layout(root))
    except CutoverError as exc:
        result.problems = sorted(set(problems + list(exc.problems)))
        return result
    problems += staged.warnings
    sources = handwritten_sources(Layout(root).docs, files)
    problems += check_links(root, files, sources)
    problems += _removed_html(root, files, sources, allow_list(loaded.project.site.html))
    problems += stale_warnings(loaded.project, root)
    problems += check_terminology(loaded.project, root)
    problems += check_consistency(loaded.project, root)
    result.problems = sorted(set(problems))
    return result


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
