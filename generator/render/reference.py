"""Site-wide reference pages: FAQ, migration timeline, glossary."""

from __future__ import annotations

from generator.catalog.model import Project
from generator.render import escape
from generator.render.common import FAQ, GLOSSARY, Page, heading, html_link, role_path, synonyms
from generator.render.localize import Localizer
from generator.strings.collation import sorted_by


def render_faq(project: Project, loc: Localizer) -> Page:
    body = [loc.ui("faq.intro"), ""]
    phase_names = {p.id: p for p in project.phases}
    for group in project.faq_groups:
        body += [heading(2, loc.text(group.title), f"group-{group.id}"), ""]
        for faq in group.faqs:
            body += [heading(3, loc.text(faq.question), faq.id), "", escape.md_block(loc.text(faq.answer)), ""]
            body += [audience_badges(project, faq, phase_names, loc), ""]
    return Page(FAQ, loc.ui("faq.title"), body, "catalog/faqs/")


#: Role badges an FAQ shows before "+N more roles".
BADGES = 3


def audience_badges(project: Project, faq, phase_names: dict, loc: Localizer) -> str:
    """Whom an answer concerns, as compact badges (everyone, or up to three roles and how many more) and its phases;
    left out of search, so results show the answer, not the metadata."""
    esc, attr = escape.html_text, escape.html_attribute
    label = f'<span class="cutover-badges__label">{esc(loc.ui("faq.concerns"))}:</span> '
    if "all" in faq.roles:
        badges = [f'<span class="cutover-badge">{esc(loc.ui("faq.everyone"))}</span>']
    else:
        roles = [project.roles[r] for r in faq.roles if r in project.roles]
        shown = roles if len(roles) <= BADGES else roles[: BADGES - 1]
        badges = [f'<a class="cutover-badge" href="{attr(html_link(FAQ, role_path(r.id)))}">{esc(escape.plain(loc.text(r.name)))}</a>' for r in shown]
        if len(roles) > len(shown):
            rest = ", ".join(escape.plain(loc.text(r.name)) for r in roles[len(shown):])
            badges.append(f'<span class="cutover-badge cutover-badge--more" title="{attr(rest)}">'
                          f'{esc(loc.ui("faq.more_roles", count=len(roles) - len(shown)))}</span>')
    phases = [escape.plain(loc.text(phase_names[p].name)) for p in faq.phases if p in phase_names]
    when = (f' <span class="cutover-badges__label">{esc(loc.ui("faq.phases"))}:</span> '
            + " ".join(f'<span class="cutover-badge cutover-badge--phase">{esc(p)}</span>' for p in phases)) if phases else ""
    return f'<p class="cutover-badges" data-search-exclude>{label}{" ".join(badges)}{when}</p>'


def render_glossary(project: Project, loc: Localizer) -> Page:
    body = [loc.ui("glossary.intro"), ""]
    for term in sorted_by(project.terms, loc.lang, lambda t: loc.text(t.term)):  # the language's alphabet
        body += [heading(2, loc.text(term.term), term.id), "", escape.md_block(loc.text(term.definition)), ""]
    return Page(GLOSSARY, loc.ui("glossary.title"), body, "catalog/glossary.yaml", tags=synonyms([t.synonyms for t in project.terms], loc))


#: The tooltips of the glossary rendered last, per language: every page of a language carries the same.
_TOOLTIPS: tuple[object, dict[str, list[str]]] = (None, {})


def abbreviations(project: Project, loc: Localizer) -> list[str]:
    """Glossary tooltips: Markdown abbreviation definitions for every page of this language.

    Each definition is a block of its own (a blank line after it): Python-Markdown takes one definition off a
    block per pass and re-tests every block processor on the rest, so one block of 40 definitions made every
    page three times slower to convert.
    """
    global _TOOLTIPS
    if _TOOLTIPS[0] is not project:
        _TOOLTIPS = (project, {})
    if loc.lang not in _TOOLTIPS[1]:
        _TOOLTIPS[1][loc.lang] = _abbreviations(project, loc)
    return list(_TOOLTIPS[1][loc.lang])


def _abbreviations(project: Project, loc: Localizer) -> list[str]:
    lines = []
    for term in project.terms:
        word = loc.text(term.term).strip()
        if term.tooltip and word and not any(c in word for c in "[]\n*"):
            lines += [f"*[{word}]: {escape.plain(loc.text(term.definition))}", ""]
    return lines[:-1]
