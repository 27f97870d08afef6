"""Timed announcements (catalog/messages/<id>.yaml): the model, and the checks the schema cannot express.

A message's audience and its sessions' roles must be known roles (or ``all``), its survey a known survey, and every
relative date must resolve against the site's date variables and phases; each problem is located in the message
file, with a suggestion.
"""

from __future__ import annotations

from generator.catalog import model as m
from generator.catalog.schedule import ScheduleError, parse, resolve
from generator.catalog.yamlio import Document
from generator.errors import Problem, did_you_mean


def build(t: dict, source: str) -> m.Message:
    sessions = [m.Session(id=s["id"], date=s["date"], start=s["start"], minutes=s["minutes"], roles=list(s["roles"]),
                          place=s.get("place")) for s in t.get("sessions", [])]
    return m.Message(id=t["id"], audience=list(t["audience"]), send=t["send"], subject=t["subject"], body=t["body"],
                     survey=t.get("survey"), sessions=sessions, source=source)


def check(project: m.Project, docs: dict[str, Document], hide: dict | None = None) -> list[Problem]:
    """Problems of every message the site shows (a hidden one, e.g. the kit's invitation to a survey the organisation
    replaced, is not judged: its file is the kit's, which the organisation cannot edit)."""
    problems: list[Problem] = []
    surveys = [s.id for s in project.all_surveys]
    hidden = set((hide or {}).get("messages") or [])
    for message in project.messages.values():
        doc = docs.get(message.source)
        if doc is None or message.id in hidden:
            continue
        problems += _roles(project, doc, ("audience",), message.audience)
        problems += _date(project, doc, ("send",), message.send)
        if message.survey and message.survey not in surveys:
            problems.append(doc.problem(("survey",), f"unknown survey '{message.survey}'",
                                        did_you_mean(message.survey, surveys) or f"surveys: {', '.join(surveys) or 'none'}"))
        seen: set[str] = set()
        for i, session in enumerate(message.sessions):
            if session.id in seen:
                problems.append(doc.problem(("sessions", i, "id"), f"duplicate session id '{session.id}'", "session ids must be unique"))
            seen.add(session.id)
            problems += _roles(project, doc, ("sessions", i, "roles"), session.roles)
            problems += _date(project, doc, ("sessions", i, "date"), session.date)
    return problems


def _roles(project: m.Project, doc: Document, path: tuple, roles: list[str]) -> list[Problem]:
    problems = []
    for i, role in enumerate(roles):
        if role == "all":
            if len(roles) > 1:
                problems.append(doc.problem(path + (i,), "'all' already means every role", "write [all] alone, or list roles"))
        elif role not in project.roles:
            problems.append(doc.problem(path + (i,), f"unknown role '{role}'",
                                        did_you_mean(role, project.roles) or f"roles: all, {', '.join(project.roles)}"))
    return problems


def _date(project: m.Project, doc: Document, path: tuple, written: str) -> list[Problem]:
    try:
        resolve(project, parse(written))
    except ScheduleError as exc:
        return [doc.problem(path, str(exc), exc.hint)]
    return []
