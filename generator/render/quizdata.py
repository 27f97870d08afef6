"""The data the quiz runtime reads: one JSON document per quiz page.

Texts are rendered to HTML here, from text that :mod:`generator.catalog.markup` has
already made inert; the runtime additionally keeps only a few harmless tags.
The JSON is embedded by :func:`generator.render.escape.json_script`, so no text can close
its ``<script type="application/json">`` element.
"""

from __future__ import annotations

import functools
import hashlib
import re

import markdown as md

from generator.catalog import markup
from generator.catalog.model import Project, Question, QuestionType, Quiz
from generator.render import escape
from generator.render.common import scrambled
from generator.render.localize import Localizer, runtime_strings
from generator.strings import marks

#: Version of the data layout; the runtime refuses data it does not know.
DATA_VERSION = 2

#: Crockford's base 32: digits and capitals without I, L, O and U, easy to read aloud and to type.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

_P = re.compile(r"^<p>(.*)</p>$", re.S)


#: One converter, reset for every text: building a Markdown instance costs more than converting a short text.
_MARKDOWN = md.Markdown()


@functools.lru_cache(maxsize=65536)  # the same option and feedback texts recur in every language and quiz
def html(text: str, inline: bool = True) -> str:
    out = _MARKDOWN.reset().convert(escape.md_inline(text) if inline else escape.md_block(text))
    match = _P.match(out)
    return match.group(1) if inline and match else out


def _html(text: str, loc: Localizer, inline: bool = True) -> str:
    """A text as inert HTML, a part in another language than the page's in ``<span lang>`` (the runtime keeps it)."""
    return marks.to_html(html(text, inline), loc.lang)


def quiz_data(project: Project, quiz: Quiz, loc: Localizer) -> dict:
    return {"v": DATA_VERSION, "id": quiz.id, "lang": loc.lang, "title": markup.unescape(loc.text(quiz.title)), "pass": quiz.pass_mark,
            "tag": result_tags(project)[quiz.id], "questions": [_question(quiz, q, loc) for q in quiz.questions],
            "ui": runtime_strings(loc)}


def result_tags(project: Project) -> dict[str, str]:
    """Two characters per quiz that open its result codes: unique on the site, the same in every language.

    Derived from the quiz id and its questions in order, so a code from a quiz whose questions changed since
    is not read against the new questions (the class-results page calls it unknown instead). Tags are handed
    out in id order; a clash, rare with 1,024 tags, moves the later quiz on to its next candidate.
    """
    tags: dict[str, str] = {}
    for quiz in sorted(project.quizzes.values(), key=lambda q: q.id):
        for attempt in range(1024):
            seed = f"{quiz.id}|{','.join(q.id for q in quiz.questions)}|{attempt}"
            value = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:2], "big") >> 6  # 10 bits
            tag = CODE_ALPHABET[value >> 5] + CODE_ALPHABET[value & 31]
            if tag not in tags.values():
                tags[quiz.id] = tag
                break
    return tags


def _question(quiz: Quiz, q: Question, loc: Localizer) -> dict:
    data: dict = {"id": q.id, "type": q.type.value, "prompt": _html(loc.text(q.prompt), loc, inline=False),
                  "explanation": _html(loc.text(q.explanation), loc, inline=False)}
    if q.hint:
        data["hint"] = _html(loc.text(q.hint), loc)
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
