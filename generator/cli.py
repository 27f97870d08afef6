"""The ``cutover`` command line: check, build, serve."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from generator import DISTRIBUTION
from generator.authoring.checkformat import FORMATS, as_github, as_json, counts, promote
from generator.errors import CutoverError, Severity
from generator.export.lmsformats import LmsFormat, OrderingAs
from generator.site import sitedir

# The catalog, the checks and MkDocs load only in the commands that need them: `cutover build` of a site that is up to
# date, `--help` and the quick commands start in a fraction of the time.
def load_project(project: Path):
    from generator.catalog.load import load_project as load

    return load(project)


def run_check(project: Path):
    from generator.authoring.check import run_check as check

    return check(project)


os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


def _project_option(fn):
    return click.option("-p", "--project", "project", type=click.Path(file_okay=False, path_type=Path), default=".",
                        show_default=True, help="Project folder (holds mkdocs.yml, catalog/, quizzes/, docs/).")(fn)


class _TaskGroup(click.Group):
    """``cutover --help``: the commands grouped by the task they serve, each with its whole first sentence."""

    TASKS = [("Write", ["new", "check"]), ("Translate", ["i18n"]), ("Build and preview", ["build", "serve", "verify", "assemble"]),
             ("Publish", ["publish", "versions"]), ("Export", ["export", "export-quiz", "export-lms", "pdf", "messages", "survey"]), ("Organisations", ["init"])]

    def list_commands(self, ctx: click.Context) -> list[str]:
        listed = [name for _, names in self.TASKS for name in names if name in self.commands]
        return listed + sorted(set(self.commands) - set(listed))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        sections = self.TASKS + [("Other", sorted(set(self.commands) - {n for _, names in self.TASKS for n in names}))]
        for title, names in sections:
            rows = [(name, self.commands[name].get_short_help_str(limit=500)) for name in names
                    if name in self.commands and not self.commands[name].hidden]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


@click.group(cls=_TaskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION, prog_name="cutover")
def main() -> None:
    """Turn role and feature definitions into a multilingual training site."""


@main.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--org-name", default="Example Organisation", show_default=True, help="The organisation's name ({{ org_name }}).")
@click.option("--languages", default=None, help="Comma-separated languages, the kit's default first (e.g. en,de). Default: all the kit has.")
@click.option("--no-build", is_flag=True, help="Write, commit and check the new site, but do not build it.")
@click.option("--update-schemas", is_flag=True,
              help="In an existing organisation site (DIRECTORY), renew the copies of the JSON Schemas in schemas/ after "
                   "an upgrade; nothing else is written.")
@click.pass_context
def init_command(ctx: click.Context, directory: Path, org_name: str, languages: str | None, no_build: bool,
                 update_schemas: bool) -> None:
    """Create a new organisation site in DIRECTORY that layers over the installed default kit: a git repository with
    a first commit, checked and built."""
    from generator import version
    from generator.org.init import InitError, init
    from generator.org.init import update_schemas as renew_schemas
    from generator.org.kit import KitNotFound
    from generator.org.repository import first_commit

    try:
        if update_schemas:
            changed = renew_schemas(directory)
            click.echo(f"{len(changed)} schema file{'s' if len(changed) != 1 else ''} renewed in {directory / 'schemas'}"
                       if changed else f"The schemas in {directory / 'schemas'} are up to date.")
            return
        written = init(directory, org_name, languages)
    except (InitError, KitNotFound) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{len(written)} files written to {directory}: "
               f"{first_commit(directory, f'New training site for {org_name}, from Cutover {version()}')}.")
    result = run_check(directory)
    _print_problems(result.problems)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if errors and all(p.code == "todo" for p in errors):
        # A language the kit is not written in: its texts are TODOs to translate, which is the next step, not a fault.
        click.echo(f"Checked: {_summary(result.project)}. The TODOs above are the texts of your new language to "
                   f"translate; build once they are written: cd {directory} && cutover check && cutover build")
        return
    if errors:
        raise click.ClickException(f"the new site in {directory} has errors (above)")
    click.echo(f"Checked: {_summary(result.project)}.")
    if not no_build:
        ctx.invoke(build, project=directory)
    click.echo(f"Next: cd {directory} && cutover serve")


@main.command("check")
@_project_option
@click.option("--strict", is_flag=True, help="Treat warnings (such as missing or stale translations) as errors.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: file:line:col lines; json: one JSON document; github: workflow annotations on the pull request.")
def check_command(project: Path, strict: bool, fmt: str) -> None:
    """Validate every definition and hand-written page (and the links between them); print file:line:col problems.

    Exits 1 when there are errors (or warnings, with --strict).
    """
    result = run_check(project)
    problems = promote(result.problems) if strict else result.problems
    errors, _ = counts(problems)
    # With errors the model lacks what they concern: no summary of it.
    summary = _summary(result.project) if result.project and not counts(result.problems)[0] else ""
    if fmt == "json":
        click.echo(as_json(problems, summary))
    elif fmt == "github":
        if problems:
            click.echo(as_github(problems))
        _print_problems(problems)
    else:
        _print_problems(problems)
    if errors:
        sys.exit(1)
    if fmt != "json":
        click.echo(f"OK: {summary}.")


def _summary(p) -> str:
    return (f"{len(p.roles)} roles, {len(p.features)} features, {len(p.faqs)} FAQs, {len(p.phases)} phases, "
            f"{len(p.terms)} glossary terms, {len(p.scenarios)} scenarios, {len(p.quizzes)} quizzes"
            f"{', a survey' if p.survey else ''} in {len(p.site.languages)} languages ({', '.join(p.site.languages)})")


def _print_problems(problems) -> None:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    for problem in problems:
        click.echo(problem.format(), err=True)
    if problems:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def _require_language(project: Path, language: str | None) -> None:
    """``--lang`` must name one of the site's languages (MkDocs' own error for another is a stack of lines)."""
    from generator.catalog.load import Layout
    from generator.catalog.yamlio import YamlFileError, read_bytes, read_yaml

    if not language:
        return
    site = Layout(project).site_file
    try:
        data = read_yaml(site, "catalog/site.yaml", read_bytes(site)).data
    except (OSError, YamlFileError):
        return  # the build names the problem with the file
    languages = data.get("languages") if isinstance(data, dict) else None
    if isinstance(languages, list) and language not in languages:
        raise click.ClickException(f"--lang {language}: the site's languages are {', '.join(map(str, languages))} "
                                   f"(add '{language}' to languages in catalog/site.yaml to build it)")


def _require_config(project: Path) -> None:
    """mkdocs.yml is there and lists the languages catalog/site.yaml does: checked before MkDocs runs."""
    from generator.site.languages import site_problems

    config_file = project / "mkdocs.yml"
    if not config_file.is_file():
        raise click.ClickException(f"{config_file} not found: run the command in the project folder or pass --project")
    errors = [p for p in site_problems(project) if p.severity is Severity.ERROR]
    if errors:
        _print_problems(errors)
        sys.exit(1)


def _through_scratch(target: Path, what: str, work: Callable[[Path], None], place: Callable[[Path], None]) -> None:
    """``work(scratch)`` writes into a scratch folder beside ``target``; ``place(scratch)`` moves the result into
    place only when it succeeded. A failure, an interruption or SIGTERM leaves ``target`` as it was."""
    from generator.site.mkdocs.commands import SiteBuildError  # MkDocs loads only for the commands that build

    scratch = sitedir.scratch_dir(target)
    kept = f"{target} left as it was" if target.exists() else "nothing written"
    with sitedir.exit_on_terminate():
        try:
            work(scratch)
        except SiteBuildError as exc:
            shutil.rmtree(scratch, ignore_errors=True)
            raise click.ClickException(f"{what} failed, {kept}:\n{exc}") from None
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        place(scratch)
        shutil.rmtree(scratch, ignore_errors=True)


@main.command()
@_project_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site. Default: site/ in the project.")
@click.option("--lang", "language", default=None, help="Build one language only (for quick previews).")
@click.option("--strict/--no-strict", default=True, show_default=True, help="Fail on any MkDocs warning.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
@click.option("--offline", is_flag=True,
              help="Build for reading from a file share (file://): page links to .html files, search without a server.")
@click.option("--part", "part", default=None, metavar="LANGS",
              help="Build only these languages (e.g. de,es) into DIR/<lang>, unassembled: one runner's share; "
                   "`cutover assemble DIR` joins the parts.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Build the languages in this many processes at once; the site is the same. Default: one per CPU core.")
@click.option("--profile", is_flag=True, help="Print where the time went, per stage of the build (CPU seconds).")
@click.option("-q", "--quiet", is_flag=True, help="No progress (shown on a terminal only, in any case).")
@click.option("--no-cache", is_flag=True,
              help="Render every page afresh, without the render cache (also: CUTOVER_NO_CACHE=1). The site is the same.")
def build(project: Path, site_dir: Path | None, language: str | None, strict: bool, verbose: bool, offline: bool,
          part: str | None, jobs: int | None, profile: bool, quiet: bool, no_cache: bool) -> None:
    """Build the site into site/, every language and strictly (a warning fails it); the previous site stays untouched
    unless the build succeeds."""
    from generator.site import progress, uptodate
    from generator.site.rendercache import cache_disabled

    project = project.resolve()
    target = (site_dir or project / ("parts" if part else "site")).resolve()
    part_languages = [lang.strip() for lang in (part or "").split(",") if lang.strip()]
    if part is not None and (not part_languages or language or (jobs or 1) > 1):
        raise click.UsageError("--part needs a comma-separated list of languages, and goes without --lang and --jobs")

    # A whole site built strictly from these very inputs is already in place: building it again writes the same bytes.
    checked = not part_languages and not no_cache and not cache_disabled()
    key = uptodate.inputs_key(project, target, {"strict": strict, "offline": offline, "language": language}) if checked else ""
    if checked and uptodate.is_current(target, key):
        click.echo(f"Site in {target} is up to date: nothing it is built from has changed (--no-cache builds it anyway)")
        return
    uptodate.forget(target)

    from generator.site.mkdocs.commands import build_site, quiet_logging  # MkDocs loads only when there is work

    quiet_logging(verbose)
    progress.set_sink(None if verbose else _page_progress(quiet))
    jobs = jobs or _cores()
    _require_config(project)
    _require_language(project, language)
    if language:
        os.environ["CUTOVER_LANGUAGE"] = language

    report: list[str] = []

    def work(scratch: Path) -> None:
        _require_config(project)
        report.append(build_site(project, scratch / "site", strict=strict, offline=offline, jobs=jobs,
                                 part_languages=part_languages, one_language=bool(language), profile=profile,
                                 cache=not no_cache) or "")

    def place(scratch: Path) -> None:
        if part_languages:
            # Parts of several runners may share the folder: only this part's languages are replaced.
            target.mkdir(parents=True, exist_ok=True)
            for lang in part_languages:
                sitedir.swap(scratch / "site" / lang, target / lang)
        else:
            sitedir.swap(scratch / "site", target)

    _through_scratch(target, "build", work, place)
    if checked and strict:  # a strict build that succeeded printed no warning a skipped one would owe the writer
        uptodate.record(target, key)
    click.echo(f"{'Part' if part_languages else 'Site'} written to {target}")
    if profile and report[0]:
        click.echo(report[0], err=True)


def _cores() -> int:
    """The CPU cores this process may use (a container's or taskset's share, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@main.command()
@_project_option
@click.argument("parts", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default=None, help="Where to write the site (default: site/).")
def assemble(project: Path, parts: Path, site_dir: Path | None) -> None:
    """Join the parts built with `cutover build --part` (on one or many CI runners) into the site.

    The result is the site a single `cutover build` makes, byte for byte. PARTS is left as it was.
    """
    from generator.site.mkdocs.commands import assemble_site, quiet_logging

    quiet_logging(False)
    project = project.resolve()
    target = (site_dir or project / "site").resolve()

    def work(scratch: Path) -> None:
        _require_config(project)
        shutil.copytree(parts.resolve(), scratch / "parts", symlinks=True)
        assemble_site(project, scratch / "parts", scratch / "site")

    _through_scratch(target, "assembly", work, lambda scratch: sitedir.swap(scratch / "site", target))
    click.echo(f"Site written to {target}")


@main.command()
@_project_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.option("--lang", "language", default=None, help="Serve one language only (faster rebuilds).")
@click.option("--full-rebuilds", is_flag=True,
              help="Rebuild every page after each change. By default only pages whose content changed are rebuilt, "
                   "with the pages whose navigation shows a changed title, and every page whenever the page set, the "
                   "navigation or mkdocs.yml changes.")
def serve(project: Path, dev_addr: str, language: str | None, full_rebuilds: bool) -> None:
    """Serve the site with live reload; edits to catalog/, quizzes/ and docs/ rebuild it."""
    from generator.site.mkdocs.commands import PortInUse, SiteBuildError, quiet_logging
    from generator.site.mkdocs.commands import serve as serve_site

    quiet_logging(True)
    _require_config(project)
    _require_language(project, language)
    if language:
        os.environ["CUTOVER_LANGUAGE"] = language
    try:
        serve_site(project, dev_addr, full_rebuilds)
    except (SiteBuildError, PortInUse) as exc:
        raise click.ClickException(str(exc)) from None


@main.command("export-quiz")
@_project_option
@click.option("--format", "fmt", type=click.Choice([f.value for f in LmsFormat]), required=True,
              help="gift: Moodle GIFT text; moodle-xml: Moodle XML.")
@click.option("--lang", "language", default=None, help="Language of the questions. Default: the site's default language.")
@click.option("--quiz", "quiz_ids", multiple=True, help="Export only this quiz (repeatable). Default: every quiz.")
@click.option("--ordering-as", type=click.Choice([o.value for o in OrderingAs]), default="ordering", show_default=True,
              help="How ordering questions are written: 'ordering' needs Moodle's Ordering question type (qtype_ordering) "
                   "installed, in GIFT as in Moodle XML; 'matching' writes a matching question (Position 1, 2, … each "
                   "matched with its item) that every Moodle and other LMSs that read GIFT or Moodle XML import.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@click.option("--site-url", default=None, metavar="URL",
              help="Where the site is published (http/https): feedback links to its guides. Without it, links stay text.")
def export_quiz(project: Path, fmt: str, language: str | None, quiz_ids: tuple[str, ...], ordering_as: str, output: Path,
                site_url: str | None) -> None:
    """Export quizzes for a learning-management system (categories by role, feedback, partial credit).

    Ordering questions are written for Moodle's Ordering question type (the qtype_ordering plugin), which only a
    Moodle site that has it installed reads; --ordering-as matching writes them as matching questions instead.
    """
    from generator.export.lms import export, site_url_problem

    if site_url and site_url_problem(site_url):
        raise click.BadParameter(site_url_problem(site_url), param_hint="--site-url")
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
    text = export(loaded.project, LmsFormat(fmt), lang, list(quiz_ids) or None, site_url, OrderingAs(ordering_as))
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(output)
    count = sum(len(loaded.project.quizzes[q].questions) for q in (quiz_ids or loaded.project.quizzes))
    click.echo(f"{count} questions written to {output}")


@main.command()
@_project_option
@click.argument("version")
@click.argument("aliases", nargs=-1)
@click.option("--title", default=None, help="Title in the version selector (default: the version).")
@click.option("--set-default", is_flag=True, help="Send readers of the site root to this version.")
@click.option("--allow-dirty", is_flag=True,
              help="Publish uncommitted changes too (they are deployed under the name of the last commit).")
@click.option("-q", "--quiet", is_flag=True, help="No progress (shown on a terminal only, in any case).")
def publish(project: Path, version: str, aliases: tuple[str, ...], title: str | None, set_default: bool,
            allow_dirty: bool, quiet: bool) -> None:
    """Build VERSION strictly and deploy it with mike to the local gh-pages branch.

    Older versions stay byte-identical; a failed build deploys nothing. Refuses a working tree with uncommitted
    changes unless --allow-dirty.
    """
    from generator.publish.versions import PublishError, require_committed
    from generator.publish.versions import publish as run_publish

    try:
        if not allow_dirty:
            require_committed(project.resolve())
        loaded = load_project(project)  # clear errors before mike starts a build
        _require_config(project)
        _warn_untranslated(loaded, project)
        run_publish(project.resolve(), version, list(aliases), title, set_default, allow_dirty, _page_progress(quiet))
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    except PublishError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Published {version}" + (f" ({', '.join(aliases)})" if aliases else "") + (", now the default" if set_default else ""))


def _warn_untranslated(loaded, project: Path) -> None:
    """A version is published with missing translations only knowingly: how many strings and pages lack one."""
    from generator.catalog.load import Layout
    from generator.catalog.translations import MISSING
    from generator.site.stage import plan

    strings = sum(1 for p in loaded.warnings if p.code == MISSING)
    pages = sum(1 for p in plan(loaded.project, Layout(project))[1].warnings if p.code == MISSING)
    parts = [f"{strings} string{'s' if strings != 1 else ''}"] * bool(strings) + \
            [f"{pages} hand-written page{'s' if pages != 1 else ''}"] * bool(pages)
    if parts:
        click.echo(f"Warning: {' and '.join(parts)} not translated yet: readers see the default language there, "
                   "with a notice ('cutover check' lists them; 'cutover i18n status' counts them per file).", err=True)


@main.command()
@_project_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def versions(project: Path, as_json: bool) -> None:
    """List the published versions and their aliases."""
    import json as json_module

    from generator.publish.versions import PublishError
    from generator.publish.versions import versions as list_versions

    try:
        found = list_versions(project.resolve())
    except PublishError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json_module.dumps(found, indent=2))
    elif not found:
        click.echo("No version is published yet.")
    for entry in [] if as_json else found:
        aliases = f" [{', '.join(entry['aliases'])}]" if entry.get("aliases") else ""
        title = f" — {entry['title']}" if entry.get("title") and entry["title"] != entry["version"] else ""
        click.echo(f"{entry['version']}{aliases}{title}")


@main.command("export")
@_project_option
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--alias-type", type=click.Choice(["copy", "redirect", "symlink"]), default="copy", show_default=True,
              help="How aliases such as 'latest' are written: copies, redirect pages, or symbolic links.")
def export_site(project: Path, directory: Path, alias_type: str) -> None:
    """Write every published version to DIRECTORY, ready for any web server."""
    from generator.publish.versions import AliasType, PublishError, export

    try:
        count = export(project.resolve(), directory, AliasType(alias_type))
    except PublishError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{count} files written to {directory}")


@main.command("new")
@_project_option
@click.argument("kind", type=click.Choice(["role", "feature", "quiz", "faq", "message", "language"]))
@click.argument("new_id", metavar="ID")
def new_command(project: Path, kind: str, new_id: str) -> None:
    """Start a new role, feature, quiz or FAQ group: the definition and a translation file per language. Or add a
    language (ID: its code, e.g. pl): to catalog/site.yaml and mkdocs.yml, with its interface strings file and
    catalog/site.<ID>.yaml to translate.

    Every text is a TODO; 'cutover check' names each one until it is filled in. Existing files are never overwritten.
    """
    from generator.authoring.scaffold import ScaffoldError, scaffold

    if kind == "language":
        _new_language(project, new_id)
        return
    try:
        written = scaffold(project, kind, new_id)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    for path in written:
        click.echo(f"created {path.relative_to(project).as_posix() if path.is_relative_to(project) else path}")
    click.echo("Replace every TODO, then run 'cutover check'.")


def _new_language(project: Path, lang: str) -> None:
    from generator.authoring.newlanguage import LanguageError, add_language

    try:
        written = add_language(project, lang)
    except LanguageError as exc:
        raise click.ClickException(str(exc)) from None
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    for path, what in written:
        click.echo(f"{what} {path.relative_to(project).as_posix() if path.is_relative_to(project) else path}")
    click.echo(f"Translate the TODOs, then run 'cutover check' and 'cutover i18n status --lang {lang}'. "
               f"Hand-written pages go in docs/{lang}/ (until then the default language's show, with a notice).")


@main.group("i18n")
def i18n_group() -> None:
    """Translation status, and translation files for translators' tools (gettext PO)."""


def _load_or_exit(project: Path):
    try:
        return load_project(project).project
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)


def _language_option(loaded, lang: str) -> None:
    if lang not in loaded.site.languages[1:]:
        raise click.BadParameter(f"'{lang}' is not a language to translate into; choose one of "
                                 f"{', '.join(loaded.site.languages[1:]) or '(none: add languages to catalog/site.yaml)'}",
                                 param_hint="--lang")


@i18n_group.command("status")
@_project_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--unfinished", is_flag=True, help="Only files with missing or stale strings (the totals stay whole).")
def i18n_status(project: Path, fmt: str, languages: tuple[str, ...], unfinished: bool) -> None:
    """Per language and file: complete, missing and stale strings (stale: the source changed after translation),
    the interface strings included; then per page, how many strings it shows in another language."""
    import json as json_module

    from generator.authoring.i18n.pages import page_status
    from generator.authoring.i18n.strings import status

    loaded = _load_or_exit(project)
    for lang in languages:
        _language_option(loaded, lang)
    try:
        table = {k: v for k, v in status(loaded, project).items() if not languages or k in languages}
        pages = {lang: page_status(loaded, project, lang) for lang in table}
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    shown = {lang: [r for r in rows if not unfinished or r.missing or r.stale] for lang, rows in table.items()}
    if fmt == "json":
        click.echo(json_module.dumps({lang: {
            "complete": sum(r.complete for r in rows), "missing": sum(r.missing for r in rows),
            "stale": sum(r.stale for r in rows),
            "files": [{"file": r.file, "complete": r.complete, "missing": r.missing, "stale": r.stale} for r in shown[lang]],
            "pages": [{"page": p.page, "content": p.content, "interface": p.interface, "whole_page": p.whole}
                      for p in pages[lang] if p.total or p.whole]}
            for lang, rows in table.items()}, indent=2))
        return
    width = max([len(r.file) for rows in shown.values() for r in rows] + [4])
    for lang, rows in table.items():
        c, m, s = (sum(getattr(r, k) for r in rows) for k in ("complete", "missing", "stale"))
        click.echo(f"{lang}: {c} complete, {m} missing, {s} stale (of {c + m + s})")
        if shown[lang]:
            click.echo(f"  {'file':<{width}}  complete  missing  stale")
        for r in shown[lang]:
            click.echo(f"  {r.file:<{width}}  {r.complete:>8}  {r.missing:>7}  {r.stale:>5}")
        mixed = [p for p in pages[lang] if p.total or p.whole]
        click.echo(f"  {len(mixed)} of {len(pages[lang])} pages show text in another language"
                   + (":" if mixed else "."))
        page_width = max([len(p.page) for p in mixed] + [4])
        if mixed:
            click.echo(f"  {'page':<{page_width}}  content  interface")
        for p in mixed:
            content = "page" if p.whole else str(p.content)
            click.echo(f"  {p.page:<{page_width}}  {content:>7}  {p.interface:>9}")
        click.echo("")


@i18n_group.command("export")
@_project_option
@click.option("--lang", "lang", required=True, help="The language to export.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .po file to write.")
def i18n_export(project: Path, lang: str, output: Path) -> None:
    """Write one language's strings as a gettext PO file for translators' tools (stale ones marked fuzzy)."""
    from generator.authoring.i18n.po import export_po

    loaded = _load_or_exit(project)
    _language_option(loaded, lang)
    try:
        po = export_po(loaded, project, lang)
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    po.save(str(tmp))
    tmp.replace(output)
    missing = sum(1 for e in po if not e.msgstr)
    click.echo(f"{len(po)} strings written to {output} ({missing} untranslated, {len(po.fuzzy_entries())} fuzzy)")


@i18n_group.command("import")
@_project_option
@click.argument("po_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", "lang", default=None, help="Expected language (default: the PO file's Language header).")
def i18n_import(project: Path, po_file: Path, lang: str | None) -> None:
    """Write a PO file's translations into the <name>.<lang>.yaml files; nothing else in them changes."""
    from generator.authoring.i18n.po import import_po

    loaded = _load_or_exit(project)
    try:
        result = import_po(loaded, project, po_file, lang)
    except CutoverError as exc:
        _print_problems(exc.problems)
        click.echo("Nothing was written.", err=True)
        sys.exit(1)
    for file, count in sorted(result.changed.items()):
        click.echo(f"{file}: {count} strings")
    click.echo(f"{sum(result.changed.values())} strings written into {len(result.changed)} files for {result.language}"
               + ("; translation fingerprints updated" if result.lock_updated else ""))


@i18n_group.command("mark-current")
@_project_option
@click.option("--lang", "lang", required=True, help="The language whose translations are up to date.")
@click.argument("files", nargs=-1)
def i18n_mark_current(project: Path, lang: str, files: tuple[str, ...]) -> None:
    """Record that the LANG translations (of FILES, source paths such as catalog/features/hold.yaml; default all)
    match their current source text, after editing translation files by hand."""
    from generator.authoring.i18n.lock import lock_path, write_lock
    from generator.authoring.i18n.strings import mark_current

    loaded = _load_or_exit(project)
    _language_option(loaded, lang)
    try:
        lock = mark_current(loaded, project, lang, set(files) or None)
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    changed = write_lock(project, lang, lock)
    click.echo(f"{lock_path(project, lang)} " + ("updated" if changed else "already up to date"))


#: Exit code of ``cutover verify`` when no browser can be started (1 means a check failed).
NO_BROWSER_EXIT = 3


@main.command()
@click.argument("site_dir", type=click.Path(file_okay=False, path_type=Path), default="site")
@click.option("--all", "all_pages", is_flag=True, help="Load every page in the browser and run axe on it, not one page "
              "per template in each language and version plus every other page.")
@click.option("--jobs", type=click.IntRange(1, 16), default=4, show_default=True, help="Pages open at once.")
@click.option("--browser", "browser_path", default=None, help="Chromium executable (default: $CUTOVER_BROWSER, "
              "/usr/bin/chromium, chromium on PATH, Playwright's own).")
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Write a JUnit XML report.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), help="Write a JSON report.")
@click.option("-q", "--quiet", is_flag=True, help="No progress (shown on a terminal only, in any case).")
def verify(site_dir: Path, all_pages: bool, jobs: int, browser_path: str | None, junit: Path | None, json_file: Path | None,
           quiet: bool) -> None:
    """Prove that a built site works: links, anchors, languages, quizzes, search, offline, accessibility.

    Links, anchors, language switchers and the Content-Security-Policy are read from every page's file. In Chromium,
    every quiz is solved and every language's search is tried; the page-load check (no request to another host, no
    console error, no policy violation) and axe run on a sample: one page per template (guide, role, card, quiz,
    answer key, day-one checklist, poster, ...) in each language and version, and every other page (hand-written
    pages, single generated pages) — pages of one template are made by the same code. A version's alias that is a
    copy of it (as `cutover export` writes) is read but not opened again. --all opens every page.

    Exit 0 when every check passes, 1 when one fails, 3 when no browser can be started.
    """
    from generator.verify import VerifyOptions
    from generator.verify import verify as run_verify
    from generator.verify.browser import INSTALL_HINT, BrowserUnavailable

    if not (site_dir / "index.html").is_file():
        raise click.ClickException(f"{site_dir} holds no built site (no index.html): run 'cutover build' first")
    progress = _progress_printer(quiet)
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


def _progress_printer(quiet: bool = False):
    """Progress of `verify`'s checks: a line updated in place on a terminal; elsewhere (CI) one line per finished
    check; nothing with --quiet."""
    line = _ProgressLine(quiet)

    def show(check: str, done: int, total: int) -> None:
        if line.enabled:
            line.show(f"{check}: {done}/{total}", done == total)
        elif done == total and not quiet:  # a log has one line per check
            click.echo(f"{check}: {total} checked", err=True)
    return show


class _ProgressLine:
    """One line of progress on stderr, rewritten in place, only when stderr is a terminal (CI logs stay clean)."""

    def __init__(self, quiet: bool = False):
        self.enabled = not quiet and sys.stderr.isatty()

    def show(self, text: str, finished: bool = False) -> None:
        if self.enabled:
            click.echo(f"\r\x1b[K{text}", err=True, nl=finished)


def _page_progress(quiet: bool):
    """Progress of a build: per language, pages done of pages to build (None when not shown)."""
    line = _ProgressLine(quiet)
    if not line.enabled:
        return None
    line.show("Reading the definitions…")  # the seconds before the first page
    return lambda lang, done, total: line.show(f"{lang}: {done}/{total} pages", done == total)



@main.command("pdf")
@_project_option
@click.option("--role", "roles", multiple=True, help="Only this role (repeatable). Default: every role.")
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable). Default: every language.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["manual", "card", "handout", "key", "poster"]),
              help="Only this document (repeatable): manual, card (quick-reference card), handout (quiz without "
                   "answers), key (quiz with answers), poster (the go-live and the help poster per language, "
                   "<lang>/go-live-poster.pdf and <lang>/help-poster.pdf). Default: the first four.")
@click.option("--paper", type=click.Choice(["a4", "letter", "a3"]), default="a4", show_default=True, help="Paper size.")
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Print this site, built with 'cutover build'. Default: build a fresh one into a temporary folder.")
@click.option("--browser", "browser_path", default=None, help="Chromium executable (default: as for 'cutover verify').")
@click.option("--jobs", type=click.IntRange(1, 8), default=2, show_default=True, help="Documents printed at once.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the PDF files (<lang>/<role>-manual.pdf, -card.pdf, -quiz-handout.pdf, -quiz-key.pdf).")
def pdf_command(project: Path, roles: tuple[str, ...], languages: tuple[str, ...], kinds: tuple[str, ...], paper: str,
                site_dir: Path | None, browser_path: str | None, jobs: int, output: Path) -> None:
    """Print role manuals, quick-reference cards and quiz handouts and answer keys as PDF files, with Chromium.

    Exit 0 when every PDF was written, 1 on an error, 3 when no browser can be started.
    """
    from generator.export.pdf import PdfError, PdfOptions, render_pdfs
    from generator.verify.browser import INSTALL_HINT, BrowserUnavailable

    try:
        loaded = load_project(project)
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    proj = loaded.project
    for value, known, hint in [(lang, proj.site.languages, "--lang") for lang in languages] + \
                              [(role, list(proj.roles), "--role") for role in roles]:
        if value not in known:
            raise click.BadParameter(f"unknown '{value}'; known: {', '.join(known)}", param_hint=hint)
    if site_dir is not None and not (site_dir / "index.html").is_file():
        raise click.ClickException(f"{site_dir} holds no built site (no index.html): run 'cutover build' first")
    options = PdfOptions(roles=list(roles) or None, languages=list(languages) or None, kinds=tuple(kinds) or PdfOptions.kinds,
                         paper=paper, browser=browser_path, jobs=jobs,
                         progress=lambda done, total, label: click.echo(f"pdf {done}/{total} {label}", err=True))
    scratch = None
    try:
        if site_dir is None:
            scratch = Path(tempfile.mkdtemp(prefix="cutover-pdf-site-"))
            click.echo("Building the site…", err=True)
            site_dir = _build_for_pdf(project.resolve(), scratch / "site")
        result = render_pdfs(proj, site_dir, output, options)
    except BrowserUnavailable as exc:
        click.echo(f"Error: no browser could be started ({exc}).\nTo fix: {INSTALL_HINT}.", err=True)
        sys.exit(NO_BROWSER_EXIT)
    except PdfError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{len(result.written)} PDF files written to {output}")


def _build_for_pdf(project: Path, target: Path) -> Path:
    """The whole site, every language, built strictly into ``target``."""
    from generator.site.mkdocs.commands import SiteBuildError, build_every_language, quiet_logging

    quiet_logging(False)
    _require_config(project)
    try:
        build_every_language(project, target)
    except SiteBuildError as exc:
        raise click.ClickException(f"build failed:\n{exc}") from None
    return target


@main.command("messages")
@_project_option
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable). Default: every language of the site.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write <lang>/<date>-<id>.eml and <lang>/plan.ics into.")
@click.option("--site-url", default=None, metavar="URL",
              help="Where the site is published (http/https), for the links in the e-mails. Default: site_url in catalog/site.yaml.")
def messages_command(project: Path, languages: tuple[str, ...], output: Path, site_url: str | None) -> None:
    """Write the announcements of catalog/messages/ as e-mail drafts (.eml, opened as drafts to send) and a
    calendar (.ics) of their send dates and the training sessions, per language."""
    from generator.export.messages import MessagesError, write_messages

    try:
        loaded = load_project(project)
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    try:
        result = write_messages(loaded.project, output, list(languages) or None, site_url)
    except MessagesError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    drafts = sum(path.suffix == ".eml" for path in result.written)
    click.echo(f"{drafts} e-mail drafts and {len(result.written) - drafts} calendars written to {output}")


@main.group("survey")
def survey_group() -> None:
    """Survey answers: measure how the move is going."""


@survey_group.command("report")
@_project_option
@click.argument("answers", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the report into (index.html and charts/).")
@click.option("--lang", "language", default=None, help="Language of the report. Default: the site's default language.")
def survey_report(project: Path, answers: tuple[Path, ...], output: Path, language: str | None) -> None:
    """Report on survey ANSWERS: the JSON files readers downloaded, or CSV exports of a form tool (columns survey,
    language, role and the question ids). Charts per question, by role and by language, and the trend between
    the readiness survey and the survey after go-live."""
    from generator.export.surveyreport import ReportError, read_answers, write_report

    try:
        loaded = load_project(project)
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    lang = language or loaded.project.site.default_language
    if lang not in loaded.project.site.languages:
        raise click.BadParameter(f"'{lang}' is not one of the site's languages ({', '.join(loaded.project.site.languages)})",
                                 param_hint="--lang")
    try:
        responses, warnings = read_answers(list(answers), loaded.project)
        result = write_report(loaded.project, responses, output, lang)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{result.responses} responses: report written to {output / 'index.html'}")


@main.command("export-lms")
@_project_option
@click.option("--format", "fmt", type=click.Choice(["scorm12", "cmi5"]), required=True,
              help="scorm12: SCORM 1.2 (imsmanifest.xml), which every LMS imports; cmi5: cmi5.xml, reporting with xAPI.")
@click.option("--role", "roles", multiple=True, help="Only this role (repeatable). Default: every role.")
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable). Default: every language.")
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Cut the packages from this site, built with 'cutover build --offline'. Default: build a fresh one.")
@click.option("--id-base", default=None, metavar="IRI",
              help="cmi5 course and unit ids start with this IRI (e.g. https://lms.example.org/cutover). "
                   "Default: urn:cutover:<site name>.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the packages (<role>-<lang>-<format>.zip).")
def export_lms(project: Path, fmt: str, roles: tuple[str, ...], languages: tuple[str, ...], site_dir: Path | None,
               id_base: str | None, output: Path) -> None:
    """Write an LMS package per role and language: the role's manual and quiz, tracked by the LMS (score,
    passed/failed, completion, time). Nothing is written unless every package could be made."""
    from generator.export.lms_package import PackageError, PackageFormat, plan, write_packages

    try:
        loaded = load_project(project)
    except CutoverError as exc:
        _print_problems(exc.problems)
        sys.exit(1)
    package_format = PackageFormat(fmt)
    try:
        pairs = plan(loaded.project, package_format, list(roles) or None, list(languages) or None)
    except PackageError as exc:
        raise click.ClickException(str(exc)) from None
    if site_dir is not None and not (site_dir / "index.html").is_file():
        raise click.ClickException(f"{site_dir} holds no built site (no index.html): run 'cutover build --offline' first")
    scratch = None
    try:
        if site_dir is None:
            from generator.site.mkdocs.commands import SiteBuildError, build_site, quiet_logging

            quiet_logging(False)
            _require_config(project)
            scratch = Path(tempfile.mkdtemp(prefix="cutover-lms-site-"))
            click.echo("Building the site…", err=True)
            only = os.environ.pop("CUTOVER_LANGUAGE", None)  # packages need every language's pages
            try:
                build_site(project.resolve(), scratch / "site", strict=True, offline=True)
            except SiteBuildError as exc:
                raise click.ClickException(f"build failed:\n{exc}") from None
            finally:
                if only is not None:
                    os.environ["CUTOVER_LANGUAGE"] = only
            site_dir = scratch / "site"
        packages = write_packages(loaded.project, site_dir, output, package_format, pairs, id_base)
    except PackageError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    for package in packages:
        click.echo(f"{package.path.name}: {package.files} files, {package.size / 1024:.0f} KiB")
    click.echo(f"{len(packages)} {fmt} packages written to {output}")


if __name__ == "__main__":  # pragma: no cover
    main()
