"""The migration timeline: a dated stepper of every phase, where we are today highlighted, filterable by role.

Each phase is one or two lines (its dates, name and summary) with its details one click away (a <details> block:
the description and which roles have tasks in it). The state of each step is written as of the build's date and
recomputed from today's date in the browser (``assets/phases.js``); choosing a role (``assets/site.js``, the
reader's remembered role first) shows that role's tasks under each step.
"""

from __future__ import annotations

from generator.catalog.model import Project
from generator.render import escape
from generator.render.common import TIMELINE, Page, html_block, html_inline, html_link, role_path
from generator.render.localize import Localizer
from generator.render.phases import label, marker_attributes, phases_data


def render_timeline(project: Project, loc: Localizer) -> Page:
    esc, attr = escape.html_text, escape.html_attribute
    roles = [r for r in project.roles.values() if r.tasks]
    body = [loc.ui("timeline.intro"), "", phases_data(project, loc), ""]
    options = "".join(f'<option value="{attr(r.id)}">{esc(escape.plain(loc.text(r.name)))}</option>' for r in roles)
    body += [f'<div class="cutover-timeline-filter" hidden><label for="cutover-role-filter">{esc(loc.ui("timeline.filter"))}</label> '
             f'<select id="cutover-role-filter"><option value="">{esc(loc.ui("timeline.no_role"))}</option>{options}</select></div>', ""]
    steps = ['<ol class="cutover-timeline">']
    for number, phase in enumerate(project.phases, 1):
        doers = [r for r in roles if r.tasks.get(phase.id)]
        steps.append(f'<li class="cutover-step" {marker_attributes(phase, project)}>')
        steps.append('<span class="cutover-step__marker" aria-hidden="true"></span>')
        steps.append(f'<p class="cutover-step__when">{esc(label(phase, loc))}'
                     f' <span class="cutover-step__here">{esc(loc.ui("phase.here"))}</span>'
                     f'<span class="cutover-step__past">{esc(loc.ui("phase.past"))}</span></p>')
        steps.append(f'<h2 class="cutover-step__name" id="phase-{attr(phase.id)}">{number}. {html_inline(loc.text(phase.name), loc)}</h2>')
        steps.append(f'<p class="cutover-step__summary">{html_inline(loc.text(phase.summary), loc)}</p>')
        for role in doers:  # shown for the chosen role only
            tasks = "".join(f"<li>{html_inline(loc.text(t), loc)}</li>" for t in role.tasks[phase.id])
            steps.append(f'<div class="cutover-step__tasks" data-role="{attr(role.id)}" hidden><p><strong>{esc(loc.ui("timeline.your_tasks"))}</strong> '
                         f'(<a href="{attr(html_link(TIMELINE, role_path(role.id), "phase-" + phase.id))}">{esc(escape.plain(loc.text(role.name)))}</a>)</p>'
                         f'<ul>{tasks}</ul></div>')
        steps.append(f'<p class="cutover-step__none" data-roles="{attr(" ".join(r.id for r in doers))}" hidden>{esc(loc.ui("timeline.nothing_for_you"))}</p>')
        details = html_block(loc.text(phase.description), loc) if phase.description else ""
        who = (f'<p><strong>{esc(loc.ui("timeline.what_roles_do"))}:</strong> '
               + ", ".join(f'<a href="{attr(html_link(TIMELINE, role_path(r.id), "phase-" + phase.id))}">{esc(escape.plain(loc.text(r.name)))}</a>'
                           f' ({esc(loc.ui("role.tasks_count", count=len(r.tasks[phase.id])))})' for r in doers) + "</p>"
               if doers else f'<p>{esc(loc.ui("timeline.nothing"))}</p>')
        steps.append(f'<details class="cutover-step__details"><summary>{esc(loc.ui("timeline.details"))}</summary>{details}{who}</details>')
        steps.append("</li>")
    steps.append("</ol>")
    body += ["\n".join(steps), ""]
    page = Page(TIMELINE, loc.ui("timeline.title"), body, "catalog/phases.yaml")
    page.hide_toc = True
    return page
