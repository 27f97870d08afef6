"""A built page of the site turned into a page of an LMS package: plain string work on one page's HTML.

A package holds one role's manual and quiz, so everything that leads elsewhere in the site goes: the language
and version switches, search, the edit button, the footer's previous/next links, and the navigation, which
keeps just the two pages. Links into the rest of the site lead to the manual's section on the same feature
where there is one; other links become plain text, and a paragraph that was nothing but such a link goes.
The page then loads the package's bridge script, which tells the player what the reader did.

The markup is material's (pinned in pyproject.toml); the tests build real pages and check each of these cuts.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass

#: The script every package page loads, relative to the package root.
PAGE_SCRIPT = "lms/page.js"

_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")
_ANCHOR = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>')
_SOLE_LINK_PARAGRAPH = re.compile(r'<p>\s*<a\b[^>]*?\bhref="([^"]*)"[^>]*>(?:(?!</a>).)*</a>\s*</p>\n?', re.S)
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")

#: Elements removed whole: (start of the opening tag, text the element must contain or "").
_REMOVED = (
    ('<div class="md-header__option">', "hreflang="),  # the language switch (a palette toggle stays)
    ('<label class="md-header__button md-icon" for="__search">', ""),
    ('<div class="md-search" ', ""),
    ('<div class="md-header__source">', ""),
    ('<div class="md-nav__source">', ""),
    ('<nav class="md-footer__inner md-grid"', ""),
)
#: Single tags removed: alternates in other languages, the previous/next pages, the offline search shims.
_REMOVED_TAGS = re.compile(
    r'[ \t]*(?:<link rel="(?:alternate|prev|next)"[^>]*>'
    r'|<script src="[^"]*/(?:iframe-worker|search-lang)\.js"[^>]*></script>)\n?')
_EDIT_BUTTON = re.compile(r'<a\b[^>]*class="md-content__button md-icon"[^>]*>.*?</a>\s*', re.S)
_ACTIVE_ITEM = '<li class="md-nav__item md-nav__item--active">'
_PRIMARY_NAV = '<nav class="md-nav md-nav--primary"'
_NAV_LIST = '<ul class="md-nav__list" data-md-scrollfix>'
#: Features of material that would fetch other pages of the site.
_DROPPED_FEATURES = ("navigation.instant", "navigation.instant.prefetch", "navigation.instant.progress")


@dataclass(frozen=True)
class PackagePages:
    """The pages of one package, as paths in the built site (``de/roles/agent.html``), with their titles."""

    manual: str
    manual_title: str
    quiz: str | None
    quiz_title: str | None
    home: str  #: the language's home page, whose links now lead to the manual
    features: tuple[str, ...]  #: the features the manual explains, in its order
    guides_dir: str  #: where the language's guides are, e.g. ``de/guides``

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.manual, self.quiz) if self.quiz else (self.manual,)


def element_span(text: str, start: int) -> tuple[int, int]:
    """Where the element whose opening tag starts at ``start`` ends (just after its closing tag)."""
    tag = _START_TAG.match(text, start)
    if not tag:
        raise ValueError(f"no element starts at {start}")
    name = tag.group(1)
    pattern = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
    depth = 0
    for match in pattern.finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return start, match.end()
    raise ValueError(f"<{name}> at {start} is never closed")


def _remove(text: str, opening: str, containing: str = "") -> str:
    out, position = [], 0
    while (found := text.find(opening, position)) >= 0:
        start, end = element_span(text, found)
        if containing and containing not in text[start:end]:
            out.append(text[position:end])
        else:
            line_start = text.rfind("\n", 0, start) + 1
            cut = line_start if not text[line_start:start].strip() else start
            out.append(text[position:cut])
        position = end
    out.append(text[position:])
    return "".join(out)


def relative(target: str, page: str) -> str:
    """The link from the page at ``page`` to ``target`` (both paths from the package root)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def resolve(href: str, page: str) -> str | None:
    """The package-root path a relative link on ``page`` points to (without its fragment), or None for a link
    elsewhere (another scheme, another host, a fragment of the same page) or above the root."""
    if not href or _EXTERNAL.match(href):
        return None
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return None if joined.startswith("..") or joined == "." else joined


def package_page(text: str, page: str, pages: PackagePages) -> str:
    """The built page at ``page`` (a path in the site and in the package) as a page of the package."""
    text = _REMOVED_TAGS.sub("", text)
    for opening, containing in _REMOVED:
        text = _remove(text, opening, containing)
    text = _EDIT_BUTTON.sub("", text)
    text = _navigation(text, page, pages)
    text = _config(text)
    text = _links(text, page, pages)
    script = html.escape(relative(PAGE_SCRIPT, page))
    kind = "manual" if page == pages.manual else "quiz"
    return text.replace("</body>", f'<script src="{script}" data-page="{kind}"></script>\n</body>', 1)


def _navigation(text: str, page: str, pages: PackagePages) -> str:
    """The primary navigation with the package's pages only: the current one as material drew it (with its table
    of contents), the other as a plain item."""
    nav = text.find(_PRIMARY_NAV)
    if nav < 0:
        return text
    nav_start, nav_end = element_span(text, nav)
    active = text.find(_ACTIVE_ITEM, nav_start, nav_end)
    listed = text.find(_NAV_LIST, nav_start, nav_end)
    if active < 0 or listed < 0:
        return text
    current = text[slice(*element_span(text, active))]
    items = []
    for path, title in ((pages.manual, pages.manual_title), (pages.quiz, pages.quiz_title)):
        if path == page:
            items.append(current)
        elif path:
            items.append(f'<li class="md-nav__item">\n  <a href="{html.escape(relative(path, page))}" class="md-nav__link">\n'
                         f'    <span class="md-ellipsis">{html.escape(title or "")}</span>\n  </a>\n</li>')
    start, end = element_span(text, listed)
    return text[:start] + _NAV_LIST + "\n" + "\n".join(items) + "\n</ul>" + text[end:]


def _config(text: str) -> str:
    """material's configuration without what reaches beyond the package: instant loading of other pages and the
    version switch (which reads the published versions' list)."""
    match = _CONFIG.search(text)
    if not match:
        return text
    config = json.loads(match.group(2))
    config["features"] = [f for f in config.get("features", []) if f not in _DROPPED_FEATURES]
    config["version"] = None
    payload = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return text[: match.start(2)] + payload + text[match.end(2):]


def _links(text: str, page: str, pages: PackagePages) -> str:
    def target(href: str) -> str | None:
        """Where a link on this page leads in the package, or None when it leads out of it."""
        path = resolve(href, page)
        if path is None:
            return href
        if path in pages.paths:
            return href
        if path == pages.home:
            return relative(pages.manual, page)
        guide = posixpath.splitext(posixpath.relpath(path, pages.guides_dir))[0]
        if posixpath.dirname(path) == pages.guides_dir and guide in pages.features:
            manual = "" if page == pages.manual else relative(pages.manual, page)
            return f"{manual}#feature-{guide}"
        if not posixpath.splitext(path)[1] or path.endswith(".html"):
            return None  # another page of the site
        return href  # a file (an image, a download): copied with the page

    def paragraph(match: re.Match) -> str:
        """A paragraph that is only a link out goes, and so does "Open the full guide" under the manual's own
        section on that feature."""
        href = html.unescape(match.group(1))
        new = target(href)
        return "" if new is None or (page == pages.manual and new.startswith("#") and not href.startswith("#")) else match.group(0)

    text = _SOLE_LINK_PARAGRAPH.sub(paragraph, text)
    out, position = [], 0
    for match in _ANCHOR.finditer(text):
        if match.start() < position:
            continue
        href = html.unescape(match.group(1))
        new = target(href)
        out.append(text[position:match.start()])
        if new is None:
            close = text.find("</a>", match.end())
            out.append("<span>" + text[match.end():close] + "</span>")
            position = close + len("</a>")
            continue
        tag = match.group(0)
        if new != href:
            tag = tag.replace(f'href="{match.group(1)}"', f'href="{html.escape(new)}"', 1)
        out.append(tag)
        position = match.end()
    out.append(text[position:])
    return "".join(out)
