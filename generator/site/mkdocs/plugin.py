"""The MkDocs plugin: the adapter's half that runs inside MkDocs' build.

It loads the project with the plain library, stages the documentation tree outside the repository and points
MkDocs at it, then hands each page's HTML and the finished site back to the library (generator.site). Format,
validation, pages, navigation and every HTML fix live in the library, so moving off MkDocs 1.x later means
rewriting this package (generator/site/mkdocs/) only.
"""

from __future__ import annotations

import atexit
import functools
import logging
import os
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import jinja2.bccache
from markupsafe import Markup
from mkdocs.commands.build import _populate_page as populate_page  # pinned MkDocs 1.6.1: read and render one page
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Section

from generator.authoring import pagelinks
from generator.catalog.allowlist import WIDENED, allow_list
from generator.authoring.i18n.pages import EVERY_PAGE
from generator.catalog.load import Layout, load_project
from generator.catalog.markup import RAW_HTML, UNSAFE_LINK
from generator.catalog.translations import MISSING
from generator.catalog.variables import format_value
from generator.errors import CutoverError, Severity
from generator.org import branding
from generator.render import escape, illustrations
from generator.render.feedback import page_widget, widget_settings
from generator.render.localize import Localizer
from generator.site import chrome, csp, lastchanged, sanitize
from generator.site.finish import finish_site
from generator.site.languages import site_problems
from generator.site import progress
from generator.site.mkdocs import cached_render, navviews
from generator.site.rendercache import RenderCache, cache_disabled
from generator.site.mkdocs.preview import LastGoodSite
from generator.site.navigation import default_nav, section_title
from generator.site.offline import SHIM
from generator.site.pagehtml import fix_error_page, fix_page
from generator.site.rebuild import PageMemory, head, replace_search_docs, site_signature
from generator.site.stage import ASSET_DIR, ASSETS, default_staging_dir, page_meta, remove_dead_staging, remove_staging, stage

log = logging.getLogger("mkdocs.plugins.cutover")

#: Our template overrides (generator/site/theme/).
THEME_DIR = Path(__file__).parent.parent / "theme"

#: Markdown extensions the generated pages are written for.
REQUIRED_EXTENSIONS = {
    "abbr": {}, "admonition": {}, "attr_list": {}, "def_list": {}, "md_in_html": {}, "tables": {},
    "toc": {"permalink": True}, "pymdownx.details": {}, "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}

#: mike sets this variable while it builds a version.
MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"

class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates shared by every build in this process (checked against the template source)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CACHES: dict[tuple[str, ...], _MemoryBytecodeCache] = {}  #: by the environment's extensions (they shape the code)

class _LocatedLinkWarnings(logging.Filter):
    """MkDocs names a broken link by the staged page ('Doc file 'en/about.md' contains a link …'); a writer needs the
    file in docs/ and the line. Generated pages are named by their definition."""

    _MESSAGE = re.compile(r"^Doc file '(?P<rel>[^']+)' (?P<rest>contains (?:an absolute link|a link|an unrecognized relative "
                          r"link) '(?P<target>[^']*)'.*)$", re.S)

    def __init__(self, plugin: "CutoverPlugin") -> None:
        super().__init__()
        self.plugin = plugin

    def filter(self, record: logging.LogRecord) -> bool:
        match = self._MESSAGE.match(record.getMessage())
        if match:
            record.cutover_original_message = record.getMessage()  # what the render cache replays (it is placed anew)
            where = self.plugin.writers_place(match.group("rel"), match.group("target"))
            record.msg, record.args = f"{where}: this page {match.group('rest')}", ()
        return True


class _ScriptMarkingLoader(jinja2.BaseLoader):
    """Every template, with the script elements it writes tagged as the theme's own (generator/site/csp.py)."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        return csp.mark_scripts(source), filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


class CutoverConfig(Config):
    project_dir = config_options.Optional(config_options.Type(str))  #: default: the folder of mkdocs.yml
    staging_dir = config_options.Optional(config_options.Type(str))  #: default: a private temporary folder
    default_version = config_options.Type(str, default="latest")  #: the alias readers of an old version are sent to


#: A link to a page by its Markdown path in generated HTML (MkDocs rewrites only Markdown links).
_MD_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]+\.md)(#[^"]*)?"')


class CutoverPlugin(BasePlugin[CutoverConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.layout: Layout | None = None
        self.project = None
        self.staging: Path | None = None
        self.generated: dict[str, str] = {}
        self.source_edit_uri: str | None = None
        self._configured = None  #: the config object loaded for (a reference: ids are reused after a serve rebuild)
        self._incremental = False  #: serve with dirty builds (see on_startup)
        self._preview = False  #: the writers' preview (serve): repository link and edit pencils shown
        self._memory = PageMemory()
        self._per_page_navigation = False  #: serve rebuilds the pages a title change reaches, not all (navviews.py)
        self._nav = None  #: this language's navigation (on_nav), for on_env
        self._signature: str | None = None  #: site_signature() of the last successful build
        self._next_signature: str | None = None
        self._search_mark = 0
        self._policy = csp.Policy()
        self._built = self._to_build = 0
        self._render_cache: RenderCache | None = None  #: this build's (None: off)

    def on_startup(self, command, dirty):
        # Defining on_startup also makes MkDocs keep this instance across serve rebuilds, which the
        # incremental rebuilds of `cutover serve` (dirty builds, see generator/rebuild.py) remember things in.
        self._incremental = command == "serve" and dirty
        self._preview = command == "serve"

    def on_shutdown(self):
        if self._render_cache is not None:  # `mkdocs build` or serve ending: keep the cache within its bound
            self._render_cache.prune()
        self._incremental = False
        self._memory.clear()
        self._signature = None

    @event_priority(100)  # before mkdocs-static-i18n reads docs_dir
    def on_config(self, config):
        # mkdocs-static-i18n calls build() once per language, and build() runs on_config
        # again on the same config object: load and stage only once.
        if self._configured is config:
            return config
        self._configured = config
        root = Path(self.config.project_dir or Path(config.config_file_path).parent).resolve()
        self.layout = Layout(root)
        try:
            loaded = load_project(root)
        except CutoverError as exc:
            raise PluginError("the definitions have errors:\n" + exc.report()) from None
        self.project = loaded.project
        for problem in loaded.warnings:
            if problem.code not in (MISSING, RAW_HTML, UNSAFE_LINK, WIDENED):
                log.warning(problem.format())
        missing = sum(1 for p in loaded.warnings if p.code == MISSING)
        if missing:
            log.info(f"cutover: {missing} strings are not translated yet; run 'cutover check' for the list")
        # Raw HTML and script links are shown as text or disarmed, so the site is right: advice, not a failed build.
        inert = sum(1 for p in loaded.warnings if p.code in (RAW_HTML, UNSAFE_LINK))
        if inert:
            log.info(f"cutover: {inert} texts hold raw HTML or script links, shown as text; run 'cutover check' for the list")
        self._check_languages(config)
        self._policy = csp.site_policy(self.project, offline_enabled(config))
        pages_log = logging.getLogger("mkdocs.structure.pages")
        if not any(isinstance(f, _LocatedLinkWarnings) for f in pages_log.filters):
            pages_log.addFilter(_LocatedLinkWarnings(self))
        if not self.config.staging_dir:
            remove_dead_staging()  # left by builds that were killed before they could remove their own
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
        self._ensure_branding(config)
        self._ensure_offline_shim(config)
        self._skip_redundant_work(config)
        _list_theme_files_once(config.theme)
        if not config.nav:
            config.nav = self._default_nav()
        if self._incremental:
            self._plan_incremental(config)
        self._hide_source_links(config)
        edit_uri = config.edit_uri or ""
        if config.repo_url and edit_uri:
            # edit_uri points into docs/; definitions live beside it at the repository root.
            docs_name = Path(config.config_file_path).parent.joinpath("docs").name
            self.source_edit_uri = edit_uri[: -len(docs_name) - 1] if edit_uri.rstrip("/").endswith(docs_name) else edit_uri
        return config

    def _hide_source_links(self, config) -> None:
        """Readers of the published site need no repository link or edit pencils: they are for writers, shown in the
        preview (serve) or when the organisation turns them on (``source_links: true`` in catalog/site.yaml)."""
        if self._preview or self.project.site.source_links:
            return
        config.repo_url = None
        config.repo_name = None
        config.edit_uri = None
        features = config.theme.get("features") or []
        if "content.action.edit" in features or "content.action.view" in features:
            config.theme["features"] = [f for f in features if f not in ("content.action.edit", "content.action.view")]

    def _plan_incremental(self, config) -> None:
        """A dirty build gives the full build's site unless something every page shows changed: then empty the site."""
        config_file = Path(config.config_file_path) if config.config_file_path else None
        # The feedback widget and the theme's strings are part of every page's template, not of its Markdown: they count too.
        strings = self.project.ui.signature(EVERY_PAGE) if self.project.ui else ""
        self._per_page_navigation = navviews.usable(config)
        self._next_signature = site_signature(self.staging, config_file, (config.nav, widget_settings(self.project), strings),
                                              titles=not self._per_page_navigation)
        if self._next_signature != self._signature:
            site_dir = Path(config.site_dir)
            for child in site_dir.iterdir() if site_dir.is_dir() else []:
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            self._memory.clear()
        self._signature = None  # until this build succeeds

    def on_build_error(self, error):
        self._signature = None  # the next rebuild starts from an empty site

    def on_pre_build(self, config):
        self._search_mark = 0  # material's search plugin starts a new index for every build (every language)
        self._localise_markdown(config)
        self._open_render_cache(config)
        search = self._search_plugin(config)
        if self._incremental and getattr(search, "search_index_prev", None) is not None:
            # material merges a dirty build's entries into the previous build's, assuming that was the same
            # language: with static-i18n its index would grow with every build. Entries are kept per page here.
            search.search_index_prev = None

    @event_priority(-150)  # after mkdocs-static-i18n picked this language's files
    def on_files(self, files, config):
        self._built, self._to_build = 0, len(files.documentation_pages())  # progress of this language's build
        if self._incremental:
            self._memory.order[self._current_language(config)] = [f.src_uri for f in files.documentation_pages()]
        return files

    def on_page_content(self, content, page, config, files):
        if self._incremental:
            self._memory.titles[(self._current_language(config), page.file.src_uri)] = page.title
        if page.file.src_uri not in self.generated:  # a hand-written page: writers' HTML through the allow-list
            content = sanitize.clean(content, allow_list(self.project.site.html))
        else:  # generated HTML blocks link pages by their Markdown paths: give them the pages' addresses
            content = _MD_HREF.sub(lambda m: self._page_href(m, page, files), content)
        return content

    @event_priority(-100)  # the key holds the page's Markdown as rendered: install after other plugins' edits
    def on_page_markdown(self, markdown, page, config, files):
        if self._render_cache is not None:
            cached_render.install(page, self._render_cache, self._current_language(config))
        return markdown

    def _open_render_cache(self, config) -> None:
        """The persistent render cache (generator/site/rendercache.py), unless turned off or an extension could read
        files the key does not hold."""
        if cache_disabled():
            self._render_cache = None
            return
        impure = cached_render.cacheable_extensions(config)
        if impure is not None:
            log.info(f"cutover: render cache off: the Markdown extension {impure} may read other files")
            self._render_cache = None
            return
        if self._render_cache is None:
            self._render_cache = RenderCache(self.layout.root)
        self._render_cache.counts[self._current_language(config)] = [0, 0]

    def _report_render_cache(self, config) -> None:
        lang = self._current_language(config)
        if self._render_cache is None or lang not in self._render_cache.counts:
            return
        hits, misses = self._render_cache.counts.pop(lang)
        log.info(f"cutover: {lang}: {hits} of {hits + misses} pages from the render cache")

    @staticmethod
    def _page_href(match, page, files) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match.group(1)))
        found = files.get_file_from_path(target)
        if found is None:
            return match.group(0)
        return f'href="{found.url_relative_to(page.file)}{match.group(2) or ""}"'

    def _rebuild_where_navigation_changed(self, config, files, lang: str) -> None:
        """A dirty build rebuilds the pages whose Markdown changed; a changed title also changes the navigation of the
        pages that show it (generator/site/mkdocs/navviews.py): those are read and rebuilt too."""
        shown = navviews.views(self._nav, lambda page: head(Path(page.file.abs_src_path)))
        for file in files.documentation_pages():
            page, key = file.page, (lang, file.src_uri)
            view = shown.get(file.src_uri, shown[""])
            if page is not None and page.content is None and self._memory.views.get(key, view) != view:
                Path(file.abs_dest_path).unlink(missing_ok=True)  # what MkDocs' dirty build takes as "modified"
                populate_page(page, config, files)
            self._memory.views[key] = view

    def _remember_search_entries(self, page, config) -> None:
        """The search entries material just made for this page (a dirty build indexes only the pages it builds)."""
        entries = getattr(getattr(self._search_plugin(config), "search_index", None), "entries", None)
        if entries is None:
            return
        self._memory.entries[(self._current_language(config), page.file.src_uri)] = entries[self._search_mark:]
        self._search_mark = len(entries)

    @staticmethod
    def _search_plugin(config):
        return config.plugins.get("material/search") or config.plugins.get("search")

    def _check_languages(self, config) -> None:
        """catalog/site.yaml's languages and mkdocs.yml's must be the same (generator/site/languages.py)."""
        errors = [p for p in site_problems(self.layout.root) if p.severity is Severity.ERROR]
        if errors:
            raise PluginError("the languages differ:\n" + "\n".join(p.format() for p in errors))

    def _localise_markdown(self, config) -> None:
        """Strings Python-Markdown's extensions write into every page (the heading anchors' title, footnotes' back
        links), in the language about to be built: MkDocs makes a new Markdown converter for every page."""
        loc = Localizer(self.project, self._current_language(config))
        if "toc" in config.markdown_extensions:
            config.mdx_configs.setdefault("toc", {})["permalink_title"] = chrome.permalink_title(loc)
        if "footnotes" in config.markdown_extensions:
            config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = chrome.footnote_backlink_title(loc)

    def _root_language_build(self, config) -> bool:
        """Whether the language being built is the one at the site root (the default, or the one built alone)."""
        i18n = config.plugins.get("i18n")
        return i18n is None or bool(i18n.is_default_language_build)

    def _other_languages(self, config) -> list[str]:
        """The languages in folders of their own, for the root 404 page (none on theirs)."""
        i18n = config.plugins.get("i18n")
        if i18n is None or not self._root_language_build(config) or i18n.config.build_only_locale:
            return []
        return [lang for lang in i18n.build_languages if lang != i18n.default_language]

    def on_post_template(self, output_content, template_name, config):
        """One 404 page per language: the root one in the default language, ``<lang>/404.html`` for the others
        (a web server sends /de/… there, or the root page's script does). Every template's inline scripts get
        their hashes in the page's Content-Security-Policy (site/csp.py)."""
        if template_name != "404.html":
            return csp.apply(output_content, self._policy) if template_name.endswith(".html") else output_content
        lang = self._current_language(config)
        output = csp.apply(fix_error_page(output_content, lang, self.project.site.default_language), self._policy)
        if self._root_language_build(config):
            return output
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, "utf-8")
        return ""  # MkDocs writes nothing for an empty page: the root 404.html stays the default language's

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

    @staticmethod
    def _ensure_offline_shim(config) -> None:
        """material's offline plugin loads its web-worker shim from a CDN unless a polyfill already provides it: this
        runs first (priority 100) and provides the copy shipped in the assets."""
        if offline_enabled(config):
            polyfills = list(config.extra.get("polyfills") or [])
            if not any("iframe-worker" in str(url) for url in polyfills):
                config.extra["polyfills"] = [SHIM] + polyfills

    def _ensure_theme(self, config) -> None:
        """Our template overrides sit after a writer's custom_dir and before material's own templates."""
        ours = str(THEME_DIR)
        if ours not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, ours)
        version = os.environ.get(MIKE_VERSION_VARIABLE)
        if version and "version" not in config.extra:
            # Publishing with mike: material's version selector, and the old-version notice for non-default versions.
            config.extra["version"] = {"provider": "mike", "default": self.config.default_version, "alias": True}

    def _ensure_branding(self, config) -> None:
        """The organisation's logo, favicon and colours (staged by generator.org.branding); idempotent per language."""
        brand = self.project.site.branding
        if brand is None:
            return
        for key in ("logo", "favicon"):
            if getattr(brand, key):
                config.theme[key] = branding.staged_name(brand, key)
        if (brand.primary or brand.accent) and branding.STYLESHEET not in [str(x) for x in config.extra_css]:
            config.extra_css.append(branding.STYLESHEET)

    def _skip_redundant_work(self, config) -> None:
        """Work static-i18n would do only for on_post_build to redo or undo (it matters with thousands of pages)."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return
        if not i18n.config.build_only_locale:
            # on_post_build writes the sitemap from the built pages; static-i18n's template, rendered once per
            # language with every page's alternates, would only be overwritten.
            config.theme.static_templates.discard("sitemap.xml")
        # Its duplicate removal compares every search entry with every other one (minutes for thousands of
        # pages) and drops the sections a page shares with its default-language page, which a per-language
        # index (on_post_build) needs: untranslated sections must stay findable from that language.
        i18n.config.reconfigure_search = False

    @event_priority(-100)  # after other plugins added their template extensions
    def on_env(self, env, config, files):
        lang = self._current_language(config)
        self._report_render_cache(config)  # every page of this language is rendered (static-i18n nests the next ones later)
        if not isinstance(env.loader, _ScriptMarkingLoader):  # the theme's inline scripts get their hashes (site/csp.py)
            env.loader = _ScriptMarkingLoader(env.loader)
        # Every language's build (and every serve rebuild) compiles the same templates: once is enough.
        env.bytecode_cache = _TEMPLATE_CACHES.setdefault(tuple(sorted(env.extensions)), _MemoryBytecodeCache())
        # static-i18n points the language switcher at a page's translations through the attribute
        # config.extra.alternate and resets only the item of that name for the next language, so 404.html (built
        # before the pages) linked to the previous language's last page. Without the attribute it links to the
        # language homes, whichever language was built before: sequential and parallel builds agree.
        vars(config.extra).pop("alternate", None)
        if self._incremental:
            for file in files.documentation_pages():
                page = file.page
                if page is not None and page.content is None and (lang, file.src_uri) in self._memory.titles:
                    page.title = self._memory.titles[(lang, file.src_uri)]  # not read by a dirty build: the nav needs it
            if self._per_page_navigation and self._nav is not None:
                self._rebuild_where_navigation_changed(config, files, lang)
        # material writes a page's title into <title> through Jinja's striptags, which decodes entities: a title
        # "&lt;/title&gt;&lt;script&gt;" came out as markup. Reduced to text, the title is written as HTML text again.
        env.filters["striptags"] = lambda value: Markup(escape.html_of_html_text(str(value)))
        loc = Localizer(self.project, lang, marked=True)  # the theme's strings, marked where they are in English
        env.globals["cutover_ui"] = lambda key, **fields: Markup(chrome.ui_html(loc, key, **fields))
        # The same few dozen strings on every page of the language: look each up once.
        env.globals["cutover_theme"] = functools.cache(lambda key: Markup(chrome.theme_string(loc, key)))
        env.globals["cutover_other_languages"] = lambda: self._other_languages(config)
        env.globals["cutover_footer"] = lambda: Markup(branding.footer_html(self.project, lang))
        env.globals["cutover_feedback"] = lambda page: self._feedback_widget(page, config, lang)
        env.globals["cutover_updated"] = lambda page: Markup(self._last_changed(page, lang))
        return env

    def _last_changed(self, page, lang: str) -> str:
        """"Last changed: <date>" from the git history of the page's sources (its definition and translations, or the
        hand-written file), else the build's date: the same commit gives the same pages."""
        root = self.layout.root
        source = page.meta.get("cutover_source") if page.meta else None
        if source and not source.startswith("kit:"):
            stem = source[: -len(".yaml")] if source.endswith(".yaml") else source
            sources = [source] + ([f"{stem}.{lang}.yaml"] if source.endswith(".yaml") else [])
        else:
            written = self.layout.docs / page.file.src_uri
            sources = [written.relative_to(root).as_posix()] if written.is_relative_to(root) else []
        day = lastchanged.last_changed(root, sources)
        loc = Localizer(self.project, lang, marked=True)
        text = loc.ui("page.updated", date=format_value(day, lang))
        return f'<p class="cutover-updated"><time datetime="{day.isoformat()}">{escape.html_text(text)}</time></p>'

    def writers_place(self, rel: str, target: str) -> str:
        """Where the writer finds the link to ``target`` of the staged page ``rel``: docs/<page>:line:col (a page shown
        in a language it was not translated into is the default language's), or the definition of a generated page."""
        if rel in self.generated:
            return self.generated[rel]
        default = self.project.site.default_language
        for candidate in (rel, f"{default}/{rel.split('/', 1)[-1]}"):
            path = self.layout.docs / candidate
            if path.is_file():
                display = f"docs/{candidate}"
                try:
                    staged = (self.staging / candidate).read_text("utf-8")
                except OSError:
                    return display
                found = pagelinks.locate(staged, target)
                return f"{display}:{found[0]}:{found[1]}" if found else display
        return f"docs/{rel}"

    def _feedback_widget(self, page, config, lang: str) -> Markup:
        """The "Was this page helpful?" widget for theme/partials/feedback.html (the library writes its HTML)."""
        url = page.url or ""
        if config.site_url:
            url = urljoin(_site_base(config), url)
        return Markup(page_widget(self.project, lang, page.title or config.site_name, url,
                                  os.environ.get(MIKE_VERSION_VARIABLE, "")))

    def _default_nav(self) -> list:
        default = self.project.site.default_language
        handwritten = [rel for rel in self._staged_pages() if rel.startswith(default + "/") and rel not in self.generated]
        for_trainers = [rel.split("/", 1)[1] for rel in handwritten
                        if page_meta((self.staging / rel).read_text("utf-8")).get("for") == "trainers"]
        return default_nav(self.project, [rel.split("/", 1)[1] for rel in handwritten], for_trainers)

    def _staged_pages(self) -> list[str]:
        return [p.relative_to(self.staging).as_posix() for p in self.staging.rglob("*.md")]

    @event_priority(-150)  # after mkdocs-static-i18n has localised the navigation
    def on_nav(self, nav, config, files):
        self._nav = nav
        lang = self._current_language(config)
        for item in _walk(nav.items):
            if isinstance(item, Section):
                item.title = section_title(self.project, lang, item.title) or item.title
        return nav

    def _current_language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or self.project.site.default_language

    def on_page_context(self, context, page, config, nav):
        source = page.meta.get("cutover_source")
        if source and source.startswith("kit:"):
            page.edit_url = None  # the page comes from the installed kit: there is nothing in this repository to edit
        elif source and config.repo_url and self.source_edit_uri is not None:
            page.edit_url = urljoin(config.repo_url.rstrip("/") + "/", self.source_edit_uri + source)
        return context

    def on_post_page(self, output, page, config):
        if self._incremental:
            self._remember_search_entries(page, config)
        else:
            self._built += 1
            progress.report(self._current_language(config), self._built, self._to_build)
        # The kit's drawings where the Markdown could only mark their place (after search indexing: no alt text in results).
        output = illustrations.expand(output, Localizer(self.project, self._current_language(config)))
        # The policy first: it reads the theme's scripts as the templates wrote them (fix_page adds only script files).
        output = csp.apply(output, self._policy)
        return fix_page(output, page.url, self._current_language(config), self.project.site.default_language)

    @event_priority(-200)  # after mkdocs-static-i18n has written the combined index of every language
    def on_post_build(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return
        if self._incremental:
            order = [i18n.default_language] + [lang for lang in i18n.build_languages if lang != i18n.default_language] \
                if i18n is not None else [self.project.site.default_language]
            replace_search_docs(Path(config.site_dir), self._memory.search_docs(order))
            self._signature = self._next_signature
        finish_mkdocs_site(config, self.project.site.languages)

    def on_serve(self, server, config, builder):
        LastGoodSite(lambda: self.project).keep(server)  # a broken save: the last good site, with a banner
        server.unwatch(str(self.staging))
        for path in self.layout.watched():
            if path.exists():
                server.watch(str(path))
        return server


#: (theme folders with their modification times, listing arguments) -> the theme files MkDocs copies.
_THEME_FILES: dict[tuple, list[str]] = {}


def _list_theme_files_once(theme) -> None:
    """MkDocs lists and filters every file of the theme (material ships 14,000 icons) in every build, once per
    language and serve rebuild; the list only changes when a theme folder does (or the templates it skips)."""
    get_env = theme.get_env

    def env_with_listed_files():
        env = get_env()
        list_templates = env.list_templates

        def listed_once(extensions=None, filter_func=None):
            folders = tuple((d, os.stat(d).st_mtime_ns) for d in dict.fromkeys(theme.dirs) if os.path.isdir(d))
            key = (folders, extensions, getattr(filter_func, "__qualname__", None), tuple(sorted(theme.static_templates)))
            if key not in _THEME_FILES:
                _THEME_FILES[key] = list_templates(extensions, filter_func)
            return list(_THEME_FILES[key])

        env.list_templates = listed_once
        return env

    theme.get_env = env_with_listed_files


def finish_mkdocs_site(config, languages: list[str]) -> None:
    """:func:`~generator.site.finish.finish_site` for the site this MkDocs ``config`` built.

    Called by on_post_build, and by :mod:`generator.site.mkdocs.parallel` once it has assembled languages built apart.
    """
    i18n = config.plugins.get("i18n")
    finish_site(Path(config.site_dir), languages, multilingual=i18n is not None,
                only_language=i18n.config.build_only_locale if i18n is not None else None,
                base_url=_site_base(config), offline=offline_enabled(config))


def offline_enabled(config) -> bool:
    """Whether material's offline plugin is on (``cutover build --offline`` turns it on)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.get("enabled", True))


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
