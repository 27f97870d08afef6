"""Placeholders: ``{{ name }}`` in any text field or hand-written page.

Only identifier-shaped placeholders are replaced; anything else between
braces (``{{ 7*7 }}``, ``{% if %}``) is left exactly as written, because no
template engine ever runs over content. ``\\{{ name }}`` writes the braces
literally.
"""

from __future__ import annotations

import datetime
import re
from typing import Mapping

from babel.dates import format_date

PLACEHOLDER = re.compile(r"(?P<escape>\\)?\{\{\s*(?P<name>[a-z][a-z0-9_]*)\s*\}\}")


def builtin_variables() -> tuple[str, ...]:
    """Names that always exist, whatever site.yaml says."""
    return ("language",)


def value_for(variables: Mapping[str, Mapping[str, object]], name: str, lang: str, default_lang: str) -> object:
    values = variables[name]
    for key in (lang, "*", default_lang):
        if key in values:
            return values[key]
    return next(iter(values.values()))


def format_value(value: object, lang: str) -> str:
    if isinstance(value, datetime.date):
        try:
            return format_date(value, format="long", locale=lang.replace("-", "_"))
        except Exception:  # babel knows no such locale: ISO dates read everywhere
            return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
_CODE_SPAN = re.compile(r"(`[^`\n]+`)")


def markdown_escape(value: str) -> str:
    """A value as literal Markdown text: feature codes such as *86 must not turn into emphasis."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def substitute(text: str, variables: Mapping[str, Mapping[str, object]], lang: str, default_lang: str,
               markdown: bool = False) -> str:
    """Replace known placeholders; unknown ones were already reported by the checks.

    With ``markdown=True`` values are escaped as literal Markdown, except inside code spans.
    """

    def replace(match: re.Match, escape: bool) -> str:
        if match.group("escape"):
            return match.group(0)[1:]
        name = match.group("name")
        if name == "language":
            return lang
        if name not in variables:
            return match.group(0)
        value = format_value(value_for(variables, name, lang, default_lang), lang)
        return markdown_escape(value) if escape else value

    if not markdown:
        return PLACEHOLDER.sub(lambda m: replace(m, False), text)
    parts = _CODE_SPAN.split(text)
    return "".join(PLACEHOLDER.sub(lambda m, code=i % 2 == 1: replace(m, not code), part) for i, part in enumerate(parts))
