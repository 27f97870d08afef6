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
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.authoring.i18n.strings import status as translation_status
from generator.catalog.load import LANGUAGE_CODE, Layout, inside
from generator.catalog.model import Project
from generator.catalog.translations import MISSING
from generator.catalog.variables import PLACEHOLDER, builtin_variables, form_problem, substitute, unclosed
from generator.catalog.yamlio import BOM, YamlFileError, read_yaml
from generator.errors import CutoverError, Problem, Severity, did_you_mean, errors_only, relative
from generator.org import branding
from generator.render import escape, page_markdown, render_pages
from generator.render.common import Page
from generator.render.localize import Localizer
from generator.render.reference import abbreviations
from generator.render.status import STATUS_PATH, render_status
from generator.site.images import step_pictures
from generator.site.lastchanged import as_of_date
from generator.site.sitedir import process_alive
from generator.site.bundle import bundles
from generator.strings import marks
from generator.render.typography import nonbreaking

#: Where the runtime's JavaScript and CSS are staged (shared by every language).
ASSET_DIR = "assets/cutover"
ASSETS = ("site.css", "quiz.css", "feedback.css", "print.css", "site.js", "phases.js", "timeline.js", "devices.js", "quiz.js", "feedback.js", "print.js")


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


_STAGING_NAME = re.compile(r"^cutover-[0-9a-f]{12}-(\d+)$")


def remove_dead_staging() -> list[Path]:
    """Remove the staging trees of builds whose process is gone: a build killed outright (``kill -9``, a power cut)
    never reached its own clean-up, and every one would otherwise stay in the temporary folder."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob("cutover-*-*"):
        match = _STAGING_NAME.match(folder.name)
        if match and folder.is_dir() and not folder.is_symlink() and not process_alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def plan(project: Project, layout: Layout, collect: list[Problem] | None = None) -> tuple[dict[str, bytes], StageResult]:
    """Every file of the staging tree and its content, without writing anything.

    A hand-written page with errors raises :class:`CutoverError`; with ``collect`` its problems are added there
    instead and the page is left out (``cutover check`` goes on to every other page's links)."""
    result = StageResult(directory=Path())
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    languages = project.site.languages
    if project.today is None:  # "where we are" on the pages, as of the checked-out commit (lastchanged.py)
        project.today = as_of_date(layout.root)
    for lang in languages:
        owners: dict[str, Page] = {}
        for page in render_pages(project, lang):
            target = f"{lang}/{page.path}"
            if page.path in owners:  # a definition whose id is a generated page's name: one page would replace the other
                if lang == project.site.default_language:
                    problems.append(_id_collision(project, layout, owners[page.path], page))
                continue
            owners[page.path] = page
            files[target] = page_markdown(project, page, lang).encode("utf-8")
            result.generated[target] = page.source
            if (page.fallbacks or page.ui_fallbacks) and lang != project.site.default_language:
                result.untranslated[lang] = result.untranslated.get(lang, 0) + 1
    _plan_status_page(project, layout, files, result)
    for asset in sorted((Path(__file__).parent / "assets").iterdir()):
        if asset.is_file():
            files[f"{ASSET_DIR}/{asset.name}"] = asset.read_bytes()
    files.update({f"{ASSET_DIR}/{name}": data for name, data in bundles().items()})  # the quiz runtime's modules
    pictures = step_pictures(project)  # step pictures, resized and compressed, beside every language's pages
    files.update({f"{lang}/{path}": data for lang in languages for path, data in pictures.items()})
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
    problems += _address_collisions(project, layout, files, result)
    if errors_only(problems) and collect is None:
        raise CutoverError(problems)
    if collect is not None:
        collect.extend(problems)
    else:
        result.warnings += problems  # forms a page's language lacks: the plain value is used
    _fill_missing_translations(project, files, result)
    return files, result


def _id_collision(project: Project, layout: Layout, first: Page, second: Page) -> Problem:
    """The problem of two generated pages on one path, located at the id of the definition that names it."""
    definition, other = (second, first) if _names_its_page(second) else (first, second)
    display, line, col = _id_position(project, layout, definition.source)
    stem = posixpath.splitext(posixpath.basename(definition.path))[0]
    return Problem(display, line, col, f"the id '{stem}' would replace the generated page '{other.path}' ({other.title})",
                   f"choose another id: '{stem}' names a page the site makes itself")


def _names_its_page(page: Page) -> bool:
    """Whether ``page`` is a definition's own page (guides/hold.md from …/hold.yaml), not a list or a site page."""
    return page.source.endswith(".yaml") and posixpath.splitext(posixpath.basename(page.source))[0] == \
        posixpath.splitext(posixpath.basename(page.path))[0]


def _id_position(project: Project, layout: Layout, source: str) -> tuple[str, int, int]:
    """Where a definition file (as its pages name it) sets its id."""
    path = layout.root / source
    if source.startswith("kit:") and project.site.kit:
        from generator.org.kit import kit_root  # an organisation's kit: its files are named kit:<name>/…

        path = kit_root(project.site.kit, layout.root) / source.split("/", 1)[1]
    try:
        doc = read_yaml(path, source)
        line, col = doc.where(("id",))
        return source, line, col
    except (OSError, YamlFileError, KeyError, ValueError):
        return source, 1, 1


def page_address(rel: str, languages: list[str], default: str) -> str:
    """The address MkDocs and static-i18n give the staged page ``rel`` (``en/glossary/index.md`` -> ``glossary/``,
    ``de/index.md`` -> ``de/``, ``en/de.md`` -> ``de/``): two pages on one address, and one of them is lost."""
    lang, _, page = rel.partition("/")
    if lang not in languages:
        lang, page = default, rel
    stem, _ = posixpath.splitext(page)
    folder, name = posixpath.split(stem)
    address = folder if name.lower() in ("index", "readme") else stem
    prefix = "" if lang == default else lang
    return "/".join(p for p in (prefix, address) if p) + "/"


def _address_collisions(project: Project, layout: Layout, files: dict[str, bytes], result: StageResult) -> list[Problem]:
    """Every staged page needs an address of its own; a hand-written page on a generated page's address (or another
    hand-written page's) is an error at the writer's file, naming the page it would replace."""
    languages, default = project.site.languages, project.site.default_language
    taken: dict[str, str] = {}
    problems = []
    for rel in sorted((r for r in files if r.endswith(".md")), key=lambda r: (r not in result.generated, r)):
        address = page_address(rel, languages, default)
        if address not in taken:
            taken[address] = rel
            continue
        other = taken[address]
        what = f"the generated page '{other}'" if other in result.generated else f"the hand-written page 'docs/{other}'"
        problems.append(Problem(relative(layout.docs / rel, layout.root), 1, 1,
                                f"this page would be published at '{address}', which is the address of {what}: "
                                "one of them would be lost",
                                "rename or move the file"))
    return problems


def _plan_status_page(project: Project, layout: Layout, files: dict[str, bytes], result: StageResult) -> None:
    """The translation status page in every language (for translation coordinators), when there is a second language."""
    if len(project.site.languages) < 2:
        return
    table = translation_status(project, layout.root)
    for lang in project.site.languages:
        loc = Localizer(project, lang, marked=True)
        page = render_status(project, table, loc)
        page.fallbacks, page.ui_fallbacks = loc.fallbacks, loc.ui_fallbacks
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
            loc = Localizer(project, lang, marked=True)
            notice = loc.ui("notice.page_untranslated", language=loc.language_name(default))
            files[f"{lang}/{page}"] = _insert_after_title(files[rel].decode("utf-8"), notice, default).encode("utf-8")
            result.fallback_pages.setdefault(lang, []).append(page)
            result.warnings.append(Problem(f"docs/{rel}", 0, 0, f"not translated into {lang}", f"create docs/{lang}/{page}",
                                           Severity.WARNING, MISSING))


def _insert_after_title(text: str, notice: str, lang: str) -> str:
    """The notice after the page's title; the page itself (title and body) marked as written in ``lang``."""
    lines = text.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    if at:
        lines[at - 1] = "# " + marks.mark(lines[at - 1][2:], lang)
    block = ["", '!!! warning ""', "", f"    {notice}", "", f'<div lang="{lang}" class="cutover-fallback-page" markdown="1">', ""]
    return "\n".join(lines[:at] + block + lines[at:] + ["", "</div>", ""])


def _handwritten(project: Project, data: bytes, lang: str, known: set[str], display: str, problems: list[Problem]) -> bytes | None:
    try:
        text = data.removeprefix(BOM).decode("utf-8")  # editors on Windows add a byte-order mark: it is dropped
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(display, line, col, "page is not valid UTF-8 text", "save it with UTF-8 encoding"))
        return None
    site = project.site
    for number, line in enumerate(text.split("\n"), 1):
        control = _CONTROL.search(line)
        if control:
            problems.append(Problem(display, number, control.start() + 1,
                                    f"the page contains the control character U+{ord(control.group()):04X}",
                                    "delete it; it is often invisible, so retype the text around it"))
        for offset, message, hint in unclosed(line):
            problems.append(Problem(display, number, offset + 1, message, hint))
        for match in PLACEHOLDER.finditer(line):
            if match.group("escape"):
                continue
            if match.group("name") not in known:
                problems.append(Problem(display, number, match.start() + 1, f"unknown variable '{match.group(0)}'",
                                        did_you_mean(match.group("name"), known)
                                        or "define it under variables in catalog/site.yaml, or write \\{{ to keep the braces"))
            elif match.group("form"):
                found = form_problem(site.variables, match.group("name"), match.group("form"), lang, site.default_language)
                if found:
                    problems.append(Problem(display, number, match.start() + 1, *found))
    text = nonbreaking(substitute(text, project.site.variables, lang, project.site.default_language, markdown=True), lang)
    text = _front_matter_title_as_text(text)
    tooltips = abbreviations(project, Localizer(project, lang))
    if tooltips:
        text = text.rstrip("\n") + "\n\n" + "\n".join(tooltips) + "\n"
    return text.encode("utf-8")


#: Characters a page never means: NUL and the other C0 controls (tab, line feed and carriage return aside), DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FRONT_MATTER = re.compile(r"\A(---[ \t]*\n)(.*?\n)((?:---|\.\.\.)[ \t]*(?:\n|\Z))", re.S)
_TITLE_KEY = re.compile(r"^title[ \t]*:.*(?:\n[ \t]+.*)*\n", re.M)


def front_matter_lines(text: str) -> int:
    """How many lines a page's front matter (``---`` … ``---`` at its start: MkDocs reads it, not Markdown) takes."""
    match = _FRONT_MATTER.match(text)
    return match.group(0).count("\n") if match else 0


def page_meta(text: str) -> dict:
    """A page's front matter as a mapping ({} when it has none or MkDocs could not read it)."""
    match = _FRONT_MATTER.match(text)
    try:
        meta = yaml.safe_load(match.group(2)) if match else None
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _front_matter_title_as_text(text: str) -> str:
    """A hand-written page's front matter ``title`` is the writer's text, but the theme writes it into the page as
    HTML (navigation, header, <title>): it is staged HTML-escaped, so it reads as written and never becomes markup."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    try:
        meta = yaml.safe_load(match.group(2))
    except yaml.YAMLError:
        return text  # MkDocs ignores front matter it cannot read
    title = meta.get("title") if isinstance(meta, dict) else None
    if not isinstance(title, str) or escape.html_text(title) == title:
        return text
    body = _TITLE_KEY.sub("", match.group(2)) + f"title: {escape.front_matter(escape.html_text(title))}\n"
    return match.group(1) + body + match.group(3) + text[match.end():]


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
