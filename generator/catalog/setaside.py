"""Items whose own files have errors are set aside from the model, so that everything else is still checked.

A feature whose file has the wrong shape never reaches the model; one whose file parses but holds a wrong value
(a date for a title, an id that differs from the file name) would reach it carrying that value. Either way the
item is left out: references to it are not reported as unknown (its id is noted by kind), nothing renders a value
its file got wrong, and the rest of the project — every other file's references, variables, links — is checked
in the same run. A file of many items (phases, glossary, survey) with errors leaves its items out with it.
"""

from __future__ import annotations

from typing import Iterable

from generator.catalog import model as m
from generator.errors import Problem, errors_only

#: Overrides of kit items: a problem in one sets the kit item aside too.
_OVERRIDE_FOLDERS = {"/overrides/features/": "feature", "/overrides/roles/": "role"}


def files_with_errors(problems: Iterable[Problem]) -> set[str]:
    """The definition files errors are located in, a translation (``hold.de.yaml``) counted as its source."""
    found = set()
    for problem in errors_only(problems):
        folder, _, name = problem.path.rpartition("/")
        parts = name.split(".")
        found.add(f"{folder}/{parts[0]}.yaml" if len(parts) == 3 else problem.path)
    return found


def set_aside(project: m.Project, problems: Iterable[Problem], left_out: dict[str, set[str] | None]) -> None:
    """Remove from ``project`` every item whose files have errors; note their ids in ``left_out`` by kind."""
    erroneous = files_with_errors(problems)
    if not erroneous:
        return
    overridden = {(kind, path.rsplit("/", 1)[1].split(".")[0]) for path in erroneous
                  for folder, kind in _OVERRIDE_FOLDERS.items() if folder in path}

    def keep(items: dict, kind: str) -> dict:
        kept = {}
        for item_id, item in items.items():
            if item.source in erroneous or (kind, item_id) in overridden:
                _note(left_out, kind, [item_id])
            else:
                kept[item_id] = item
        return kept

    project.roles = keep(project.roles, "role")
    project.features = keep(project.features, "feature")
    project.quizzes = keep(project.quizzes, "quiz")
    project.scenarios = keep(project.scenarios, "scenario")
    groups = []
    for group in project.faq_groups:
        if group.source in erroneous:
            _note(left_out, "FAQ", [f.id for f in group.faqs])
        else:
            groups.append(group)
    project.faq_groups = groups
    default = project.site.default_language
    if any(_source_of(p.name, default) in erroneous for p in project.phases):
        _note(left_out, "phase", None)
        project.phases = []
    if any(_source_of(t.term, default) in erroneous for t in project.terms):
        project.terms = []
    if project.survey is not None and project.survey.source in erroneous:
        project.survey = None


def _source_of(text: m.Text, default: str) -> str:
    """The file a phase's or term's text comes from (its default-language origin)."""
    origin = text.origins.get(default)
    return origin.path if origin else ""


def _note(left_out: dict[str, set[str] | None], kind: str, ids: list[str] | None) -> None:
    if ids is None:
        left_out[kind] = None
    elif left_out.get(kind, set()) is not None:
        left_out.setdefault(kind, set()).update(ids)
