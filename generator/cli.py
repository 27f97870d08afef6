"""The ``cutover`` command line: check, build, serve."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import click

from .errors import CutoverError, Severity
from .load import Layout, load_project
from .lms import LmsFormat, export
from .stage import plan

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


def _project_option(fn):
    return click.option("-p", "--project", "project", type=click.Path(file_okay=False, path_type=Path), default=".",
                        show_default=True, help="Project folder (holds mkdocs.yml, catalog/, quizzes/, docs/).")(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cutover")
def main() -> None:
    """Turn role and feature definitions into a multilingual training site."""


@main.command("check")
@_project_option
@click.option("--strict", is_flag=True, help="Treat warnings (such as missing translations) as errors.")
def check_command(project: Path, strict: bool) -> None:
    """Validate every definition and hand-written page; print file:line:col problems.

    Exits 1 when there are errors (or warnings, with --strict).
    """
    try:
        result = load_project(project)
        _, staged = plan(result.project, Layout(project))
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    warnings = sorted(result.warnings + staged.warnings)
    _print_problems(warnings)
    if strict and warnings:
        sys.exit(1)
    p = result.project
    click.echo(f"OK: {len(p.roles)} roles, {len(p.features)} features, {len(p.faqs)} FAQs, {len(p.phases)} phases, "
               f"{len(p.terms)} glossary terms, {len(p.quizzes)} quizzes in {len(p.site.languages)} languages "
               f"({', '.join(p.site.languages)}).")



def _print_problems(problems) -> None:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    for problem in problems:
        click.echo(problem.format(), err=True)
    if problems:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def _mkdocs_config(project: Path, **overrides):
    from mkdocs.config import load_config
    config_file = project / "mkdocs.yml"
    if not config_file.is_file():
        raise click.ClickException(f"{config_file} not found: run the command in the project folder or pass --project")
    return load_config(config_file=str(config_file), **overrides)


def _quiet_logging(verbose: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


@main.command()
@_project_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site. Default: site/ in the project.")
@click.option("--lang", "language", default=None, help="Build one language only (for quick previews).")
@click.option("--strict/--no-strict", default=True, show_default=True, help="Fail on any MkDocs warning.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
def build(project: Path, site_dir: Path | None, language: str | None, strict: bool, verbose: bool) -> None:
    """Build the site. The previous site stays untouched unless the build succeeds."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    _quiet_logging(verbose)
    project = project.resolve()
    target = (site_dir or project / "site").resolve()
    if language:
        os.environ["CUTOVER_LANGUAGE"] = language
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".cutover-build-", dir=target.parent))
    try:
        config = _mkdocs_config(project, site_dir=str(scratch / "site"), strict=strict)
        mkdocs_build(config)
    except (PluginError, ConfigurationError, Abort) as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise click.ClickException(f"build failed, {target} left as it was:\n{exc}") from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    _swap(scratch / "site", target)
    shutil.rmtree(scratch, ignore_errors=True)
    click.echo(f"Site written to {target}")


def _swap(new: Path, target: Path) -> None:
    """Replace target with new in two renames, so a reader never sees half a site."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


@main.command()
@_project_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.option("--lang", "language", default=None, help="Serve one language only (faster rebuilds).")
def serve(project: Path, dev_addr: str, language: str | None) -> None:
    """Serve the site with live reload; edits to catalog/, quizzes/ and docs/ rebuild it."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    _quiet_logging(True)
    if language:
        os.environ["CUTOVER_LANGUAGE"] = language
    config_file = project / "mkdocs.yml"
    if not config_file.is_file():
        raise click.ClickException(f"{config_file} not found: run the command in the project folder or pass --project")
    try:
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)
    except (PluginError, ConfigurationError, Abort) as exc:
        raise click.ClickException(str(exc)) from None


@main.command("export-quiz")
@_project_option
@click.option("--format", "fmt", type=click.Choice([f.value for f in LmsFormat]), required=True,
              help="gift: Moodle GIFT text; moodle-xml: Moodle XML.")
@click.option("--lang", "language", default=None, help="Language of the questions. Default: the site's default language.")
@click.option("--quiz", "quiz_ids", multiple=True, help="Export only this quiz (repeatable). Default: every quiz.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
def export_quiz(project: Path, fmt: str, language: str | None, quiz_ids: tuple[str, ...], output: Path) -> None:
    """Export quizzes for a learning-management system (categories by role, feedback, partial credit)."""
    try:
        loaded = load_project(project)
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    site = loaded.project.site
    lang = language or site.default_language
    if lang not in site.languages:
        raise click.BadParameter(f"'{lang}' is not one of the site's languages ({', '.join(site.languages)})", param_hint="--lang")
    unknown = [q for q in quiz_ids if q not in loaded.project.quizzes]
    if unknown:
        raise click.BadParameter(f"unknown quiz '{unknown[0]}'; known: {', '.join(loaded.project.quizzes)}", param_hint="--quiz")
    text = export(loaded.project, LmsFormat(fmt), lang, list(quiz_ids) or None)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(output)
    count = sum(len(loaded.project.quizzes[q].questions) for q in (quiz_ids or loaded.project.quizzes))
    click.echo(f"{count} questions written to {output}")


#: Exit code of ``cutover verify`` when no browser can be started (1 means a check failed).
NO_BROWSER_EXIT = 3


@main.command()
@click.argument("site_dir", type=click.Path(file_okay=False, path_type=Path), default="site")
@click.option("--all", "all_pages", is_flag=True, help="Run axe on every page, not a sample per template and language.")
@click.option("--jobs", type=click.IntRange(1, 16), default=4, show_default=True, help="Pages open at once.")
@click.option("--browser", "browser_path", default=None, help="Chromium executable (default: $CUTOVER_BROWSER, "
              "/usr/bin/chromium, chromium on PATH, Playwright's own).")
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Write a JUnit XML report.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), help="Write a JSON report.")
def verify(site_dir: Path, all_pages: bool, jobs: int, browser_path: str | None, junit: Path | None, json_file: Path | None) -> None:
    """Prove that a built site works: links, anchors, languages, quizzes, search, offline, accessibility.

    Exit 0 when every check passes, 1 when one fails, 3 when no browser can be started.
    """
    from .verify import VerifyOptions
    from .verify import verify as run_verify
    from .verify.browser import INSTALL_HINT, BrowserUnavailable

    if not (site_dir / "index.html").is_file():
        raise click.ClickException(f"{site_dir} holds no built site (no index.html): run 'cutover build' first")
    progress = _progress_printer()
    try:
        report = run_verify(site_dir, VerifyOptions(all_pages=all_pages, jobs=jobs, browser=browser_path, progress=progress))
    except BrowserUnavailable as exc:
        click.echo(f"Error: no browser could be started ({exc}).\nTo fix: {INSTALL_HINT}.", err=True)
        sys.exit(NO_BROWSER_EXIT)
    click.echo(report.summary())
    if junit:
        junit.write_text(report.to_junit(), "utf-8")
    if json_file:
        json_file.write_text(report.to_json(), "utf-8")
    sys.exit(0 if report.passed else 1)


def _progress_printer():
    interactive = sys.stderr.isatty()

    def show(check: str, done: int, total: int) -> None:
        if interactive:
            click.echo(f"\r{check}: {done}/{total}", err=True, nl=done == total)
        elif done == total:
            click.echo(f"{check}: {total} checked", err=True)
    return show


if __name__ == "__main__":  # pragma: no cover
    main()
