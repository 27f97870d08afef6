"""Scenarios: a page per situation, the index by phase, and the list a role manual shows in training order."""

from __future__ import annotations

from generator.catalog.model import Project, Role, Scenario
from generator.render import escape
from generator.render.common import (
    SCENARIOS_INDEX,
    TIMELINE,
    Page,
    admonition,
    feature_link,
    heading,
    link,
    quiz_path,
    role_links,
    scenario_path,
)
from generator.render.localize import Localizer
from generator.strings.collation import sorted_by


def render_scenario(project: Project, scenario: Scenario, loc: Localizer) -> Page:
    path = scenario_path(scenario.id)
    phase = _phase(project, scenario.phase)
    facts = [f"**{loc.ui('scenario.for_roles')}:** {role_links(project, scenario.roles, path, loc)}"]
    if phase:
        facts.append(f"**{loc.ui('scenario.phase')}:** "
                     f"[{escape.md_inline(loc.text(phase.name))}]({link(path, TIMELINE, f'phase-{phase.id}')})")
    body = [" · ".join(facts), "",
            heading(2, loc.ui("scenario.situation"), "situation"), "", escape.md_block(loc.text(scenario.situation)), "",
            heading(2, loc.ui("scenario.steps"), "steps"), ""]
    for number, step in enumerate(scenario.steps, 1):
        line = f"{number}. {escape.md_inline(loc.text(step.text))}"
        if step.feature in project.features:
            line += " " + loc.ui("scenario.see_guide", guide=feature_link(project, step.feature, path, loc))
        body.append(line)
    body += ["", heading(2, loc.ui("scenario.pitfalls"), "pitfalls"), ""]
    for pitfall in scenario.pitfalls:
        body += admonition("warning", loc.text(pitfall.problem), loc.text(pitfall.fix))
    questions = _questions(project, scenario, path, loc)
    if questions:
        body += [heading(2, loc.ui("scenario.questions"), "questions"), "", loc.ui("scenario.questions_intro"), ""]
        body += questions + [""]
    return Page(path, loc.text(scenario.title), body, scenario.source)


def _questions(project: Project, scenario: Scenario, path: str, loc: Localizer) -> list[str]:
    """Each related question links to its anchor on the quiz page, numbered as the quiz numbers it."""
    lines = []
    for quiz_id, question_id in scenario.questions:
        quiz = project.quizzes.get(quiz_id)
        numbers = {q.id: (n, q) for n, q in enumerate(quiz.questions, 1)} if quiz else {}
        if question_id not in numbers:
            continue
        number, question = numbers[question_id]
        label = loc.ui("scenario.question_label", quiz=escape.md_inline(loc.text(quiz.title)), number=number)
        lines.append(f"- [{label}]({link(path, quiz_path(quiz_id), f'q-{question_id}')}): "
                     f"{escape.md_inline(loc.text(question.prompt))}")
    return lines


def render_scenarios_index(project: Project, loc: Localizer) -> Page:
    body = [escape.md_block(loc.ui("scenario.index_intro")), ""]
    for phase in project.phases:
        scenarios = [s for s in project.scenarios.values() if s.phase == phase.id]
        if not scenarios:
            continue
        body += [heading(2, loc.text(phase.name), f"phase-{phase.id}"), ""]
        for s in sorted_by(sorted(scenarios, key=lambda s: s.id), loc.lang, lambda s: loc.text(s.title)):
            body.append(f"- [{escape.md_inline(loc.text(s.title))}]({link(SCENARIOS_INDEX, scenario_path(s.id))}): "
                        f"{role_links(project, s.roles, SCENARIOS_INDEX, loc)}")
        body.append("")
    return Page(SCENARIOS_INDEX, loc.ui("scenario.index_title"), body, "catalog/scenarios/")


def role_scenarios(project: Project, role: Role) -> list[Scenario]:
    """A role's scenarios in training order: phase, then where the first linked guide is in the role's list, then id."""
    phases = {p.id: i for i, p in enumerate(project.phases)}
    features = {fid: i for i, fid in enumerate(role.features)}

    def order(s: Scenario) -> tuple[int, int, str]:
        return phases.get(s.phase, len(phases)), features.get(s.first_feature, len(features)), s.id

    return sorted((s for s in project.scenarios.values() if role.id in s.roles), key=order)


def role_section(project: Project, role: Role, path: str, loc: Localizer) -> list[str]:
    """"Situations you will meet" in a role manual; nothing when the role has no scenario."""
    scenarios = role_scenarios(project, role)
    if not scenarios:
        return []
    lines = [heading(2, loc.ui("role.scenarios"), "scenarios"), "", loc.ui("role.scenarios_intro"), ""]
    for s in scenarios:
        phase = _phase(project, s.phase)
        entry = f"- [{escape.md_inline(loc.text(s.title))}]({link(path, scenario_path(s.id))})"
        if phase:
            entry += f" · *{escape.md_inline(loc.text(phase.name))}*"
        lines.append(entry)
    return lines + [""]


def _phase(project: Project, phase_id: str):
    return next((p for p in project.phases if p.id == phase_id), None)
