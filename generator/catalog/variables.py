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

from generator.catalog.markup import segments

PLACEHOLDER = re.compile(r"(?P<escape>\\)?\{\{\s*(?P<name>[a-z][a-z0-9_]*)\s*\}\}")
#: "{{ org_name" with no "}}" before the next "{{" or the end of the line: a placeholder that never closes, printed as
#: written. ("{{ 7*7 }}" or "{{ a.b }}" close: they are template syntax, shown as written on purpose.)
UNCLOSED = re.compile(r"(?<!\\)\{\{\s*(?P<name>[a-z][a-z0-9_]*)(?![a-z0-9_])(?!(?:(?!\{\{)[^\n])*\}\})")


def unclosed(text: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) of every placeholder in ``text`` that is not closed."""
    return [(m.start(), f"the placeholder '{m.group(0).strip()}' is not closed: it would be printed as written",
             f"write {{{{ {m.group('name')} }}}}, or \\{{{{ to show the braces") for m in UNCLOSED.finditer(text)]


def nested(name: str, value: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) of every placeholder inside the value of the variable ``name``: values are filled in
    once, as written, so one would be printed literally (and one naming its own variable could never end)."""
    found = []
    for match in PLACEHOLDER.finditer(value):
        if match.group("escape"):
            continue
        other = match.group("name")
        what = "refers to itself" if other == name else f"uses the variable '{{{{ {other} }}}}'"
        found.append((match.start(), f"the value of '{name}' {what}: variables are not filled in inside variables, "
                                     "so it would be printed as written",
                      "write the value itself, or \\{{ to show the braces"))
    return found + unclosed(value)


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


def markdown_escape(value: str) -> str:
    """A value as literal Markdown text: feature codes such as *86 must not turn into emphasis, and a value
    with "<" or "{" must not become HTML or an attribute list on a hand-written page."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("<", "&lt;").replace("{", "&#123;")


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
        # In code a value shows as written; one that could end the span or mean HTML is escaped there too, in
        # case Markdown pairs the page's backticks differently (the page's own text is the writer's to fix).
        return markdown_escape(value) if escape or any(c in value for c in "`\n<{") else value

    if not markdown:
        return PLACEHOLDER.sub(lambda m: replace(m, False), text)
    return "".join(PLACEHOLDER.sub(lambda m, code=code: replace(m, not code), part) for code, _, part in segments(text))
