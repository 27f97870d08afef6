"""The part of the navigation each page shows, so that ``cutover serve`` rebuilds only the pages a title change reaches.

With material's ``navigation.prune`` a page carries the top level of the navigation, the items of each section on
its own path, and every other section as one link (its title, to its first page); its footer names the previous
and next pages. :func:`views` writes that down per page, from MkDocs' navigation and each page's front matter and
title (what material draws an item from), as a digest. After a title changes, the pages whose digest changed are
rebuilt with the pages whose Markdown changed; the others show exactly what they showed (a test compares such a
rebuild with a full build byte for byte).

:func:`usable` says when the model holds: material draws the navigation, pruned, without tabs, sections or an
expanded tree, from its own templates. Otherwise every page shows all of it, and a title change rebuilds them all.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

#: Theme features that show more of the navigation than the page's own path.
_WIDER = {"navigation.tabs", "navigation.sections", "navigation.expand"}
#: Templates that draw the navigation or name other pages; a theme folder of the project's own may replace them.
_DRAWN_BY = ("nav.html", "nav-item.html", "footer.html", "tabs.html", "tabs-item.html", "path.html", "path-item.html")


def usable(config) -> bool:
    """The per-page model matches what the theme draws."""
    features = set(config.theme.get("features") or [])
    if config.theme.name != "material" or "navigation.prune" not in features or features & _WIDER:
        return False
    import material  # the theme's own templates are the ones modelled

    own = Path(material.__file__).resolve().parent
    for folder in config.theme.dirs:
        folder = Path(folder).resolve()
        if folder.is_relative_to(own):
            continue
        if any((folder / "partials" / name).exists() for name in _DRAWN_BY):
            return False
    return True


def views(nav: Navigation, head: Callable[[Page], bytes]) -> dict[str, str]:
    """Page source path -> digest of the navigation it shows ("": a page outside the navigation). ``head(page)`` is the page's front matter and title as
    staged (icons, subtitles and status come from the front matter)."""
    heads: dict[int, str] = {}

    def page_item(page: Page) -> str:
        if id(page) not in heads:
            heads[id(page)] = f"page {page.url} {page.title!r} {hashlib.sha256(head(page)).hexdigest()}"
        return heads[id(page)]

    def item(node, path: set[int]) -> str:
        if isinstance(node, Page):
            return page_item(node)
        if isinstance(node, Section):
            if id(node) in path:  # open: every item of the section, sections in it drawn as links unless on the path
                return f"open {node.title!r} [" + ", ".join(item(child, path) for child in node.children) + "]"
            return f"pruned {node.title!r} {_first_url(node)}"
        if isinstance(node, Link):
            return f"link {node.title!r} {node.url}"
        return repr(node)

    found = {"": hashlib.sha256("\n".join(item(node, set()) for node in nav.items).encode("utf-8", "surrogatepass")).hexdigest()}
    for page in nav.pages:
        path = {id(section) for section in page.ancestors}
        shown = [item(node, path) for node in nav.items]
        shown.append("previous " + (page_item(page.previous_page) if page.previous_page else ""))
        shown.append("next " + (page_item(page.next_page) if page.next_page else ""))
        found[page.file.src_uri] = hashlib.sha256("\n".join(shown).encode("utf-8", "surrogatepass")).hexdigest()
    return found


def _first_url(section: Section) -> str:
    first = section.children[0] if section.children else None
    while isinstance(first, Section):
        first = first.children[0] if first.children else None
    return getattr(first, "url", "") or ""
