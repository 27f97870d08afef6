"""Where the migration is: each phase's dates as words, its state on a day, and the data the browser's clock reads.

Pages that show "where we are" (the home page, the timeline, the role manuals) are written correct as of the build's
date (``project.today``, see :func:`generator.site.lastchanged.as_of_date`), for readers without JavaScript and on
paper, and say so; ``assets/phases.js`` recomputes the same from today's date in the reader's browser, from the
JSON :func:`phases_data` embeds. Both compare ISO dates, so they agree on every day.
"""

from __future__ import annotations

import datetime

from babel.dates import format_interval

from generator.catalog.model import Phase, Project
from generator.catalog.variables import format_value
from generator.render import escape
from generator.render.localize import Localizer

PAST, CURRENT, FUTURE, UNKNOWN = "past", "current", "future", "unknown"


def as_of(project: Project) -> datetime.date:
    return project.today or datetime.date.today()


def date_words(day: datetime.date, loc: Localizer) -> str:
    return format_value(day, loc.lang)


def label(phase: Phase, loc: Localizer) -> str:
    """When the phase happens, in words: its own ``when`` text, else from its dates."""
    if phase.when:
        return loc.text(phase.when)
    if phase.start is None:
        return loc.ui("phase.tba")
    if phase.ongoing:
        return loc.ui("phase.from", date=date_words(phase.start, loc))
    if phase.end is None or phase.end == phase.start:
        return date_words(phase.start, loc)
    try:
        return format_interval(phase.start, phase.end, "yMMMd", locale=loc.lang.replace("-", "_"))
    except Exception:  # babel knows no such locale
        return f"{phase.start.isoformat()} – {phase.end.isoformat()}"


def state(phase: Phase, day: datetime.date) -> str:
    if phase.start is None:
        return UNKNOWN
    if day < phase.start:
        return FUTURE
    if phase.ongoing or day <= (phase.end or phase.start):
        return CURRENT
    return PAST


def switch_phase(project: Project) -> Phase | None:
    return next((p for p in project.phases if p.switch and p.start), None)


def line(project: Project, loc: Localizer, day: datetime.date) -> str:
    """The countdown to (or since) the switch, then the phase we are in: as ``assets/phases.js`` writes it."""
    parts = []
    switch = switch_phase(project)
    if switch:
        days = (switch.start - day).days
        when = date_words(switch.start, loc)
        if days > 0:
            parts.append(loc.ui("phase.countdown", count=days, date=when))
        elif days == 0:
            parts.append(loc.ui("phase.switch_today", date=when))
        else:
            parts.append(loc.ui("phase.switch_done", date=when))
    states = {p.id: state(p, day) for p in project.phases}
    current = [p for p in project.phases if states[p.id] == CURRENT]
    if current:
        parts.append(loc.ui("phase.now", phase=loc.ui("phase.and").join(loc.text(p.name) for p in current)))
    else:
        upcoming = next((p for p in project.phases if states[p.id] == FUTURE), None)
        if upcoming:
            parts.append(loc.ui("phase.next", phase=loc.text(upcoming.name), date=date_words(upcoming.start, loc)))
        elif project.phases and all(s == PAST for s in states.values()):
            parts.append(loc.ui("phase.done"))
    return " ".join(parts)


def static_line_html(project: Project, loc: Localizer) -> str:
    """The phase line as the build writes it: honest about its date ("As of …:"); the browser's clock replaces it."""
    day = as_of(project)
    return (f'<p class="cutover-phase-line" aria-live="polite"><span class="cutover-phase-line__as-of">'
            f'{escape.html_text(loc.ui("phase.as_of", date=date_words(day, loc)))} </span>'
            f'{escape.html_text(line(project, loc, day))}</p>')


def phases_data(project: Project, loc: Localizer) -> str:
    """The JSON script every page with a phase clock carries (dates, names, the line's strings)."""
    switch = switch_phase(project)
    data = {
        "lang": loc.lang,
        "phases": [{"id": p.id, "name": loc.text(p.name), "start": p.start.isoformat() if p.start else None,
                    "end": p.end.isoformat() if p.end else None, "ongoing": p.ongoing,
                    "label": date_words(p.start, loc) if p.start else ""} for p in project.phases],
        "switch": {"date": switch.start.isoformat(), "label": date_words(switch.start, loc)} if switch else None,
        "strings": {key: loc.ui_value(f"phase.{key}") for key in
                    ("countdown", "switch_today", "switch_done", "now", "next", "done", "and")},
    }
    return escape.json_script(data, "cutover-phases-data")


def marker_attributes(phase: Phase, project: Project) -> str:
    """data-phase-id and the state as of the build, for an element the browser's clock updates."""
    return f'data-phase-id="{escape.html_attribute(phase.id)}" data-state="{state(phase, as_of(project))}"'
