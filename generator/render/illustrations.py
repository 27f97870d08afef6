"""The kit's illustrations: vendor-neutral SVG drawings (generator/site/illustrations/) inlined into pages.

Inlined rather than linked so that they take the organisation's colours: their shapes carry classes (``ill-primary``,
``ill-surface`` …) that site.css paints with the theme's custom properties (``--md-primary-fg-color``); the colours
written in the files are only for viewing them on their own. Each is an image with its alt text in the page's
language (``illustration.<name>`` in the interface strings) and no ids, so a page may show one several times.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from generator.render import escape
from generator.render.localize import Localizer

FOLDER = Path(__file__).resolve().parent.parent / "site" / "illustrations"
#: The illustrations the kit ships, by the name a feature's ``illustration`` uses.
NAMES = ("desk-phone", "desktop-app", "mobile-app", "migration-path")
#: The illustration of a built-in device, shown at the top of its tab in the guides.
DEVICE_ILLUSTRATIONS = {"desktop": "desktop-app", "mobile": "mobile-app", "desk_phone": "desk-phone", "web": "desktop-app"}

_TITLE_DESC = re.compile(r"<(title|desc)\b[^>]*>.*?</\1>\s*", re.S)
_ROOT_ACCESSIBILITY = re.compile(r'\s(?:role|aria-labelledby|width|height)="[^"]*"')


@functools.cache
def _drawing(name: str) -> str:
    svg = (FOLDER / f"{name}.svg").read_text("utf-8")
    svg = _TITLE_DESC.sub("", svg)
    head, rest = svg.split(">", 1)
    return _ROOT_ACCESSIBILITY.sub("", head), rest.strip()


def illustration(name: str, loc: Localizer, css: str = "") -> str:
    """The drawing as an accessible inline image (``role="img"`` with its alt text as title and label)."""
    head, rest = _drawing(name)
    alt = loc.ui("illustration." + name.replace("-", "_"))
    title = escape.html_text(alt)
    svg = f'{head} role="img" aria-label="{escape.html_attribute(alt)}" focusable="false"><title>{title}</title>{rest}'
    classes = "cutover-illustration" + (f" {css}" if css else "")
    return f'<figure class="{classes}">{svg}</figure>'


#: In Markdown that is indented (a device tab), raw HTML blocks are not recognised: such places get this marker,
#: a paragraph of its own, which :func:`expand` replaces with the drawing in the built page's HTML.
_MARKER = re.compile(r'<p><span data-illustration-slot="([a-z-]+)" data-class="([a-z- ]*)"></span></p>')


def marker(name: str, css: str = "") -> str:
    return f'<span data-illustration-slot="{name}" data-class="{css}"></span>'


def expand(html: str, loc: Localizer) -> str:
    """The built page with every illustration marker replaced by its drawing (alt text in the page's language)."""
    if "data-illustration-slot" not in html:
        return html
    return _MARKER.sub(lambda m: illustration(m.group(1), loc, m.group(2)) if m.group(1) in NAMES else "", html)
