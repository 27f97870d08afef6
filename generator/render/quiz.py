"""Quiz pages as accessible static markup: questions readable, answers in a collapsible block.

The interactive runtime enhances this markup; without JavaScript it is the quiz.
"""

from __future__ import annotations

import hashlib

from .. import markup
from ..localize import Localizer
from ..model import Option, Project, Question, QuestionType, Quiz
from .common import QUIZZES_INDEX, Page, feature_link, heading, link, quiz_path, role_links


def scrambled(seed: str, items: list) -> list:
    """A stable order that is never the given (correct) order, so the page does not give the answer away."""
    keyed = sorted(items, key=lambda item: hashlib.sha256(f"{seed}:{_key(item)}".encode()).hexdigest())
    if len(keyed) > 1 and keyed == list(items):
        keyed = keyed[1:] + keyed[:1]
    return keyed


def _key(item) -> str:
    return item.id if isinstance(item, Option) else str(item[0])


def render_quiz(project: Project, quiz: Quiz, loc: Localizer) -> Page:
    path = quiz_path(quiz.id)
    body: list[str] = []
    if quiz.description:
        body += [markup.block(loc.text(quiz.description)), ""]
    body += [" · ".join([loc.ui("quiz.questions", count=len(quiz.questions)), loc.ui("quiz.pass_mark", percent=quiz.pass_mark),
                         f"{loc.ui('quiz.for_roles')}: {role_links(project, quiz.roles, path, loc)}"]), ""]
    for number, question in enumerate(quiz.questions, 1):
        body += _question(project, quiz, question, number, path, loc)
    return Page(path, loc.text(quiz.title), body, quiz.source)


def _question(project: Project, quiz: Quiz, q: Question, number: int, path: str, loc: Localizer) -> list[str]:
    lines = [heading(2, loc.ui("quiz.question", number=number), f"q-{q.id}"), "", markup.block(loc.text(q.prompt)), ""]
    answer: list[str] = []
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        hint = "quiz.select_one" if q.type is QuestionType.SINGLE else "quiz.select_many"
        lines += [f"*{loc.ui(hint)}*", ""]
        lines += [f"- {markup.inline(loc.text(o.text))}" for o in q.options] + [""]
        for o in q.options:
            verdict = loc.ui("quiz.correct" if o.correct else "quiz.incorrect")
            entry = f"- **{markup.inline(loc.text(o.text))}**: {verdict}"
            if o.feedback:
                entry += f". {markup.inline(loc.text(o.feedback))}"
            answer.append(entry)
    elif q.type is QuestionType.TRUE_FALSE:
        lines += [f"*{loc.ui('quiz.statement')}*", ""]
        right = loc.ui("quiz.answer_true" if q.answer else "quiz.answer_false")
        answer.append(f"**{loc.ui('quiz.correct_answer')}:** {right}")
        for value, feedback in ((True, q.feedback_true), (False, q.feedback_false)):
            if feedback:
                label = loc.ui("quiz.answer_true" if value else "quiz.answer_false")
                answer += ["", f"- **{label}**: {markup.inline(loc.text(feedback))}"]
    elif q.type is QuestionType.ORDERING:
        lines += [f"*{loc.ui('quiz.order_hint')}*", ""]
        lines += [f"- {markup.inline(loc.text(o.text))}" for o in scrambled(f"{quiz.id}/{q.id}", q.items)] + [""]
        answer.append(f"**{loc.ui('quiz.correct_answer')}:**")
        answer += [""] + [f"{i}. {markup.inline(loc.text(o.text))}" for i, o in enumerate(q.items, 1)]
    elif q.type is QuestionType.MATCHING:
        lines += [f"*{loc.ui('quiz.match_hint')}*", ""]
        lines += [f"- {markup.inline(loc.text(left))}" for _, left, _ in q.pairs] + [""]
        rights = [(pid, right) for pid, _, right in q.pairs] + [(d.id, d.text) for d in q.distractors]
        lines += [f"**{loc.ui('quiz.choices')}:** " + " · ".join(markup.inline(loc.text(r)) for _, r in
                                                                  scrambled(f"{quiz.id}/{q.id}", rights)), ""]
        answer.append(f"**{loc.ui('quiz.correct_answer')}:**")
        answer += [""] + [f"- {markup.inline(loc.text(left))} → {markup.inline(loc.text(right))}" for _, left, right in q.pairs]
    section = q.learn_more_section
    learn = feature_link(project, q.learn_more_feature, path, loc, section)
    answer += ["", f"**{loc.ui('quiz.explanation')}:** {markup.inline(loc.text(q.explanation))}", "",
               loc.ui("quiz.learn_more", title=learn)]
    lines += [f'??? success "{markup.quoted(loc.ui("quiz.show_answer"))}"', ""]
    lines += [markup.indent(line) if line else "" for line in answer] + [""]
    return lines


def render_quizzes_index(project: Project, loc: Localizer) -> Page:
    body = [loc.ui("quiz.index_intro"), ""]
    for quiz in project.quizzes.values():
        body.append(f"- **[{markup.inline(loc.text(quiz.title))}]({link(QUIZZES_INDEX, quiz_path(quiz.id))})**: "
                    f"{loc.ui('quiz.questions', count=len(quiz.questions))} · {role_links(project, quiz.roles, QUIZZES_INDEX, loc)}")
    return Page(QUIZZES_INDEX, loc.ui("quiz.index_title"), body + [""], "quizzes/")
