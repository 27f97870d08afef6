"""The post-go-live survey (catalog/survey.yaml): checks the schema cannot express, and the model."""

from __future__ import annotations

from generator.catalog import model as m
from generator.catalog.yamlio import Document
from generator.errors import Problem

#: Form fields the survey page sends besides the questions; no question may take their names.
RESERVED_IDS = ("survey", "language", "version", "name", "role")

#: Keys that belong to one question type only.
_ONLY = {"scale": "rating", "low": "rating", "high": "rating", "options": ("single", "multiple"), "multiline": "text"}


def check(doc: Document) -> list[Problem]:
    """Question ids not reserved; each key used by a type that has it (duplicate ids: the translation merger)."""
    problems: list[Problem] = []
    for index, question in enumerate(doc.data.get("questions") or []):
        if not isinstance(question, dict):
            continue
        qid, qtype = question.get("id"), question.get("type")
        if qid in RESERVED_IDS:
            problems.append(doc.problem(("questions", index, "id"), f"question id '{qid}' is reserved for the form's own fields",
                                        f"choose another id (reserved: {', '.join(RESERVED_IDS)})"))
        for key, types in _ONLY.items():
            allowed = (types,) if isinstance(types, str) else types
            if key in question and qtype not in allowed:
                problems.append(doc.problem(("questions", index, key),
                                            f"questions[{index + 1}]: '{key}' does not belong to a question of type '{qtype}'",
                                            f"'{key}' is for {' and '.join(allowed)} questions; remove it"))
    return problems


def build(t: dict, source: str) -> m.Survey:
    questions = [m.SurveyQuestion(
        id=q["id"], type=m.SurveyQuestionType(q["type"]), prompt=q["prompt"], help=q.get("help"), scale=q.get("scale", 5),
        low=q.get("low"), high=q.get("high"), options=[m.SurveyOption(o["id"], o["text"]) for o in q.get("options", [])],
        multiline=q.get("multiline", True)) for q in t["questions"]]
    return m.Survey(id=t["id"], title=t["title"], questions=questions, intro=t.get("intro"), thanks=t.get("thanks"), source=source,
                    phase=t.get("phase"))
