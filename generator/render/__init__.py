"""Render a :class:`~generator.catalog.model.Project` into Markdown pages, one language at a time."""

from __future__ import annotations

from generator.catalog import markup
from generator.catalog.model import Project
from generator.render import escape
from generator.render.card import render_card, render_cards_index
from generator.render.common import Page
from generator.render.guide import render_guide, render_guides_index
from generator.render.home import render_home
from generator.render.localize import Localizer, language_name
from generator.render.quiz import (
    render_key,
    render_progress,
    render_quiz,
    render_quizzes_index,
    render_results,
    render_trainers_index,
)
from generator.render.reference import abbreviations, render_faq, render_glossary
from generator.render.timeline import render_timeline
from generator.render.role import render_role, render_roles_index
from generator.render.scenario import render_scenario, render_scenarios_index
from generator.render.adoption import render_champions, render_day_one, render_day_one_index, render_floor_walker, render_runbook
from generator.render.communication import render_communication_plan
from generator.render.posters import POSTERS, render_poster
from generator.render.survey import render_survey
from generator.strings import marks


def render_pages(project: Project, lang: str) -> list[Page]:
    """Every generated page of one language."""
    pages = []
    for make in _page_makers(project):
        loc = Localizer(project, lang, marked=True)
        page = make(loc)
        page.fallbacks, page.ui_fallbacks = loc.fallbacks, loc.ui_fallbacks
        pages.append(page)
    return pages


def _page_makers(project: Project):
    yield lambda loc: render_home(project, loc)
    yield lambda loc: render_roles_index(project, loc)
    for role in project.roles.values():
        yield lambda loc, role=role: render_role(project, role, loc)
    yield lambda loc: render_cards_index(project, loc)
    for role in project.roles.values():
        yield lambda loc, role=role: render_card(project, role, loc)
    yield lambda loc: render_guides_index(project, loc)
    for feature in project.features.values():
        yield lambda loc, feature=feature: render_guide(project, feature, loc)
    if project.scenarios:
        yield lambda loc: render_scenarios_index(project, loc)
        for scenario in project.scenarios.values():
            yield lambda loc, scenario=scenario: render_scenario(project, scenario, loc)
    yield lambda loc: render_timeline(project, loc)
    yield lambda loc: render_faq(project, loc)
    yield lambda loc: render_glossary(project, loc)
    if project.quizzes:
        yield lambda loc: render_quizzes_index(project, loc)
        for quiz in project.quizzes.values():
            yield lambda loc, quiz=quiz: render_quiz(project, quiz, loc)
        yield lambda loc: render_progress(project, loc)
        yield lambda loc: render_trainers_index(project, loc)
        for quiz in project.quizzes.values():
            yield lambda loc, quiz=quiz: render_key(project, quiz, loc)
        yield lambda loc: render_results(project, loc)
    if project.survey:
        yield lambda loc: render_survey(project, project.survey, loc)
    for survey in project.surveys.values():
        yield lambda loc, survey=survey: render_survey(project, survey, loc)
    if project.messages:
        yield lambda loc: render_communication_plan(project, loc)
    if project.day_one:
        yield lambda loc: render_day_one_index(project, loc)
        for role in project.roles.values():
            yield lambda loc, role=role: render_day_one(project, role, loc)
    if project.champions:
        yield lambda loc: render_champions(project, loc)
        yield lambda loc: render_floor_walker(project, loc)
    yield lambda loc: render_runbook(project, loc)
    for poster in POSTERS:
        yield lambda loc, poster=poster: render_poster(project, poster, loc)


def page_markdown(project: Project, page: Page, lang: str) -> str:
    """The full Markdown file: front matter, title, untranslated notice, body, glossary tooltips."""
    loc = Localizer(project, lang)
    hidden = (["toc"] if page.hide_toc else []) + (["footer"] if page.hide_footer else [])
    meta = [f"cutover_source: {page.source}"] + ([f"hide: [{', '.join(hidden)}]"] if hidden else [])
    if page.tags:  # material's search indexes a page's tags (boosted); no tags plugin, so pages never show them.
        # Its results show them through innerHTML, so they are stored as HTML text.
        meta.append("tags: [" + ", ".join(escape.front_matter(escape.html_text(tag)) for tag in page.tags) + "]")
    lines = ["---", *meta, "---", "", f"# {escape.md_inline(page.title)}", ""]
    if (page.fallbacks or page.ui_fallbacks) and lang != project.site.default_language:
        lines += fallback_notice(project, page, Localizer(project, lang, marked=True))
    lines += page.body
    tooltips = abbreviations(project, loc)
    if tooltips:
        lines += [""] + tooltips
    return "\n".join(lines).rstrip() + "\n"


def fallback_notice(project: Project, page: Page, loc: Localizer) -> list[str]:
    """The notice on a page that shows texts in another language: how many, and (folded) which ones, by file."""
    default = project.site.default_language
    parts: dict[str, list[str]] = {}
    for key in dict.fromkeys(page.fallbacks):
        file, _, field = key.partition(":")
        parts.setdefault(file, []).append(field)
    strings_file = loc.strings.own_file(loc.lang) or f"locales/{loc.lang}.yaml"
    for key in dict.fromkeys(page.ui_fallbacks):
        parts.setdefault(strings_file, []).append(key)
    count = sum(len(fields) for fields in parts.values())
    languages = {default} if not page.ui_fallbacks else {default, "en"}
    shown_in = loc.lang if loc.has_ui("notice.untranslated") else "en"  # the names in the notice's own language
    names = " / ".join(language_name(x, shown_in) for x in sorted(languages, key=lambda x: x != default))
    notice = loc.ui("notice.untranslated", count=count, language=names if shown_in == loc.lang else marks.mark(names, shown_in))
    what = [f"- `{file}`: " + ", ".join(f"`{field}`" for field in fields) for file, fields in parts.items()]
    return ['!!! warning ""', "", f"    {notice}", "", f'    ??? note "{escape.md_title(loc.ui("notice.what"))}"', "",
            *[markup.indent(line, 8) for line in what], ""]


__all__ = ["Page", "render_pages", "page_markdown", "fallback_notice"]
