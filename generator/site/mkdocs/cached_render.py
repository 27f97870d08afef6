"""MkDocs' ``Page.render`` through the persistent render cache (generator/site/rendercache.py).

The key is everything that shapes a page's HTML and what rendering it reports:
- the page's Markdown as rendered (after every plugin's ``on_page_markdown``), its src/dest URIs and URL;
- the build's file set (every file's src_uri, dest_uri, URL and inclusion): MkDocs rewrites relative links against
  it and warns about broken ones; and ``use_directory_urls``;
- the Markdown extensions and their settings (mkdocs.yml's ``markdown_extensions``/``mdx_configs``, with what the
  adapter adds, such as the heading anchors' localised title), ``validation`` (the level of each link message),
  the language, the log level (which messages are made at all);
- the versions of Cutover, Python-Markdown, pymdown-extensions, MkDocs and material.

An entry keeps what ``Page.render`` sets (content, toc, title, anchor ids, links to anchors) and the messages the
render logged, which a cached build logs again the same way: the link check and the strict count see them, and a
strict build never passes because a page came from the cache. Anchor links between pages are checked after
rendering, from the restored anchors, as on a cold build.

Extensions that read other files (pymdownx.snippets, pymdownx.b64) or that come from another package could make
a page depend on something the key does not hold: with any of them configured, the cache stays off.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import logging
import re
from collections.abc import Mapping

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from generator.site.rendercache import RenderCache, key_of

log = logging.getLogger("mkdocs.plugins.cutover")

#: Extensions whose output depends only on the Markdown and their settings.
_PURE_PACKAGES = ("markdown.extensions.", "pymdownx.", "material.extensions.")
_PURE_SHORT_NAMES = {"abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables",
                     "toc", "codehilite", "legacy_attrs", "legacy_em", "meta", "nl2br", "sane_lists", "smarty", "wikilinks",
                     "extra"}
_READS_FILES = {"pymdownx.snippets", "pymdownx.b64"}
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_FILES_FINGERPRINT = "_cutover_render_fingerprint"


def cacheable_extensions(config) -> str | None:
    """None when every configured extension is pure; else the name of the first one that is not (cache off)."""
    for ext in config.markdown_extensions:
        name = ext if isinstance(ext, str) else f"{type(ext).__module__}.{type(ext).__qualname__}"
        if name.split(":")[0] in _READS_FILES or not (name in _PURE_SHORT_NAMES or name.startswith(_PURE_PACKAGES)):
            return name
    return None


def install(page: Page, cache: RenderCache, language: str) -> None:
    """Render ``page`` through ``cache`` (MkDocs calls ``page.render`` right after ``on_page_markdown``)."""
    page.render = functools.partial(_render, page, cache, language)


def _render(page: Page, cache: RenderCache, language: str, config, files) -> None:
    fingerprint = _build_fingerprint(config, files, language)
    if not fingerprint:  # settings that cannot be written down reliably: render as MkDocs would
        Page.render(page, config, files)
        return
    key = key_of(fingerprint, page.file.src_uri, page.file.dest_uri, page.file.url, page.markdown or "")
    entry = cache.get(key, language)
    if entry is not None:
        _restore(page, entry, files)
        return
    with _CapturedMessages() as messages:
        Page.render(page, config, files)
    cache.put(key, _entry(page, messages.records))


def _build_fingerprint(config, files, language: str) -> str:
    """What every page of this build shares, computed once per build (MkDocs makes a new ``Files`` per build);
    "" when it cannot be written down."""
    found = getattr(files, _FILES_FINGERPRINT, None)
    if found is not None:
        return found
    file_set = sorted((f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files)
    settings = {
        "extensions": [e if isinstance(e, str) else _stable(e) for e in config.markdown_extensions],
        "mdx_configs": config.mdx_configs or {},
        "use_directory_urls": config.use_directory_urls,
        "validation": config.validation,
        "language": language,
        "log_level": logging.getLogger("mkdocs").getEffectiveLevel(),
        "versions": _versions(),
        "files": file_set,
    }
    try:
        fingerprint = json.dumps(settings, sort_keys=True, default=_stable, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError) as exc:  # an extension object that refers to itself, say
        log.info(f"cutover: render cache off for this build: the Markdown settings cannot be keyed ({exc})")
        fingerprint = ""
    setattr(files, _FILES_FINGERPRINT, fingerprint)
    return fingerprint


def _stable(value):
    """A JSON-able stand-in for settings JSON cannot hold: mappings as dicts, functions by their qualified name,
    other objects by type and state (never by memory address, which differs per process)."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(map(repr, value))
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    state = getattr(value, "__dict__", None)
    if state is not None:
        return {"type": f"{type(value).__module__}.{type(value).__qualname__}", "state": state}
    return _ADDRESS.sub("", repr(value))


@functools.cache
def _versions() -> dict[str, str]:
    versions = {}
    for dist in ("cutover", "markdown", "pymdown-extensions", "mkdocs", "mkdocs-material", "mkdocs-static-i18n"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = ""
    return versions


def _entry(page: Page, records: list[logging.LogRecord]) -> dict:
    return {
        "content": page.content,
        "toc": [_anchor(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": ({target.src_uri: links for target, links in page.links_to_anchors.items()}
                             if page.links_to_anchors is not None else None),
        "messages": [[r.name, r.levelno, getattr(r, "cutover_original_message", None) or r.getMessage()] for r in records],
    }


def _anchor(item: AnchorLink) -> dict:
    return {"title": item.title, "id": item.id, "level": item.level, "children": [_anchor(c) for c in item.children]}


def _restore(page: Page, entry: dict, files) -> None:
    page.content = entry["content"]
    page.toc = TableOfContents([_link(item) for item in entry["toc"]])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if entry["links_to_anchors"] is not None:
        page.links_to_anchors = {files.get_file_from_path(src): links for src, links in entry["links_to_anchors"].items()}
    for name, level, message in entry["messages"]:  # through the same logger, its filters and handlers
        logging.getLogger(name).log(level, message)


def _link(item: dict) -> AnchorLink:
    link = AnchorLink(item["title"], item["id"], item["level"])
    link.children = [_link(child) for child in item["children"]]
    return link


class _CapturedMessages(logging.Handler):
    """Every message logged while a page renders (MkDocs' loggers stop at "mkdocs"; extensions' reach the root)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) not in self._seen:
            self._seen.add(id(record))
            self.records.append(record)

    def __enter__(self) -> "_CapturedMessages":
        for logger in (logging.getLogger("mkdocs"), logging.getLogger()):
            logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for logger in (logging.getLogger("mkdocs"), logging.getLogger()):
            logger.removeHandler(self)
