"""Which pages the browser checks open: every page but a copied alias's, and for axe one page per template."""

from __future__ import annotations

from pathlib import Path

from generator.verify.sitemap import Page, copied_aliases, template_of


def browser_pages(site_dir: Path, pages: dict[str, Page]) -> dict[str, Page]:
    """Every page but those of a version's alias that is a copy of the version (``cutover export`` and mike's copy
    aliases write them): a browser shows them as it shows the version's own. The static checks read them all."""
    copies = copied_aliases(site_dir)
    return {url: page for url, page in pages.items() if page.version not in copies}


def axe_sample(pages: dict[str, Page], all_pages: bool = False) -> list[Page]:
    """One page per template, language and version, plus every other page (hand-written pages, single generated
    pages); every page with ``all_pages``. Error pages are left out (served for any missing address).

    Every page of one template is made by the same code from definitions of one kind; what a browser adds to the
    static checks (requests made by scripts and styles, console errors, axe) depends on the template and the shared
    assets, so one of each finds it."""
    sample: dict[tuple[str, str, str], Page] = {}
    for page in pages.values():
        template = template_of(page)
        key = (page.version, page.lang, template if template != "page" and not all_pages else page.url)
        if template != "404" and key not in sample:
            sample[key] = page
    return list(sample.values())
