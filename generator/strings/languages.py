"""Language codes and what CLDR (through babel) knows about each: its name, its writing direction.

A site's language is any language CLDR knows whose code static-i18n accepts (``pl``, ``it``, ``pt-BR``): that is
what gives it plural rules, a name in its own language for the language menu, and a writing direction.
"""

from __future__ import annotations

import functools
import re

from babel import Locale, UnknownLocaleError

#: The codes mkdocs-static-i18n accepts: ISO 639-1, optionally with a script and a region (``zh-Hant``, ``pt-BR``).
CODE = re.compile(r"^[a-z]{2}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")


@functools.cache
def locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def known(lang: str) -> bool:
    """Whether CLDR knows the language (plural rules, names, direction)."""
    return locale(lang) is not None


def problem(lang: str) -> str | None:
    """Why ``lang`` cannot be a site's language, or None."""
    if not CODE.match(lang):
        return (f"'{lang}' is not a language code: use a two-letter ISO 639-1 code, optionally with a region "
                "(pl, it, pt-BR)")
    if not known(lang):
        return f"'{lang}' is not a language CLDR knows (no plural rules, no name)"
    return None


def language_name(code: str, in_language: str) -> str:
    """'German' in English, 'Deutsch' in German; the code itself if babel does not know it."""
    found = locale(code)
    try:
        return (found.get_display_name(in_language.replace("-", "_")) if found else None) or code
    except (UnknownLocaleError, ValueError):
        return code


def autonym(code: str) -> str:
    """The language's name in itself, as a menu shows it: 'Polski', 'Italiano'."""
    name = language_name(code, code)
    return name[:1].upper() + name[1:]


def direction(lang: str) -> str:
    """``rtl`` for right-to-left scripts (Arabic, Hebrew, …), else ``ltr``."""
    found = locale(lang)
    return "rtl" if found is not None and found.character_order == "right-to-left" else "ltr"
