"""Per page and language: how many strings a reader sees in another language than the page's.

A page of Polish shows English where a text of its own is not translated (content), where an interface string
is not (the page's own labels), and where the theme around every page is not (search box, footer, feedback
widget: counted on every page, since every page shows them). A hand-written page missing in the language shows
the default language's whole. ``cutover i18n status`` prints the count, ``cutover verify`` finds the same texts
marked with their ``lang`` in the built site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.catalog.model import Project
from generator.render import render_pages
from generator.render.localize import Localizer
from generator.strings.files import reference

#: Interface strings every page shows around its content (theme, feedback widget, old-version notice).
EVERY_PAGE = ("theme.", "chrome.", "feedback.", "version.")


@dataclass
class PageStatus:
    page: str  #: the page's path, e.g. ``guides/hold.md``
    content: int  #: texts of the page's own shown in the default language
    interface: int  #: interface strings shown in English (the page's own and those around every page)
    whole: bool = False  #: a hand-written page shown in the default language as a whole

    @property
    def total(self) -> int:
        return self.content + self.interface


def every_page_fallbacks(project: Project, lang: str) -> list[str]:
    """The interface strings around every page that show in English in ``lang``."""
    from generator.site.chrome import untranslated_theme_keys

    loc = Localizer(project, lang)
    theme = set(untranslated_theme_keys(loc))
    return [key for key in reference() if key.startswith(EVERY_PAGE) and (key in theme or (
        not key.startswith(("theme.", "chrome.")) and not loc.has_ui(key)))]


def page_status(project: Project, root: Path, lang: str) -> list[PageStatus]:
    """Every page of ``lang`` (generated and hand-written) with what it shows in another language."""
    if lang == project.site.default_language:
        return []
    around = len(every_page_fallbacks(project, lang))
    rows = []
    for page in render_pages(project, lang):
        rows.append(PageStatus(page.path, len(set(page.fallbacks)), len(set(page.ui_fallbacks)) + around))
    docs = root / "docs"
    default = docs / project.site.default_language
    for path in sorted(default.rglob("*.md")) if default.is_dir() else []:
        rel = path.relative_to(default).as_posix()
        whole = not (docs / lang / rel).is_file()
        rows.append(PageStatus(rel, 0, around, whole=whole))
    return sorted(rows, key=lambda r: r.page)
