"""Plural forms by CLDR rules (from babel): which forms a language needs, and which one a count takes.

A counted interface string is a mapping from CLDR category to text, the count always in ``{count}``::

    features_count:
      one: "{count} feature"
      other: "{count} features"

Polish needs one, few, many and other; Japanese only other. The quiz runtime picks the same categories in the
browser with ``Intl.PluralRules`` (both follow CLDR).
"""

from __future__ import annotations

import functools
from typing import Any

from generator.strings.languages import locale as _locale

#: Every CLDR plural category, in CLDR's order (the order a strings file lists them in).
CATEGORIES = ("zero", "one", "two", "few", "many", "other")

#: The field of a counted string that holds the count and chooses the form.
COUNT = "count"


@functools.cache
def categories(lang: str) -> tuple[str, ...]:
    """The categories ``lang`` distinguishes, in CLDR order (English rules for a language CLDR does not know)."""
    locale = _locale(lang) or _locale("en")
    return tuple(c for c in CATEGORIES if c in locale.plural_form.tags or c == "other")  # babel leaves "other" implicit


def category(lang: str, count: int | float) -> str:
    """The category ``count`` takes in ``lang``: 1 → one in English, 3 → few in Polish, 5 → many."""
    locale = _locale(lang) or _locale("en")
    return locale.plural_form(count)


def is_plural(value: Any) -> bool:
    """Whether a strings-file value is a set of plural forms rather than a section of keys."""
    return isinstance(value, dict) and bool(value) and all(k in CATEGORIES for k in value)


def choose(forms: dict[str, str], lang: str, count: int | float) -> str:
    """The form for ``count``; ``other`` when the file lacks the category (a check warns about that)."""
    return forms.get(category(lang, count)) or forms["other"]
