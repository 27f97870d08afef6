"""The survey page: an accessible HTML form that works without JavaScript as far as the channel allows.

With a survey form configured it is a plain GET form (question ids as parameter names), with an e-mail address
a text/plain form to ``mailto:``; ``assets/feedback.js`` turns the e-mail into a readable, pre-filled message
and adds "Download answers as a file". Texts are rendered inert (as quiz texts), ids are schema-checked.
"""

from __future__ import annotations

from urllib.parse import quote

from generator.catalog.model import Project, Survey, SurveyQuestion, SurveyQuestionType
from generator.render import escape
from generator.render.common import Page
from generator.render.feedback import Channel, contact_html, form_query, survey_channel
from generator.render.localize import Localizer
from generator.render.quizdata import html

SURVEY = "survey.md"


def survey_path(project: Project, survey: Survey) -> str:
    """catalog/survey.yaml keeps its page (survey.md); a survey of catalog/surveys/ has surveys/<id>.md."""
    return SURVEY if survey is project.survey else f"surveys/{survey.id}.md"

#: UI strings the runtime needs to write the e-mail and the file.
_RUNTIME_KEYS = ("survey.page_votes", "feedback.yes", "feedback.no", "survey.no_answer", "survey.anonymous_answer", "survey.rating_answer", "survey.field_survey",
                 "survey.field_name", "survey.subject", "survey.sent", "survey.mail_link", "survey.downloaded",
                 "feedback.field_language", "feedback.field_version")


def render_survey(project: Project, survey: Survey, loc: Localizer) -> Page:
    channel = survey_channel(project, loc.lang)
    body: list[str] = []
    if survey.intro:
        body += [escape.md_block(loc.text(survey.intro)), ""]
    body += [f"*{escape.md_inline(loc.ui('survey.anonymous'))}*", ""]
    body += [_form(project, survey, channel, loc), ""]
    return Page(survey_path(project, survey), loc.text(survey.title), body, survey.source, hide_toc=True)


def _form(project: Project, survey: Survey, channel: Channel, loc: Localizer) -> str:
    """One raw HTML block (no blank lines, so Markdown keeps it whole)."""
    esc = escape.html_attribute
    plain = Localizer(loc.project, loc.lang)  # for the e-mail and the file: addresses and text, never marked
    title = escape.text_of_html(html(plain.text(survey.title)))
    attrs = f'class="cutover-survey" data-survey="{esc(survey.id)}" data-channel="{channel.kind}"'
    hidden: list[tuple[str, str]] = []
    if channel.kind == "form":
        action, hidden = form_query(channel.target)
        attrs += f' method="get" action="{esc(action)}"'
    elif channel.kind == "email":
        action = f"mailto:{channel.target}?subject=" + _quote(plain.ui("survey.subject", title=title))
        attrs += f' method="post" enctype="text/plain" action="{esc(action)}"'
    out = [f"<form {attrs}>", escape.json_script(_data(survey, channel, title, plain), "cutover-survey-data")]
    hidden += [("survey", survey.id), ("language", loc.lang), ("version", "")]
    out += [f'<input type="hidden" name="{esc(n)}" value="{esc(v)}">' for n, v in hidden]
    for number, question in enumerate(survey.questions, 1):
        out += _question(question, number, loc)
    # The reader's role, so the report (cutover survey report) can compare answers by role.
    out += ['<div class="cutover-survey__question cutover-survey__role">',
            f'<label for="survey-role">{esc(loc.ui("survey.role"))}</label>',
            '<select id="survey-role" name="role">', f'<option value="">{esc(loc.ui("survey.role_none"))}</option>']
    out += [f'<option value="{esc(r.id)}">{escape.html_text(escape.plain(loc.text(r.name)))}</option>' for r in project.roles.values()]
    out += ["</select>", "</div>"]
    out += ['<div class="cutover-survey__question cutover-survey__name">',
            f'<label for="survey-name">{esc(loc.ui("survey.name"))}</label>',
            '<input type="text" id="survey-name" name="name" autocomplete="name" aria-describedby="survey-name-help">',
            f'<p class="cutover-survey__help" id="survey-name-help">{esc(loc.ui("survey.name_help"))}</p>', "</div>"]
    contact = contact_html(project, loc)
    out.append(f'<p class="cutover-survey__how">{loc.ui("survey.how_" + channel.kind, contact=contact)}</p>')
    buttons = []
    if channel.kind != "none":
        buttons.append(f'<button type="submit" class="md-button md-button--primary">{esc(loc.ui("survey.send_" + channel.kind))}</button>')
    buttons.append(f'<button type="button" class="md-button cutover-survey__download" hidden>{esc(loc.ui("survey.download"))}</button>')
    out.append('<p class="cutover-survey__actions">' + " ".join(buttons) + "</p>")
    out.append(f'<noscript><p>{loc.ui("survey.nojs_" + ("none" if channel.kind == "none" else "any"), contact=contact)}</p></noscript>')
    thanks = html(loc.text(survey.thanks), inline=False) if survey.thanks else f"<p>{esc(loc.ui('survey.thanks_default'))}</p>"
    out.append('<div class="cutover-survey__status" role="status" aria-live="polite"></div>')
    out.append(f'<div class="cutover-survey__thanks" hidden>{thanks}</div>')
    out.append("</form>")
    return "\n".join(line.replace("\n\n", "\n") for line in out if line)


def _question(q: SurveyQuestion, number: int, loc: Localizer) -> list[str]:
    esc = escape.html_text
    qid = f"survey-q-{q.id}"
    prompt = f"{number}. {html(loc.text(q.prompt))}"
    help_id = f"{qid}-help"
    help_html = f'<p class="cutover-survey__help" id="{help_id}">{html(loc.text(q.help))}</p>' if q.help else ""
    described = f' aria-describedby="{help_id}"' if q.help else ""
    if q.type is SurveyQuestionType.TEXT:
        field = (f'<textarea id="{qid}-input" name="{q.id}" rows="4"{described}></textarea>' if q.multiline else
                 f'<input type="text" id="{qid}-input" name="{q.id}"{described}>')
        return [f'<div class="cutover-survey__question" id="{qid}" data-type="text">',
                f'<label class="cutover-survey__prompt" for="{qid}-input">{prompt}</label>', help_html, field, "</div>"]
    lines = [f'<fieldset class="cutover-survey__question" id="{qid}" data-type="{q.type.value}"{described}>',
             f'<legend class="cutover-survey__prompt">{prompt}</legend>', help_html]
    if q.type is SurveyQuestionType.RATING:
        lines.append('<div class="cutover-survey__scale">')
        for point in range(1, q.scale + 1):
            end = q.low if point == 1 else q.high if point == q.scale else None
            label = f"{point}" + (f' <span class="cutover-survey__end">{html(loc.text(end))}</span>' if end else "")
            lines.append(f'<label><input type="radio" name="{q.id}" value="{point}"> {label}</label>')
        lines.append("</div>")
    else:
        kind = "radio" if q.type is SurveyQuestionType.SINGLE else "checkbox"
        hint = "survey.select_one" if kind == "radio" else "survey.select_many"
        lines.append(f'<p class="cutover-survey__hint">{esc(loc.ui(hint))}</p>')
        lines += [f'<label><input type="{kind}" name="{q.id}" value="{esc(o.id)}"> {html(loc.text(o.text))}</label>'
                  for o in q.options]
    lines.append("</fieldset>")
    return [line for line in lines if line]


def _data(survey: Survey, channel: Channel, title: str, loc: Localizer) -> dict:
    """What the runtime needs to write the e-mail and the file: plain texts, never HTML."""
    questions = []
    for q in survey.questions:
        entry: dict = {"id": q.id, "type": q.type.value, "prompt": escape.text_of_html(html(loc.text(q.prompt)))}
        if q.type is SurveyQuestionType.RATING:
            entry["scale"] = q.scale
        if q.options:
            entry["options"] = [{"id": o.id, "text": escape.text_of_html(html(loc.text(o.text)))} for o in q.options]
        questions.append(entry)
    return {"id": survey.id, "title": title, "lang": loc.lang, "channel": channel.kind,
            "email": channel.target if channel.kind == "email" else "", "questions": questions,
            "ui": {key.split(".", 1)[1] if key.startswith("survey.") else key.replace(".", "_"): loc.ui(key)
                   for key in _RUNTIME_KEYS}}


def _quote(text: str) -> str:
    return quote(text, safe="!~*'()")  # as feedback.LinkTemplate and the browser's encodeURIComponent
