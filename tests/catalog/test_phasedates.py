"""Phase dates: start and end as dates, date variables, 'after <phase>' and 'ongoing'; each mistake at file:line."""

import datetime
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.render.localize import Localizer
from generator.render.phases import line, state

from support import load_problems

D = datetime.date


def _phases(project: Path, text: str) -> None:
    (project / "catalog/phases.yaml").write_text("phases:\n" + text, "utf-8")
    for translation in (project / "catalog").glob("phases.*.yaml"):
        translation.unlink()


GOOD = """\
  - id: parallel
    name: Parallel operation
    summary: Both systems run side by side.
    start: '2027-02-15'
  - id: cutover
    name: Cutover
    summary: Numbers move.
    start: "{{ cutover_date }}"
    end: "{{ cutover_date }}"
    switch: true
  - id: after
    name: After
    summary: Life goes on.
    start: after cutover
    end: ongoing
"""


def test_dates_variables_relative_starts_and_ongoing(project: Path):
    _phases(project, GOOD)
    phases = {p.id: p for p in load_project(project).project.phases}
    assert (phases["parallel"].start, phases["parallel"].end) == (D(2027, 2, 15), D(2027, 3, 9))  # until the next starts
    assert (phases["cutover"].start, phases["cutover"].end, phases["cutover"].switch) == (D(2027, 3, 10), D(2027, 3, 10), True)
    assert (phases["after"].start, phases["after"].end, phases["after"].ongoing) == (D(2027, 3, 11), None, True)


@pytest.mark.parametrize("day, expected", [
    (D(2027, 1, 2), "67 days until the switch on March 10, 2027. Next: Parallel operation, from February 15, 2027."),
    (D(2027, 3, 9), "1 day until the switch on March 10, 2027. Current phase: Parallel operation."),
    (D(2027, 3, 10), "Today is the switch: March 10, 2027. Current phase: Cutover."),
    (D(2028, 1, 1), "The switch took place on March 10, 2027. Current phase: After."),
])
def test_the_phase_line_before_during_and_after_the_switch(project: Path, day, expected):
    _phases(project, GOOD)
    loaded = load_project(project).project
    assert line(loaded, Localizer(loaded, "en"), day) == expected
    assert [state(p, day) for p in loaded.phases].count("current") == (0 if day.year == 2027 and day.month == 1 else 1)


@pytest.mark.parametrize("start, end, message", [
    ('"{{ cutover_dat }}"', None, "catalog/phases.yaml:6:5: error: there is no variable 'cutover_dat' (did you mean 'cutover_date'?)"),
    ('"{{ new_system }}"', None, "catalog/phases.yaml:6:5: error: the variable 'new_system' is not a date"),
    ("soon", None, "catalog/phases.yaml:6:5: error: 'soon' is not a date"),
    ("after cutovr", None, "catalog/phases.yaml:6:5: error: there is no phase 'cutovr' (did you mean 'cutover'?)"),
    ("'2027-04-01'", "'2027-03-01'", "catalog/phases.yaml:7:5: error: the phase ends (2027-03-01) before it starts (2027-04-01)"),
])
def test_wrong_dates_are_located_errors(project: Path, start, end, message):
    _phases(project, "  - id: cutover\n    name: Cutover\n    summary: Numbers move.\n  - id: x\n"
                     f"    start: {start}\n" + (f"    end: {end}\n" if end else "") + "    name: X\n    summary: Y.\n")
    problems = load_problems(project)
    assert any(p.startswith(message) for p in problems), problems
