"""``cutover messages``: the timed announcements as e-mail drafts and a calendar, per language.

Each message becomes ``<lang>/<date>-<id>.eml``: a text part (the Markdown as written, which reads as plain text)
and an HTML part (the same Markdown made inert, as on the site), written with Python's ``email`` package and
marked ``X-Unsent: 1`` so Outlook and Thunderbird open it as a draft to address and send. Below the body come
links to the audience's role manuals (and the survey it invites to) on the published site. ``<lang>/plan.ics``
holds the send dates (all-day reminders) and the training sessions (with time and place), written with
``icalendar``. Everything is written into a scratch folder first and moved into place only when all of it worked.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

import icalendar

from generator.catalog import model as m
from generator.catalog.variables import substitute, value_for
from generator.render import escape
from generator.render.common import role_path
from generator.render.communication import audience_roles, audience_text, end_time, send_date, session_date
from generator.render.localize import Localizer
from generator.render.quizdata import html
from generator.render.survey import survey_path

#: The hour a draft is dated (local time: the organisation's own).
SEND_HOUR = 9
PRODID = "-//Cutover//Communication plan//EN"
#: The site variable with the published site's address (``--site-url`` overrides it).
SITE_URL_VARIABLE = "site_url"


class MessagesError(Exception):
    """A problem with the request, explained for the reader."""


@dataclass
class MessagesResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def site_url(project: m.Project, override: str | None = None) -> str | None:
    """The published site's address, ending in /; None when neither --site-url nor the site_url variable gives one."""
    value = override
    if value is None and SITE_URL_VARIABLE in project.site.variables:
        default = project.site.default_language
        value = str(value_for(project.site.variables, SITE_URL_VARIABLE, default, default))
    if not value:
        return None
    if not value.startswith(("https://", "http://")):
        raise MessagesError(f"the site address '{value}' must start with https:// or http://")
    return value if value.endswith("/") else value + "/"


def page_address(project: m.Project, base: str, lang: str, page: str) -> str:
    """The published address of a generated page: the default language at the root, the others under /<lang>/."""
    prefix = "" if lang == project.site.default_language else f"{lang}/"
    return f"{base}{prefix}{page[: -len('.md')]}/"


def write_messages(project: m.Project, out_dir: Path, languages: list[str] | None = None,
                   base_url: str | None = None) -> MessagesResult:
    languages = languages or project.site.languages
    unknown = [lang for lang in languages if lang not in project.site.languages]
    if unknown:
        raise MessagesError(f"'{unknown[0]}' is not a language of the site ({', '.join(project.site.languages)})")
    if not project.messages:
        raise MessagesError("the project has no messages: add them in catalog/messages/ (cutover new message ID)")
    base = site_url(project, base_url)
    result = MessagesResult()
    if base is None:
        result.warnings.append("no site address (site_url in catalog/site.yaml, or --site-url): "
                               "the drafts have no links to the manuals")
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        files: list[str] = []
        for lang in languages:
            (scratch / lang).mkdir()
            loc = Localizer(project, lang)
            for message in project.messages.values():
                name = f"{lang}/{send_date(project, message).isoformat()}-{message.id}.eml"
                (scratch / name).write_bytes(draft(project, message, loc, base).as_bytes(policy=SMTP))
                files.append(name)
            (scratch / lang / "plan.ics").write_bytes(calendar(project, loc).to_ical())
            files.append(f"{lang}/plan.ics")
        for name in files:
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            (scratch / name).replace(target)
            result.written.append(target)
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _plain(loc: Localizer, text: m.Text) -> str:
    """A text as written (Markdown reads as plain text), variables filled in without Markdown escapes."""
    site = loc.project.site
    raw = text.values.get(loc.lang, text.values[site.default_language])
    return substitute(raw, site.variables, loc.lang, site.default_language)


def draft(project: m.Project, message: m.Message, loc: Localizer, base: str | None) -> EmailMessage:
    subject = escape.plain(_plain(loc, message.subject))
    sent = send_date(project, message)
    text = [_plain(loc, message.body), ""]
    markup = [html(loc.text(message.body), inline=False)]
    if message.sessions:
        rows = [(long_text(session_date(project, s), loc), f"{s.start}–{end_time(s)}",
                 _plain(loc, s.place) if s.place else "", audience_text(project, s.roles, loc)) for s in message.sessions]
        text += [" · ".join(x for x in row if x) for row in rows] + [""]
        head = "".join(f"<th>{escape.html_text(loc.ui(k))}</th>" for k in
                       ("communication.date", "communication.time", "communication.place", "communication.for"))
        body = "".join("<tr>" + "".join(f"<td>{escape.html_text(x)}</td>" for x in row) + "</tr>" for row in rows)
        markup.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if base:
        links = [(escape.plain(loc.text(project.roles[r].name)), page_address(project, base, loc.lang, role_path(r)))
                 for r in audience_roles(project, message.audience)]
        text += [loc.ui("communication.eml_manuals")] + [f"- {name}: {url}" for name, url in links] + [""]
        markup.append(f"<p>{escape.html_text(loc.ui('communication.eml_manuals'))}</p><ul>"
                      + "".join(f'<li><a href="{escape.html_attribute(url)}">{escape.html_text(name)}</a></li>' for name, url in links)
                      + "</ul>")
        surveys = {s.id: s for s in project.all_surveys}
        if message.survey in surveys:
            survey = surveys[message.survey]
            url = page_address(project, base, loc.lang, survey_path(project, survey))
            title = escape.plain(loc.text(survey.title))
            text += [f"{loc.ui('communication.eml_survey')} {title}", url, ""]
            markup.append(f"<p>{escape.html_text(loc.ui('communication.eml_survey'))} "
                          f'<a href="{escape.html_attribute(url)}">{escape.html_text(title)}</a></p>')
    mail = EmailMessage()
    mail["Subject"] = subject
    mail["Date"] = format_datetime(datetime.datetime.combine(sent, datetime.time(SEND_HOUR)))
    mail["X-Unsent"] = "1"  # Outlook opens the file as a draft to send
    mail["X-Cutover-Message"] = message.id
    mail["X-Cutover-Audience"] = ", ".join(message.audience)
    mail.set_content("\n".join(text).rstrip() + "\n")
    mail.add_alternative(f'<!DOCTYPE html><html lang="{escape.html_attribute(loc.lang)}"><head><meta charset="utf-8">'
                         f"<title>{escape.html_text(subject)}</title></head><body>{''.join(markup)}</body></html>\n",
                         subtype="html")
    mail["Content-Language"] = loc.lang  # after the parts: set_content replaces the Content- headers
    return mail


def long_text(date: datetime.date, loc: Localizer) -> str:
    from generator.render.communication import long_date
    return long_date(date, loc.lang)


def calendar(project: m.Project, loc: Localizer) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", escape.plain(loc.ui("communication.title")))
    stamp = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)  # fixed: two runs write the same file
    for message in project.messages.values():
        subject = escape.plain(_plain(loc, message.subject))
        event = icalendar.Event()
        event.add("uid", f"{message.id}.{loc.lang}@cutover")
        event.add("dtstamp", stamp)
        event.add("summary", loc.ui("communication.ics_send", subject=subject))
        event.add("dtstart", send_date(project, message))
        event.add("dtend", send_date(project, message) + datetime.timedelta(days=1))
        event.add("description", loc.ui("communication.to", audience=audience_text(project, message.audience, loc)))
        cal.add_component(event)
        for session in message.sessions:
            day = session_date(project, session)
            hours, minutes = map(int, session.start.split(":"))
            start = datetime.datetime.combine(day, datetime.time(hours, minutes))
            event = icalendar.Event()
            event.add("uid", f"{message.id}.{session.id}.{loc.lang}@cutover")
            event.add("dtstamp", stamp)
            event.add("summary", loc.ui("communication.ics_session", subject=subject))
            event.add("dtstart", start)
            event.add("dtend", start + datetime.timedelta(minutes=session.minutes))
            if session.place:
                event.add("location", _plain(loc, session.place))
            event.add("description", audience_text(project, session.roles, loc))
            cal.add_component(event)
    return cal
