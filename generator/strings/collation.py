"""Sorting by a language's alphabet, with ICU's collation (CLDR's tailorings, through PyICU).

Code-point order puts "Ärende" after "Zon"; German wants "Ärende" beside "Arbeit", Swedish wants å, ä, ö after z,
Polish ł after l. ICU implements CLDR's rules for every language (babel has none; pyuca knows only the root
order, which is wrong for Swedish). A language ICU does not know sorts by the root (language-neutral) order.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterable, TypeVar

import icu

from generator.strings.marks import strip

T = TypeVar("T")


@functools.cache
def _collator(lang: str) -> "icu.Collator":
    collator = icu.Collator.createInstance(icu.Locale(lang.replace("-", "_")))
    # Numbers in text sort by value ("Step 2" before "Step 10"), as a reader expects from a list.
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return collator


def sort_key(lang: str) -> Callable[[str], bytes]:
    """A key function that orders texts as a reader of ``lang`` expects (marks and case are no tie-breakers)."""
    collator = _collator(lang)
    return lambda text: collator.getSortKey(strip(text))


def sorted_by(items: Iterable[T], lang: str, text: Callable[[T], str]) -> list[T]:
    """``items`` in the alphabetical order of ``text(item)`` in ``lang``."""
    key = sort_key(lang)
    return sorted(items, key=lambda item: key(text(item)))
