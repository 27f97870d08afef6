"""An organisation's changes to the kit, kept in its own files.

* ``catalog/overrides/features/<id>.yaml`` and ``catalog/overrides/roles/<id>.yaml`` (translations beside them)
  change one kit feature or role: a key given replaces the kit's value (``steps``, ``tips``, ``features``, …);
  the same keys under ``extend`` are appended to the kit's lists.
* ``hide`` in ``catalog/site.yaml`` removes roles, features, FAQs, quizzes, single quiz questions, scenarios,
  glossary terms, phases or the survey that do not apply. Whatever refers to a hidden item drops the reference (a
  role's feature list, related features, a guide's FAQs, questions whose "learn more" is a hidden guide, a role's
  tasks in a hidden phase, …), so hiding never breaks a link.

Overrides are applied to the loaded trees before the model is built; hiding and conditions after the
cross-reference checks, so every error is found on the complete content and located in its own file.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from pathlib import Path

from generator.catalog import adoption
from generator.catalog import model as m
from generator.catalog.conditions import Exclusions
from generator.catalog.schema import _translatable_part, source_schema
from generator.catalog.yamlio import Document
from generator.errors import Problem, Severity, did_you_mean

#: kind -> folder under catalog/overrides/
OVERRIDABLE = {"feature": "features", "role": "roles"}
OVERRIDES_DIR = "overrides"
#: What ``hide`` in site.yaml may name by id (besides ``questions`` by quiz and ``survey: true``).
HIDEABLE = ("roles", "features", "faqs", "quizzes", "scenarios", "glossary", "phases", "messages", "surveys")


@functools.cache
def override_schema(kind: str) -> dict:
    """The kind's schema with every key optional but ``id``, plus ``extend`` for its lists."""
    source = copy.deepcopy(source_schema(kind))
    lists = {k: v for k, v in source["properties"].items() if v.get("type") == "array"}
    source["required"] = ["id"]
    source.pop("if", None), source.pop("then", None), source.pop("allOf", None)
    source["properties"]["extend"] = {"type": "object", "additionalProperties": False, "minProperties": 1,
                                      "description": "Items appended to the kit's lists.", "properties": lists}
    source["title"] = f"{source['title']} (organisation override)"
    return source


@functools.cache
def override_translation_schema(kind: str) -> dict:
    schema = override_schema(kind)
    part = _translatable_part(schema, schema) or {"type": "object", "properties": {}}
    return {**part, "$defs": schema["$defs"]}


def override_files(root: Path, kind: str, languages: list[str] | None = None, problems: list[Problem] | None = None) -> list[Path]:
    """The override files of a kind; a translation without its override is reported (its text would be lost)."""
    folder = root / "catalog" / OVERRIDES_DIR / OVERRIDABLE[kind]
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.glob("*.yaml") if p.name.count(".") == 1)
    for stray in sorted(folder.glob("*.*.yaml")):
        stem, lang = stray.name.split(".")[:2]
        if problems is not None and languages and lang in languages[1:] and not (folder / f"{stem}.yaml").is_file():
            problems.append(Problem(f"catalog/{OVERRIDES_DIR}/{OVERRIDABLE[kind]}/{stray.name}", 1, 1,
                                    f"translation of an override that does not exist ({stem}.yaml)",
                                    f"to translate the kit's {kind}, move it to catalog/{OVERRIDABLE[kind]}/{stray.name}"))
    return files


def with_kit_hint(problems: list[Problem], kind: str, item_id: str) -> list[Problem]:
    """Translations beside an override translate the override's own text; the kit's text is translated elsewhere."""
    from generator.catalog.translations import UNMATCHED

    where = f"catalog/{OVERRIDABLE[kind]}/{item_id}.<language>.yaml"
    return [dataclasses.replace(p, hint=f"the kit's text is translated in {where}; here, only what the override itself says",
                                severity=Severity.ERROR)
            if p.code == UNMATCHED else p for p in problems]


def apply(trees: list[tuple[dict, str]], overrides: list[tuple[dict, str]], kind: str,
          docs: dict[str, Document], problems: list[Problem], default_language: str = "en") -> list[tuple[dict, str]]:
    """Trees with each override applied; an override of an id the kit does not have is a located error.

    A replaced text that reads as the kit's did (copied into the override to change something beside it) keeps the
    kit's translations in every language the override's own translations do not give.
    """
    by_id = {tree["id"]: n for n, (tree, _) in enumerate(trees)}
    result = list(trees)
    for override, source in overrides:
        if override["id"] not in by_id:
            hint = did_you_mean(override["id"], by_id) or f"to add a new {kind}, put it in catalog/{OVERRIDABLE[kind]}/"
            problems.append(docs[source].problem(("id",), f"there is no {kind} '{override['id']}' to override", hint))
            continue
        n = by_id[override["id"]]
        merged = dict(result[n][0])
        for key, value in override.items():
            if key == "extend":
                for name, items in value.items():
                    merged[name] = list(merged.get(name) or []) + list(items)
            elif key != "id":
                merged[key] = keep_translations(value, merged.get(key), default_language)
        result[n] = (merged, result[n][1])
    return result


def keep_translations(new: object, old: object, default_language: str) -> object:
    """``new`` with every text whose default-language string equals one of ``old``'s completed from it."""
    known: dict[str, m.Text] = {}
    for text in _texts(old):
        known.setdefault(text.values.get(default_language, ""), text)
    for text in _texts(new):
        same = known.get(text.values.get(default_language, ""))
        if same is not None:
            for lang, value in same.values.items():
                if lang not in text.values:
                    text.values[lang] = value
                    text.origins[lang] = same.origins[lang]
    return new


def _texts(value: object) -> list[m.Text]:
    if isinstance(value, m.Text):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def check_hidden(hide: dict, project: m.Project, doc: Document | None, kit_phases: list[str] | None = None) -> list[Problem]:
    """Every hidden id must exist: a typo would otherwise leave the item on the site unnoticed.

    ``kit_phases``: the kit's phases an organisation's own timeline replaced; hiding one leaves out what belongs to it.
    """
    known = {"roles": project.roles, "features": project.features, "faqs": project.faqs, "quizzes": project.quizzes,
             "scenarios": project.scenarios, "glossary": [t.id for t in project.terms],
             "phases": [p.id for p in project.phases] + list(kit_phases or []),
             "messages": project.messages, "surveys": project.surveys}
    nouns = {"faqs": "FAQ", "glossary": "glossary term"}
    problems = []

    def report(path: tuple, message: str, hint: str) -> None:
        if doc is not None:
            problems.append(doc.problem(path, message, hint))

    for key in HIDEABLE:
        for i, value in enumerate(hide.get(key, [])):
            if value not in known[key]:
                report(("hide", key, i), f"cannot hide unknown {nouns.get(key, key[:-1])} '{value}'",
                       did_you_mean(value, known[key]) or "check the id")
    for quiz_id, questions in hide.get("questions", {}).items():
        quiz = project.quizzes.get(quiz_id)
        if quiz is None:
            report(("hide", "questions", quiz_id), f"unknown quiz '{quiz_id}'", did_you_mean(quiz_id, project.quizzes) or "check the id")
            continue
        ids = [q.id for q in quiz.questions]
        for i, qid in enumerate(questions):
            if qid not in ids:
                report(("hide", "questions", quiz_id, i), f"quiz '{quiz_id}' has no question '{qid}'", did_you_mean(qid, ids) or "check the id")
    return problems


def prune(project: m.Project, hide: dict, excluded: Exclusions) -> m.Project:
    """Remove hidden and excluded items and every reference to them, consistently, everywhere."""
    project.phases = [p for p in project.phases if p.id not in set(hide.get("phases", []))]
    phases = {p.id for p in project.phases}  # a replaced kit phase the organisation did not map is gone too
    project.terms = [t for t in project.terms if t.id not in set(hide.get("glossary", []))]
    if hide.get("survey"):
        project.survey = None
    roles = {k: v for k, v in project.roles.items() if k not in set(hide.get("roles", []))}
    features = {k: v for k, v in project.features.items() if k not in set(hide.get("features", []))}
    hidden_faqs = set(hide.get("faqs", [])) | excluded.faqs
    hidden_questions = {(quiz, q) for quiz, qs in hide.get("questions", {}).items() for q in qs}

    for fid, feature in features.items():
        drop_steps = excluded.indexes("feature", fid, "steps")
        feature.steps = [s for i, s in enumerate(feature.steps) if i not in drop_steps]
        for key in ("tips", "warnings"):
            drop = excluded.indexes("feature", fid, key)
            setattr(feature, key, [t for i, t in enumerate(getattr(feature, key)) if i not in drop])
        drop_ts = excluded.indexes("feature", fid, "troubleshooting")
        feature.troubleshooting = [t for i, t in enumerate(feature.troubleshooting) if i not in drop_ts]
        feature.roles = [r for r in feature.roles if r in roles]
        feature.prerequisites = [f for f in feature.prerequisites if f in features]
        feature.related = [f for f in feature.related if f in features]
        feature.faqs = [f for f in feature.faqs if f not in hidden_faqs]

    groups = []
    for group in project.faq_groups:
        group.faqs = [f for f in group.faqs if f.id not in hidden_faqs]
        for faq in group.faqs:
            faq.phases = [p for p in faq.phases if p in phases]
            if "all" not in faq.roles:
                faq.roles = [r for r in faq.roles if r in roles]
        group.faqs = [f for f in group.faqs if f.roles]
        if group.faqs:
            groups.append(group)
    shown_faqs = {f.id for g in groups for f in g.faqs}
    for feature in features.values():
        feature.faqs = [f for f in feature.faqs if f in shown_faqs]

    quizzes = {}
    for qid, quiz in project.quizzes.items():
        if qid in set(hide.get("quizzes", [])):
            continue
        drop = excluded.indexes("quiz", qid, "questions")
        quiz.questions = [q for i, q in enumerate(quiz.questions)
                          if i not in drop and (qid, q.id) not in hidden_questions
                          and (not q.learn_more_feature or q.learn_more_feature in features)]
        for q in quiz.questions:  # a section that conditions emptied: link to the guide itself
            target = features.get(q.learn_more_feature)
            if target and q.learn_more_section and q.learn_more_section not in m.guide_sections(target):
                q.learn_more = target.id
        quiz.roles = [r for r in quiz.roles if r in roles]
        if quiz.questions and quiz.roles:
            quizzes[qid] = quiz

    for rid, role in roles.items():
        drop = excluded.indexes("role", rid, "features")
        role.features = [f for i, f in enumerate(role.features) if i not in drop and f in features]
        role.tasks = {phase: tasks for phase, tasks in role.tasks.items() if phase in phases}
        if role.quiz not in quizzes:
            role.quiz = None

    scenarios = getattr(project, "scenarios", None)
    if scenarios:
        kept = {}
        for sid, scenario in scenarios.items():
            if sid in set(hide.get("scenarios", [])) or scenario.phase not in phases:
                continue
            scenario.roles = [r for r in scenario.roles if r in roles]
            for step in scenario.steps:
                if step.feature and step.feature not in features:
                    step.feature = None
            scenario.questions = [(quiz, q) for quiz, q in scenario.questions
                                  if quiz in quizzes and any(x.id == q for x in quizzes[quiz].questions)]
            if scenario.roles:
                kept[sid] = scenario
        project.scenarios = kept
        for quiz in quizzes.values():  # "learn more" on a scenario that went
            quiz.questions = [q for q in quiz.questions if not getattr(q, "learn_more_scenario", "") or q.learn_more_scenario in kept]
        quizzes = {qid: quiz for qid, quiz in quizzes.items() if quiz.questions}
        for role in roles.values():
            if role.quiz not in quizzes:
                role.quiz = None

    project.roles, project.features, project.faq_groups, project.quizzes = roles, features, groups, quizzes
    _prune_messages(project, hide)
    adoption.prune(project)
    return project


def _prune_messages(project: m.Project, hide: dict) -> None:
    """Hidden surveys and messages leave; a hidden role leaves audiences and sessions (a message left with no
    audience goes too), and a link to a hidden survey is dropped."""
    project.surveys = {k: v for k, v in project.surveys.items() if k not in set(hide.get("surveys", []))}
    for key, attribute in (("day_one", "day_one"), ("retired", "retired"), ("champions", "champions")):
        if hide.get(key):
            setattr(project, attribute, None)
    surveys = {s.id for s in project.all_surveys}
    kept = {}
    for mid, message in project.messages.items():
        if mid in set(hide.get("messages", [])):
            continue
        message.audience = [r for r in message.audience if r == "all" or r in project.roles]
        for session in message.sessions:
            session.roles = [r for r in session.roles if r == "all" or r in project.roles]
        message.sessions = [s for s in message.sessions if s.roles]
        if message.survey not in surveys:
            message.survey = None
        if message.audience:
            kept[mid] = message
    project.messages = kept


def emptied(project: m.Project, docs: dict[str, Document]) -> list[Problem]:
    """A feature whose conditions leave no step would be an empty guide: say so where it is defined."""
    return [docs[f.source].problem(("steps",), f"no step of feature '{f.id}' applies to this organisation's facts",
                                   "add a step without a condition, or hide the feature")
            for f in project.features.values() if not f.steps and f.source in docs]
