"""The builds and the preview server the ``cutover`` commands start, run by MkDocs.

The CLI calls these with plain values and catches :class:`SiteBuildError`; nothing outside this package imports
MkDocs or its plugins.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.site.mkdocs.preview import PortInUse, check_port
from generator.site.rendercache import NO_CACHE_VARIABLE, RenderCache, cache_disabled
from generator.site.mkdocs.profiling import profiled
from generator.site.mkdocs.parallel import ParallelBuildError, _WarningCount, assemble_parts, build_languages, build_part

#: The project's MkDocs configuration, at its root.
CONFIG_FILE = "mkdocs.yml"


class SiteBuildError(Exception):
    """MkDocs, a plugin or a parallel worker failed; the message says why."""


__all__ = ["PortInUse", "SiteBuildError", "assemble_site", "build_every_language", "build_site", "quiet_logging", "serve"]


def quiet_logging(verbose: bool) -> None:
    """MkDocs' messages in one short format; only warnings unless ``verbose``."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def _config(project: Path, **overrides):
    return load_config(config_file=str(project / CONFIG_FILE), **overrides)


def build_site(project: Path, site_dir: Path, *, strict: bool = True, offline: bool = False, jobs: int = 1,
               part_languages: list[str] | None = None, one_language: bool = False, profile: bool = False,
               cache: bool = True) -> str | None:
    """Build the project's site into ``site_dir``: every language (``jobs`` processes at once), only
    ``part_languages`` unassembled (``site_dir/<lang>``), or the one language named by ``CUTOVER_LANGUAGE``
    (``one_language``). With ``profile``, return a table of where the time went per stage. Without ``cache``, every
    page is rendered afresh (generator/site/rendercache.py); with it, the cache is pruned after a build."""
    with profiled(profile) as clock, _counting_warnings() as warnings, _render_cache(project, cache):
        try:
            config = _config(project, site_dir=str(site_dir), strict=strict)
            if offline:
                _enable_offline(config)
            if part_languages:
                build_part(config, part_languages, site_dir)
            elif jobs > 1 and not one_language:
                build_languages(config, jobs)
            else:
                mkdocs_build(config)
        except Abort as exc:
            raise SiteBuildError(_strict_abort(str(exc), warnings.count)) from None
        except ParallelBuildError as exc:  # the workers' warnings were printed by them, not counted here
            raise SiteBuildError(_strict_abort(str(exc), warnings.count + exc.warnings)) from None
        except (PluginError, ConfigurationError) as exc:
            raise SiteBuildError(str(exc)) from None
        return clock.report() if clock is not None else None


@contextlib.contextmanager
def _render_cache(project: Path, enabled: bool):
    """``CUTOVER_NO_CACHE`` for the length of one build when the cache is off (parallel workers inherit it); when it
    is on, the cache is kept within its bound once the build has succeeded."""
    before = os.environ.get(NO_CACHE_VARIABLE)
    if not enabled:
        os.environ[NO_CACHE_VARIABLE] = "1"
    try:
        yield
        if not cache_disabled():
            RenderCache(project).prune()
    finally:
        if before is None:
            os.environ.pop(NO_CACHE_VARIABLE, None)
        else:
            os.environ[NO_CACHE_VARIABLE] = before


@contextlib.contextmanager
def _counting_warnings():
    """Every warning of a build. MkDocs counts per build() call, and static-i18n builds each further language in
    a nested one: its "Aborted with 3 warnings" counts only the language that failed."""
    counter = _WarningCount()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)


def _strict_abort(message: str, warnings: int) -> str:
    if "in strict mode" not in message or not warnings:
        return message
    return (f"{warnings} warning{'s' if warnings != 1 else ''} in strict mode (above, naming the generated pages). "
            "'cutover check' names each at its line in the definitions or hand-written pages.")


def assemble_site(project: Path, parts: Path, site_dir: Path) -> None:
    """Join the parts in ``parts`` (built with ``build_site(part_languages=…)``) into ``site_dir``."""
    try:
        assemble_parts(_config(project, site_dir=str(site_dir)), parts)
    except (PluginError, ConfigurationError, Abort, ParallelBuildError) as exc:
        raise SiteBuildError(str(exc)) from None


def build_every_language(project: Path, site_dir: Path) -> None:
    """The whole site, every language, built strictly (whatever ``CUTOVER_LANGUAGE`` says)."""
    only = os.environ.pop("CUTOVER_LANGUAGE", None)
    try:
        with _counting_warnings() as warnings:
            try:
                mkdocs_build(_config(project, site_dir=str(site_dir), strict=True))
            except Abort as exc:
                raise SiteBuildError(_strict_abort(str(exc), warnings.count)) from None
    except (PluginError, ConfigurationError) as exc:
        raise SiteBuildError(str(exc)) from None
    finally:
        if only is not None:
            os.environ["CUTOVER_LANGUAGE"] = only


def serve(project: Path, dev_addr: str, full_rebuilds: bool) -> None:
    """MkDocs' live-reloading server; incremental rebuilds unless ``full_rebuilds``. A busy address is refused
    before the first build (:class:`PortInUse`)."""
    check_port(dev_addr)
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(_StaleFilesFilter())
    if not full_rebuilds:
        # Incremental rebuilds are MkDocs' dirty builds, made exact by the adapter (generator/site/rebuild.py).
        # mkdocs-static-i18n builds the other languages dirty only when "--dirty" is on the command line.
        if "--dirty" not in sys.argv:
            sys.argv.append("--dirty")
        for handler in logging.getLogger("mkdocs").handlers:
            handler.addFilter(_DirtyWarningFilter())
    try:
        mkdocs_serve(config_file=str(project / CONFIG_FILE), dev_addr=dev_addr, livereload=True,
                     build_type=None if full_rebuilds else "dirty")
    except (PluginError, ConfigurationError, Abort) as exc:
        raise SiteBuildError(str(exc)) from None


def _enable_offline(config) -> None:
    """Turn on material's offline plugin, adding it when mkdocs.yml does not list it (the adapter ships its shim)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    if plugin is None:
        from material.plugins.offline.plugin import OfflinePlugin

        plugin = OfflinePlugin()
        plugin.load_config({"enabled": True})
        config.plugins["material/offline"] = plugin
    plugin.config.enabled = True


class _StaleFilesFilter(logging.Filter):
    """Each language's build under serve says "The directory contains stale files. Use --clean": the adapter
    empties the served folder itself whenever a rebuild must start afresh (generator/site/rebuild.py), and
    `cutover serve` has no --clean."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("The directory contains stale files")


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns that dirty builds leave navigation stale; the adapter rebuilds every page when it would."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")
