"""Incremental rebuilds for ``cutover serve``: when every page must be rebuilt, and what a partial rebuild keeps.

``cutover serve`` uses MkDocs' dirty builds: a page is rebuilt only when its staged Markdown is newer than its
HTML, and staging rewrites only files whose content changed, so after one edit only the pages whose Markdown
changed are rebuilt. Every page also shows things that belong to the whole site — the navigation (titles and
order of all pages), previous/next links, the language switcher (which pages exist in which language) — and
a dirty build would leave those stale on the pages it skips. The adapter therefore compares
:func:`site_signature` with the last build's and starts from an empty site (every page rebuilt) when it changed.
A dirty build also indexes only the pages it built; :class:`PageMemory` keeps each page's title and search
entries from the build that last rendered it.

No MkDocs types here: the adapter passes paths, strings and the search entries (plain dicts).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path


def site_signature(staging: Path, config_file: Path | None, nav: object, titles: bool = True) -> str:
    """Digest of what every page shows: the set of files, each page's front matter and title (unless ``titles`` is
    false: the adapter then rebuilds the pages whose navigation shows a changed title), the navigation, and
    ``mkdocs.yml``. Unchanged signature: rebuilding only the pages whose Markdown changed gives the full build's site."""
    digest = hashlib.sha256()
    digest.update(repr(nav).encode())
    if config_file is not None and config_file.is_file():
        digest.update(config_file.read_bytes())
    for path in sorted(staging.rglob("*")):
        if not path.is_file():
            continue
        digest.update(b"\0" + path.relative_to(staging).as_posix().encode())
        if titles and path.suffix == ".md":
            digest.update(b"\0" + head(path))
    return digest.hexdigest()


def head(page: Path) -> bytes:
    """The page up to its first "# " heading: front matter and the title MkDocs takes from it."""
    head = []
    with page.open("rb") as file:
        for line in file:
            head.append(line)
            if line.startswith(b"# "):
                break
    return b"".join(head)


@dataclass
class PageMemory:
    """Per language and page: the title and search entries of the build that last rendered the page."""

    titles: dict[tuple[str, str], str] = field(default_factory=dict)
    entries: dict[tuple[str, str], list[dict]] = field(default_factory=dict)
    order: dict[str, list[str]] = field(default_factory=dict)  #: language -> pages (source paths) in build order
    views: dict[tuple[str, str], str] = field(default_factory=dict)  #: the digest of the navigation the page shows

    def clear(self) -> None:
        self.titles.clear()
        self.entries.clear()
        self.order.clear()
        self.views.clear()

    def search_docs(self, languages: list[str]) -> list[dict]:
        """Every remembered search entry, language by language in page order, as one full build indexes them."""
        return [entry for lang in languages for page in self.order.get(lang, []) for entry in self.entries.get((lang, page), [])]


def replace_search_docs(site_dir: Path, docs: list[dict]) -> None:
    """Put ``docs`` into the combined search index the build wrote (its settings kept), before it is split."""
    index_file = site_dir / "search" / "search_index.json"
    index = json.loads(index_file.read_text("utf-8")) if index_file.is_file() else {"config": {}}
    index["docs"] = docs
    index_file.parent.mkdir(parents=True, exist_ok=True)
    index_file.write_text(json.dumps(index, separators=(",", ":"), default=str), "utf-8")
