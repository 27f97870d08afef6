"""Turn writers' text into Markdown that cannot carry markup of its own.

Text fields may use Markdown (bold, lists, links, code), but never raw HTML,
attribute lists or script links: a field is data, and hostile data must stay
inert in the built page.
"""

from __future__ import annotations

import html
import re

# Code spans and fenced blocks keep their content verbatim.
_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]+`)", re.S)
_LINK_DEST = re.compile(r"(\]\(\s*<?)([^)\s>]*)")
_REF_DEF = re.compile(r"^(\s*\[[^\]]+\]:\s*<?)(\S+?)(>?)$", re.M)
_SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _safe_url(url: str) -> str:
    probe = re.sub(r"[\x00-\x20]", "", html.unescape(url))
    match = _SCHEME.match(probe)
    if match and match.group(1).lower() not in _SAFE_SCHEMES:
        return "#"
    return url


def _outside_code(text: str, fn) -> str:
    parts = _CODE.split(text)
    return "".join(part if i % 2 else fn(part) for i, part in enumerate(parts))


def _neutralise(part: str, braces: bool = True) -> str:
    part = part.replace("<", "&lt;")
    if braces:  # attribute lists ({: onclick=…}) exist only in the site's Markdown
        part = part.replace("{", "&#123;")
    part = _LINK_DEST.sub(lambda m: m.group(1) + _safe_url(m.group(2)), part)
    part = _REF_DEF.sub(lambda m: m.group(1) + _safe_url(m.group(2)) + m.group(3), part)
    return part


def block(text: str) -> str:
    """A Markdown block (paragraphs, lists) from a text field."""
    return _outside_code(text.strip(), _neutralise)


def portable(text: str) -> str:
    """Markdown for other tools (LMS imports): no raw HTML, safe links, braces left as they are."""
    return _outside_code(text.strip(), lambda part: _neutralise(part, braces=False))


def inline(text: str) -> str:
    """One line of Markdown: headings, list items, option labels."""
    return " ".join(block(text).split())


def cell(text: str) -> str:
    """A table cell."""
    return inline(text).replace("|", "\\|")


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def quoted(text: str) -> str:
    """A double-quoted title (tabs, admonitions)."""
    return inline(text).replace('"', "&quot;")


_ESCAPED = re.compile(r"\\([\\`*_\[\]{}()#+\-.!|~>])")


def unescape(text: str) -> str:
    """Markdown backslash escapes removed: the text as a reader sees it."""
    return _ESCAPED.sub(r"\1", text)


def plain(text: str) -> str:
    """Text for a place that shows no Markdown at all (tooltips, front matter)."""
    return " ".join(unescape(text).replace("<", "‹").replace(">", "›").split())
