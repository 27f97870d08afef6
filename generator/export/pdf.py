"""``cutover pdf``: role manuals, quick-reference cards and quiz handouts and keys as PDF files.

Chromium prints the built site, served on loopback, through Playwright: the PDF is the page a reader prints
from the browser (same markup, same print CSS), never a second rendering engine. The manual gets a table of
contents whose page numbers come from a first rendering (Chromium writes a named destination for every
linked heading; pypdf reads on which page each one landed), then is rendered again with the numbers filled in.
"""

from __future__ import annotations

import asyncio
import datetime
import html
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from generator import version as cutover_version
from generator.catalog.model import Project
from generator.catalog.variables import format_value, value_for
from generator.render import escape
from generator.render.common import card_path, key_path, role_path
from generator.render.localize import Localizer
from generator.verify.browser import launch
from generator.verify.server import serve

#: What can be printed per role and language, in output order.
KINDS = ("manual", "card", "handout", "key")
PAPERS = {"a4": "A4", "letter": "Letter", "a3": "A3"}
#: Posters (printed only when asked for: ``--kind poster``), per language: the go-live poster and the help poster.
POSTER = "poster"
#: Site variables that, when set in catalog/site.yaml, give the version and date printed on every PDF.
VERSION_VARIABLE, DATE_VARIABLE = "document_version", "document_date"

_FILE_NAMES = {"manual": "manual", "card": "card", "handout": "quiz-handout", "key": "quiz-key", POSTER: "poster"}
_LABELS = {"manual": "manual", "card": "card", "handout": "quiz handout", "key": "quiz key", POSTER: "poster"}
_MARGINS = {POSTER: {"top": "12mm", "bottom": "12mm", "left": "14mm", "right": "14mm"}, "card": {"top": "10mm", "bottom": "12mm", "left": "10mm", "right": "10mm"}}
_DEFAULT_MARGINS = {"top": "14mm", "bottom": "16mm", "left": "15mm", "right": "15mm"}
#: A card that runs over one page is printed smaller, down to the last of these scales.
_CARD_SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75)
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class PdfError(Exception):
    """A problem with the request or the site, explained for the reader."""


@dataclass(frozen=True)
class Document:
    lang: str
    role: str
    kind: str
    source: str  #: the generated page, e.g. ``roles/agent.md``

    @property
    def file(self) -> str:
        return f"{self.lang}/{self.role}-{_FILE_NAMES[self.kind]}.pdf"

    @property
    def label(self) -> str:
        return f"{self.lang}/{self.role} {_LABELS[self.kind]}"


@dataclass
class PdfOptions:
    roles: list[str] | None = None  #: default: every role
    languages: list[str] | None = None  #: default: every language of the site
    kinds: tuple[str, ...] = KINDS
    paper: str = "a4"
    browser: str | None = None  #: a Chromium executable; default: the first that starts
    jobs: int = 2  #: pages printed at once in the one browser
    today: datetime.date | None = None  #: the date printed when the site sets no document_date
    progress: Callable[[int, int, str], None] | None = None  #: (done, total, document label)


@dataclass
class PdfResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def documents(project: Project, options: PdfOptions) -> list[Document]:
    """Every PDF the options ask for, by language, role and kind; a role without a quiz has no handout or key."""
    docs = []
    for lang in options.languages or project.site.languages:
        for role_id in options.roles or list(project.roles):
            role = project.roles[role_id]
            quiz = role.quiz if role.quiz in project.quizzes else None
            # Handout and key are both printed from the quiz's answer-key page, as its Print buttons do.
            sources = {"manual": role_path(role_id), "card": card_path(role_id),
                       "handout": key_path(quiz) if quiz else None, "key": key_path(quiz) if quiz else None}
            docs += [Document(lang, role_id, kind, sources[kind]) for kind in KINDS if kind in options.kinds and sources[kind]]
        if POSTER in options.kinds:  # "role" names the poster: <lang>/go-live-poster.pdf, <lang>/help-poster.pdf
            from generator.render.posters import POSTERS, poster_path
            docs += [Document(lang, poster, POSTER, poster_path(poster)) for poster in POSTERS]
    return docs


def edition(project: Project, lang: str, today: datetime.date | None = None) -> tuple[str, str]:
    """The version and date printed on a PDF: ``document_version`` and ``document_date`` from the site variables
    when set, else Cutover's own version and the day the PDF is made, written out in the document's language."""
    site = project.site
    variables = site.variables
    if VERSION_VARIABLE in variables:
        version = format_value(value_for(variables, VERSION_VARIABLE, lang, site.default_language), lang)
    else:
        version = cutover_version()
    date = value_for(variables, DATE_VARIABLE, lang, site.default_language) if DATE_VARIABLE in variables else None
    return version, format_value(date or today or datetime.date.today(), lang)


def page_url(project: Project, site_dir: Path, lang: str, source: str) -> str:
    """The site-relative URL of a generated page in one language (the default language sits at the root)."""
    prefix = "" if lang == project.site.default_language else f"{lang}/"
    stem = source[: -len(".md")]
    for url, file in ((f"{prefix}{stem}/", f"{prefix}{stem}/index.html"), (f"{prefix}{stem}.html", f"{prefix}{stem}.html")):
        if (site_dir / file).is_file():
            return url
    raise PdfError(f"{site_dir / prefix / stem} is missing from the site: build it again with 'cutover build' "
                   "(or leave out --site to build a fresh one)")


def render_pdfs(project: Project, site_dir: Path, out_dir: Path, options: PdfOptions | None = None) -> PdfResult:
    """Print every requested document into ``out_dir``; files appear only once all of them were printed.

    Raises :class:`PdfError` for a site that lacks a page and
    :class:`~generator.verify.browser.BrowserUnavailable` when no browser starts.
    """
    options = options or PdfOptions()
    if options.paper not in PAPERS:
        raise PdfError(f"unknown paper size '{options.paper}': use {' or '.join(PAPERS)}")
    docs = documents(project, options)
    if not docs:
        raise PdfError("nothing to print: the chosen roles have no quiz for a handout or answer key")
    site_dir = site_dir.resolve()
    urls = {doc: page_url(project, site_dir, doc.lang, doc.source) for doc in docs}
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))  # same disk: files move, not copy
    try:
        result = PdfResult()
        asyncio.run(_print_all(project, site_dir, docs, urls, scratch, options, result))
        for doc in docs:
            target = out_dir / doc.file
            target.parent.mkdir(parents=True, exist_ok=True)
            (scratch / doc.file).replace(target)
            result.written.append(target)
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


async def _print_all(project: Project, site_dir: Path, docs: list[Document], urls: dict[Document, str], scratch: Path,
                     options: PdfOptions, result: PdfResult) -> None:
    from playwright.async_api import async_playwright

    server, base = serve(site_dir)
    done = 0
    try:
        async with async_playwright() as playwright:
            browser = await launch(playwright, options.browser)
            try:
                context = await browser.new_context()
                await context.route("**/*", _offline)
                slots = asyncio.Semaphore(options.jobs)

                async def one(doc: Document) -> None:
                    nonlocal done
                    async with slots:
                        page = await context.new_page()
                        try:
                            await page.goto(f"{base}/{urls[doc]}", wait_until="load")
                            await page.evaluate("document.fonts.ready.then(() => true)")
                            data, warning = await _Printer(project, doc, options).print(page)
                        finally:
                            await page.close()
                    target = scratch / doc.file
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    if warning:
                        result.warnings.append(warning)
                    done += 1
                    if options.progress:
                        options.progress(done, len(docs), doc.label)

                try:
                    async with asyncio.TaskGroup() as group:
                        for doc in docs:
                            group.create_task(one(doc))
                except ExceptionGroup as exc:  # the first failure says what went wrong
                    raise exc.exceptions[0] from None
            finally:
                await browser.close()
    finally:
        server.shutdown()


async def _offline(route) -> None:
    """The PDF shows what the site holds: nothing is fetched from another host."""
    if route.request.url.startswith(("http:", "https:")) and urlsplit(route.request.url).hostname not in _LOOPBACK:
        await route.abort()
    else:
        await route.continue_()


class _Printer:
    """Prints one document from its open page."""

    def __init__(self, project: Project, doc: Document, options: PdfOptions):
        self.doc = doc
        self.options = options
        self.loc = Localizer(project, doc.lang)
        self.version, self.date = edition(project, doc.lang, options.today)
        if doc.kind == POSTER:
            self.kind_name = self.title = ""
            return
        role = project.roles[doc.role]
        self.kind_name = self.loc.ui(f"pdf.{doc.kind}")
        if doc.kind in ("handout", "key"):
            subject = escape.plain(self.loc.text(project.quizzes[role.quiz].title))
        else:
            subject = escape.plain(self.loc.text(role.name))
        self.title = f"{self.kind_name}: {subject}"

    async def print(self, page) -> tuple[bytes, str | None]:
        if self.doc.kind == POSTER:  # the page as it is, no header or footer; A3 is A4's layout enlarged
            scale = 1.41 if self.options.paper == "a3" else 1.0
            data = b""
            for step in (1.0, 0.9, 0.8, 0.7):
                data = await page.pdf(format=PAPERS[self.options.paper], print_background=True, tagged=True,
                                      margin=_MARGINS[POSTER], scale=scale * step)
                if _page_count(data) == 1:
                    return data, None if step == 1 else f"{self.doc.label}: printed at {step:.0%} to fit on one page"
            return data, f"{self.doc.label}: runs over one page"
        meta = " · ".join([self.kind_name, self.loc.ui("pdf.version", version=self.version), self.date])
        await page.evaluate(_PREPARE, {"kind": self.doc.kind, "title": self.title, "meta": meta,
                                       "contents": self.loc.ui("pdf.contents")})
        if self.doc.kind == "manual":
            first = await page.pdf(**self._options())
            await page.evaluate(_FILL_CONTENTS, _heading_pages(first))
            return await page.pdf(**self._options()), None
        if self.doc.kind == "card":
            for scale in _CARD_SCALES:
                data = await page.pdf(**self._options(), scale=scale)
                if _page_count(data) == 1:
                    return data, None if scale == 1 else f"{self.doc.label}: printed at {scale:.0%} to fit on one page"
            return data, (f"{self.doc.label}: runs over one page even at {_CARD_SCALES[-1]:.0%}; "
                          "give the role fewer features or shorter steps")
        return await page.pdf(**self._options()), None

    def _options(self) -> dict:
        numbers = self.doc.kind != "card"
        return {"format": PAPERS[self.options.paper], "print_background": True, "tagged": True, "outline": True,
                "margin": _MARGINS.get(self.doc.kind, _DEFAULT_MARGINS), "display_header_footer": True,
                "header_template": "<span></span>", "footer_template": self._footer(numbers)}

    def _footer(self, numbers: bool) -> str:
        """Chromium's footer: title, version and date on the left, "Page n of N" on the right."""
        left = html.escape(f"{self.title} · {self.loc.ui('pdf.version', version=self.version)} · {self.date}")
        right = ""
        if numbers:
            right = html.escape(self.loc.ui("pdf.page", page="\0p", total="\0t"))
            right = right.replace("\0p", '<span class="pageNumber"></span>').replace("\0t", '<span class="totalPages"></span>')
        margin = _MARGINS.get(self.doc.kind, _DEFAULT_MARGINS)["left"]
        return (f'<div style="box-sizing:border-box;width:100%;padding:0 {margin};display:flex;justify-content:space-between;'
                f'gap:2em;font:8px sans-serif;color:#444"><span>{left}</span><span>{right}</span></div>')


def _page_count(data: bytes) -> int:
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(data)).pages)


def _heading_pages(data: bytes) -> dict[str, int]:
    """Heading id -> page number (from 1), read from the named destinations Chromium writes for linked targets."""
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    pages = {}
    for name, destination in reader.named_destinations.items():
        number = reader.get_destination_page_number(destination)
        if number >= 0:
            pages[name.lstrip("/")] = number + 1
    return pages


#: Prepares a page for print: the document title, a line with kind, version and date under the heading, collapsed
#: blocks opened (or, for a quiz, the handout or key mode of the answer-key page: a handout is headed with the quiz's
#: own title), and for a manual an empty table of contents.
_PREPARE = """({kind, title, meta, contents}) => {
  document.title = title;
  const root = document.documentElement;
  const article = document.querySelector(".md-content__inner") || document.body;
  const h1 = article.querySelector("h1");
  if (kind === "handout" || kind === "key") {
    root.dataset.cqPrint = kind;
    const data = document.querySelector("script.cq-data");
    if (kind === "handout" && h1 && data) h1.textContent = JSON.parse(data.textContent).title;
  } else {
    article.querySelectorAll("details").forEach((d) => { d.open = true; });
  }
  const line = document.createElement("p");
  line.className = "cutover-pdf-meta";
  line.textContent = meta;
  if (h1) h1.after(line); else article.prepend(line);
  if (kind !== "manual") return;
  const nav = document.createElement("nav");
  nav.className = "cutover-pdf-toc";
  nav.setAttribute("aria-label", contents);
  const heading = document.createElement("h2");
  heading.textContent = contents;
  const list = document.createElement("ol");
  // Headings, and a manual's task cards (a title in a summary) as the entries under their section.
  for (const h of article.querySelectorAll("h2[id], h3[id], details.cutover-task[id]")) {
    const card = h.matches("details");
    if (!card && h.closest("details, .admonition, nav, aside")) continue;  // aside: the feedback widget, not printed
    const copy = (card ? h.querySelector(".cutover-task__title") || h.querySelector("summary") : h).cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
    const item = document.createElement("li");
    item.className = "cutover-pdf-toc-" + (card ? "h3" : h.tagName.toLowerCase());
    const link = document.createElement("a");
    link.href = "#" + h.id;
    const text = document.createElement("span");
    text.textContent = copy.textContent.trim();
    const fill = document.createElement("span");
    fill.className = "cutover-pdf-fill";
    const number = document.createElement("span");
    number.className = "cutover-pdf-page";
    number.dataset.target = h.id;
    link.append(text, fill, number);
    item.append(link);
    list.append(item);
  }
  nav.append(heading, list);
  line.after(nav);
}"""

_FILL_CONTENTS = """(pages) => {
  document.querySelectorAll(".cutover-pdf-page").forEach((span) => { span.textContent = pages[span.dataset.target] || ""; });
}"""
