"""A correct, deterministic sitemap for multilingual (and versioned) sites.

mkdocs-static-i18n's sitemap has two known faults: without ``site_url`` every address starts with "None", and
under mike the hreflang links lose a slash (``…/2.0de/``). Both come from joining strings; this rewrites the
sitemap from the built pages with proper URL joins, and without ``lastmod`` so two builds are identical.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape


def page_urls(site_dir: Path) -> list[str]:
    """Site-relative URLs of every page (directory URLs end in "/")."""
    urls = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel == "404.html" or "/assets/" in f"/{rel}":
            continue
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def write_sitemap(site_dir: Path, languages: list[str], base_url: str) -> int:
    """Write ``sitemap.xml`` and ``sitemap.xml.gz``; ``base_url`` is where the site root is served ("/" if unknown)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    default, others = languages[0], set(languages[1:])
    by_path: dict[str, dict[str, str]] = {}
    for url in page_urls(site_dir):
        first, _, rest = url.partition("/")
        lang, path = (first, rest) if first in others else (default, url)
        by_path.setdefault(path, {})[lang] = url
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path in sorted(by_path):
        variants = by_path[path]
        for lang in languages:
            if lang not in variants:
                continue
            lines.append(f"  <url><loc>{escape(urljoin(base, variants[lang]))}</loc>")
            if len(variants) > 1:
                for other in languages:
                    if other in variants:
                        lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href="{escape(urljoin(base, variants[other]))}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    xml = ("\n".join(lines) + "\n").encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(xml)
    with open(site_dir / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(xml)
    return len(by_path)
