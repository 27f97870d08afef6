"""The home page: where we are and the first step (choose your role), what to do now, the roles, the quizzes."""

from __future__ import annotations

from generator.catalog.model import Project
from generator.render import escape
from generator.render.common import HOME, QUIZZES_INDEX, TIMELINE, Page, heading, html_inline, html_link, link, role_icon, role_path
from generator.render.localize import Localizer
from generator.render.phases import CURRENT, as_of, label, marker_attributes, phases_data, state, static_line_html

#: Tasks of the reader's role shown under "What to do now"; the rest is one tap away in the manual's checklist.
NOW_TASKS = 3


def render_home(project: Project, loc: Localizer) -> Page:
    site = project.site
    esc, attr = escape.html_text, escape.html_attribute
    title = loc.text(site.home_title) if site.home_title else loc.ui("home.title")
    intro = loc.text(site.home_intro) if site.home_intro else loc.ui("home.intro")
    body = [escape.md_block(intro), ""]
    if project.phases:
        body += [phases_data(project, loc), ""]
    hero = ['<div class="cutover-hero">']
    if project.phases:
        hero.append(static_line_html(project, loc))
    hero.append(f'<p class="cutover-hero__first">{esc(loc.ui("home.first_step"))}</p>')
    hero.append(f'<p class="cutover-hero__actions"><a class="md-button md-button--primary" href="#roles">{esc(loc.ui("home.choose_role"))}</a> '
                f'<a class="md-button" href="{attr(html_link(HOME, TIMELINE))}">{esc(loc.ui("home.timeline_link"))}</a></p>')
    hero.append("</div>")
    body += ["\n".join(hero), ""]
    body += _now(project, loc)
    body += [heading(2, loc.ui("home.choose_role"), "roles"), "", '<div class="grid cards cutover-role-cards" markdown>', ""]
    for role in project.roles.values():
        body += [f"-   {role_icon(role)} **[{escape.md_inline(loc.text(role.name))}]({link(HOME, role_path(role.id))})**", "",
                 f"    {escape.md_inline(loc.text(role.audience))}", ""]
    body += ["</div>", ""]
    if project.quizzes:
        body += [heading(2, loc.ui("home.quizzes"), "quizzes"), "",
                 f"{loc.ui('home.quizzes_text')} [{loc.ui('nav.quizzes')}]({link(HOME, QUIZZES_INDEX)})", ""]
    page = Page(HOME, title, body, site.source)
    page.hide_toc = True
    return page


def _now(project: Project, loc: Localizer) -> list[str]:
    """What to do now: one block per phase, the current one shown (as of the build; phases.js keeps it current),
    with the first tasks of the reader's role (timeline.js shows the remembered role's)."""
    esc, attr = escape.html_text, escape.html_attribute
    day = as_of(project)
    blocks = []
    for phase in project.phases:
        hidden = "" if state(phase, day) == CURRENT else " hidden"
        parts = [f'<div class="cutover-now" {marker_attributes(phase, project)} data-show-when="current"{hidden}>',
                 f'<p class="cutover-now__phase"><strong>{html_inline(loc.text(phase.name), loc)}</strong> '
                 f'<span class="cutover-now__when">({esc(label(phase, loc))})</span>: {html_inline(loc.text(phase.summary), loc)}</p>']
        for role in project.roles.values():
            tasks = role.tasks.get(phase.id) or []
            if not tasks:
                continue
            items = "".join(f"<li>{html_inline(loc.text(t), loc)}</li>" for t in tasks[:NOW_TASKS])
            parts.append(f'<div class="cutover-now__role" data-role="{attr(role.id)}" hidden>'
                         f'<p class="cutover-now__who">{role_icon(role)} <strong>{esc(escape.plain(loc.text(role.name)))}</strong> · '
                         f'{esc(loc.ui("role.tasks_count", count=len(tasks)))}</p><ul>{items}</ul>'
                         f'<p><a href="{attr(html_link(HOME, role_path(role.id), "checklist"))}">{esc(loc.ui("home.checklist_link"))}</a></p></div>')
        parts.append(f'<p class="cutover-now__pick">{esc(loc.ui("home.pick_role"))}</p>')
        parts.append("</div>")
        blocks.append("\n".join(parts))
    if not blocks:
        return []
    return [heading(2, loc.ui("home.now_title"), "now"), ""] + [b + "\n" for b in blocks]
