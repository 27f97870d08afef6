"""One escaping rule for the whole pipeline: a text from a definition goes through the helper of the place it lands.

Every text a writer or translator wrote is data. Where it ends up decides what could make it markup, so there is
one helper per output context, and nothing else writes a definition's text into a page, a data block or a link:

========================================  =====================
where the text lands                      helper
========================================  =====================
HTML text (element content)               :func:`html_text`
HTML attribute value (quoted)             :func:`html_attribute`
a URL (href, src, form action)            :func:`url` / :func:`href`
JSON inside ``<script>``                  :func:`json_script`
Markdown, one line (headings, list items) :func:`md_inline`
Markdown blocks (paragraphs, lists)       :func:`md_block`
Markdown table cell                       :func:`md_cell`
Markdown quoted title (tabs, admonitions) :func:`md_title`
Markdown link (text and destination)      :func:`md_link`
text with no markup at all (tooltips)     :func:`plain`
YAML front matter value                   :func:`front_matter`
the text of HTML, as HTML (page titles)   :func:`text_of_html`
========================================  =====================

The Markdown helpers are :mod:`generator.catalog.markup`'s (writers' Markdown made inert); the others are plain
string work. A value that is already HTML (a page title as MkDocs hands it over) is turned into text first.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from generator.catalog import markup
from generator.strings import marks

#: Link schemes a reader's browser opens as a page, a mail or a call; anything else (javascript:, data:, vbscript:,
#: file:, …) is never written into a link.
SAFE_SCHEMES = markup.SAFE_SCHEMES


def html_text(text: str) -> str:
    """Text as the content of an HTML element."""
    return html.escape(text)


def html_attribute(text: str) -> str:
    """Text as a double-quoted HTML attribute value."""
    return html.escape(text, quote=True)


def url(value: str, schemes: tuple[str, ...] = SAFE_SCHEMES, relative: bool = True) -> str | None:
    """``value`` when a browser following it opens a page, mail or call (a relative URL only when ``relative``);
    None for anything else. The scheme is judged as browsers read it: entities decoded, control characters and
    whitespace removed ("java&#x09;script:", "java\\nscript:")."""
    scheme = markup.scheme_of(value)
    if scheme is None and markup.protocol_relative(value):
        scheme = "http"  # "//host/path" opens another host with the page's own scheme
    if scheme is None:
        return value if relative else None
    return value if scheme in schemes else None


def href(value: str, schemes: tuple[str, ...] = SAFE_SCHEMES) -> str:
    """A URL for an ``href`` attribute, escaped; an unsafe one becomes "#"."""
    return html_attribute(url(value, schemes) or "#")


def json_script(data: object, css_class: str) -> str:
    """A ``<script type="application/json">`` element that no text inside ``data`` can close or break out of."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    payload = (payload.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
               .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    payload = marks.to_json_safe(payload)  # left for the runtime, which marks them; the page's HTML fix would remove them
    return f'<script type="application/json" class="{html_attribute(css_class)}">{payload}</script>'


md_inline = markup.inline
md_block = markup.block
md_cell = markup.cell
md_title = markup.quoted
plain = markup.plain


def md_link(text_markdown: str, target: str) -> str:
    """A Markdown link to ``target``: its text already Markdown (from :func:`md_inline`), its destination
    percent-encoded so no character of it ends the link, and "#" for a target a browser would run."""
    safe = url(target) or "#"
    return f"[{text_markdown}]({quote(safe, safe=_URL_KEEP)})"


_URL_KEEP = "/:@!$&'*+,;=?#%~.-_"  #: characters of a URL that need no encoding in a Markdown destination (no parentheses)


def front_matter(value: str) -> str:
    """A YAML scalar for a page's front matter: double-quoted, so no value can start a mapping, list or tag."""
    return json.dumps(value, ensure_ascii=False)


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]*>")


def text_of_html(value: str) -> str:
    """The text of an HTML fragment (tags, comments and language marks dropped, entities decoded, whitespace collapsed)."""
    return " ".join(marks.strip(html.unescape(_TAG.sub("", _COMMENT.sub("", value or "")))).split())


def html_of_html_text(value: str) -> str:
    """An HTML fragment reduced to its text, written as HTML text that also fits a double-quoted attribute: what a
    page title may be wherever the theme puts it. (Apostrophes stay as they are: the theme quotes with ".)"""
    text = text_of_html(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
