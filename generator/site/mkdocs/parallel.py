"""``cutover build --jobs N``: languages built in parallel processes, assembled into the sequential build's site.

mkdocs-static-i18n builds the default language and then, from its ``on_post_build``, every other language on
the same config object, one after the other. Languages share nothing but the staged files and the static
files, so the parent loads and stages the project once (the adapter's ``on_config``), forks the workers, and
each builds its share of the languages the way static-i18n would (``current_language`` set, ``building`` on,
so static-i18n does not start the other languages). The parent then assembles the outputs in language order,
the way the sequential build overwrites them (later languages win, which decides ``404.html``), joins the
per-language search entries in that order as static-i18n does, and runs the adapter's finishing step
(per-language search indexes, sitemap) on the result. A test checks that the assembled site is byte for byte
the sequential one. Where processes cannot fork, each worker loads and stages for itself.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.site.mkdocs import profiling
from generator.site.mkdocs.plugin import finish_mkdocs_site

_SEARCH_INDEX = Path("search") / "search_index.json"


#: The parent's config, loaded and staged by the adapter before the workers are forked (they inherit it).
_STAGED = None


class ParallelBuildError(Exception):
    """A worker's build failed; the message is MkDocs' or the adapter's. ``warnings``: every warning the workers
    printed (each worker's strict-mode message counts only its own)."""

    def __init__(self, message: str, warnings: int = 0) -> None:
        super().__init__(message)
        self.warnings = warnings


@dataclass
class _Share:
    """What one worker builds and where."""

    config_file: str
    languages: list[str]
    scratch: str
    strict: bool
    worker: bool = True  #: in a process of its own (not the caller's: build_part)


def build_languages(config, jobs: int) -> None:
    """Build every language of the loaded MkDocs ``config`` into its ``site_dir`` with up to ``jobs`` processes."""
    site_dir = Path(config.site_dir)
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.config.build_only_locale:
        build(config)  # one language: nothing to share out
        return
    languages = i18n.build_languages  # the order of mkdocs.yml, the order static-i18n builds them in
    default = i18n.default_language
    order = [default] + [lang for lang in languages if lang != default]
    jobs = max(1, min(jobs, len(order)))
    fork = "fork" in multiprocessing.get_all_start_methods()
    global _STAGED
    if fork and "cutover" in config.plugins:
        # Load and stage once, here: forked workers inherit the staged config (the adapter skips a config it
        # has seen), where spawned ones would each load and stage again.
        config.plugins["cutover"].on_config(config)
        _STAGED = config
    scratch = Path(tempfile.mkdtemp(prefix=".cutover-languages-", dir=site_dir.parent))
    try:
        shares = [_Share(config.config_file_path, order[i::jobs], str(scratch), config.strict) for i in range(jobs)]
        pool = multiprocessing.get_context("fork" if fork else "spawn").Pool(jobs, initializer=_default_sigterm)
        try:
            results = pool.map(_build_share, shares, chunksize=1)
            for result in results:
                profiling.add_worker(result["timing"])
            pool.close()  # workers finish on their own; Pool.terminate() can hang on a worker waiting for the queue
            pool.join()
        except BaseException:
            pool.terminate()
            raise
        failures = [message for result in results for message in result["errors"]]
        if failures:
            raise ParallelBuildError(failures[0], sum(result["warnings"] for result in results))
        project_languages = next(r["project_languages"] for r in results if r["project_languages"])
        _assemble(scratch, order, site_dir)
        finish_mkdocs_site(config, project_languages)
    finally:
        _STAGED = None
        shutil.rmtree(scratch, ignore_errors=True)


def build_part(config, languages: list[str], parts_dir: Path) -> None:
    """Build only ``languages`` into ``parts_dir/<lang>``, unassembled: one CI runner's share of the site.

    Runners that each build a part into the same folder (or whose parts are copied together) finish with
    :func:`assemble_parts`, which gives the site a single build would.
    """
    i18n = config.plugins.get("i18n")
    known = i18n.build_languages if i18n is not None else []
    unknown = [lang for lang in languages if lang not in known]
    if unknown:
        raise ParallelBuildError(f"not a language of this site: {', '.join(unknown)} (the site has {', '.join(known)})")
    if "cutover" in config.plugins:
        config.plugins["cutover"].on_config(config)  # load and stage once for every language of the part
    global _STAGED
    _STAGED = config
    try:
        parts_dir.mkdir(parents=True, exist_ok=True)
        result = _build_share(_Share(config.config_file_path, list(languages), str(parts_dir), config.strict, worker=False))
    finally:
        _STAGED = None
    if result["errors"]:
        raise ParallelBuildError(result["errors"][0], result["warnings"])


def assemble_parts(config, parts_dir: Path) -> None:
    """Put the parts in ``parts_dir`` together into ``config.site_dir``, as a build of every language would."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise ParallelBuildError("parts need mkdocs-static-i18n: this site has one language")
    default = i18n.default_language
    order = [default] + [lang for lang in i18n.build_languages if lang != default]
    missing = [lang for lang in order if not (parts_dir / lang).is_dir()]
    if missing:
        raise ParallelBuildError(f"{parts_dir} has no part for {', '.join(missing)}: build it with "
                                 f"`cutover build --part {','.join(missing)} -d {parts_dir}`")
    if "cutover" in config.plugins:
        config.plugins["cutover"].on_config(config)  # the project's languages and settings for finish_mkdocs_site
    _assemble(parts_dir, order, Path(config.site_dir))
    finish_mkdocs_site(config, config.plugins["cutover"].project.site.languages if "cutover" in config.plugins else order)


def _default_sigterm() -> None:
    """Workers inherit the CLI's SIGTERM handler (a clean exit for the parent's scratch folders); a worker has
    nothing to clean up and must simply stop when the pool or the parent is stopped."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _build_share(share: _Share) -> dict:
    """In a worker: build each language of the share into ``<scratch>/<lang>``, as static-i18n would.

    A strict build's failure in one language does not stop the next one: a sequential build prints the warnings of
    every language before it fails, and the parent adds up the workers' ``warnings`` for the closing message."""
    result: dict = {"errors": [], "project_languages": None, "timing": None, "warnings": 0}
    if share.worker:
        profiling.worker_started()
    counter = _WarningCount()
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        config = _STAGED or load_config(config_file=share.config_file, strict=share.strict)
        i18n = config.plugins["i18n"]
        for lang in share.languages:
            config.site_dir = str(Path(share.scratch) / lang)
            i18n.current_language = lang
            i18n.building = True  # its on_post_build only collects this language's search entries
            try:
                build(config)
            except Abort as exc:
                result["errors"].append(str(exc))
        result["project_languages"] = config.plugins["cutover"].project.site.languages
    except (PluginError, ConfigurationError, Abort) as exc:
        result["errors"].append(str(exc))
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    result["warnings"] = counter.count
    if share.worker:
        result["timing"] = profiling.worker_totals()
    return result


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _assemble(scratch: Path, order: list[str], site_dir: Path) -> None:
    """Move every language's output into ``site_dir`` in build order (later files win) and join the search entries.

    The parts are consumed: moving instead of copying keeps a large site's assembly cheap."""
    docs: list = []
    search_config = None
    for lang in order:
        out = scratch / lang
        index_file = out / _SEARCH_INDEX
        if index_file.is_file():
            index = json.loads(index_file.read_text("utf-8"))
            docs += index.get("docs", [])
            search_config = search_config or index.get("config")  # static-i18n writes the first build's settings
            index_file.unlink()
        if lang == order[0]:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            out.rename(site_dir)
            continue
        for path in sorted(out.rglob("*")):
            if path.is_dir():
                continue
            target = site_dir / path.relative_to(out)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)
    if search_config is not None:
        # What static-i18n hands to material's search plugin after the last language: every entry, in build order.
        target = site_dir / _SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": search_config, "docs": docs}, separators=(",", ":"), default=str), "utf-8")
