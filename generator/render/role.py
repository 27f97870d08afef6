"""One manual per role: what changes, the checklist per phase, features in order, FAQs, quiz."""

from __future__ import annotations

import json

from generator.catalog.model import Project, Role
from generator.render import escape
from generator.render.card import print_bar
from generator.render.common import (
    ROLES_INDEX,
    Page,
    admonition,
    card_path,
    device_icon,
    device_name,
    guide_path,
    heading,
    html_inline,
    html_link,
    link,
    quiz_path,
    role_icon,
    role_path,
    steps_markdown,
)
from generator.render.adoption import role_retired_section
from generator.render.localize import Localizer
from generator.render.phases import CURRENT, as_of, label, marker_attributes, phases_data, state
from generator.render.scenario import role_section


def render_role(project: Project, role: Role, loc: Localizer) -> Page:
    """Overview first (what changes, the next tasks with progress), then the tasks as compact cards that open the
    full steps; the page ends with the role's quiz as the next step. On paper every card is open (print.css)."""
    path = role_path(role.id)
    esc, attr = escape.html_text, escape.html_attribute
    body = [f'<p class="cutover-role-intro">{role_icon(role)} {html_inline(loc.text(role.audience), loc)}</p>', "",
            print_bar(loc, loc.ui("role.card"), link(path, card_path(role.id))), ""]
    body += [f'<div class="cutover-role-page" data-role="{role.id}" hidden></div>', ""]  # site.js remembers the reader's role
    if role.changes:
        body += [heading(2, loc.ui("role.changes"), "changes"), "",
                 f"| {loc.ui('role.before')} | {loc.ui('role.now')} |", "| --- | --- |"]
        body += [f"| {escape.md_cell(loc.text(c.before))} | {escape.md_cell(loc.text(c.after))} |" for c in role.changes] + [""]
    body += role_retired_section(project, role, path, loc)  # what is gone, and the day-one checklist
    if role.tasks:
        body += checklist(project, role, loc)
    body += [heading(2, loc.ui("role.features"), "features"), "", loc.ui("role.features_intro"), ""]
    body += [device_choice(project, loc), ""]
    for number, fid in enumerate(role.features, 1):
        feature = project.features[fid]
        # A card: the title and summary; the steps one tap away. On paper print.js opens every card.
        body += [f'<details class="cutover-task" id="feature-{attr(fid)}" markdown="1">',
                 f'<summary><span class="cutover-task__title">{number}. {html_inline(loc.text(feature.title), loc)}</span>'
                 f'<span class="cutover-task__summary">{html_inline(loc.text(feature.summary), loc)}</span></summary>', ""]
        body += steps_markdown(feature, loc, path)
        # On paper the link leads nowhere; the steps above are the guide's.
        body += [f"[{loc.ui('role.full_guide')}]({link(path, guide_path(fid))}){{ .cutover-screen-only }}", "", "</details>", ""]
    body += role_section(project, role, path, loc)
    faqs = [faq for group in project.faq_groups for faq in group.faqs if faq.concerns(role.id)]
    body += [heading(2, loc.ui("role.faq"), "faq"), ""]
    if faqs:
        for faq in faqs:
            body += admonition("question", loc.text(faq.question), loc.text(faq.answer), collapsible=True)
    else:
        body += [loc.ui("role.no_faq"), ""]
    if role.quiz and role.quiz in project.quizzes:
        quiz = project.quizzes[role.quiz]
        # The manual's end leads to this role's quiz (the footer's "Next" would lead to another role's manual).
        body += [heading(2, loc.ui("role.quiz"), "quiz"), "",
                 f'<div class="cutover-next"><p class="cutover-next__label">{esc(loc.ui("role.next_step"))}</p>'
                 f'<p>{esc(loc.ui("role.quiz_text", quiz=escape.plain(loc.text(quiz.title))))}</p>'
                 f'<p><a class="md-button md-button--primary" href="{attr(html_link(path, quiz_path(quiz.id)))}">'
                 f'{esc(escape.plain(loc.text(quiz.title)))}</a></p></div>', ""]
    page = Page(path, loc.text(role.name), body, role.source)
    page.hide_footer = bool(role.quiz and role.quiz in project.quizzes)
    return page


def checklist(project: Project, role: Role, loc: Localizer) -> list[str]:
    """The role's tasks per phase: each phase a block that opens on its own while it is current (phases.js), the
    progress across all of them ("4 of 11 tasks done", site.js) above."""
    esc = escape.html_text
    total = sum(len(role.tasks.get(p.id) or []) for p in project.phases)
    forms = escape.html_attribute(json.dumps(loc.ui_value("role.progress"), ensure_ascii=False, sort_keys=True))
    lines = [heading(2, loc.ui("role.checklist"), "checklist"), "", loc.ui("role.checklist_intro"), "", phases_data(project, loc), "",
             f'<p class="cutover-progress" data-role="{role.id}" data-total="{total}" data-forms="{forms}" data-lang="{loc.lang}" '
             f'aria-live="polite" hidden></p>', ""]
    day = as_of(project)
    for phase in project.phases:
        tasks = role.tasks.get(phase.id)
        if not tasks:
            continue
        opened = " open" if state(phase, day) == CURRENT else ""
        lines += [f'<details class="cutover-phase-tasks" id="phase-{phase.id}" {marker_attributes(phase, project)} data-open-when="current"{opened} markdown="1">',
                  f'<summary><strong>{html_inline(loc.text(phase.name), loc)}</strong> <span class="cutover-phase-tasks__when">'
                  f'{esc(label(phase, loc))} · {esc(loc.ui("role.tasks_count", count=len(tasks)))}</span>'
                  f' <span class="cutover-step__here">{esc(loc.ui("phase.here"))}</span></summary>', ""]
        # A real checklist once site.js mounts it; "☐ task" without JavaScript and on paper.
        lines += ['<ul class="cutover-checklist" markdown="1">']
        lines += [f'<li data-role="{role.id}" data-task="{phase.id}-{i}" markdown="span">☐ {escape.md_inline(loc.text(task))}</li>'
                  for i, task in enumerate(tasks, 1)]
        lines += ["</ul>", "", "</details>", ""]
    return lines


def device_choice(project: Project, loc: Localizer) -> str:
    """"Show the steps for: [device] …": kept across pages (devices.js); hidden without JavaScript."""
    esc, attr = escape.html_text, escape.html_attribute
    buttons = "".join(f'<button type="button" class="cutover-device-choice__option" data-device="{attr(d.id)}" aria-pressed="false">'
                      f'{device_icon(d.id, loc)}{esc(escape.plain(device_name(d.id, loc)))}</button>' for d in project.site.devices)
    return (f'<div class="cutover-device-choice" role="group" aria-label="{attr(loc.ui("role.devices"))}" hidden>'
            f'<span class="cutover-device-choice__label">{esc(loc.ui("role.devices"))}</span>'
            f'<button type="button" class="cutover-device-choice__option" data-device="" aria-pressed="true">{esc(loc.ui("role.all_devices"))}</button>'
            f'{buttons}</div>')


def render_roles_index(project: Project, loc: Localizer) -> Page:
    body = [escape.md_block(loc.ui("role.index_intro")), ""]
    for role in project.roles.values():
        body += [f"- **[{escape.md_inline(loc.text(role.name))}]({link(ROLES_INDEX, role_path(role.id))})**: "
                 f"{escape.md_inline(loc.text(role.audience))} ({loc.ui('role.features_count', count=len(role.features))})"]
    return Page(ROLES_INDEX, loc.ui("role.index_title"), body + [""], project.site.source)
