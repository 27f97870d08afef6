"""Dates relative to the project's timeline: "21 days before cutover_date", "on phase hypercare", "2 weeks after
training_start".

An anchor is a date variable of catalog/site.yaml or a phase, whose date is the date variable its ``when`` names
("from {{ training_start }}"). Moving ``cutover_date`` moves every message and session anchored on it: nothing is
written down twice.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from generator.catalog import model as m
from generator.catalog.variables import PLACEHOLDER, value_for
from generator.errors import did_you_mean

_RELATIVE = re.compile(r"^\s*(?:on|(?P<count>\d{1,3})\s+(?P<unit>days?|weeks?)\s+(?P<direction>before|after))\s+"
                       r"(?:(?P<phase>phase)\s+)?(?P<anchor>[a-z][a-z0-9_-]*)\s*$")
FORMAT_HINT = "write it as 'on cutover_date', '21 days before cutover_date', '2 weeks after training_start' or '3 days after phase hypercare'"


@dataclass(frozen=True)
class RelativeDate:
    written: str  #: as in the definition
    days: int  #: offset from the anchor's date
    anchor: str  #: a date variable, or ``phase:<id>``


class ScheduleError(ValueError):
    """A relative date that cannot be read or resolved: ``str`` is the message, ``hint`` what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def parse(written: str) -> RelativeDate:
    match = _RELATIVE.match(written)
    if not match:
        raise ScheduleError(f"'{written}' is not a relative date", FORMAT_HINT)
    days = 0
    if match.group("count"):
        days = int(match.group("count")) * (7 if match.group("unit").startswith("week") else 1)
        days = -days if match.group("direction") == "before" else days
    anchor = ("phase:" if match.group("phase") else "") + match.group("anchor")
    return RelativeDate(written, days, anchor)


def date_variables(site: m.Site) -> dict[str, datetime.date]:
    """The site's variables whose value is a date (in the default language)."""
    found = {}
    for name in site.variables:
        value = value_for(site.variables, name, site.default_language, site.default_language)
        if isinstance(value, datetime.date):
            found[name] = value
    return found


def phase_dates(project: m.Project) -> dict[str, datetime.date]:
    """Each phase whose ``when`` names a date variable, with that date."""
    dates = date_variables(project.site)
    found = {}
    for phase in project.phases:
        raw = phase.when.values.get(project.site.default_language, "") if phase.when else ""
        names = [match.group("name") for match in PLACEHOLDER.finditer(raw) if match.group("name") in dates]
        if names:
            found[phase.id] = dates[names[0]]
    return found


def resolve(project: m.Project, date: RelativeDate) -> datetime.date:
    """The calendar date; :class:`ScheduleError` with a suggestion when the anchor is unknown."""
    if date.anchor.startswith("phase:"):
        phase = date.anchor[len("phase:"):]
        dated = phase_dates(project)
        if phase not in dated:
            ids = [p.id for p in project.phases]
            if phase in ids:
                raise ScheduleError(f"phase '{phase}' has no date", "give the phase a 'when' with a date variable, "
                                    "such as \"from {{ training_start }}\", or anchor on a date variable")
            raise ScheduleError(f"unknown phase '{phase}'", did_you_mean(phase, ids) or f"phases: {', '.join(ids)}")
        return dated[phase] + datetime.timedelta(days=date.days)
    dates = date_variables(project.site)
    if date.anchor not in dates:
        if date.anchor in project.site.variables:
            raise ScheduleError(f"the variable '{date.anchor}' is not a date", "anchor on a variable whose value is a date (YYYY-MM-DD)")
        choices = sorted(dates) + [f"phase {p}" for p in phase_dates(project)]
        raise ScheduleError(f"unknown date variable '{date.anchor}'",
                            did_you_mean(date.anchor, sorted(dates)) or f"date variables: {', '.join(choices) or 'none'}")
    return dates[date.anchor] + datetime.timedelta(days=date.days)
