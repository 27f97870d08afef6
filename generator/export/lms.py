"""Quiz export for learning-management systems: Moodle GIFT and Moodle XML.

Questions are grouped in categories by role. Per-option feedback, general feedback (the explanation and the
guide that teaches it) and partial credit travel with them; texts are the same inert Markdown/HTML the site
shows, with variables filled in for the chosen language.
"""

from __future__ import annotations

import enum
import xml.etree.ElementTree as ET

from generator.catalog import markup
from generator.catalog.model import Project, Question, QuestionType, Quiz
from generator.render.localize import Localizer
from generator.render.quizdata import html


class LmsFormat(str, enum.Enum):
    GIFT = "gift"  #: Moodle's plain-text import format
    MOODLE_XML = "moodle-xml"  #: Moodle XML, the importer's richest format


class OrderingAs(str, enum.Enum):
    """How ordering questions are written. Both formats' ordering syntax is that of Moodle's Ordering question
    type (qtype_ordering), which a Moodle site must have installed and other LMSs do not read."""

    ORDERING = "ordering"  #: the Ordering question type: drag the items into order
    MATCHING = "matching"  #: a matching question: "Position 1", "Position 2", … each matched with its item


# Moodle accepts only these grade fractions (percent) for multiple-choice answers.
_MOODLE_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                     12.5, 11.11111, 10, 5)


def moodle_fraction(percent: float) -> float:
    """The nearest fraction Moodle accepts, keeping the sign."""
    nearest = min(_MOODLE_FRACTIONS, key=lambda f: abs(f - abs(percent)))
    return nearest if percent >= 0 else -nearest


def _fmt(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def category(project: Project, quiz: Quiz, loc: Localizer) -> str:
    role = project.roles.get(quiz.roles[0])
    role_name = markup.unescape(loc.text(role.name)) if role else quiz.roles[0]
    return f"$course$/top/{role_name.replace('/', '-')}/{markup.unescape(loc.text(quiz.title)).replace('/', '-')}"


def _general(project: Project, q: Question, loc: Localizer) -> str:
    target = project.scenarios[q.learn_more_scenario] if q.learn_more_scenario else project.features[q.learn_more_feature]
    return f"{loc.text(q.explanation)} ({loc.ui('quiz.learn_more', title=loc.text(target.title))})"


def _choice_fractions(q: Question) -> list[float]:
    right = [o for o in q.options if o.correct]
    wrong = [o for o in q.options if not o.correct]
    if q.type is QuestionType.SINGLE:
        return [100.0 if o.correct else 0.0 for o in q.options]
    return [moodle_fraction(100 / len(right)) if o.correct else (moodle_fraction(-100 / len(wrong)) if wrong else 0)
            for o in q.options]


# ---------------------------------------------------------------- GIFT

def gift_escape(text: str) -> str:
    """GIFT's escaping rules: a backslash before ~ = # { } : and newlines written as \\n."""
    out = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return out.replace("\r", "").replace("\n", "\\n")


def _g(loc: Localizer, text) -> str:
    return gift_escape(markup.portable(loc.text(text)))


def _positions(q: Question, loc: Localizer) -> list[tuple[str, object]]:
    """An ordering question as matching pairs: (label of position n, the item that belongs there)."""
    return [(loc.ui("quiz.position", number=n), item.text) for n, item in enumerate(q.items, 1)]


def to_gift(project: Project, quizzes: list[Quiz], lang: str, ordering_as: OrderingAs = OrderingAs.ORDERING) -> str:
    loc = Localizer(project, lang)
    blocks: list[str] = [f"// Cutover quizzes, language: {lang}"]
    for quiz in quizzes:
        blocks.append(f"$CATEGORY: {category(project, quiz, loc)}")
        for q in quiz.questions:
            blocks.append(_gift_question(project, quiz, q, loc, ordering_as))
    return "\n\n".join(blocks) + "\n"


def _gift_question(project: Project, quiz: Quiz, q: Question, loc: Localizer, ordering_as: OrderingAs) -> str:
    head = f"::{gift_escape(quiz.id + '/' + q.id)}::[markdown]{_g(loc, q.prompt)}"
    general = f"\t####{gift_escape(_general(project, q, loc))}"
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        lines = []
        for option, fraction in zip(q.options, _choice_fractions(q)):
            mark = "=" if q.type is QuestionType.SINGLE and option.correct else "~"
            weight = "" if q.type is QuestionType.SINGLE else f"%{_fmt(fraction)}%"
            feedback = f"#{_g(loc, option.feedback)}" if option.feedback else ""
            lines.append(f"\t{mark}{weight}{_g(loc, option.text)}{feedback}")
        return head + "{\n" + "\n".join(lines) + "\n" + general + "\n}"
    if q.type is QuestionType.TRUE_FALSE:
        # {TRUE#shown when the learner is wrong#shown when right}
        wrong_fb, right_fb = (q.feedback_false, q.feedback_true) if q.answer else (q.feedback_true, q.feedback_false)
        answer = "TRUE" if q.answer else "FALSE"
        fb = f"#{_g(loc, wrong_fb) if wrong_fb else ''}#{_g(loc, right_fb) if right_fb else ''}"
        return head + "{" + answer + fb + "\n" + general + "\n}"
    if q.type is QuestionType.MATCHING:
        lines = [f"\t={_g(loc, left)} -> {_g(loc, right)}" for _, left, right in q.pairs]
        lines += [f"\t= -> {_g(loc, d.text)}" for d in q.distractors]
        return head + "{\n" + "\n".join(lines) + "\n" + general + "\n}"
    if ordering_as is OrderingAs.MATCHING:
        lines = [f"\t={gift_escape(label)} -> {_g(loc, item)}" for label, item in _positions(q, loc)]
        return head + "{\n" + "\n".join(lines) + "\n" + general + "\n}"
    # qtype_ordering's GIFT syntax takes the items only: the explanation travels in Moodle XML.
    items = "\n".join(f"\t{_g(loc, item.text)}" for item in q.items)
    return head + "{>" + str(len(q.items)) + " ALL VERTICAL ABSOLUTE_POSITION SHOW\n" + items + "\n}"


# ---------------------------------------------------------------- Moodle XML

def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html", **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, ({"format": fmt} if fmt else {}) | attrs)
    ET.SubElement(node, "text").text = value
    return node


def to_moodle_xml(project: Project, quizzes: list[Quiz], lang: str, ordering_as: OrderingAs = OrderingAs.ORDERING) -> str:
    loc = Localizer(project, lang)
    root = ET.Element("quiz")
    for quiz in quizzes:
        cat = ET.SubElement(root, "question", type="category")
        ET.SubElement(ET.SubElement(cat, "category"), "text").text = category(project, quiz, loc)
        for q in quiz.questions:
            root.append(_xml_question(project, quiz, q, loc, ordering_as))
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml_question(project: Project, quiz: Quiz, q: Question, loc: Localizer, ordering_as: OrderingAs) -> ET.Element:
    kind = {QuestionType.SINGLE: "multichoice", QuestionType.MULTIPLE: "multichoice", QuestionType.TRUE_FALSE: "truefalse",
            QuestionType.MATCHING: "matching", QuestionType.ORDERING: ordering_as.value}[q.type]
    node = ET.Element("question", type=kind)
    ET.SubElement(ET.SubElement(node, "name"), "text").text = f"{quiz.id}/{q.id}"
    _text(node, "questiontext", html(loc.text(q.prompt), inline=False))
    _text(node, "generalfeedback", html(_general(project, q, loc), inline=False))
    ET.SubElement(node, "defaultgrade").text = "1"
    ET.SubElement(node, "penalty").text = "0.3333333"
    ET.SubElement(node, "hidden").text = "0"
    ET.SubElement(node, "idnumber").text = f"{quiz.id}/{q.id}"
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        ET.SubElement(node, "single").text = "true" if q.type is QuestionType.SINGLE else "false"
        ET.SubElement(node, "shuffleanswers").text = "true"
        ET.SubElement(node, "answernumbering").text = "abc"
        for tag, key in (("correctfeedback", "runtime.correct"), ("partiallycorrectfeedback", "runtime.partly"),
                         ("incorrectfeedback", "runtime.incorrect")):
            _text(node, tag, loc.ui(key))
        for option, fraction in zip(q.options, _choice_fractions(q)):
            answer = _text(node, "answer", html(loc.text(option.text)), fraction=_fmt(fraction))
            _text(answer, "feedback", html(loc.text(option.feedback)) if option.feedback else "")
    elif q.type is QuestionType.TRUE_FALSE:
        for value, feedback in ((True, q.feedback_true), (False, q.feedback_false)):
            answer = _text(node, "answer", "true" if value else "false", "moodle_auto_format",
                           fraction="100" if q.answer is value else "0")
            _text(answer, "feedback", html(loc.text(feedback)) if feedback else "")
    elif q.type is QuestionType.MATCHING or ordering_as is OrderingAs.MATCHING:
        ET.SubElement(node, "shuffleanswers").text = "true"
        pairs = [(loc.text(left), right) for _, left, right in q.pairs] if q.type is QuestionType.MATCHING else \
            _positions(q, loc)
        for left, right in pairs:
            sub = _text(node, "subquestion", html(left))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = markup.plain(loc.text(right))
        for distractor in q.distractors:
            sub = _text(node, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = markup.plain(loc.text(distractor.text))
    else:
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                           ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW")):
            ET.SubElement(node, tag).text = value
        for position, item in enumerate(q.items, 1):
            _text(node, "answer", html(loc.text(item.text)), fraction=f"{position}.0000000")
    return node


def export(project: Project, fmt: LmsFormat, lang: str, quiz_ids: list[str] | None = None,
           ordering_as: OrderingAs = OrderingAs.ORDERING) -> str:
    quizzes = [project.quizzes[q] for q in quiz_ids] if quiz_ids else list(project.quizzes.values())
    writer = to_gift if fmt is LmsFormat.GIFT else to_moodle_xml
    return writer(project, quizzes, lang, ordering_as)
