"""Quiz export for learning-management systems: Moodle GIFT and Moodle XML.

Questions are grouped in categories by role. Per-option feedback, general feedback (the explanation and the
guide that teaches it), hints and partial credit travel with them; texts are the same inert HTML the site shows, with
variables filled in for the chosen language.

An LMS renders question HTML, so whatever lands there would be stored script in the organisation's LMS: every
field is HTML from :func:`_html` — Markdown made inert, then cleaned with the hand-written pages' allow-list —
and written with the format's own escaping (GIFT's ``~=#{}:``, XML's by ElementTree); category names are plain
text. Links to the site are absolute http(s) addresses under ``site_url``; without one, relative links (which
would point into the LMS) lose their address and keep their text.

A hint becomes Moodle XML's ``<hint>`` (shown after a wrong try in Moodle's interactive behaviour). GIFT has no
hints, and Moodle's true/false questions take none: there the hint is the last paragraph of the question text,
labelled, so it still reaches the learner.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from generator.catalog.model import Project, Question, QuestionType, Quiz
from generator.export.lmsformats import LmsFormat, OrderingAs
from generator.render import escape
from generator.render.common import guide_path, quiz_path, scenario_path
from generator.render.localize import Localizer
from generator.render.quizdata import html
from generator.site import sanitize


# Moodle accepts only these grade fractions (percent) for multiple-choice answers.
_MOODLE_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                     12.5, 11.11111, 10, 5)


def moodle_fraction(percent: float) -> float:
    """The nearest fraction Moodle accepts, keeping the sign."""
    nearest = min(_MOODLE_FRACTIONS, key=lambda f: abs(f - abs(percent)))
    return nearest if percent >= 0 else -nearest


def _fmt(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class _Export:
    """One language's export: its texts, and where the site's pages are (``site_url``, or none)."""

    project: Project
    loc: Localizer
    site_url: str | None = None
    ordering_as: OrderingAs = OrderingAs.ORDERING

    def page_url(self, path: str, anchor: str = "") -> str | None:
        """The absolute address of the page built from ``path`` (``guides/x.md``) in this language, or None."""
        if not self.site_url:
            return None
        prefix = "" if self.loc.lang == self.project.site.default_language else f"{self.loc.lang}/"
        page = path[: -len("index.md")] if path.endswith("index.md") else path[: -len(".md")] + "/"
        return urljoin(self.site_url.rstrip("/") + "/", prefix + page) + (f"#{anchor}" if anchor else "")

    def html(self, text, inline: bool = True, quiz: Quiz | None = None) -> str:
        """A text field as HTML an LMS may show: inert Markdown, cleaned with the allow-list, links made absolute."""
        return self.clean(html(self.loc.text(text) if not isinstance(text, str) else text, inline=inline), quiz)

    def clean(self, fragment: str, quiz: Quiz | None = None) -> str:
        source = quiz_path(quiz.id) if quiz else ""
        return sanitize.clean(fragment, relative=lambda url: self._absolute(url, source))

    def _absolute(self, url: str, source: str) -> str | None:
        """A relative link of a text (written for its page on the site) as the site's absolute address, or None."""
        if not self.site_url or not source or url.startswith("//"):
            return None
        path, _, anchor = url.partition("#")
        if path.endswith(".md") or not path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path)) if path else source
            return self.page_url(target, anchor) if not target.startswith("..") else None
        return None

    def plain(self, text) -> str:
        """One line of plain text (category names): no markup, no line breaks."""
        return escape.plain(self.loc.text(text))


def category(project: Project, quiz: Quiz, loc: Localizer) -> str:
    export = _Export(project, loc)
    role = project.roles.get(quiz.roles[0])
    role_name = export.plain(role.name) if role else quiz.roles[0]
    return f"$course$/top/{role_name.replace('/', '-')}/{export.plain(quiz.title).replace('/', '-')}"


def _general(export: _Export, quiz: Quiz, q: Question) -> str:
    """The explanation and the guide (or scenario) that teaches it, linked when the site's address is known."""
    project, loc = export.project, export.loc
    if q.learn_more_scenario:
        target, path, anchor = project.scenarios[q.learn_more_scenario], scenario_path(q.learn_more_scenario), ""
    else:
        target, path, anchor = project.features[q.learn_more_feature], guide_path(q.learn_more_feature), q.learn_more_section
    title = export.html(target.title)
    url = export.page_url(path, anchor)
    learn = f'<a href="{escape.html_attribute(url)}">{title}</a>' if url else title
    return export.clean(export.html(q.explanation, inline=False, quiz=quiz) +
                        f"<p>{escape.html_text(loc.ui('quiz.learn_more', title='{title}')).replace('{title}', learn)}</p>")


def _hint_in_text(q: Question, fmt: LmsFormat) -> bool:
    return bool(q.hint) and (fmt is LmsFormat.GIFT or q.type is QuestionType.TRUE_FALSE)


def _prompt(export: _Export, quiz: Quiz, q: Question, fmt: LmsFormat) -> str:
    """The question text as HTML, with the hint appended where the format has no place of its own for it."""
    prompt = export.html(q.prompt, inline=False, quiz=quiz)
    if not _hint_in_text(q, fmt):
        return prompt
    label = escape.html_text(export.loc.ui("quiz.hint"))
    return prompt + f"<p><em>{label}: {export.html(q.hint, quiz=quiz)}</em></p>"


def _positions(q: Question, loc: Localizer) -> list[tuple[str, object]]:
    """An ordering question as matching pairs: (label of position n, the item that belongs there)."""
    return [(loc.ui("quiz.position", number=n), item.text) for n, item in enumerate(q.items, 1)]


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


def to_gift(project: Project, quizzes: list[Quiz], lang: str, site_url: str | None = None,
            ordering_as: OrderingAs = OrderingAs.ORDERING) -> str:
    export = _Export(project, Localizer(project, lang), site_url, ordering_as)
    blocks: list[str] = [f"// Cutover quizzes, language: {lang}"]
    for quiz in quizzes:
        blocks.append(f"$CATEGORY: {category(project, quiz, export.loc)}")
        for q in quiz.questions:
            blocks.append(_gift_question(export, quiz, q))
    return "\n\n".join(blocks) + "\n"


def _gift_question(export: _Export, quiz: Quiz, q: Question) -> str:
    def g(text, inline: bool = True) -> str:
        return gift_escape(export.html(text, inline=inline, quiz=quiz))

    head = f"::{gift_escape(quiz.id + '/' + q.id)}::[html]{gift_escape(_prompt(export, quiz, q, LmsFormat.GIFT))}"
    general = f"\t####{gift_escape(_general(export, quiz, q))}"
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        lines = []
        for option, fraction in zip(q.options, _choice_fractions(q)):
            mark = "=" if q.type is QuestionType.SINGLE and option.correct else "~"
            weight = "" if q.type is QuestionType.SINGLE else f"%{_fmt(fraction)}%"
            feedback = f"#{g(option.feedback)}" if option.feedback else ""
            lines.append(f"\t{mark}{weight}{g(option.text)}{feedback}")
        return head + "{\n" + "\n".join(lines) + "\n" + general + "\n}"
    if q.type is QuestionType.TRUE_FALSE:
        # {TRUE#shown when the learner is wrong#shown when right}
        wrong_fb, right_fb = (q.feedback_false, q.feedback_true) if q.answer else (q.feedback_true, q.feedback_false)
        answer = "TRUE" if q.answer else "FALSE"
        fb = f"#{g(wrong_fb) if wrong_fb else ''}#{g(right_fb) if right_fb else ''}"
        return head + "{" + answer + fb + "\n" + general + "\n}"
    if q.type is QuestionType.MATCHING:
        # Moodle shows the right-hand answers as plain text in a menu.
        lines = [f"\t={g(left)} -> {gift_escape(export.plain(right))}" for _, left, right in q.pairs]
        lines += [f"\t= -> {gift_escape(export.plain(d.text))}" for d in q.distractors]
        return head + "{\n" + "\n".join(lines) + "\n" + general + "\n}"
    if export.ordering_as is OrderingAs.MATCHING:
        lines = [f"\t={gift_escape(escape.html_text(label))} -> {gift_escape(export.plain(item))}"
                 for label, item in _positions(q, export.loc)]
        return head + "{\n" + "\n".join(lines) + "\n" + general + "\n}"
    # qtype_ordering's GIFT syntax takes the items only: the explanation travels in Moodle XML.
    items = "\n".join(f"\t{g(item.text)}" for item in q.items)
    return head + "{>" + str(len(q.items)) + " ALL VERTICAL ABSOLUTE_POSITION SHOW\n" + items + "\n}"


# ---------------------------------------------------------------- Moodle XML

def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html", **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, ({"format": fmt} if fmt else {}) | attrs)
    ET.SubElement(node, "text").text = value
    return node


def to_moodle_xml(project: Project, quizzes: list[Quiz], lang: str, site_url: str | None = None,
                  ordering_as: OrderingAs = OrderingAs.ORDERING) -> str:
    export = _Export(project, Localizer(project, lang), site_url, ordering_as)
    root = ET.Element("quiz")
    for quiz in quizzes:
        cat = ET.SubElement(root, "question", type="category")
        ET.SubElement(ET.SubElement(cat, "category"), "text").text = category(project, quiz, export.loc)
        for q in quiz.questions:
            root.append(_xml_question(export, quiz, q))
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml_question(export: _Export, quiz: Quiz, q: Question) -> ET.Element:
    def x(text, inline: bool = True) -> str:
        return export.html(text, inline=inline, quiz=quiz)

    loc = export.loc
    kind = {QuestionType.SINGLE: "multichoice", QuestionType.MULTIPLE: "multichoice", QuestionType.TRUE_FALSE: "truefalse",
            QuestionType.MATCHING: "matching", QuestionType.ORDERING: export.ordering_as.value}[q.type]
    node = ET.Element("question", type=kind)
    ET.SubElement(ET.SubElement(node, "name"), "text").text = f"{quiz.id}/{q.id}"
    _text(node, "questiontext", _prompt(export, quiz, q, LmsFormat.MOODLE_XML))
    _text(node, "generalfeedback", _general(export, quiz, q))
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
            _text(node, tag, escape.html_text(loc.ui(key)))
        for option, fraction in zip(q.options, _choice_fractions(q)):
            answer = _text(node, "answer", x(option.text), fraction=_fmt(fraction))
            _text(answer, "feedback", x(option.feedback) if option.feedback else "")
    elif q.type is QuestionType.TRUE_FALSE:
        for value, feedback in ((True, q.feedback_true), (False, q.feedback_false)):
            answer = _text(node, "answer", "true" if value else "false", "moodle_auto_format",
                           fraction="100" if q.answer is value else "0")
            _text(answer, "feedback", x(feedback) if feedback else "")
    elif q.type is QuestionType.MATCHING or export.ordering_as is OrderingAs.MATCHING:
        ET.SubElement(node, "shuffleanswers").text = "true"
        pairs = [(x(left), right) for _, left, right in q.pairs] if q.type is QuestionType.MATCHING else \
            [(escape.html_text(label), item) for label, item in _positions(q, loc)]
        for left, right in pairs:
            sub = _text(node, "subquestion", left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = export.plain(right)
        for distractor in q.distractors:
            sub = _text(node, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = export.plain(distractor.text)
    else:
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                           ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW")):
            ET.SubElement(node, tag).text = value
        for position, item in enumerate(q.items, 1):
            _text(node, "answer", x(item.text), fraction=f"{position}.0000000")
    if q.hint and not _hint_in_text(q, LmsFormat.MOODLE_XML):
        _text(node, "hint", x(q.hint))
    return node


def export(project: Project, fmt: LmsFormat, lang: str, quiz_ids: list[str] | None = None, site_url: str | None = None,
           ordering_as: OrderingAs = OrderingAs.ORDERING) -> str:
    """``site_url``: where the site is published (http or https), for links to its guides; see :func:`site_url_problem`."""
    quizzes = [project.quizzes[q] for q in quiz_ids] if quiz_ids else list(project.quizzes.values())
    make = to_gift if fmt is LmsFormat.GIFT else to_moodle_xml
    return make(project, quizzes, lang, site_url, ordering_as)


def site_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the site's address in an LMS, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in " \"'<>`\\"):
        return "the site's address must be an absolute http:// or https:// address, like https://intranet.example/kb/"
    if parts.query or parts.fragment:
        return "the site's address has no ?query or #fragment"
    return None
