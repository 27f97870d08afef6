"""The default navigation: Home, the writers' pages, then the generated sections, with their titles per language.

The navigation is written as MkDocs' ``nav`` setting (a list of paths and ``{title: [...]}`` sections); a
generated section's title is a key here, translated per language by :func:`section_title`.
"""

from __future__ import annotations

from generator.catalog.model import Project
from generator.render import escape
from generator.render.common import (
    CARDS_INDEX,
    FAQ,
    GLOSSARY,
    GUIDES_INDEX,
    HOME,
    PROGRESS,
    QUIZZES_INDEX,
    RESULTS,
    ROLES_INDEX,
    SCENARIOS_INDEX,
    TIMELINE,
    TRAINERS_INDEX,
    card_path,
    key_path,
    scenario_path,
)
from generator.render.localize import Localizer
from generator.render.status import STATUS_PATH
from generator.render.adoption import day_one_nav
from generator.render.communication import project_nav
from generator.render.survey import survey_path

#: Navigation section of one feature category's guides: the prefix, then the category id.
CATEGORY_KEY = "cutover:category:"

SECTION_KEYS = {"cutover:roles": "nav.roles", "cutover:cards": "nav.cards", "cutover:guides": "nav.guides",
                "cutover:quizzes": "nav.quizzes", "cutover:scenarios": "nav.scenarios",
                "cutover:trainers": "nav.trainers", "cutover:project": "nav.project",
                "cutover:dayone": "nav.day_one"}


def default_nav(project: Project, handwritten: list[str], for_trainers: list[str] = ()) -> list:
    """``handwritten``: the default language's hand-written pages, relative to its folder; ``for_trainers``: those of
    them whose front matter says ``for: trainers`` (the trainer's guide), listed under "For trainers" instead."""
    readers = [p for p in handwritten if p not in for_trainers]
    nav: list = [HOME] + sorted(readers)
    nav.append({"cutover:roles": [ROLES_INDEX] + [f"roles/{r}.md" for r in project.roles]})
    nav.append({"cutover:cards": [CARDS_INDEX] + [card_path(r) for r in project.roles]})
    if project.day_one:
        nav.append({"cutover:dayone": day_one_nav(project)})
    nav.append({"cutover:guides": [GUIDES_INDEX] + _guides_nav(project)})
    if project.scenarios:
        nav.append({"cutover:scenarios": [SCENARIOS_INDEX] + [scenario_path(s) for s in project.scenarios]})
    nav += [TIMELINE, FAQ, GLOSSARY]
    if project.quizzes:
        nav.append({"cutover:quizzes": [QUIZZES_INDEX] + [f"quizzes/{q}.md" for q in project.quizzes] + [PROGRESS]})
    order = {phase.id: n for n, phase in enumerate(project.phases)}  # the readiness survey before the one after go-live
    nav += [survey_path(project, s) for s in sorted(project.all_surveys, key=lambda s: order.get(s.phase or "", len(order)))]
    project_pages = project_nav(project)  # the project manager's and support team's pages, out of the readers' path
    if project_pages:
        nav.append({"cutover:project": project_pages})
    # Trainers' and coordinators' pages (the trainer's guide, answer keys with the presenter and handouts, class
    # results, translation status) last, in a section of their own: out of the readers' way.
    trainers = ([TRAINERS_INDEX] if project.quizzes else []) + sorted(p for p in handwritten if p in for_trainers)
    if project.quizzes:
        trainers += [key_path(q) for q in project.quizzes] + [RESULTS]
    if len(project.site.languages) > 1:
        trainers.append(STATUS_PATH)  # translation status, for translation coordinators (generator/render/status.py)
    if trainers:
        nav.append({"cutover:trainers": trainers})
    return nav


def _guides_nav(project: Project) -> list:
    """Guides grouped by category, as on the guides index.

    With material's navigation.prune a page carries its own category's guides and one link per other
    category instead of every guide: pages stay small, and the site grows linearly with the catalog.
    """
    by_category: dict[str, list[str]] = {category.id: [] for category in project.site.categories}
    for feature in project.features.values():
        by_category.setdefault(feature.category, []).append(f"guides/{feature.id}.md")
    groups = [(cid, paths) for cid, paths in by_category.items() if paths]
    if len(groups) < 2:
        return [path for _, paths in groups for path in paths]
    return [{CATEGORY_KEY + cid: paths} for cid, paths in groups]


def section_title(project: Project, lang: str, key: str) -> str | None:
    """The title, as HTML, of a generated section named ``key`` in ``lang``; None for any other section."""
    if key in SECTION_KEYS:
        return Localizer(project, lang, marked=True).ui(SECTION_KEYS[key])
    if key.startswith(CATEGORY_KEY):
        names = {category.id: category.name for category in project.site.categories}
        return escape.html_text(escape.plain(Localizer(project, lang, marked=True).text(names[key[len(CATEGORY_KEY):]])))
    return None
