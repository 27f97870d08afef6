"""Byte-identical builds: take out what MkDocs stamps with the build date.

MkDocs writes ``<lastmod>`` (today's date) into every sitemap entry and today's date into the gzip header of
``sitemap.xml.gz``. Two builds of the same input on different days would differ, so the adapter calls
:func:`normalise_sitemap` after every build. (Full multilingual builds get a sitemap without dates from
:mod:`generator.site.sitemap` already; this covers one-language previews and sites without static-i18n.)
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

_LASTMOD = re.compile(rb"[ \t]*<lastmod>[^<]*</lastmod>\r?\n?")


def normalise_sitemap(site_dir: Path) -> bool:
    """Remove build dates from ``sitemap.xml`` and ``sitemap.xml.gz``; True when something changed."""
    xml_file, gz_file = site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"
    if not xml_file.is_file():
        return False
    xml = xml_file.read_bytes()
    clean = _LASTMOD.sub(b"", xml)
    stamped = gz_file.is_file() and gz_file.read_bytes()[4:8] != b"\0\0\0\0"  # gzip header: MTIME, bytes 4–7
    if clean == xml and not stamped:
        return False
    xml_file.write_bytes(clean)
    with open(gz_file, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(clean)
    return True
