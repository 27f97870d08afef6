"""Times and dates a translation writes by hand that its source does not have: "22:00" in English, "23:00" in German.

Each translated text is compared with its source text, each hand-written page with the default language's page of
the same name. A time or date in the translation that the source does not contain is a warning at the place in the
translation file, because it is almost always a slip (a changed porting window, a mistyped day) that no reader of
one language can notice. Times are read in each language's ways of writing them ("22:00", "22.00", "22 Uhr",
"kl. 22", "10 pm"); dates as a day and a month named in the text's language (Babel's month names): "10 March",
"10. März", "10 de marzo", "den 10 mars". Placeholders such as ``{{ cutover_date }}`` are written by the generator
and never differ, so they are not read.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterator

from babel import Locale, UnknownLocaleError

from generator.authoring.prose import line_starts, masked, position, scalar_spans
from generator.catalog.model import Project
from generator.errors import Problem, Severity, relative

#: Problem code of a time or date that differs from the source's.
CODE = "number-mismatch"

_CLOCK = r"(?<![\d.,:])([01]?\d|2[0-4])[:.]([0-5]\d)(?![\d]|[.,]\d)"
#: A whole hour written without minutes, by language: "22 Uhr", "kl. 22", "a las 22", "10 pm".
_HOURS = {
    "de": r"(?<![\d.,:])([01]?\d|2[0-4])\s+Uhr\b",
    "sv": r"\bkl(?:\.|ockan)\s*([01]?\d|2[0-4])(?![\d.:])",
    "es": r"\blas\s+([01]?\d|2[0-4])(?![\d.:])(?:\s*h\b)?",
    "en": r"(?<![\d.,:])(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\.?(?!\w)",
}

#: Times said in words.
_NAMED = {"en": {"noon": 720, "midday": 720, "midnight": 0}, "de": {"Mitternacht": 0},
          "es": {"mediodía": 720, "medianoche": 0}, "sv": {"midnatt": 0}}


def times(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """(offset, minutes after midnight) of every time written in ``text``."""
    base = lang.split("-")[0]
    taken: set[int] = set()
    if base == "en":
        for m in re.finditer(_HOURS["en"], text, re.I):
            hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
            taken.add(m.start())
            yield m.start(), hour * 60 + int(m.group(2) or 0)
    for m in re.finditer(_CLOCK, text):
        if m.start() not in taken:
            yield m.start(), (int(m.group(1)) % 24) * 60 + int(m.group(2))
    if base in _HOURS and base != "en":
        for m in re.finditer(_HOURS[base], text, re.I):
            yield m.start(1), (int(m.group(1)) % 24) * 60
    for word, minutes in _NAMED.get(base, {}).items():
        for m in re.finditer(rf"(?<!\w){word}(?!\w)", text, re.I):
            yield m.start(), minutes


@functools.cache
def _month_pattern(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """A pattern for a day and a month name in ``lang`` (either order), and month name -> number."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None, {}
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                names.setdefault(name.lower().rstrip("."), number)
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    day = r"(?<![\d.,:])(?P<day>[0-3]?\d)\.?"
    pattern = rf"{day}\s+(?:de\s+)?(?P<month>{alternatives})\.?(?!\w)|(?<!\w)(?P<month2>{alternatives})\.?\s+(?P<day2>[0-3]?\d)(?![\d:])"
    return re.compile(pattern, re.I), names


def dates(text: str, lang: str) -> Iterator[tuple[int, tuple[int, int]]]:
    """(offset, (month, day)) of every date written with a month name in ``text``."""
    pattern, names = _month_pattern(lang)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        day = int(m.group("day") or m.group("day2"))
        month = names[(m.group("month") or m.group("month2")).lower().rstrip(".")]
        if 1 <= day <= 31:
            yield m.start(), (month, day)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def differences(source: str, source_lang: str, translation: str, lang: str) -> Iterator[tuple[int, str, str]]:
    """(offset in ``translation``, what it writes, what the source has) for each time or date the source lacks."""
    source, translation = masked(source), masked(translation)
    known_times = {value for _, value in times(source, source_lang)}
    for offset, value in times(translation, lang):
        if value not in known_times:
            yield offset, f"the time {_clock(value)}", ", ".join(sorted(map(_clock, known_times))) or "no time"
    known_dates = {value for _, value in dates(source, source_lang)}
    for offset, (month, day) in dates(translation, lang):
        if (month, day) not in known_dates:
            have = ", ".join(f"{d}/{m}" for m, d in sorted(known_dates)) or "no date"
            yield offset, f"the date {day}/{month}", have


def check_consistency(project: Project, root: Path) -> list[Problem]:
    """Warnings for times and dates in translations (texts and hand-written pages) that differ from the source's."""
    site = project.site
    default = site.default_language
    problems: list[Problem] = []
    by_file: dict[str, list[tuple[tuple[int, int], str, str, str]]] = {}
    for text in project.texts():
        source = text.values.get(default)
        if source is None:
            continue
        for lang, value in text.values.items():
            origin = text.origins.get(lang)
            if lang == default or origin is None or not any(c.isdigit() for c in value):
                continue
            by_file.setdefault(origin.path, []).append(((origin.line, origin.col), lang, source, value))
    for display, items in by_file.items():
        path = root / display
        if not path.is_file():
            continue  # a kit's translation: the kit's own check reads it
        raw = _read(path)
        if raw is None:
            continue
        spans = {anchor: (start, end) for anchor, _, start, end in scalar_spans(raw)}
        starts = line_starts(raw)
        for anchor, lang, source, _ in items:
            if anchor not in spans:
                continue
            start, end = spans[anchor]
            for offset, found, have in differences(source, default, raw[start:end], lang):
                problems.append(_problem(display, *position(starts, start + offset), found, have))
    docs = root / "docs"
    for lang in site.languages[1:]:
        folder = docs / lang
        for page in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            original = docs / default / page.relative_to(folder)
            if not original.is_file():
                continue
            raw, source_text = _read(page), _read(original)
            if raw is None or source_text is None:
                continue
            starts = line_starts(raw)
            for offset, found, have in differences(source_text, default, raw, lang):
                problems.append(_problem(relative(page, root), *position(starts, offset), found, have,
                                         relative(original, root)))
    return problems


def _read(path: Path) -> str | None:
    """A file's text, or None when it cannot be read (loading and staging report that, at its place)."""
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _problem(display: str, line: int, col: int, found: str, have: str, source: str = "the source text") -> Problem:
    return Problem(display, line, col, f"{found} is not in {source}",
                   f"the source has {have}: correct the translation, or the source if it is the one that is wrong",
                   Severity.WARNING, CODE)
