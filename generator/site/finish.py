"""The work after the last language is built: per-language search indexes, the sitemap, no build dates.

Run once per build on the finished site folder, by the adapter after a sequential build and by the parallel
build once it has assembled languages built apart.
"""

from __future__ import annotations

from pathlib import Path

from generator.site.offline import write_search_scripts
from generator.site.reproducible import normalise_sitemap
from generator.site.search import split_search_index
from generator.site.sitemap import write_sitemap


def finish_site(site_dir: Path, languages: list[str], *, multilingual: bool, only_language: str | None,
                base_url: str, offline: bool) -> None:
    """``multilingual``: built by static-i18n (one combined search index to split); ``only_language``: the one
    language built alone (``--lang``), if any; ``base_url``: where the site root is served."""
    split_search_index(site_dir, languages, only_language, multilingual)  # per language, with its search settings
    if multilingual and not only_language:
        write_sitemap(site_dir, languages, base_url)
    normalise_sitemap(site_dir)  # no build dates anywhere: two builds of the same input are byte-identical
    if offline:
        write_search_scripts(site_dir)  # after the split: material's offline plugin wrote the combined index
