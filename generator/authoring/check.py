"""Everything ``cutover check`` reports, gathered in one run: the pull-request gate for writers and translators.

Loading and staging find the definitions' and pages' own problems; on top of those come links from hand-written
pages to generated and hand-written pages, TODO markers that ``cutover new`` left, stale translations, words the
language's term list forbids, and times, dates and numbers a translation writes differently from its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.consistency import check_consistency
from generator.authoring.i18n.strings import stale_warnings, todo_errors
from generator.authoring.pagelinks import check_links, handwritten_sources
from generator.authoring.terminology import check_terminology
from generator.catalog.load import Layout, load_project
from generator.catalog.model import Project
from generator.errors import CutoverError, Problem
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
    problems = list(loaded.warnings) + todo_errors(loaded.project)
    try:
        files, staged = plan(loaded.project, Layout(root))
    except CutoverError as exc:
        result.problems = sorted(set(problems + list(exc.problems)))
        return result
    problems += staged.warnings
    problems += check_links(root, files, handwritten_sources(Layout(root).docs, files))
    problems += stale_warnings(loaded.project, root)
    problems += check_terminology(loaded.project, root)
    problems += check_consistency(loaded.project, root)
    result.problems = sorted(set(problems))
    return result
