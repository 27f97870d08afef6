"""The translation status page: ``cutover i18n status`` as a page for translation coordinators."""

from __future__ import annotations

from generator.catalog.model import Project
from generator.render.common import Page
from generator.render.localize import Localizer

#: Stable path of the page in every language.
STATUS_PATH = "translation-status.md"


def render_status(project: Project, table: dict, loc: Localizer) -> Page:
    """``table``: language -> per-file counts (:func:`generator.authoring.i18n.strings.status`)."""
    from generator.authoring.i18n.po import page_of

    ui = lambda key, **kw: loc.ui(f"translation_status.{key}", **kw)  # noqa: E731
    body = [ui("intro"), ""]
    for lang, rows in table.items():
        complete, missing, stale = (sum(getattr(r, name) for r in rows) for name in ("complete", "missing", "stale"))
        body += [f"## {loc.language_name(lang)} ({lang}) {{#lang-{lang}}}", "",
                 ui("summary", complete=complete, count=complete + missing + stale, missing=missing, stale=stale), "",
                 f"| {ui('file')} | {ui('page')} | {ui('complete')} | {ui('missing')} | {ui('stale')} |",
                 "| --- | --- | ---: | ---: | ---: |"]
        for row in rows:
            page = page_of(row.file)
            link = f"[{page}]({page})" if page else ""
            body.append(f"| `{row.file}` | {link} | {row.complete} | {row.missing} | {row.stale} |")
        body += [f"| **{ui('all_files')}** | | **{complete}** | **{missing}** | **{stale}** |", ""]
    first = next(iter(table), "de")
    body += [ui("how", lang=first), ""]
    return Page(path=STATUS_PATH, title=ui("title"), body=body, source="i18n/", hide_toc=False)
