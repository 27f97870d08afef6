"""The theme's strings from the strings layer: material's keys, Cutover's own chrome, HTML-escaped for templates.

material asks its ``partials/language.html`` for every string a reader sees or hears around the content (search
box, skip link, footer, aria labels, clipboard, …); Cutover's override of that partial asks :func:`theme_string`,
so those strings come from ``generator/locales`` and an organisation's ``locales/`` in every language of the site,
one material does not ship included. The settings material keeps among them (language, direction, search) are
computed. A language the strings layer lacks a theme string for gets material's own translation where material
has one (it ships about sixty languages), else English, marked as such. Values are escaped: a translator's ``&``
or ``"`` stays text in an attribute. No MkDocs types here: material's translations are read as the data they are.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import re
from pathlib import Path

from generator.render.localize import Localizer
from generator.site.search import search_settings
from generator.strings.files import REFERENCE, reference
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
    full = f"theme.{key}"
    if full not in reference():
        return ""
    if loc.lang != REFERENCE and not loc.has_ui(full) and key in material_strings(loc.lang):
        return html.escape(material_strings(loc.lang)[key])
    return html.escape(loc.ui(full))


def untranslated_theme_keys(loc: Localizer) -> list[str]:
    """The theme's strings a page of ``loc``'s language shows in English (neither translated nor in material)."""
    own = material_strings(loc.lang)
    return [key for key in reference() if key.startswith(("theme.", "chrome.")) and not loc.has_ui(key)
            and key.split(".", 1)[1] not in own] if loc.lang != REFERENCE else []


_ENTRY = re.compile(r'^\s*("(?:[^"\\]|\\.)*")\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*$', re.M)


@functools.cache
def material_strings(lang: str) -> dict[str, str]:
    """material's own translation of its strings into ``lang`` (its partials/languages/<lang>.html), if it has one."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0]) / "templates" / "partials" / "languages" / f"{lang}.html"
    if not re.fullmatch(r"[A-Za-z-]+", lang) or not path.is_file():
        return {}
    return {json.loads(k): json.loads(v) for k, v in _ENTRY.findall(path.read_text("utf-8"))}


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
