"""The theme's strings from the strings layer: material's keys, Cutover's own chrome, HTML-escaped for templates.

material asks its ``partials/language.html`` for every string a reader sees or hears around the content (search
box, skip link, footer, aria labels, clipboard, …); Cutover's override of that partial asks :func:`theme_string`,
so those strings come from ``generator/locales`` and an organisation's ``locales/`` in every language of the site,
one material does not ship included. The settings material keeps among them (language, direction, search) are
computed. Values are escaped: a translator's ``&`` or ``"`` stays text in an attribute. No MkDocs types here.
"""

from __future__ import annotations

import html

from generator.render.localize import Localizer
from generator.site.search import search_settings
from generator.strings.files import reference
from generator.strings.languages import direction


def theme_string(loc: Localizer, key: str) -> str:
    """material's string ``key`` in ``loc``'s language, escaped; empty for a key the strings layer does not know
    (material's English then)."""
    if key == "language":
        return loc.lang
    if key == "direction":
        return direction(loc.lang)
    if key.startswith("search.config."):
        settings = search_settings(loc.lang)
        value = settings.get(key.rsplit(".", 1)[1])
        return html.escape(",".join(value) if isinstance(value, list) else value or "")
    if f"theme.{key}" not in reference():
        return ""
    return html.escape(loc.ui(f"theme.{key}"))


def ui_html(loc: Localizer, key: str, **fields: str) -> str:
    """An interface string as HTML: its text escaped, each field inserted as the HTML it is (templates pass markup)."""
    tokens = {name: f"\x00{name}\x00" for name in fields}
    text = html.escape(loc.ui(key, **tokens) if fields else loc.ui(key))
    for name, value in fields.items():
        text = text.replace(html.escape(tokens[name]), str(value))
    return text


def permalink_title(loc: Localizer) -> str:
    """The title of every heading's anchor (Python-Markdown's toc extension), plain text."""
    from generator.strings.marks import strip

    return strip(loc.ui("chrome.permalink"))


def footnote_backlink_title(loc: Localizer) -> str:
    """The footnotes extension's back link title, in its "{}" format."""
    from generator.strings.marks import strip

    return strip(loc.ui("chrome.footnote_backlink")).replace("{", "{{").replace("}", "}}").replace("{{number}}", "{}")
