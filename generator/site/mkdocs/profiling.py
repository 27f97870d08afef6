"""``cutover build --profile``: which functions of MkDocs, the theme and Cutover make up each stage of a build.

:func:`profiled` wraps them with a :class:`~generator.site.timing.Clock` for the length of one build and puts the
originals back afterwards. It must start before the MkDocs config is loaded: MkDocs keeps the plugins' event
methods from that moment. Forked workers of a parallel build inherit the wrappers; each restarts the clock and
sends its totals back (:func:`worker_started`, :func:`worker_totals`, :func:`add_worker`).
"""

from __future__ import annotations

import contextlib
import importlib

from generator.site.timing import Clock

#: (module, attribute path, stage). Each second goes to the innermost stage, so nesting is fine.
STAGES = [
    ("generator.catalog.load", "_Collector.read", "load: read YAML files"),
    ("generator.catalog.load", "validate", "load: validate (JSON Schema)"),
    ("generator.catalog.load", "load_everything", "load: merge translations, check references"),
    ("generator.site.stage", "render_pages", "render: Markdown of generated pages"),
    ("generator.site.mkdocs.plugin", "stage", "stage: hand-written pages, staging tree"),
    ("mkdocs.structure.pages", "Page.read_source", "MkDocs: read pages"),
    ("mkdocs.structure.pages", "Page.render", "Markdown → HTML (Python-Markdown)"),
    ("generator.site.mkdocs.cached_render", "_render", "render cache: look up, store, replay"),
    ("jinja2.environment", "Template.render", "templates (Jinja: material + cutover partials)"),
    ("material.plugins.search.plugin", "SearchPlugin.on_page_context", "search index (material)"),
    ("material.plugins.search.plugin", "SearchPlugin.on_post_build", "search index (material)"),
    ("generator.site.mkdocs.plugin", "CutoverPlugin.on_post_page", "page fixes (CSP, language marks, links)"),
    ("generator.site.mkdocs.plugin", "CutoverPlugin.on_post_template", "page fixes (CSP, language marks, links)"),
    ("generator.site.mkdocs.plugin", "finish_site", "finish: search per language, sitemap"),
    ("mkdocs.utils", "write_file", "write pages"),
    ("mkdocs.structure.files", "File.copy_file", "copy static files (theme, assets)"),
    ("generator.site.mkdocs.parallel", "_assemble", "assemble languages (parallel)"),
]

_ACTIVE: Clock | None = None


@contextlib.contextmanager
def profiled(enabled: bool = True):
    """A :class:`Clock` measuring every stage of the builds run inside (``None`` when not ``enabled``)."""
    global _ACTIVE
    if not enabled:
        yield None
        return
    clock = Clock()
    undo = []
    try:
        for module_name, path, name in STAGES:
            try:
                owner = importlib.import_module(module_name)
            except ImportError:  # an optional theme or plugin that is not installed
                continue
            *parents, attr = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            original = owner.__dict__[attr]
            setattr(owner, attr, clock.timed(original, name))
            undo.append((owner, attr, original))
        _ACTIVE = clock
        yield clock
    finally:
        _ACTIVE = None
        for owner, attr, original in reversed(undo):
            setattr(owner, attr, original)


def worker_started() -> None:
    """In a forked worker: account for this process alone (it inherited the parent's figures)."""
    if _ACTIVE is not None:
        _ACTIVE.restart()


def worker_totals() -> dict | None:
    return _ACTIVE.totals() if _ACTIVE is not None else None


def add_worker(totals: dict | None) -> None:
    if _ACTIVE is not None and totals is not None:
        _ACTIVE.add(totals)
