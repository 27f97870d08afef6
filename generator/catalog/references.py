"""Cross-reference checks: every id a definition names must exist, and make sense."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from babel import Locale, UnknownLocaleError

from generator.catalog import markup
from generator.catalog import model as m
from generator.catalog.model import guide_sections
from generator.catalog.variables import PLACEHOLDER, builtin_variables, form_problem, unclosed
from generator.catalog.yamlio import DataPath, Document
from generator.errors import Problem, Severity, did_you_mean


@dataclass(frozen=True)
class Unchecked:
    """What the reference checks leave alone: items that will not be shown (hidden by the organisation, or of kit
    content it does not take), and kit phases its own timeline replaced (:mod:`generator.org.structure` reports
    those once per phase, in the organisation's own file, instead of once per kit file it cannot edit)."""

    hidden: dict[str, frozenset[str]] = field(default_factory=dict)  #: roles, features, faqs, quizzes, scenarios -> ids
    kit_phases: frozenset[str] = frozenset()

    @classmethod
    def of(cls, hide: dict, kit_phases: set[str]) -> "Unchecked":
        kinds = ("roles", "features", "faqs", "quizzes", "scenarios")
        return cls({k: frozenset(hide.get(k, [])) for k in kinds}, frozenset(kit_phases))

    def skips(self, kind: str, item_id: str) -> bool:
        return item_id in self.hidden.get(kind, ())


def check_references(project: m.Project, docs: dict[str, Document], unchecked: Unchecked = Unchecked(),
                     left_out: dict[str, set[str] | None] | None = None, unchecked_docs: Iterable[Document] = ()) -> list[Problem]:
    """Problems of references and text. ``unchecked``: items that will not be shown, left alone. ``left_out``: ids
    (by kind) of items whose file has errors of its own: a reference to them is not unknown. ``unchecked_docs``:
    those files, whose text is checked all the same."""
    left_out = left_out or {}
    problems: list[Problem] = []
    roles, features, quizzes = project.roles, project.features, project.quizzes
    phases = [p.id for p in project.phases]
    categories = [c.id for c in project.site.categories]
    faqs = project.faqs

    def ref(source: str, path: DataPath, value: str, known: Iterable[str], kind: str, extra: str = "") -> None:
        known = list(known)
        if kind == "phase" and value in unchecked.kit_phases and source.startswith("kit:"):
            return
        if kind in left_out and (left_out[kind] is None or value in left_out[kind]):
            return  # its own file has errors: the reference is judged once the file is right
        if value not in known:
            hint = did_you_mean(value, known) or (f"known {kind} ids: {', '.join(sorted(known)[:12])}" if known else f"no {kind} is defined yet")
            problems.append(docs[source].problem(path, f"unknown {kind} '{value}'{extra}", hint))

    # Duplicate ids inside one list (phases, terms, questions, options, …) are found while merging translations.
    problems += _languages(project.site.languages, docs.get(project.site.source))

    for role in roles.values():
        if unchecked.skips("roles", role.id):
            continue
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
            if unchecked.skips("faqs", faq.id):
                continue
            for j, rid in enumerate(faq.roles):
                if rid != "all":
                    ref(group.source, ("faqs", i, "roles", j), rid, roles, "role", " (or 'all')")
            for j, pid in enumerate(faq.phases):
                ref(group.source, ("faqs", i, "phases", j), pid, phases, "phase")

    for feature in features.values():
        if unchecked.skips("features", feature.id):
            continue
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
                devices = ", ".join(d.id for d in project.site.devices)
                problems.append(docs[src].problem(("steps", i), "step has no text", f"add text or a device key ({devices})"))
            for device in step.variants:
                if device not in feature.platforms and device in {d.id for d in project.site.devices}:
                    problems.append(docs[src].problem(("steps", i, device), f"step names device '{device}', which is not in platforms",
                                                      "add it to platforms or remove the step text"))
    problems += _prerequisite_cycles(features, docs)

    for quiz in quizzes.values():
        if unchecked.skips("quizzes", quiz.id):
            continue
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
            problems += _look_alike(q)

    _scenario_references(project, ref, unchecked)
    values = list(_model_values(project)) + list(document_values(unchecked_docs))
    problems += _placeholders(project, values)
    problems += _shown_as_text(values)
    return problems


def _model_values(project: m.Project):
    """(value, origin, language) of every text of the model in every language."""
    for text in project.texts():
        for lang, value in text.values.items():
            yield value, text.origins[lang], lang


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
    """(value, origin, None) of every string in files left out of the model (their language is not judged)."""
    return ((value, origin, None) for _, value, origin in document_strings(documents))


def _value_at(data, path: DataPath):
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


_TODO = re.compile(r"^\s*TODO\b")


def _look_alike(q: m.Question) -> list[Problem]:
    """Two answers a learner cannot tell apart (in any language): two identical rows of a matching question, two
    identical choices in its menu, options or items that read the same. Which one is right would be a guess."""
    groups: list[tuple[str, list[tuple[str, m.Text]]]] = [
        ("option", [(o.id, o.text) for o in q.options]), ("item", [(o.id, o.text) for o in q.items]),
        ("pair", [(pid, left) for pid, left, _ in q.pairs]),
        ("answer", [(pid, right) for pid, _, right in q.pairs] + [(d.id, d.text) for d in q.distractors])]
    problems = []
    for noun, entries in groups:
        for lang in sorted({lang for _, text in entries for lang in text.values}):
            seen: dict[str, str] = {}
            for entry_id, text in entries:
                if lang not in text.values or _TODO.match(text.values[lang]):  # cutover new's placeholders: check asks for them
                    continue
                same = " ".join(text.values[lang].casefold().split())
                if same in seen:
                    origin = text.origins[lang]
                    where = "on the left" if noun == "pair" else "in the menu" if noun == "answer" else ""
                    problems.append(Problem(origin.path, origin.text_line or origin.line, origin.col,
                                            f"{noun} '{entry_id}' reads the same as '{seen[same]}'{' ' + where if where else ''}: "
                                            "learners cannot tell them apart", "make each text distinct, or remove one"))
                else:
                    seen[same] = entry_id
    return problems


def _scenario_references(project: m.Project, ref: Callable[..., None], unchecked: Unchecked) -> None:
    """Roles, phase, guides and quiz questions a scenario names must exist; ``ref`` reports what does not."""
    phases = [p.id for p in project.phases]
    for scenario in project.scenarios.values():
        if unchecked.skips("scenarios", scenario.id):
            continue
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
    """The cycles of prerequisites: in catalogue order, for each feature in a tangle (a strongly connected component
    of more than one feature) that no cycle reported so far passes through, the shortest cycle through it.
    Linear in features and prerequisites when there is no cycle; following every path from every feature took
    minutes for thousands of features."""
    graph = {fid: [n for n in feature.prerequisites if n in features and n != fid] for fid, feature in features.items()}
    tangle = {fid: component for component in _strongly_connected(graph) if len(component) > 1 for fid in component}
    problems = []
    shown: set[str] = set()  # a feature on a reported cycle: its own shortest cycle may be that one (one search per problem)
    for start in features.values():
        if start.id not in tangle or start.id in shown:
            continue
        trail = _shortest_cycle(graph, start.id, tangle[start.id])
        shown.update(trail)
        problems.append(docs[start.source].problem(("prerequisites",), "prerequisites form a cycle: " + " → ".join(trail + [start.id]),
                                                   "remove one of these prerequisites"))
    return problems


def _strongly_connected(graph: dict[str, list[str]]) -> list[frozenset[str]]:
    """Tarjan's strongly connected components, without recursion (a chain of thousands of prerequisites)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(frozenset(component))
    return components


def _shortest_cycle(graph: dict[str, list[str]], start: str, within: frozenset[str]) -> list[str]:
    """The shortest path from ``start`` back to it inside its component (breadth first), without the last step."""
    came_from = {start: None}
    queue = [start]
    for node in queue:
        for nxt in graph[node]:
            if nxt == start:
                trail = [node]
                while came_from[trail[-1]] is not None:
                    trail.append(came_from[trail[-1]])
                return trail[::-1]
            if nxt in within and nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return [start]  # unreachable: every feature of a component lies on a cycle


def _placeholders(project: m.Project, values: list) -> list[Problem]:
    """Unknown variables, placeholders that never close, and grammatical forms the text's language does not define."""
    site = project.site
    known = set(site.variables) | set(builtin_variables())
    problems = []
    for value, origin, lang in values:
        for match in PLACEHOLDER.finditer(value):
            if match.group("escape"):
                continue
            name, form = match.group("name"), match.group("form")
            if name in known and (not form or lang is None):
                continue
            found = (form_problem(site.variables, name, form, lang, site.default_language) if name in known else
                     (f"unknown variable '{{{{ {name} }}}}'", did_you_mean(name, known) or "define it under variables in catalog/site.yaml"))
            if found:
                line = (origin.text_line or origin.line) + value[: match.start()].count("\n")
                problems.append(Problem(origin.path, line, origin.col, *found))
        for offset, message, hint in unclosed(value):
            problems.append(Problem(origin.path, (origin.text_line or origin.line) + value[:offset].count("\n"),
                                    origin.col, message, hint))
    return problems


def _shown_as_text(values: list) -> list[Problem]:
    """Warnings for raw HTML and script links: the site shows them as text or disarms them, which writers should know."""
    problems = []
    for value, origin, _ in values:
        for offset, code, message, hint in markup.findings(value):
            line = (origin.text_line or origin.line) + value[:offset].count("\n")
            problems.append(Problem(origin.path, line, origin.col, message, hint, Severity.WARNING, code))
    return problems
