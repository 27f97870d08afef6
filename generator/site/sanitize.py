"""Writers' HTML through the allow-list: the HTML Markdown made of a hand-written page, cleaned by nh3 (ammonia).

The adapter hands each hand-written page's content here right after Markdown converted it (MkDocs'
``on_page_content``): the only place that sees what Markdown really produced — raw HTML, attribute lists
(``{: onclick=… }``), links split across lines or written with entities — and before the theme adds its own
markup and scripts, which stay as they are. Generated pages are inert by construction
(:mod:`generator.catalog.markup`) and carry the quiz runtime's data blocks, so they are not cleaned again.

:func:`findings` reads a page's Markdown for what :func:`clean` will remove, located for ``cutover check``.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass

import nh3

from generator.catalog import markup
from generator.catalog.allowlist import CONTENT_REMOVED, DEFAULT, URL_ATTRIBUTES, AllowList
from generator.site.stage import front_matter_lines

#: The problem code of ``cutover check``'s warnings about what a page loses.
REMOVED = "html-removed"


@functools.lru_cache(maxsize=8)
def _cleaner(allow: AllowList, relative=None) -> nh3.Cleaner:
    attributes = {tag: set(names) for tag, names in allow.attributes.items()}
    values = {tag: {name: set(allowed) for name, allowed in names.items() if allowed}
              for tag, names in allow.values.items() if tag in allow.tags}
    return nh3.Cleaner(tags=set(allow.tags), clean_content_tags=set(CONTENT_REMOVED - allow.tags), attributes=attributes,
                       tag_attribute_values=values, url_schemes=set(allow.schemes), link_rel=None, strip_comments=True,
                       **({} if relative is None else {"url_relative": relative}))


def clean(fragment: str, allow: AllowList = DEFAULT, relative=None) -> str:
    """``fragment`` with everything the allow-list does not name removed. ``relative`` says what becomes of relative
    addresses (nh3's ``url_relative``: "deny", or a function returning the absolute address or None); by default they
    stay, as on the site."""
    return _cleaner(allow, relative).clean(fragment)


# --- what check says ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    line: int
    col: int
    message: str
    hint: str


_TAG = re.compile(r"<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:\s+[^\s>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTR = re.compile(r"(?P<name>[^\s>/=\"']+)(?:\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s>]+))?")
#: Attribute lists of the attr_list extension: "{: … }" after a block, "{ … }" after an inline element or heading.
_ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")
_ATTR_LIST_ITEM = re.compile(r"(?P<name>[^\s=#.]+)\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]+)")
#: Markdown links and images: [text](target), ![alt](target); reference definitions [name]: target.
_LINK = re.compile(r"(?<!\\)(?P<image>!?)\[(?:\\.|[^\[\]\\]|\[[^\[\]]*\])*(?<!\\)\]\(")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s+.*)?$", re.M)

_HINT = "pages keep tables, details, abbr, images and links, never scripts, frames or event handlers"


def findings(text: str, allow: AllowList = DEFAULT) -> list[Finding]:
    """What :func:`clean` removes from the page written as Markdown ``text``, where it is in that text."""
    found: list[Finding] = []
    front = front_matter_lines(text)  # the page's settings, not its Markdown: blanked, lines kept
    text = "\n" * front + text.split("\n", front)[-1] if front else text
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    for is_code, offset, part in markup.segments(text):
        if is_code:
            continue
        for match in _TAG.finditer(part):
            found += _tag_findings(match, offset, where, allow)
        if "<!--" in part and "-->" not in part[part.index("<!--"):]:
            found.append(Finding(*where(offset + part.index("<!--")), "an unclosed HTML comment hides the rest of the page",
                                 "close it with -->"))
        for match in _ATTR_LIST.finditer(part):
            for item in _ATTR_LIST_ITEM.finditer(match.group("body")):
                name, value = item.group("name").lower(), _unquote(item.group("value"))
                if not _allowed_anywhere(allow, name, value):
                    line, col = where(offset + match.start("body") + item.start())
                    found.append(Finding(line, col, f"the attribute '{name}' is removed from the page", _HINT))
        for match in _LINK.finditer(part):
            end = markup._destination_end(part, match.end())
            target = part[match.end(): end].strip()  # the scheme is judged on all of it: browsers drop line breaks
            found += _url_findings(target, offset + match.end(), where, allow, "image" if match.group("image") else "link")
        for match in _REFERENCE.finditer(part):
            found += _url_findings(match.group("target"), offset + match.start("target"), where, allow, "link")
    return sorted(set(found), key=lambda f: (f.line, f.col, f.message))


def _tag_findings(match: re.Match, offset: int, where, allow: AllowList) -> list[Finding]:
    name = match.group("name").lower()
    line, col = where(offset + match.start())
    if match.group("close"):
        return []
    if name not in allow.tags:
        gone = "with its content" if name in CONTENT_REMOVED else "(its text stays)"
        return [Finding(line, col, f"the element <{name}> is removed from the page {gone}", _HINT)]
    out = []
    for attr in _ATTR.finditer(match.group("attrs")):
        attr_name, value = attr.group("name").lower(), html.unescape(_unquote(attr.group("value") or ""))
        at = where(offset + match.start("attrs") + attr.start())
        if not allow.allows_attribute(name, attr_name, value):
            out.append(Finding(*at, f"the attribute '{attr_name}' is removed from <{name}>", _HINT))
        elif attr_name in URL_ATTRIBUTES and not _url_allowed(value, allow):
            out.append(Finding(*at, f"the {attr_name} '{_short(value)}' is removed from <{name}>: only "
                                    f"{', '.join(sorted(allow.schemes))} and relative addresses are allowed", _HINT))
    return out


def _url_findings(target: str, offset: int, where, allow: AllowList, kind: str) -> list[Finding]:
    if not target or _url_allowed(target, allow):
        return []
    return [Finding(*where(offset), f"the {kind} target '{_short(target)}' is removed from the page: only "
                                    f"{', '.join(sorted(allow.schemes))} and relative addresses are allowed", _HINT)]


def _url_allowed(value: str, allow: AllowList) -> bool:
    scheme = markup.scheme_of(value)
    return scheme is None or scheme in allow.schemes


def _allowed_anywhere(allow: AllowList, name: str, value: str) -> bool:
    """An attribute-list item: its element is not known here, so an attribute any element may have is allowed."""
    if name.startswith("on") or name in ("srcdoc", "formaction"):
        return False
    if name in URL_ATTRIBUTES:
        return _url_allowed(value, allow) and any(name in names for names in allow.attributes.values())
    return any(name in names for names in allow.attributes.values()) or \
        any(value in names.get(name, ()) for names in allow.values.values())


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:39] + "…"
