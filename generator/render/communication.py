"""The communication plan: every timed announcement and training session on its date, for the project manager.

Dates come from :mod:`generator.catalog.schedule`, so the plan, the e-mail drafts and the calendar of
``cutover messages`` (:mod:`generator.export.messages`) always agree; moving ``cutover_date`` moves them all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel.dates import format_date

from generator.catalog.model import Message, Project, Session
from generator.catalog.schedule import parse, resolve
from generator.render import escape
from generator.render.common import Page, heading, link, role_path
from generator.render.localize import Localizer
from generator.render.survey import survey_path

COMMUNICATION = "project/communication.md"


def project_nav(project: Project) -> list[str]:
    """The pages of the navigation's project section."""
    from generator.render.adoption import support_nav  # (adoption imports this module's neighbours)
    return ([COMMUNICATION] if project.messages else []) + support_nav(project)


@dataclass(frozen=True)
class Entry:
    """One dated line of the plan: a message to send or a training session."""

    date: datetime.date
    message: Message
    session: Session | None = None


def send_date(project: Project, message: Message) -> datetime.date:
    return resolve(project, parse(message.send))


def session_date(project: Project, session: Session) -> datetime.date:
    return resolve(project, parse(session.date))


def entries(project: Project) -> list[Entry]:
    """Messages and sessions in date order (sessions after the message of the same day; then as defined)."""
    found = []
    for message in project.messages.values():
        found.append(Entry(send_date(project, message), message))
        found += [Entry(session_date(project, s), message, s) for s in message.sessions]
    order = {id(e): n for n, e in enumerate(found)}
    return sorted(found, key=lambda e: (e.date, e.session is not None, order[id(e)]))


def long_date(date: datetime.date, lang: str) -> str:
    try:
        return format_date(date, format="full", locale=lang.replace("-", "_"))
    except Exception:  # a language babel does not know: ISO dates read everywhere
        return date.isoformat()


def end_time(session: Session) -> str:
    hours, minutes = map(int, session.start.split(":"))
    end = datetime.datetime(2000, 1, 1, hours, minutes) + datetime.timedelta(minutes=session.minutes)
    return end.strftime("%H:%M")


def audience_text(project: Project, roles: list[str], loc: Localizer) -> str:
    """Role names as plain text (e-mails, calendar), or the word for everyone."""
    if "all" in roles:
        return loc.ui("faq.everyone")
    return ", ".join(escape.plain(loc.text(project.roles[r].name)) for r in roles if r in project.roles)


def audience_roles(project: Project, roles: list[str]) -> list[str]:
    return list(project.roles) if "all" in roles else [r for r in roles if r in project.roles]


def render_communication_plan(project: Project, loc: Localizer) -> Page:
    path = COMMUNICATION
    body = [escape.md_block(loc.ui("communication.intro")), ""]
    body += [heading(2, loc.ui("communication.calendar"), "calendar"), ""]
    month = None
    for entry in entries(project):
        key = (entry.date.year, entry.date.month)
        if key != month:
            if month is not None:
                body.append("")
            month = key
            body += [heading(3, format_date(entry.date, format="LLLL yyyy", locale=loc.lang.replace("-", "_")),
                             f"month-{entry.date:%Y-%m}"), "",
                     f"| {loc.ui('communication.date')} | {loc.ui('communication.what')} | {loc.ui('communication.for')} |",
                     "| --- | --- | --- |"]
        subject = loc.text(entry.message.subject)
        if entry.session:
            what = loc.ui("communication.session", start=entry.session.start, end=end_time(entry.session),
                          place=escape.plain(loc.text(entry.session.place)) if entry.session.place else "–")
            what = escape.md_cell(what)
            roles = entry.session.roles
        else:
            what = f"{loc.ui('communication.send')}: [{escape.md_inline(subject)}](#message-{entry.message.id})"
            roles = entry.message.audience
        body.append(f"| {escape.md_cell(long_date(entry.date, loc.lang))} | {what} | "
                    f"{escape.md_cell(audience_text(project, roles, loc))} |")
    body += ["", heading(2, loc.ui("communication.messages"), "messages"), ""]
    for message in sorted(project.messages.values(), key=lambda m: send_date(project, m)):
        body += [heading(3, loc.text(message.subject), f"message-{message.id}"), ""]
        body += [f"*{escape.md_inline(loc.ui('communication.send_on', date=long_date(send_date(project, message), loc.lang)))}"
                 f" · {escape.md_inline(loc.ui('communication.to', audience=audience_text(project, message.audience, loc)))}*", ""]
        body += [escape.md_block(loc.text(message.body)), ""]
        if message.sessions:
            body += [f"| {loc.ui('communication.date')} | {loc.ui('communication.time')} | "
                     f"{loc.ui('communication.place')} | {loc.ui('communication.for')} |", "| --- | --- | --- | --- |"]
            for session in message.sessions:
                place = escape.md_cell(loc.text(session.place)) if session.place else "–"
                body.append(f"| {escape.md_cell(long_date(session_date(project, session), loc.lang))} | "
                            f"{session.start}–{end_time(session)} | {place} | "
                            f"{escape.md_cell(audience_text(project, session.roles, loc))} |")
            body.append("")
        links = [f"[{escape.md_inline(loc.text(project.roles[r].name))}]({link(path, role_path(r))})"
                 for r in audience_roles(project, message.audience)]
        body += [f"{escape.md_inline(loc.ui('communication.manuals'))} " + ", ".join(links), ""]
        surveys = {s.id: s for s in project.all_surveys}
        if message.survey in surveys:
            survey = surveys[message.survey]
            body += [f"{escape.md_inline(loc.ui('communication.survey'))} "
                     f"[{escape.md_inline(loc.text(survey.title))}]({link(path, survey_path(project, survey))})", ""]
    body += [escape.md_block(loc.ui("communication.drafts")), ""]
    return Page(path, loc.ui("communication.title"), body, project.site.source)
