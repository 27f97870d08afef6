"""The thin MkDocs adapter: the only module that knows MkDocs.

It loads the project with the plain library, stages the documentation tree
outside the repository and points MkDocs at it. Everything else — format,
validation, pages — lives in the library, so moving off MkDocs 1.x later means
rewriting this file only.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Section
from mkdocs.utils import get_relative_url

from . import PACKAGE_DIR

from .errors import CutoverError
from .load import Layout, load_project
from .localize import Localizer
from .render.common import (CARDS_INDEX, FAQ, GLOSSARY, GUIDES_INDEX, HOME, PROGRESS, QUIZZES_INDEX, RESULTS, ROLES_INDEX,
                            TIMELINE, card_path)
from .markup import RAW_HTML, UNSAFE_LINK
from .translations import MISSING
from .reproducible import normalise_sitemap
from .search import split_search_index
from .sitemap import write_sitemap
from .stage import ASSET_DIR, ASSETS, default_staging_dir, remove_staging, stage

log = logging.getLogger("mkdocs.plugins.cutover")

#: Markdown extensions the generated pages are written for.
REQUIRED_EXTENSIONS = {
    "abbr": {}, "admonition": {}, "attr_list": {}, "def_list": {}, "md_in_html": {}, "tables": {},
    "toc": {"permalink": True}, "pymdownx.details": {}, "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')

_BUNDLE = re.compile(r'<script src="((?:\.\./)*|/?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')

_HREFLANG_LINK = re.compile(r'(<(?:a|link)\b[^>]*?\bhref=")([^"]*)("[^>]*\bhreflang="[^"]+")')
#: mike sets this variable while it builds a version.
MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"

_SECTION_KEYS = {"cutover:roles": "nav.roles", "cutover:cards": "nav.cards", "cutover:guides": "nav.guides",
                 "cutover:quizzes": "nav.quizzes"}


class CutoverConfig(Config):
    project_dir = config_options.Optional(config_options.Type(str))  #: default: the folder of mkdocs.yml
    staging_dir = config_options.Optional(config_options.Type(str))  #: default: a private temporary folder
    default_version = config_options.Type(str, default="latest")  #: the alias readers of an old version are sent to


class CutoverPlugin(BasePlugin[CutoverConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.layout: Layout | None = None
        self.project = None
        self.staging: Path | None = None
        self.generated: dict[str, str] = {}
        self.source_edit_uri: str | None = None
        self._configured: int | None = None

    @event_priority(100)  # before mkdocs-static-i18n reads docs_dir
    def on_config(self, config):
        # mkdocs-static-i18n calls build() once per language, and build() runs on_config
        # again on the same config object: load and stage only once.
        if self._configured == id(config):
            return config
        self._configured = id(config)
        root = Path(self.config.project_dir or Path(config.config_file_path).parent).resolve()
        self.layout = Layout(root)
        try:
            loaded = load_project(root)
        except CutoverError as exc:
            raise PluginError("the definitions have errors:\n" + exc.report()) from None
        self.project = loaded.project
        for problem in loaded.warnings:
            if problem.code not in (MISSING, RAW_HTML, UNSAFE_LINK):
                log.warning(problem.format())
        missing = sum(1 for p in loaded.warnings if p.code == MISSING)
        if missing:
            log.info(f"cutover: {missing} strings are not translated yet; run 'cutover check' for the list")
        # Raw HTML and script links are shown as text or disarmed, so the site is right: advice, not a failed build.
        inert = sum(1 for p in loaded.warnings if p.code in (RAW_HTML, UNSAFE_LINK))
        if inert:
            log.info(f"cutover: {inert} texts hold raw HTML or script links, shown as text; run 'cutover check' for the list")
        self._check_languages(config)
        self.staging = Path(self.config.staging_dir) if self.config.staging_dir else default_staging_dir(root)
        try:
            result = stage(self.project, self.layout, self.staging)
        except CutoverError as exc:
            raise PluginError("the pages have errors:\n" + exc.report()) from None
        if not self.config.staging_dir:
            atexit.register(remove_staging, self.staging)
        self.generated = result.generated
        config.docs_dir = str(self.staging)
        self._ensure_extensions(config)
        self._ensure_assets(config)
        self._ensure_theme(config)
        if not config.nav:
            config.nav = self._default_nav()
        edit_uri = config.edit_uri or ""
        if config.repo_url and edit_uri:
            # edit_uri points into docs/; definitions live beside it at the repository root.
            docs_name = Path(config.config_file_path).parent.joinpath("docs").name
            self.source_edit_uri = edit_uri[: -len(docs_name) - 1] if edit_uri.rstrip("/").endswith(docs_name) else edit_uri
        return config

    def _check_languages(self, config) -> None:
        i18n = config.plugins.get("i18n")
        wanted = self.project.site.languages
        if i18n is None:
            if len(wanted) > 1:
                raise PluginError("catalog/site.yaml lists several languages, but the i18n plugin "
                                  "(mkdocs-static-i18n) is not enabled in mkdocs.yml")
            return
        configured = [lang.locale for lang in i18n.config.languages]
        default = next((lang.locale for lang in i18n.config.languages if lang.default), None)
        only = i18n.config.build_only_locale  # one language built alone becomes the default there
        if sorted(configured) != sorted(wanted) or (default != wanted[0] and not only):
            raise PluginError(f"languages differ: catalog/site.yaml has {', '.join(wanted)} (default {wanted[0]}), "
                              f"the i18n plugin in mkdocs.yml has {', '.join(configured)} (default {default}); make them the same")

    def _ensure_extensions(self, config) -> None:
        for name, options in REQUIRED_EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                config.mdx_configs.setdefault(name, options)

    def _ensure_assets(self, config) -> None:
        """The quiz runtime on every page; idempotent because static-i18n re-runs on_config per language."""
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            path = f"{ASSET_DIR}/{name}"
            if path not in [str(item) for item in target]:
                target.append(path)

    def _ensure_theme(self, config) -> None:
        """Our template overrides sit after a writer's custom_dir and before material's own templates."""
        ours = str(PACKAGE_DIR / "theme")
        if ours not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, ours)
        version = os.environ.get(MIKE_VERSION_VARIABLE)
        if version and "version" not in config.extra:
            # Publishing with mike: material's version selector, and the old-version notice for non-default versions.
            config.extra["version"] = {"provider": "mike", "default": self.config.default_version, "alias": True}

    def on_env(self, env, config, files):
        lang = self._current_language(config)
        env.globals["cutover_ui"] = lambda key: Localizer(self.project, lang).ui(key)
        return env

    def _default_nav(self) -> list:
        """Home, the writers' pages, then the generated sections."""
        project = self.project
        default = project.site.default_language
        handwritten = sorted(rel.split("/", 1)[1] for rel in self._staged_pages()
                             if rel.startswith(default + "/") and rel not in self.generated)
        nav: list = [HOME] + handwritten
        nav.append({"cutover:roles": [ROLES_INDEX] + [f"roles/{r}.md" for r in project.roles]})
        nav.append({"cutover:cards": [CARDS_INDEX] + [card_path(r) for r in project.roles]})
        nav.append({"cutover:guides": [GUIDES_INDEX] + [f"guides/{f}.md" for f in project.features]})
        nav += [TIMELINE, FAQ, GLOSSARY]
        if project.quizzes:
            nav.append({"cutover:quizzes": [QUIZZES_INDEX] + [f"quizzes/{q}.md" for q in project.quizzes] + [PROGRESS, RESULTS]})
        return nav

    def _staged_pages(self) -> list[str]:
        return [p.relative_to(self.staging).as_posix() for p in self.staging.rglob("*.md")]

    @event_priority(-150)  # after mkdocs-static-i18n has localised the navigation
    def on_nav(self, nav, config, files):
        loc = Localizer(self.project, self._current_language(config))
        for item in _walk(nav.items):
            if isinstance(item, Section) and item.title in _SECTION_KEYS:
                item.title = loc.ui(_SECTION_KEYS[item.title])
        return nav

    def _current_language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or self.project.site.default_language

    def on_page_context(self, context, page, config, nav):
        source = page.meta.get("cutover_source")
        if source and config.repo_url and self.source_edit_uri is not None:
            page.edit_url = urljoin(config.repo_url.rstrip("/") + "/", self.source_edit_uri + source)
        return context

    def on_post_page(self, output, page, config):
        # material's search dialog has no accessible name (axe: aria-dialog-name): give it the search label.
        label = _SEARCH_LABEL.search(output)
        if label:
            output = output.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{label.group(1)}">', 1)
        # static-i18n writes root-absolute links to the language homes ("/de/"): they break under a version folder
        # (mike) and on a sub-path (/kb/). Make every hreflang link relative to the page.
        output = _relativize_hreflang(output, page.url)
        # Pages of other languages search their own language's index (see on_post_build).
        lang = self._current_language(config)
        bundle = _BUNDLE.search(output)
        if bundle and lang != self.project.site.default_language:
            tag = f'<script src="{bundle.group(1)}{ASSET_DIR}/search-lang.js" data-lang="{lang}"></script>'
            output = output[: bundle.start()] + tag + "\n" + output[bundle.start():]
        return output

    @event_priority(-200)  # after mkdocs-static-i18n has written the combined index of every language
    def on_post_build(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return
        site_dir = Path(config.site_dir)
        if i18n is not None:
            split_search_index(site_dir, self.project.site.languages, i18n.config.build_only_locale)
            if not i18n.config.build_only_locale:
                write_sitemap(site_dir, self.project.site.languages, _site_base(config))
        normalise_sitemap(site_dir)  # no build dates anywhere: two builds of the same input are byte-identical

    def on_serve(self, server, config, builder):
        server.unwatch(str(self.staging))
        for path in self.layout.watched():
            if path.exists():
                server.watch(str(path))
        return server


def _relativize_hreflang(html: str, page_url: str) -> str:
    def fix(match: re.Match) -> str:
        href = match.group(2)
        if not href.startswith("/") or href.startswith("//"):
            return match.group(0)
        target = href.lstrip("/")
        relative = get_relative_url(target or ".", page_url or ".")
        if href.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return f"{match.group(1)}{relative}{match.group(3)}"
    return _HREFLANG_LINK.sub(fix, html)


def _site_base(config) -> str:
    """Where the site root is served: site_url (plus the version folder under mike), else "/"."""
    base = config.site_url or "/"
    version = os.environ.get(MIKE_VERSION_VARIABLE)
    if version:
        base = base.rstrip("/") + "/" + version + "/"
    return base


def _walk(items):
    for item in items:
        yield item
        if getattr(item, "children", None):
            yield from _walk(item.children)
