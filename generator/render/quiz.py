"""Quiz pages as accessible static markup: questions readable, answers in a collapsible block.

The interactive runtime enhances this markup; without JavaScript it is the quiz.
"""

from __future__ import annotations

import html as html_module
import re

from generator.catalog import markup
from generator.catalog.model import Project, Question, QuestionType, Quiz
from generator.render import escape
from generator.render.common import (
    PROGRESS,
    QUIZZES_INDEX,
    RESULTS,
    Page,
    feature_link,
    heading,
    link,
    quiz_path,
    role_links,
    scenario_path,
    scrambled,
)
from generator.render.localize import Localizer, runtime_strings
from generator.render.quizdata import html, quiz_data


def render_quiz(project: Project, quiz: Quiz, loc: Localizer) -> Page:
    """The quiz as static markup (the no-JavaScript quiz and the print handout), plus the runtime's data."""
    path = quiz_path(quiz.id)
    body: list[str] = []
    if quiz.description:
        body += [escape.md_block(loc.text(quiz.description)), ""]
    body += [" · ".join([loc.ui("quiz.questions", count=len(quiz.questions)), loc.ui("quiz.pass_mark", percent=quiz.pass_mark),
                         f"{loc.ui('quiz.for_roles')}: {role_links(project, quiz.roles, path, loc)}"]), ""]
    body += [escape.json_script(quiz_data(project, quiz, loc), "cq-data"), "", f'<div class="cq-mount" data-quiz="{quiz.id}"></div>', "",
             '<div class="cq-static" markdown="1">', ""]
    for number, question in enumerate(quiz.questions, 1):
        body += _question(project, quiz, question, number, path, loc)
    body += ["</div>", ""]
    return Page(path, loc.text(quiz.title), body, quiz.source, hide_toc=True)


def _question(project: Project, quiz: Quiz, q: Question, number: int, path: str, loc: Localizer) -> list[str]:
    lines = [heading(2, loc.ui("quiz.question", number=number), f"q-{q.id}"), "", escape.md_block(loc.text(q.prompt)), ""]
    answer: list[str] = []
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        hint = "quiz.select_one" if q.type is QuestionType.SINGLE else "quiz.select_many"
        lines += [f"*{loc.ui(hint)}*", ""]
        lines += [f"- {escape.md_inline(loc.text(o.text))}" for o in q.options] + [""]
        for o in q.options:
            verdict = loc.ui("quiz.correct" if o.correct else "quiz.incorrect")
            entry = f"- **{escape.md_inline(loc.text(o.text))}**: {verdict}"
            if o.feedback:
                entry += f". {escape.md_inline(loc.text(o.feedback))}"
            answer.append(entry)
    elif q.type is QuestionType.TRUE_FALSE:
        lines += [f"*{loc.ui('quiz.statement')}*", ""]
        right = loc.ui("quiz.answer_true" if q.answer else "quiz.answer_false")
        answer.append(f"**{loc.ui('quiz.correct_answer')}:** {right}")
        for value, feedback in ((True, q.feedback_true), (False, q.feedback_false)):
            if feedback:
                label = loc.ui("quiz.answer_true" if value else "quiz.answer_false")
                answer += ["", f"- **{label}**: {escape.md_inline(loc.text(feedback))}"]
    elif q.type is QuestionType.ORDERING:
        lines += [f"*{loc.ui('quiz.order_hint')}*", ""]
        lines += [f"- {escape.md_inline(loc.text(o.text))}" for o in scrambled(f"{quiz.id}/{q.id}", q.items)] + [""]
        answer.append(f"**{loc.ui('quiz.correct_answer')}:**")
        answer += [""] + [f"{i}. {escape.md_inline(loc.text(o.text))}" for i, o in enumerate(q.items, 1)]
    elif q.type is QuestionType.MATCHING:
        lines += [f"*{loc.ui('quiz.match_hint')}*", ""]
        lines += [f"- {escape.md_inline(loc.text(left))}" for _, left, _ in q.pairs] + [""]
        rights = [(pid, right) for pid, _, right in q.pairs] + [(d.id, d.text) for d in q.distractors]
        lines += [f"**{loc.ui('quiz.choices')}:** " + " · ".join(escape.md_inline(loc.text(r)) for _, r in
                                                                  scrambled(f"{quiz.id}/{q.id}", rights)), ""]
        answer.append(f"**{loc.ui('quiz.correct_answer')}:**")
        answer += [""] + [f"- {escape.md_inline(loc.text(left))} → {escape.md_inline(loc.text(right))}" for _, left, right in q.pairs]
    if q.learn_more_scenario:
        scenario = project.scenarios[q.learn_more_scenario]
        learn = f"[{escape.md_inline(loc.text(scenario.title))}]({link(path, scenario_path(scenario.id))})"
    else:
        learn = feature_link(project, q.learn_more_feature, path, loc, q.learn_more_section)
    learn += f'{{ .cq-learn data-q="{q.id}" }}'
    answer += ["", f"**{loc.ui('quiz.explanation')}:** {escape.md_inline(loc.text(q.explanation))}", "",
               loc.ui("quiz.learn_more", title=learn)]
    lines += [f'??? success "{escape.md_title(loc.ui("quiz.show_answer"))}"', ""]
    lines += [markup.indent(line) if line else "" for line in answer] + [""]
    return lines


def render_quizzes_index(project: Project, loc: Localizer) -> Page:
    body = [loc.ui("quiz.index_intro"), ""]
    for quiz in project.quizzes.values():
        body.append(f"- **[{escape.md_inline(loc.text(quiz.title))}]({link(QUIZZES_INDEX, quiz_path(quiz.id))})**: "
                    f"{loc.ui('quiz.questions', count=len(quiz.questions))} · {role_links(project, quiz.roles, QUIZZES_INDEX, loc)}")
    return Page(QUIZZES_INDEX, loc.ui("quiz.index_title"), body + [""], "quizzes/")


def render_progress(project: Project, loc: Localizer) -> Page:
    """"My progress": every quiz with the reader's best score and pass state (filled in by the runtime)."""
    body = [loc.ui("quiz.progress_intro"), "", escape.json_script({"ui": runtime_strings(loc)}, "cq-progress-data"), "",
            '<div class="cq-progress" markdown="1">', ""]
    body += [f"- [{escape.md_inline(loc.text(q.title))}]({link(PROGRESS, quiz_path(q.id))}){{ .cq-progress-link data-quiz=\"{q.id}\" }}"
             for q in project.quizzes.values()]
    body += ["", "</div>", "", f"*{loc.ui('quiz.progress_private')}*", ""]
    return Page(PROGRESS, loc.ui("quiz.progress_title"), body, "quizzes/", hide_toc=True)


def render_results(project: Project, loc: Localizer) -> Page:
    """The trainer's page: pasted result codes are tallied per question into a class summary."""
    quizzes = {q.id: {"title": markup.unescape(loc.text(q.title)),
                      "questions": [{"id": x.id, "text": _plain(html(loc.text(x.prompt)))} for x in q.questions]}
               for q in project.quizzes.values()}
    body = [escape.md_block(loc.ui("quiz.results_intro")), "",
            escape.json_script({"ui": runtime_strings(loc), "quizzes": quizzes}, "cq-results-data"), "",
            '<div class="cq-results"></div>', "", f"*{loc.ui('quiz.results_nojs')}*", ""]
    return Page(RESULTS, loc.ui("quiz.results_title"), body, "quizzes/", hide_toc=True)


def _plain(text: str) -> str:
    return html_module.unescape(re.sub(r"<[^>]+>", "", text))
