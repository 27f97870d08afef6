"""The adoption kit's pages: the day-one checklist per role (readers), "What you will no longer have" in each role
manual, and for the project and support teams the champions' guide, the floor walker's script for go-live day and
the helpdesk runbook.

The day-one checklist reuses the role checklist's markup, so ``assets/site.js`` makes its items real checkboxes
kept in the browser (role ``day-one-<role>``, task ``<device>-<item>``); on paper and without JavaScript an item
reads "☐ task". The runbook is drawn from the content that already exists: each phase's scenarios (the situation,
the pitfalls to check, the steps to give) and the FAQs tagged with the phase (the answer, with the troubleshooting of
the guides that list the FAQ as checks).
"""

from __future__ import annotations

from generator.catalog.adoption import devices_of
from generator.catalog.model import Project, Role
from generator.render import escape
from generator.render.common import FAQ, Page, device_name, guide_path, heading, link, role_path, scenario_path
from generator.render.localize import Localizer

DAY_ONE_INDEX = "day-one/index.md"
CHAMPIONS, FLOOR_WALKER, RUNBOOK = "project/champions.md", "project/floor-walker.md", "project/runbook.md"


def day_one_path(role_id: str) -> str:
    return f"day-one/{role_id}.md"


def day_one_nav(project: Project) -> list[str]:
    return [DAY_ONE_INDEX] + [day_one_path(r) for r in project.roles] if project.day_one else []


def support_nav(project: Project) -> list[str]:
    """The champions' and support team's pages of the project section."""
    from generator.render.posters import POSTERS, poster_path
    pages = [CHAMPIONS, FLOOR_WALKER] if project.champions else []
    return pages + [RUNBOOK] + [poster_path(p) for p in POSTERS]


def _items(project: Project, role: Role):
    return [item for item in project.day_one.items if not item.feature or item.feature in role.features]


def render_day_one(project: Project, role: Role, loc: Localizer) -> Page:
    path = day_one_path(role.id)
    body = [escape.md_block(loc.text(project.day_one.intro)), ""] if project.day_one.intro else []
    items = _items(project, role)
    for device in devices_of(project, role):
        tasks = [(item, item.for_device(device)) for item in items]
        tasks = [(item, text) for item, text in tasks if text is not None]
        if not tasks:
            continue
        body += [heading(2, device_name(device, loc), f"device-{device}"), "", '<ul class="cutover-checklist" markdown="1">']
        for item, text in tasks:
            more = ""
            if item.feature:
                title = escape.md_inline(loc.text(project.features[item.feature].title))
                more = f" ([{title}]({link(path, guide_path(item.feature))}){{ .cutover-screen-only }})"
            body.append(f'<li data-role="day-one-{role.id}" data-task="{device}-{item.id}" markdown="span">'
                        f"☐ {escape.md_inline(loc.text(text))}{more}</li>")
        body += ["</ul>", ""]
    body += [f"[{escape.md_inline(loc.ui('adoption.manual_link', role=loc.text(role.name)))}]({link(path, role_path(role.id))})", ""]
    return Page(path, loc.ui("adoption.day_one_title", role=loc.text(role.name)), body, project.day_one.source)


def render_day_one_index(project: Project, loc: Localizer) -> Page:
    body = [escape.md_block(loc.ui("adoption.day_one_index_intro")), ""]
    body += [f"- [{escape.md_inline(loc.text(role.name))}]({link(DAY_ONE_INDEX, day_one_path(role.id))})"
             for role in project.roles.values()]
    return Page(DAY_ONE_INDEX, loc.ui("adoption.day_one_index_title"), body + [""], project.day_one.source)


def role_retired_section(project: Project, role: Role, path: str, loc: Localizer) -> list[str]:
    """Below a role's before/now table: links to what is gone and to the day-one checklist, then what is gone."""
    items = [x for x in project.retired.items if "all" in x.roles or role.id in x.roles] if project.retired else []
    links = []
    if items:
        links.append(f"[{escape.md_inline(loc.ui('adoption.retired_title'))}](#no-longer)")
    if project.day_one:
        links.append(f"[{escape.md_inline(loc.ui('adoption.day_one_link'))}]({link(path, day_one_path(role.id))})")
    body = [" · ".join(links), ""] if links else []
    if not items:
        return body
    body += [heading(2, loc.ui("adoption.retired_title"), "no-longer"), ""]
    if project.retired.intro:
        body += [escape.md_block(loc.text(project.retired.intro)), ""]
    body += [f"| {loc.ui('adoption.retired_gone')} | {loc.ui('adoption.retired_instead')} |", "| --- | --- |"]
    for item in items:
        instead = escape.md_cell(loc.text(item.instead))
        if item.feature:
            title = escape.md_inline(loc.text(project.features[item.feature].title))
            instead += f" [{title}]({link(path, guide_path(item.feature))})"
        body.append(f"| {escape.md_cell(loc.text(item.gone))} | {instead} |")
    return body + [""]


def render_champions(project: Project, loc: Localizer) -> Page:
    guide = project.champions
    body = [escape.md_block(loc.text(guide.intro)), "",
            f"[{escape.md_inline(loc.ui('adoption.script_title'))}]({link(CHAMPIONS, FLOOR_WALKER)})", ""]
    body += [heading(2, loc.ui("adoption.tasks"), "tasks"), ""]
    for phase in project.phases:
        if phase.id in guide.tasks:
            body += [heading(3, loc.text(phase.name), f"phase-{phase.id}"), ""]
            body += [f"- {escape.md_inline(loc.text(task))}" for task in guide.tasks[phase.id]] + [""]
    faqs = project.faqs
    body += [heading(2, loc.ui("adoption.questions"), "questions"), "", escape.md_block(loc.ui("adoption.questions_intro")), ""]
    body += [f"{n}. [{escape.md_inline(loc.text(faqs[f].question))}]({link(CHAMPIONS, FAQ, f)})"
             for n, f in enumerate(guide.questions, 1)] + [""]
    body += [heading(2, loc.ui("adoption.escalation"), "escalation"), ""]
    body += [f"{n}. {escape.md_inline(loc.text(step))}" for n, step in enumerate(guide.escalation, 1)] + [""]
    return Page(CHAMPIONS, loc.ui("adoption.champions_title"), body, guide.source)


def render_floor_walker(project: Project, loc: Localizer) -> Page:
    guide = project.champions
    body = [escape.md_block(loc.text(guide.script_intro)), ""] if guide.script_intro else []
    body += [f"| {loc.ui('adoption.time')} | {loc.ui('adoption.todo')} |", "| --- | --- |"]
    body += [f"| {time} | {escape.md_cell(loc.text(text))} |" for time, text in guide.slots] + [""]
    body += [f"[{escape.md_inline(loc.ui('adoption.champions_title'))}]({link(FLOOR_WALKER, CHAMPIONS)}){{ .cutover-screen-only }}", ""]
    return Page(FLOOR_WALKER, loc.ui("adoption.script_title"), body, guide.source, hide_toc=True)


def render_runbook(project: Project, loc: Localizer) -> Page:
    path = RUNBOOK
    body = [escape.md_block(loc.ui("adoption.runbook_intro")), ""]
    troubleshooting = {}
    for feature in project.features.values():
        for faq in feature.faqs:
            troubleshooting.setdefault(faq, []).extend(feature.troubleshooting)
    diagnosis, answer = loc.ui("adoption.diagnosis"), loc.ui("adoption.answer")
    for phase in project.phases:
        scenarios = [s for s in project.scenarios.values() if s.phase == phase.id]
        faqs = [f for g in project.faq_groups for f in g.faqs if phase.id in f.phases]
        if not scenarios and not faqs:
            continue
        body += [heading(2, loc.text(phase.name), f"phase-{phase.id}"), ""]
        for scenario in scenarios:
            body += [heading(3, loc.text(scenario.title), f"call-{scenario.id}"), "", escape.md_block(loc.text(scenario.situation)), ""]
            if scenario.pitfalls:
                body += [f"**{escape.md_inline(diagnosis)}**", ""]
                body += [f"{n}. {escape.md_inline(loc.text(p.problem))} → {escape.md_inline(loc.text(p.fix))}"
                         for n, p in enumerate(scenario.pitfalls, 1)] + [""]
            body += [f"**{escape.md_inline(answer)}**", ""]
            body += [f"{n}. {escape.md_inline(loc.text(step.text))}" for n, step in enumerate(scenario.steps, 1)] + [""]
            body += [f"[{escape.md_inline(loc.ui('adoption.scenario_link'))}]({link(path, scenario_path(scenario.id))}){{ .cutover-screen-only }}", ""]
        for faq in faqs:
            body += [heading(3, loc.text(faq.question), f"call-faq-{faq.id}"), ""]
            checks = troubleshooting.get(faq.id, [])
            if checks:
                body += [f"**{escape.md_inline(diagnosis)}**", ""]
                body += [f"{n}. {escape.md_inline(loc.text(t.problem))} → {escape.md_inline(loc.text(t.solution))}"
                         for n, t in enumerate(checks, 1)] + [""]
            body += [f"**{escape.md_inline(answer)}**", "", escape.md_block(loc.text(faq.answer)), ""]
    return Page(path, loc.ui("adoption.runbook_title"), body, project.site.source)
