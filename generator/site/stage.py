"""Assemble the documentation tree MkDocs builds from, outside the repository.

The staging tree holds the writers' ``docs/`` (placeholders filled in,
glossary tooltips appended) plus every generated page, in the
``<lang>/<path>`` layout of mkdocs-static-i18n. Writers' files are read,
never written; files whose content did not change are not rewritten, so
``mkdocs serve`` rebuilds stay cheap.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.i18n.strings import status as translation_status
from generator.catalog.load import LANGUAGE_CODE, Layout, inside
from generator.catalog.model import Project
from generator.catalog.translations import MISSING
from generator.catalog.variables import PLACEHOLDER, builtin_variables, substitute
from generator.errors import CutoverError, Problem, Severity, did_you_mean, relative
from generator.org import branding
from generator.render import page_markdown, render_pages
from generator.render.localize import Localizer
from generator.render.reference import abbreviations
from generator.render.status import STATUS_PATH, render_status

#: Where the runtime's JavaScript and CSS are staged (shared by every language).
ASSET_DIR = "assets/cutover"
ASSETS = ("site.css", "quiz.css", "feedback.css", "print.css", "site.js", "quiz.js", "feedback.js", "print.js")


@dataclass
class StageResult:
    directory: Path
    written: list[str] = field(default_factory=list)  #: files whose content changed
    generated: dict[str, str] = field(default_factory=dict)  #: staged path -> definition source
    untranslated: dict[str, int] = field(default_factory=dict)  #: language -> pages with fallback text
    fallback_pages: dict[str, list[str]] = field(default_factory=dict)  #: language -> hand-written pages shown in the default language
    warnings: list[Problem] = field(default_factory=list)


def default_staging_dir(root: Path) -> Path:
    """One staging tree per project and process: concurrent builds never share one."""
    digest = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"cutover-{digest}-{os.getpid()}" / "docs"


def plan(project: Project, layout: Layout, collect: list[Problem] | None = None) -> tuple[dict[str, bytes], StageResult]:
    """Every file of the staging tree and its content, without writing anything.

    A hand-written page with errors raises :class:`CutoverError`; with ``collect`` its problems are added there
    instead and the page is left out (``cutover check`` goes on to every other page's links)."""
    result = StageResult(directory=Path())
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    languages = project.site.languages
    for lang in languages:
        for page in render_pages(project, lang):
            target = f"{lang}/{page.path}"
            files[target] = page_markdown(project, page, lang).encode("utf-8")
            result.generated[target] = page.source
            if page.fallbacks and lang != project.site.default_language:
                result.untranslated[lang] = result.untranslated.get(lang, 0) + 1
    _plan_status_page(project, layout, files, result)
    for asset in sorted((Path(__file__).parent / "assets").iterdir()):
        files[f"{ASSET_DIR}/{asset.name}"] = asset.read_bytes()
    files.update(branding.staged_files(project, layout.root))  # logo, favicon, colours of the organisation
    if layout.docs.is_dir():
        known = set(project.site.variables) | set(builtin_variables())
        for path in sorted(layout.docs.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(layout.docs).as_posix()
            display = relative(path, layout.root)
            if rel in files:
                problems.append(Problem(display, 1, 1, f"hand-written page collides with the generated page '{rel}'",
                                        "rename the file; link to the generated page instead"))
                continue
            if not inside(path, layout.root):
                problems.append(Problem(display, 1, 1, "the file links to a file outside the project",
                                        "replace the link with the file itself"))
                continue
            folder = rel.split("/", 1)[0]
            if path.suffix == ".md" and "/" in rel and folder not in languages and LANGUAGE_CODE.match(folder):
                problems.append(Problem(display, 1, 1, f"'{folder}' is not a configured language",
                                        f"add it to languages in catalog/site.yaml ({', '.join(languages)}) or move the page"))
                continue
            data = path.read_bytes()
            if path.suffix == ".md":
                lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in languages else project.site.default_language
                data = _handwritten(project, data, lang, known, display, problems)
                if data is None:  # not text: nothing else can be checked in it
                    continue
            files[rel] = data
    if problems and collect is None:
        raise CutoverError(problems)
    if collect is not None:
        collect.extend(problems)
    _fill_missing_translations(project, files, result)
    return files, result


def _plan_status_page(project: Project, layout: Layout, files: dict[str, bytes], result: StageResult) -> None:
    """The translation status page in every language (for translation coordinators), when there is a second language."""
    if len(project.site.languages) < 2:
        return
    table = translation_status(project, layout.root)
    for lang in project.site.languages:
        page = render_status(project, table, Localizer(project, lang))
        files[f"{lang}/{STATUS_PATH}"] = page_markdown(project, page, lang).encode("utf-8")
        result.generated[f"{lang}/{STATUS_PATH}"] = page.source


def _fill_missing_translations(project: Project, files: dict[str, bytes], result: StageResult) -> None:
    """A hand-written page missing in a language gets the default page, with a notice in the reader's language.

    mkdocs-static-i18n would fall back silently; readers deserve to know why the page is in another language.
    """
    default = project.site.default_language
    for rel in [r for r in files if r.startswith(default + "/") and r.endswith(".md") and r not in result.generated]:
        page = rel.split("/", 1)[1]
        for lang in project.site.languages[1:]:
            if f"{lang}/{page}" in files:
                continue
            loc = Localizer(project, lang)
            notice = loc.ui("notice.page_untranslated", language=loc.language_name(default))
            files[f"{lang}/{page}"] = _insert_after_title(files[rel].decode("utf-8"), notice).encode("utf-8")
            result.fallback_pages.setdefault(lang, []).append(page)
            result.warnings.append(Problem(f"docs/{rel}", 0, 0, f"not translated into {lang}", f"create docs/{lang}/{page}",
                                           Severity.WARNING, MISSING))


def _insert_after_title(text: str, notice: str) -> str:
    lines = text.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    block = ["", '!!! warning ""', "", f"    {notice}", ""]
    return "\n".join(lines[:at] + block + lines[at:])


def _handwritten(project: Project, data: bytes, lang: str, known: set[str], display: str, problems: list[Problem]) -> bytes | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(display, line, col, "page is not valid UTF-8 text", "save it with UTF-8 encoding"))
        return None
    for number, line in enumerate(text.splitlines(), 1):
        for match in PLACEHOLDER.finditer(line):
            if not match.group("escape") and match.group("name") not in known:
                problems.append(Problem(display, number, match.start() + 1, f"unknown variable '{match.group(0)}'",
                                        did_you_mean(match.group("name"), known)
                                        or "define it under variables in catalog/site.yaml, or write \\{{ to keep the braces"))
    text = substitute(text, project.site.variables, lang, project.site.default_language, markdown=True)
    tooltips = abbreviations(project, Localizer(project, lang))
    if tooltips:
        text = text.rstrip("\n") + "\n\n" + "\n".join(tooltips) + "\n"
    return text.encode("utf-8")


def stage(project: Project, layout: Layout, directory: Path) -> StageResult:
    """Write the staging tree: changed files only, stale files removed."""
    files, result = plan(project, layout)
    result.directory = directory
    directory.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        target = directory / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        result.written.append(rel)
    for path in sorted(directory.rglob("*"), reverse=True):
        rel = path.relative_to(directory).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return result


def remove_staging(directory: Path) -> None:
    shutil.rmtree(directory.parent if directory.name == "docs" else directory, ignore_errors=True)
