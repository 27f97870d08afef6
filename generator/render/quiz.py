"""Quiz pages as accessible static markup, for learners and for trainers.

A learner's quiz page is a worksheet: every question with lettered answer boxes (○ for one answer, □ for
several, blanks for matching and ordering), its hint and its answer in collapsible blocks. The interactive
runtime enhances it; without JavaScript, and on paper, it is the quiz. A trainer's answer-key page shows the same
worksheet filled in (every box marked, feedback beside each answer, the explanation) and carries the trainer's
tools: the presenter view and printing handouts and keys.
"""

from __future__ import annotations

import html as html_module
import re

from generator.catalog import markup
from generator.catalog.model import Project, Question, QuestionType, Quiz
from generator.render import escape
from generator.render.common import (
    HOME,
    PROGRESS,
    QUIZZES_INDEX,
    RESULTS,
    TRAINERS_INDEX,
    Page,
    feature_link,
    heading,
    key_path,
    link,
    quiz_path,
    role_links,
    role_path,
    scenario_path,
    scrambled,
)
from generator.render.localize import Localizer, runtime_strings
from generator.render.quizdata import html, quiz_data, result_tags

_BOX = '<span class="cq-box" aria-hidden="true">{}</span>'


def letter(index: int) -> str:
    """A, B, C … for the index of an option: the label a learner writes, says or raises a hand for."""
    return chr(ord("A") + index)


def render_quiz(project: Project, quiz: Quiz, loc: Localizer) -> Page:
    """The learner's page: the worksheet (the no-JavaScript quiz and the printed handout), plus the runtime's data."""
    path = quiz_path(quiz.id)
    body = _intro(project, quiz, path, loc)
    body += [escape.json_script(quiz_data(project, quiz, loc), "cq-data"), "", f'<div class="cq-mount" data-quiz="{quiz.id}"></div>', ""]
    body += _sheet(project, quiz, path, loc, key=False)
    return Page(path, loc.text(quiz.title), body, quiz.source, hide_toc=True)


def render_key(project: Project, quiz: Quiz, loc: Localizer) -> Page:
    """The trainer's page of one quiz: the worksheet filled in, the presenter and printing handouts and keys."""
    path = key_path(quiz.id)
    body = ['<div class="cq-key-intro" markdown="1">', "", loc.ui("quiz.key_intro"), "",
            loc.ui("quiz.key_learners", quiz=f"[{escape.md_inline(loc.text(quiz.title))}]({link(path, quiz_path(quiz.id))})"), "", "</div>", ""]
    body += _intro(project, quiz, path, loc)
    body += [escape.json_script(quiz_data(project, quiz, loc), "cq-data"), "", f'<div class="cq-trainer" data-quiz="{quiz.id}"></div>', ""]
    body += _sheet(project, quiz, path, loc, key=True)
    return Page(path, loc.ui("quiz.key_title", quiz=loc.text(quiz.title)), body, quiz.source, hide_toc=True)


def _intro(project: Project, quiz: Quiz, path: str, loc: Localizer) -> list[str]:
    body: list[str] = []
    if quiz.description:
        body += [escape.md_block(loc.text(quiz.description)), ""]
    return body + [" · ".join([loc.ui("quiz.questions", count=len(quiz.questions)), loc.ui("quiz.pass_mark", percent=quiz.pass_mark),
                               f"{loc.ui('quiz.for_roles')}: {role_links(project, quiz.roles, path, loc)}"]), ""]


def _sheet(project: Project, quiz: Quiz, path: str, loc: Localizer, key: bool) -> list[str]:
    """Every question as a worksheet; ``key`` fills it in. The name and date line shows on paper only."""
    lines = [f'<div class="cq-static{" cq-static--key" if key else ""}" markdown="1">', "",
             f'<p class="cq-sheet-name">{html_module.escape(loc.ui("quiz.name"))}: <span class="cq-blank"></span> '
             f'{html_module.escape(loc.ui("quiz.date"))}: <span class="cq-blank cq-blank--short"></span></p>', ""]
    for number, question in enumerate(quiz.questions, 1):
        lines += _question(project, quiz, question, number, path, loc, key)
    return lines + ["</div>", ""]


def _question(project: Project, quiz: Quiz, q: Question, number: int, path: str, loc: Localizer, key: bool) -> list[str]:
    """One question: prompt, instruction, the answer area, the hint, and the answer (collapsed, or shown on a key)."""
    lines = ['<section class="cq-sheet-question" markdown="1">', "",
             heading(2, loc.ui("quiz.question", number=number), f"q-{q.id}"), "", escape.md_block(loc.text(q.prompt)), ""]
    seed = f"{quiz.id}/{q.id}"
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE):
        instruction = {QuestionType.SINGLE: "quiz.select_one", QuestionType.MULTIPLE: "quiz.select_many",
                       QuestionType.TRUE_FALSE: "quiz.statement"}[q.type]
        lines += [f"*{loc.ui(instruction)}*", ""] + _choice_sheet(q, loc, key)
    elif q.type is QuestionType.ORDERING:
        position = {item.id: i for i, item in enumerate(q.items, 1)}
        lines += [f"*{loc.ui('quiz.order_hint')}*", "", '<ul class="cq-sheet cq-sheet--order" markdown="1">']
        lines += [f'<li markdown="span">{_BOX.format(_fill(position[item.id]) if key else "")} {_text(loc.text(item.text))}</li>'
                  for item in scrambled(seed, q.items)]
        lines += ["</ul>", ""]
    else:
        choices = _choices(quiz, q)
        letters = {cid: letter(i) for i, (cid, _) in enumerate(choices)}
        lines += [f"*{loc.ui('quiz.match_hint')}*", "", '<div class="cq-sheet-match" markdown="1">',
                  '<ol class="cq-sheet cq-sheet--left" markdown="1">']
        lines += [f'<li markdown="span">{_text(loc.text(left))}<span class="cq-leader"></span>{_BOX.format(_fill(letters[pid]) if key else "")}</li>'
                  for pid, left, _ in q.pairs]
        lines += ["</ol>", f'<ul class="cq-sheet cq-sheet--choices" aria-label="{html_module.escape(loc.ui("quiz.choices"))}" markdown="1">']
        lines += [f'<li markdown="span"><span class="cq-letter">{letters[cid]}</span> {_text(loc.text(text))}</li>'
                  for cid, text in choices]
        lines += ["</ul>", "</div>", ""]
    if q.hint:
        hint = escape.md_inline(loc.text(q.hint))
        lines += [f"**{loc.ui('quiz.hint')}:** {hint}", ""] if key else [f'??? tip "{escape.md_title(loc.ui("quiz.hint"))}"', "",
                                                                          markup.indent(hint), ""]
    answer = _answer(project, quiz, q, path, loc, key)
    if key:
        lines += ['<div class="cq-key-answer" markdown="1">', ""] + answer + ["</div>", ""]
    else:
        lines += [f'??? success "{escape.md_title(loc.ui("quiz.show_answer"))}"', ""]
        lines += [markup.indent(line) if line else "" for line in answer] + [""]
    return lines + ["</section>", ""]


def _text(text: str) -> str:
    """An option's or item's text in one element: the sheet's list items are flex rows, where every bare text run and
    inline element (a glossary term, a bold word) would otherwise become an item of its own and break the line."""
    return f'<span class="cq-text">{escape.md_inline(text)}</span>'


def _fill(value: object) -> str:
    """What a key writes into a box; hidden again when a handout is printed from the key page."""
    return f'<span class="cq-fill">{value}</span>'


def _options(q: Question, loc: Localizer) -> list[tuple[str, bool, str]]:
    """(text, correct, feedback) of each option of a choice question, true/false as two options."""
    if q.type is QuestionType.TRUE_FALSE:
        return [(loc.ui("quiz.answer_true"), q.answer is True, loc.text(q.feedback_true)),
                (loc.ui("quiz.answer_false"), q.answer is False, loc.text(q.feedback_false))]
    return [(loc.text(o.text), o.correct, loc.text(o.feedback)) for o in q.options]


def _choice_sheet(q: Question, loc: Localizer, key: bool) -> list[str]:
    """Lettered options with a box each: a circle when one answer is right, a square when several may be.

    On a key the right boxes carry a tick and every option its feedback, on a line of its own.
    """
    shape = "multiple" if q.type is QuestionType.MULTIPLE else "single"
    lines = [f'<ul class="cq-sheet cq-sheet--{shape}" markdown="1">']
    for i, (text, correct, feedback) in enumerate(_options(q, loc)):
        box = _BOX.format(_fill("✓") if key and correct else "")
        note = f' <span class="cq-note">{escape.md_inline(feedback)}</span>' if key and feedback else ""
        state = f' class="cq-{"right" if correct else "wrong"}"' if key else ""
        lines.append(f'<li{state} markdown="span">{box}<span class="cq-letter">{letter(i)}</span> {_text(text)}{note}</li>')
    return lines + ["</ul>", ""]


def _mark(correct: bool, loc: Localizer) -> str:
    """✓ or ✗ with its meaning for screen readers: the verdict is never glued to the option's words."""
    word = html_module.escape(loc.ui("runtime.correct" if correct else "runtime.incorrect"))
    return f'<span class="cq-mark cq-mark--{"right" if correct else "wrong"}" role="img" aria-label="{word}">{"✓" if correct else "✗"}</span>'


def _choices(quiz: Quiz, q: Question) -> list:
    """A matching question's choices, (id, text), in the order the page, the handout and the runtime letter them."""
    return scrambled(f"{quiz.id}/{q.id}", [(pid, right) for pid, _, right in q.pairs] + [(d.id, d.text) for d in q.distractors])


def _answer(project: Project, quiz: Quiz, q: Question, path: str, loc: Localizer, key: bool) -> list[str]:
    """The answer: what is right, each option's feedback on a line of its own, the explanation and where to learn more."""
    lines: list[str] = []
    if q.options or q.type is QuestionType.TRUE_FALSE:
        options = _options(q, loc)
        right = [f"{letter(i)} ({escape.md_inline(text)})" if q.type is QuestionType.TRUE_FALSE else letter(i)
                 for i, (text, correct, _) in enumerate(options) if correct]
        label = "quiz.correct_answers" if len(right) > 1 else "quiz.correct_answer"
        lines += [f"**{loc.ui(label)}:** {', '.join(right)}", ""]
        if not key:  # a key shows each option's feedback beside the option itself
            for i, (text, correct, feedback) in enumerate(options):
                lines.append(f"- {_mark(correct, loc)} **{letter(i)}** {escape.md_inline(text)}")
                if feedback:
                    lines += ["", f"    {escape.md_inline(feedback)}", ""]
            lines.append("")
    elif not key and q.type is QuestionType.ORDERING:
        lines += [f"**{loc.ui('quiz.correct_order')}:**", ""]
        lines += [f"{i}. {escape.md_inline(loc.text(item.text))}" for i, item in enumerate(q.items, 1)] + [""]
    elif not key:
        lines += [f"**{loc.ui('quiz.correct_pairs')}:**", ""]
        letters = {cid: letter(i) for i, (cid, _) in enumerate(_choices(quiz, q))}
        lines += [f"- {escape.md_inline(loc.text(left))} → **{letters[pid]}** {escape.md_inline(loc.text(right))}" for pid, left, right in q.pairs] + [""]
    if q.learn_more_scenario:
        scenario = project.scenarios[q.learn_more_scenario]
        learn = f"[{escape.md_inline(loc.text(scenario.title))}]({link(path, scenario_path(scenario.id))})"
    else:
        learn = feature_link(project, q.learn_more_feature, path, loc, q.learn_more_section)
    learn += f'{{ .cq-learn data-q="{q.id}" }}'
    return lines + [f"**{loc.ui('quiz.explanation')}:** {escape.md_inline(loc.text(q.explanation))}", "",
                    loc.ui("quiz.learn_more", title=learn), ""]


def render_quizzes_index(project: Project, loc: Localizer) -> Page:
    body = [loc.ui("quiz.index_intro"), ""]
    for quiz in project.quizzes.values():
        body.append(f"- **[{escape.md_inline(loc.text(quiz.title))}]({link(QUIZZES_INDEX, quiz_path(quiz.id))})**: "
                    f"{loc.ui('quiz.questions', count=len(quiz.questions))} · {role_links(project, quiz.roles, QUIZZES_INDEX, loc)}")
    return Page(QUIZZES_INDEX, loc.ui("quiz.index_title"), body + [""], "quizzes/")


def render_trainers_index(project: Project, loc: Localizer) -> Page:
    """"For trainers": how a classroom quiz works, every answer key, the class results."""
    body = [escape.md_block(loc.ui("quiz.trainers_intro")), "", heading(2, loc.ui("quiz.trainers_keys"), "keys"), ""]
    for quiz in project.quizzes.values():
        body.append(f"- [{escape.md_inline(loc.ui('quiz.key_title', quiz=loc.text(quiz.title)))}]({link(TRAINERS_INDEX, key_path(quiz.id))}): "
                    f"{loc.ui('quiz.questions', count=len(quiz.questions))} · {role_links(project, quiz.roles, TRAINERS_INDEX, loc)}")
    body += ["", heading(2, loc.ui("quiz.results_title"), "results"), "",
             f"[{loc.ui('quiz.results_title')}]({link(TRAINERS_INDEX, RESULTS)})", ""]
    return Page(TRAINERS_INDEX, loc.ui("quiz.trainers_title"), body, "quizzes/")


def render_progress(project: Project, loc: Localizer) -> Page:
    """"My progress": the reader's role first (its quiz and checklist), then every quiz with best and last score.

    The list of quizzes is static; the runtime adds the scores, and the role chosen on the home page or in a
    role manual, from this browser's storage.
    """
    roles = {r.id: {"name": escape.plain(loc.text(r.name)), "quiz": r.quiz if r.quiz in project.quizzes else "",
                    "manual": link(PROGRESS, role_path(r.id)).removesuffix(".md") + "/",
                    "tasks": [f"{p.id}-{i}" for p in project.phases for i in range(1, len(r.tasks.get(p.id) or []) + 1)]}
             for r in project.roles.values()}
    data = {"ui": runtime_strings(loc), "roles": roles, "home": link(PROGRESS, HOME).removesuffix("index.md") + "#roles"}
    body = [loc.ui("quiz.progress_intro"), "", escape.json_script(data, "cq-progress-data"), "",
            '<div class="cq-progress" markdown="1">', ""]
    body += [f"- [{escape.md_inline(loc.text(q.title))}]({link(PROGRESS, quiz_path(q.id))}){{ .cq-progress-link data-quiz=\"{q.id}\" }}"
             for q in project.quizzes.values()]
    body += ["", "</div>", "", f"<noscript><p>{html_module.escape(loc.ui('quiz.progress_nojs'))}</p></noscript>", "",
             f"*{loc.ui('quiz.progress_private')}*", ""]
    return Page(PROGRESS, loc.ui("quiz.progress_title"), body, "quizzes/", hide_toc=True)


def render_results(project: Project, loc: Localizer) -> Page:
    """The trainer's page: pasted result codes are tallied per question into a class summary."""
    tags = result_tags(project)
    quizzes = {q.id: {"title": markup.unescape(loc.text(q.title)), "tag": tags[q.id], "pass": q.pass_mark,
                      "questions": [{"id": x.id, "text": _plain(html(loc.text(x.prompt)))} for x in q.questions]}
               for q in project.quizzes.values()}
    body = [escape.md_block(loc.ui("quiz.results_intro")), "",
            escape.json_script({"ui": runtime_strings(loc), "quizzes": quizzes}, "cq-results-data"), "",
            '<div class="cq-results"></div>', "", f"<noscript><p>{html_module.escape(loc.ui('quiz.results_nojs'))}</p></noscript>", ""]
    return Page(RESULTS, loc.ui("quiz.results_title"), body, "quizzes/", hide_toc=True)


def _plain(text: str) -> str:
    return html_module.unescape(re.sub(r"<[^>]+>", "", text))
