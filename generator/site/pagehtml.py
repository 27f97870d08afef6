"""Fixes to every built page's HTML that the theme and static-i18n get wrong; plain string work on one page.

The adapter hands each page's HTML here after the theme rendered it (MkDocs' ``on_post_page``).
"""

from __future__ import annotations

import functools
import posixpath
import re

from generator.site.stage import ASSET_DIR
from generator.strings import marks

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')
_BUNDLE = re.compile(r'<script src="((?:\.\./)*|/?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')
_HREFLANG_LINK = re.compile(r'(<(?:a|link)\b[^>]*?\bhref=")([^"]*)("[^>]*\bhreflang="[^"]+")')


def fix_page(output: str, page_url: str, lang: str, default_language: str) -> str:
    """The page's HTML with text in other languages marked as such, an accessible search dialog, relative language
    links and its language's search."""
    # static-i18n writes root-absolute links to the language homes ("/de/"): they break under a version folder
    # (mike) and on a sub-path (/kb/). Make every hreflang link relative to the page.
    return relativize_hreflang(fix_error_page(plain_headings(output), lang, default_language), page_url)


_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.S)
_ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


def plain_headings(output: str) -> str:
    """Headings without glossary tooltips: a dotted underline in a title reads as a link and says nothing new there
    (the term is explained where the text uses it)."""
    if "<abbr" not in output:
        return output
    return _HEADING.sub(lambda m: m.group(1) + _ABBR.sub(r"\1", m.group(3)) + m.group(4) if "<abbr" in m.group(3) else m.group(0), output)


def fix_error_page(output: str, lang: str, default_language: str) -> str:
    """The fixes every page needs, the 404 page too (whose links stay site-absolute: it is served at any depth)."""
    output = marks.to_html(output, lang)  # lang="en" on every text the page shows in English (generator.strings.marks)
    # material's search dialog has no accessible name (axe: aria-dialog-name): give it the search label.
    label = _SEARCH_LABEL.search(output)
    if label:
        output = output.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{label.group(1)}">', 1)
    # Pages of other languages search their own language's index (generator.site.search splits it).
    bundle = _BUNDLE.search(output)
    if bundle and lang != default_language:
        tag = f'<script src="{bundle.group(1)}{ASSET_DIR}/search-lang.js" data-lang="{lang}"></script>'
        output = output[: bundle.start()] + tag + "\n" + output[bundle.start():]
    return output


def relativize_hreflang(html: str, page_url: str) -> str:
    def fix(match: re.Match) -> str:
        href = match.group(2)
        if not href.startswith("/") or href.startswith("//"):
            return match.group(0)
        target = href.lstrip("/")
        relative = relative_url(target or ".", page_url or ".")
        if href.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return f"{match.group(1)}{relative}{match.group(3)}"
    return _HREFLANG_LINK.sub(fix, html)


def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other`` (both site paths); the last part of ``other`` is skipped when it
    names a file. The same answer as MkDocs' ``get_relative_url``, which the site's other links come from."""
    directory, _, basename = other.rpartition("/")
    if "." in basename:
        other = directory
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


@functools.lru_cache(maxsize=None)
def _parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []
