"""Non-breaking spaces where a line must not break: "80 %", "10. März", "30 Minuten", "Nebenstelle 4357", "+49 30 …".

Writers type ordinary spaces (a non-breaking one is invisible in an editor, so nobody could keep them right by
hand); the page gets U+00A0 between a number and its unit, a day and its month, a number and the word or
abbreviation it belongs to, a time and "Uhr", and inside a phone number. Units and month names come from Babel
for the page's language, so a language needs no list of its own. Code spans keep their spaces.
"""

from __future__ import annotations

import functools
import re

from babel import Locale, UnknownLocaleError

from generator.catalog.markup import segments

NBSP = "\u00a0"
#: CLDR units whose names follow a number in running text.
_UNITS = ("duration-second", "duration-minute", "duration-hour", "duration-day", "duration-week", "duration-month",
          "duration-year", "concentr-percent")


@functools.cache
def _rules(lang: str) -> list[tuple[re.Pattern, str]]:
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    units = {"%", "‰"}
    patterns = locale._data.get("unit_patterns", {})
    for unit in _UNITS:
        for length in ("long", "short"):
            for pattern in dict(patterns.get(unit, {}).get(length, {})).values():
                word = pattern.replace("{0}", "").strip() if isinstance(pattern, str) else ""
                if len(word) > 1 and word[0].isalpha() and " " not in word:  # "Minuten", "Std.", "%"; not "a", "/h"
                    units.add(word)
    months = {name for context in ("format", "stand-alone") for width in ("wide", "abbreviated")
              for name in locale.months[context][width].values() if len(name.rstrip(".")) > 2}
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    month = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    number = r"(?<![\w.,])\d+(?:[.,]\d+)?"
    return [
        # a phone number: "+49 30 901820", "08 123 456 78"
        (re.compile(r"(?<![\w+])(?:\+\d{1,3}|0\d{1,4}(?:-\d+)?)(?: \d{1,8}){1,5}(?![\w])"), "phone"),
        # a number and its unit: "80 %", "30 Minuten", "15 s"
        (re.compile(rf"({number}) (?=(?:{unit})(?![^\W\d_]))", re.I), r"\1" + NBSP),
        # a day and its month, in either order: "10. März", "10 de marzo", "March 10"
        (re.compile(rf"(?<![\w.,])(\d{{1,2}}\.?) (?=(?:de )?(?:{month})(?!\w))", re.I), r"\1" + NBSP),
        (re.compile(rf"(?<!\w)((?:{month})\.?) (?=\d{{1,2}}(?!\d))", re.I), r"\1" + NBSP),
        # "de marzo" stays with its day too
        (re.compile(rf"(?<=\d{NBSP}de) (?=(?:{month})(?!\w))", re.I), NBSP),
        # a time and its word: "22:00 Uhr", "22.00 h", "10:00 am"
        (re.compile(r"(?<![\w.])(\d{1,2}[:.]\d{2}) (?=(?:Uhr|h|am|pm|a\.m\.|p\.m\.)(?!\w))"), r"\1" + NBSP),
        # an abbreviation and the number it introduces: "kl. 8.00", "Nr. 5", "S. 12"
        (re.compile(r"(?<![\w.])([^\W\d_]{1,3}\.) (?=\d)"), r"\1" + NBSP),
        # a word and the extension, code or year it names: "Nebenstelle 4357", "wählen Sie *86"
        (re.compile(r"(?<=[^\W\d_]{2}) (?=(?:\*\*)?(?:\\?\*\d{1,6}|\d{3,6})(?![\d.,:]\d))"), NBSP),
    ]


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def nonbreaking(text: str, lang: str) -> str:
    """``text`` (Markdown) with non-breaking spaces where the line must not break; code and front matter untouched."""
    if " " not in text or not any(c.isdigit() for c in text):
        return text
    front = _FRONT_MATTER.match(text)
    head, text = (front.group(0), text[front.end():]) if front else ("", text)
    return head + "".join(part if code else _apply(part, lang) for code, _, part in segments(text))


def _apply(text: str, lang: str) -> str:
    for pattern, replacement in _rules(lang):
        if replacement == "phone":
            text = pattern.sub(lambda m: m.group(0).replace(" ", NBSP), text)
        else:
            text = pattern.sub(replacement, text)
    return text
