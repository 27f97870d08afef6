"""The data the quiz runtime reads: one JSON document per quiz page.

Texts are rendered to HTML here, from text that :mod:`generator.catalog.markup` has
already made inert; the runtime additionally keeps only a few harmless tags.
The JSON is embedded with ``<``, ``>`` and ``&`` escaped, so no text can close
its ``<script type="application/json">`` element.
"""

from __future__ import annotations

import functools
import json
import re

import markdown as md

from generator.catalog import markup
from generator.catalog.model import Project, Question, QuestionType, Quiz
from generator.render.common import scrambled
from generator.render.localize import Localizer, runtime_strings
from generator.strings import marks

#: Version of the data layout; the runtime refuses data it does not know.
DATA_VERSION = 1

_P = re.compile(r"^<p>(.*)</p>$", re.S)


#: One converter, reset for every text: building a Markdown instance costs more than converting a short text.
_MARKDOWN = md.Markdown()


@functools.lru_cache(maxsize=65536)  # the same option and feedback texts recur in every language and quiz
def html(text: str, inline: bool = True) -> str:
    out = _MARKDOWN.reset().convert(markup.inline(text) if inline else markup.block(text))
    match = _P.match(out)
    return match.group(1) if inline and match else out


def _html(text: str, loc: Localizer, inline: bool = True) -> str:
    """A text as inert HTML, a part in another language than the page's in ``<span lang>`` (the runtime keeps it)."""
    return marks.to_html(html(text, inline), loc.lang)


def quiz_data(project: Project, quiz: Quiz, loc: Localizer) -> dict:
    return {"v": DATA_VERSION, "id": quiz.id, "lang": loc.lang, "title": markup.unescape(loc.text(quiz.title)), "pass": quiz.pass_mark,
            "questions": [_question(quiz, q, loc) for q in quiz.questions], "ui": runtime_strings(loc)}


def _question(quiz: Quiz, q: Question, loc: Localizer) -> dict:
    data: dict = {"id": q.id, "type": q.type.value, "prompt": _html(loc.text(q.prompt), loc, inline=False),
                  "explanation": _html(loc.text(q.explanation), loc, inline=False)}
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        data["options"] = [{"id": o.id, "html": _html(loc.text(o.text), loc), "correct": o.correct,
                            "feedback": _html(loc.text(o.feedback), loc) if o.feedback else ""} for o in q.options]
    elif q.type is QuestionType.TRUE_FALSE:
        data["answer"] = bool(q.answer)
        data["options"] = [{"id": "true", "html": _html(loc.ui("quiz.answer_true"), loc), "correct": q.answer is True,
                            "feedback": _html(loc.text(q.feedback_true), loc) if q.feedback_true else ""},
                           {"id": "false", "html": _html(loc.ui("quiz.answer_false"), loc), "correct": q.answer is False,
                            "feedback": _html(loc.text(q.feedback_false), loc) if q.feedback_false else ""}]
    elif q.type is QuestionType.ORDERING:
        data["items"] = [{"id": o.id, "html": _html(loc.text(o.text), loc)} for o in q.items]
        data["start"] = [o.id for o in scrambled(f"{quiz.id}/{q.id}", q.items)]
    elif q.type is QuestionType.MATCHING:
        data["pairs"] = [{"id": pid, "left": _html(loc.text(left), loc), "right": pid} for pid, left, _ in q.pairs]
        rights = [(pid, right) for pid, _, right in q.pairs] + [(d.id, d.text) for d in q.distractors]
        data["choices"] = [{"id": cid, "html": _html(loc.text(text), loc)} for cid, text in scrambled(f"{quiz.id}/{q.id}", rights)]
    return data


def embed(data: dict, css_class: str) -> str:
    """A ``<script type="application/json">`` element that is safe for any text inside ``data``."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    payload = payload.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    payload = marks.to_json_safe(payload)  # left for the runtime, which marks them; the page's HTML fix would remove them
    return f'<script type="application/json" class="{css_class}">{payload}</script>'
