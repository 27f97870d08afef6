"""Cross-reference checks: every id a definition names must exist, and make sense."""

from __future__ import annotations

from typing import Callable, Iterable

from babel import Locale, UnknownLocaleError

from generator.catalog import markup
from generator.catalog import model as m
from generator.catalog.model import guide_sections
from generator.catalog.variables import PLACEHOLDER, builtin_variables
from generator.catalog.yamlio import DataPath, Document
from generator.errors import Problem, Severity, did_you_mean


def check_references(project: m.Project, docs: dict[str, Document], left_out: dict[str, set[str] | None] | None = None,
                     unchecked: Iterable[Document] = ()) -> list[Problem]:
    """Problems of references and text. ``left_out``: ids (by kind) of items whose file has errors of its own: a
    reference to them is not unknown. ``unchecked``: those files, whose text is checked all the same."""
    left_out = left_out or {}
    problems: list[Problem] = []
    roles, features, quizzes = project.roles, project.features, project.quizzes
    phases = [p.id for p in project.phases]
    categories = [c.id for c in project.site.categories]
    faqs = project.faqs

    def ref(source: str, path: DataPath, value: str, known: Iterable[str], kind: str, extra: str = "") -> None:
        known = list(known)
        if kind in left_out and (left_out[kind] is None or value in left_out[kind]):
            return  # its own file has errors: the reference is judged once the file is right
        if value not in known:
            hint = did_you_mean(value, known) or (f"known {kind} ids: {', '.join(sorted(known)[:12])}" if known else f"no {kind} is defined yet")
            problems.append(docs[source].problem(path, f"unknown {kind} '{value}'{extra}", hint))

    # Duplicate ids inside one list (phases, terms, questions, options, …) are found while merging translations.
    problems += _languages(project.site.languages, docs.get(project.site.source))

    for role in roles.values():
        for i, fid in enumerate(role.features):
            ref(role.source, ("features", i), fid, features, "feature")
            feature = features.get(fid)
            if feature and feature.roles and role.id not in feature.roles:
                problems.append(docs[role.source].problem(("features", i), f"feature '{fid}' does not list role '{role.id}' in its roles",
                                                          f"add '{role.id}' to roles in {feature.source}", severity=Severity.WARNING))
        for phase in role.tasks:
            ref(role.source, ("tasks", phase), phase, phases, "phase")
        if role.quiz:
            ref(role.source, ("quiz",), role.quiz, quizzes, "quiz")
            quiz = quizzes.get(role.quiz)
            if quiz and role.id not in quiz.roles:
                problems.append(docs[role.source].problem(("quiz",), f"quiz '{role.quiz}' does not list role '{role.id}'",
                                                          f"add '{role.id}' to roles in {quiz.source}"))

    seen_faq: dict[str, str] = {}
    for group in project.faq_groups:
        for i, faq in enumerate(group.faqs):
            if faq.id in seen_faq:
                problems.append(docs[group.source].problem(("faqs", i, "id"), f"duplicate FAQ id '{faq.id}' (also in {seen_faq[faq.id]})",
                                                           "FAQ ids must be unique across all groups"))
            seen_faq[faq.id] = group.source
            for j, rid in enumerate(faq.roles):
                if rid != "all":
                    ref(group.source, ("faqs", i, "roles", j), rid, roles, "role", " (or 'all')")
            for j, pid in enumerate(faq.phases):
                ref(group.source, ("faqs", i, "phases", j), pid, phases, "phase")

    for feature in features.values():
        src = feature.source
        ref(src, ("category",), feature.category, categories, "category")
        for key, values, known, kind in (("roles", feature.roles, roles, "role"), ("prerequisites", feature.prerequisites, features, "feature"),
                                         ("related", feature.related, features, "feature"), ("faqs", feature.faqs, faqs, "FAQ")):
            for i, value in enumerate(values):
                if value == feature.id and kind == "feature":
                    problems.append(docs[src].problem((key, i), f"feature '{feature.id}' refers to itself", "remove it from the list"))
                else:
                    ref(src, (key, i), value, known, kind)
        for i, rid in enumerate(feature.roles):
            role = roles.get(rid)
            if role and feature.id not in role.features:
                problems.append(docs[src].problem(("roles", i), f"role '{rid}' does not list feature '{feature.id}'",
                                                  f"add it to features in {role.source} (that list sets the training order)", severity=Severity.WARNING))
        for i, step in enumerate(feature.steps):
            if step.text is None and not step.variants:
                problems.append(docs[src].problem(("steps", i), "step has no text", "add text or a platform key (desktop, mobile, desk_phone, web)"))
            for platform in step.variants:
                if platform not in feature.platforms:
                    problems.append(docs[src].problem(("steps", i, platform.value), f"step names platform '{platform.value}', which is not in platforms",
                                                      f"add it to platforms or remove the step text"))
    problems += _prerequisite_cycles(features, docs)

    for quiz in quizzes.values():
        src = quiz.source
        for i, rid in enumerate(quiz.roles):
            ref(src, ("roles", i), rid, roles, "role")
        for i, q in enumerate(quiz.questions):
            at: DataPath = ("questions", i)
            if q.learn_more_scenario:
                ref(src, at + ("learn_more",), q.learn_more_scenario, project.scenarios, "scenario")
            else:
                ref(src, at + ("learn_more",), q.learn_more_feature, features, "feature")
            target = features.get(q.learn_more_feature)
            if q.learn_more_section and target:
                present = guide_sections(target)
                if q.learn_more_section not in present:
                    known = "this guide has: " + ", ".join(present)
                    problems.append(docs[src].problem(at + ("learn_more",), f"guide '{target.id}' has no section '#{q.learn_more_section}'",
                                                      known))
            correct = sum(o.correct for o in q.options)
            if q.type is m.QuestionType.SINGLE and correct != 1:
                problems.append(docs[src].problem(at + ("options",), f"a single-choice question needs exactly one correct option, this one has {correct}",
                                                  "mark one option with 'correct: true' or use type: multiple"))
            if q.type is m.QuestionType.MULTIPLE and correct == 0:
                problems.append(docs[src].problem(at + ("options",), "no option is marked correct", "mark at least one with 'correct: true'"))

    _scenario_references(project, ref)
    values = list(_model_values(project)) + list(document_values(unchecked))
    problems += _placeholders(project, values)
    problems += _shown_as_text(values)
    return problems


def _model_values(project: m.Project):
    """(value, origin) of every text of the model in every language."""
    for text in project.texts():
        for lang, value in text.values.items():
            yield value, text.origins[lang]


def document_strings(documents: Iterable[Document]):
    """(field, value, origin) of every string in files left out of the model, located like the model's texts;
    ``field`` as ``steps[2].text``."""
    for doc in documents:
        for path, (line, col) in doc.positions.items():
            value = _value_at(doc.data, path)
            if isinstance(value, str) and path:
                field = "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path).lstrip(".")
                yield field, value, m.Origin(doc.display, line, col, doc.text_lines.get(path, 0))


def document_values(documents: Iterable[Document]):
    """(value, origin) of every string in files left out of the model."""
    return ((value, origin) for _, value, origin in document_strings(documents))


def _value_at(data, path: DataPath):
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _scenario_references(project: m.Project, ref: Callable[..., None]) -> None:
    """Roles, phase, guides and quiz questions a scenario names must exist; ``ref`` reports what does not."""
    phases = [p.id for p in project.phases]
    for scenario in project.scenarios.values():
        src = scenario.source
        for i, rid in enumerate(scenario.roles):
            ref(src, ("roles", i), rid, project.roles, "role")
        ref(src, ("phase",), scenario.phase, phases, "phase")
        for i, step in enumerate(scenario.steps):
            if step.feature:
                ref(src, ("steps", i, "feature"), step.feature, project.features, "feature")
        for i, (quiz_id, question_id) in enumerate(scenario.questions):
            ref(src, ("questions", i, "quiz"), quiz_id, project.quizzes, "quiz")
            quiz = project.quizzes.get(quiz_id)
            if quiz:
                ref(src, ("questions", i, "question"), question_id, [q.id for q in quiz.questions], "question",
                    f" in quiz '{quiz_id}'")


def _languages(languages: list[str], doc: Document | None) -> list[Problem]:
    """Every language code must name a real language: it selects dates, search stemming and the reader's UI."""
    problems = []
    for i, code in enumerate(languages):
        try:
            Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            if doc:
                problems.append(doc.problem(("languages", i), f"unknown language code '{code}'",
                                            "use an ISO 639 code such as 'en', 'de', 'fr' or 'pt-BR'"))
    return problems


def _prerequisite_cycles(features: dict[str, m.Feature], docs: dict[str, Document]) -> list[Problem]:
    problems = []
    reported: set[frozenset] = set()
    for start in features.values():
        stack = [(start.id, [start.id])]
        while stack:
            current, trail = stack.pop()
            for nxt in features[current].prerequisites if current in features else []:
                if nxt == start.id and len(trail) > 1:
                    cycle = frozenset(trail)
                    if cycle not in reported:
                        reported.add(cycle)
                        problems.append(docs[start.source].problem(("prerequisites",), "prerequisites form a cycle: " + " → ".join(trail + [start.id]),
                                                                   "remove one of these prerequisites"))
                elif nxt not in trail and nxt in features:
                    stack.append((nxt, trail + [nxt]))
    return problems


def _placeholders(project: m.Project, values: list) -> list[Problem]:
    known = set(project.site.variables) | set(builtin_variables())
    problems = []
    for value, origin in values:
        for match in PLACEHOLDER.finditer(value):
            if match.group("escape") or match.group("name") in known:
                continue
            line = (origin.text_line or origin.line) + value[: match.start()].count("\n")
            problems.append(Problem(origin.path, line, origin.col, f"unknown variable '{{{{ {match.group('name')} }}}}'",
                                    did_you_mean(match.group("name"), known) or "define it under variables in catalog/site.yaml"))
    return problems


def _shown_as_text(values: list) -> list[Problem]:
    """Warnings for raw HTML and script links: the site shows them as text or disarms them, which writers should know."""
    problems = []
    for value, origin in values:
        for offset, code, message, hint in markup.findings(value):
            line = (origin.text_line or origin.line) + value[:offset].count("\n")
            problems.append(Problem(origin.path, line, origin.col, message, hint, Severity.WARNING, code))
    return problems
