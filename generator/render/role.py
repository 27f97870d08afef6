"""One manual per role: what changes, the checklist per phase, features in order, FAQs, quiz."""

from __future__ import annotations

from generator.catalog.model import Project, Role
from generator.render import escape
from generator.render.card import print_bar
from generator.render.common import (
    ROLES_INDEX,
    Page,
    admonition,
    card_path,
    guide_path,
    heading,
    link,
    quiz_path,
    role_path,
    steps_markdown,
)
from generator.render.adoption import role_retired_section
from generator.render.localize import Localizer
from generator.render.scenario import role_section


def render_role(project: Project, role: Role, loc: Localizer) -> Page:
    path = role_path(role.id)
    body = [escape.md_block(loc.text(role.audience)), "", print_bar(loc, loc.ui("role.card"), link(path, card_path(role.id))), ""]
    body += [f'<div class="cutover-role-page" data-role="{role.id}" hidden></div>', ""]  # site.js remembers the reader's role
    if role.changes:
        body += [heading(2, loc.ui("role.changes"), "changes"), "",
                 f"| {loc.ui('role.before')} | {loc.ui('role.now')} |", "| --- | --- |"]
        body += [f"| {escape.md_cell(loc.text(c.before))} | {escape.md_cell(loc.text(c.after))} |" for c in role.changes] + [""]
    body += role_retired_section(project, role, path, loc)  # what is gone, and the day-one checklist
    if role.tasks:
        body += [heading(2, loc.ui("role.checklist"), "checklist"), "", loc.ui("role.checklist_intro"), ""]
        for phase in project.phases:
            tasks = role.tasks.get(phase.id)
            if not tasks:
                continue
            body += [heading(3, loc.text(phase.name), f"phase-{phase.id}"), ""]
            if phase.when:
                body += [f"*{escape.md_inline(loc.text(phase.when))}*", ""]
            # A real checklist once site.js mounts it; "☐ task" without JavaScript and on paper.
            body += ['<ul class="cutover-checklist" markdown="1">']
            body += [f'<li data-role="{role.id}" data-task="{phase.id}-{i}" markdown="span">☐ {escape.md_inline(loc.text(task))}</li>'
                     for i, task in enumerate(tasks, 1)]
            body += ["</ul>", ""]
    body += [heading(2, loc.ui("role.features"), "features"), "", loc.ui("role.features_intro"), ""]
    for number, fid in enumerate(role.features, 1):
        feature = project.features[fid]
        body += [heading(3, f"{number}. {loc.text(feature.title)}", f"feature-{fid}"), "",
                 escape.md_block(loc.text(feature.summary)), ""]
        body += steps_markdown(feature, loc)
        # On paper the link leads nowhere; the steps above are the guide's.
        body += [f"[{loc.ui('role.full_guide')}]({link(path, guide_path(fid))}){{ .cutover-screen-only }}", ""]
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
        title = f"[{escape.md_inline(loc.text(quiz.title))}]({link(path, quiz_path(quiz.id))})"
        body += [heading(2, loc.ui("role.quiz"), "quiz"), "", loc.ui("role.quiz_text", quiz=title), ""]
    return Page(path, loc.text(role.name), body, role.source)


def render_roles_index(project: Project, loc: Localizer) -> Page:
    body = [escape.md_block(loc.ui("role.index_intro")), ""]
    for role in project.roles.values():
        body += [f"- **[{escape.md_inline(loc.text(role.name))}]({link(ROLES_INDEX, role_path(role.id))})**: "
                 f"{escape.md_inline(loc.text(role.audience))} ({loc.ui('role.features_count', count=len(role.features))})"]
    return Page(ROLES_INDEX, loc.ui("role.index_title"), body + [""], project.site.source)
