"""When each migration phase happens: ``start`` and ``end`` of catalog/phases.yaml resolved to dates.

A phase's ``start`` is a date (``2027-02-01``), a date variable of site.yaml (``"{{ training_start }}"``) or
``after <phase id>`` (the day after that phase ends). Its ``end`` is a date, a date variable, or ``ongoing`` (the
phase has no end: handover to operations); without one, a phase ends the day before the next phase in the file
starts (a phase that starts on the same day as the next one needs an end). Every value is checked here and each
problem named at its file and line; the timeline, the home page and the role manuals read the result.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Mapping

from generator.catalog.yamlio import Document
from generator.errors import Problem, did_you_mean

_VARIABLE = re.compile(r"^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$")
_AFTER = re.compile(r"^after\s+([a-z0-9-]+)$")
ONGOING = "ongoing"


@dataclass(frozen=True)
class Dates:
    start: datetime.date | None
    end: datetime.date | None  #: the last day (inclusive); None with ``ongoing`` or when not known
    ongoing: bool = False


@dataclass
class Entry:
    """One phase as written: its settings, the file it is in and its position in that file's list."""

    data: dict
    doc: Document | None
    index: int

    def problem(self, key: str, message: str, hint: str) -> Problem:
        return self.doc.problem(("phases", self.index, key), message, hint)


def resolve(entries: list[Entry], variables: Mapping[str, Mapping[str, object]], default_lang: str) -> tuple[dict[str, Dates], list[Problem]]:
    """Every phase's dates by id, and the problems of the ``start`` and ``end`` values."""
    problems: list[Problem] = []
    ids = [e.data["id"] for e in entries]
    starts: dict[str, datetime.date | None] = {}
    ends: dict[str, datetime.date | None] = {}
    ongoing: dict[str, bool] = {}
    pending: list[tuple[Entry, str]] = []  # (entry, the phase it starts after)

    def value(entry: Entry, key: str) -> datetime.date | None:
        raw = entry.data.get(key)
        if raw is None:
            return None
        if isinstance(raw, datetime.date):
            return raw
        text = str(raw).strip()
        match = _VARIABLE.match(text)
        if match:
            name = match.group(1)
            if name not in variables:
                problems.append(entry.problem(key, f"there is no variable '{name}'",
                                              did_you_mean(name, list(variables)) or "add it under variables in catalog/site.yaml"))
                return None
            values = variables[name]
            found = values.get(default_lang, values.get("*", next(iter(values.values()), None)))
            if not isinstance(found, datetime.date):
                problems.append(entry.problem(key, f"the variable '{name}' is not a date",
                                              "write its value as a date, e.g. 2027-03-10, in catalog/site.yaml"))
                return None
            return found
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            expected = "a date (2027-03-10), a date variable ({{ cutover_date }})"
            expected += ", or 'after <phase id>'" if key == "start" else ", or 'ongoing'"
            problems.append(entry.problem(key, f"'{text}' is not a date", f"write {expected}"))
            return None

    for entry in entries:
        pid = entry.data["id"]
        start_text = str(entry.data.get("start", "")).strip()
        after = _AFTER.match(start_text)
        if after:
            other = after.group(1)
            if other not in ids:
                problems.append(entry.problem("start", f"there is no phase '{other}'", did_you_mean(other, ids) or f"the phases: {', '.join(ids)}"))
            elif other == pid:
                problems.append(entry.problem("start", "a phase cannot start after itself", "name the phase before it"))
            else:
                pending.append((entry, other))
            starts[pid] = None
        else:
            starts[pid] = value(entry, "start")
        ongoing[pid] = str(entry.data.get("end", "")).strip() == ONGOING
        ends[pid] = None if ongoing[pid] else value(entry, "end")

    def end_of(pid: str, seen: tuple = ()) -> datetime.date | None:
        if ends.get(pid) is not None or ongoing.get(pid):
            return ends.get(pid)
        position = ids.index(pid)
        start = start_of(pid, seen)
        following = start_of(ids[position + 1], seen) if position + 1 < len(ids) else None
        if start is not None and following is not None and following > start:
            return following - datetime.timedelta(days=1)
        return start if position + 1 == len(ids) or following is None else None

    def start_of(pid: str, seen: tuple = ()) -> datetime.date | None:
        if starts.get(pid) is not None:
            return starts[pid]
        for entry, other in pending:
            if entry.data["id"] == pid and pid not in seen:
                finish = end_of(other, seen + (pid,))
                return finish + datetime.timedelta(days=1) if finish is not None else None
        return None

    result: dict[str, Dates] = {}
    for entry in entries:
        pid = entry.data["id"]
        start, end = start_of(pid), end_of(pid)
        for other_entry, other in pending:
            if other_entry is entry and start is None and ongoing.get(other):
                problems.append(entry.problem("start", f"phase '{other}' is ongoing: nothing starts after it",
                                              "give this phase a date"))
        if start is not None and end is not None and end < start:
            problems.append(entry.problem("end", f"the phase ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                                          "check both dates"))
        if start is not None and end is None and not ongoing[pid] and "end" not in entry.data:
            problems.append(entry.problem("start", f"phase '{pid}' starts on the same day as the next one or later, so its end is unknown",
                                          "give it an end: a date, a date variable or 'ongoing'"))
        result[pid] = Dates(start, end, ongoing[pid])
    return result, problems
