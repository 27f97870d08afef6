"""Links in hand-written pages: every page and anchor they point at, generated or hand-written, must exist.

Checked against the staging plan (every page in every language, after fallbacks), so a link from
``docs/de/welcome.md`` to ``guides/hold.md#troubleshooting`` is checked against the German guide. Errors are
located at the link in the writer's file, before any build runs.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

from markdown.extensions.toc import slugify

from generator.errors import Problem, did_you_mean, relative
from generator.site.stage import front_matter_lines

#: Inline links and images ``[text](target "title")`` and reference definitions ``[name]: target``.
#: (Brackets escaped with a backslash are text: a variable's value "[x](y)" is written into a page as "\\[x\\](y)".)
_INLINE = re.compile(r"(?<!\\)!?\[(?:\\.|[^\[\]\\]|\[[^\[\]]*\])*(?<!\\)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?\1")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}|\bid=\"([^\"]+)\"|\bid='([^']+)'")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def anchors(markdown: str) -> set[str]:
    """The ids a page's Markdown produces: explicit ``{#id}`` and ``id="…"``, and headings' slugs."""
    found = set()
    for line in markdown.splitlines():
        for match in _EXPLICIT_ID.finditer(line):
            found.add(next(g for g in match.groups() if g))
        heading = _HEADING.match(line)
        if heading and "{" not in heading.group(2):
            found.add(slugify(re.sub(r"[*_`]", "", heading.group(2)), "-"))
    return found


def anchor_index(files: dict[str, bytes]) -> Callable[[str], set[str]]:
    """The anchors of a staged page, computed once per page."""
    cache: dict[str, set[str]] = {}

    def page_anchors(rel: str) -> set[str]:
        if rel not in cache:
            cache[rel] = anchors(files[rel].decode("utf-8", "replace"))
        return cache[rel]
    return page_anchors


def _judge_all(page: str, anchor: str) -> bool:
    return False


def check_links(root: Path, files: dict[str, bytes], sources: dict[str, Path],
                unjudged: Callable[[str, str], bool] = _judge_all) -> list[Problem]:
    """Problems for broken links in the hand-written pages ``sources`` (staged path -> file in docs/).
    ``unjudged(page, anchor)``: a target not to judge (the page of a definition that has errors of its own)."""
    page_anchors = anchor_index(files)
    problems = []
    for rel, path in sorted(sources.items()):
        display = relative(path, root)
        text = files[rel].decode("utf-8", "replace")  # staged: variables filled in, line for line the writer's page
        for line_no, col, target in links_in(text):
            problem = check_target(rel, target, files, page_anchors, unjudged)
            if problem:
                message, hint = problem
                problems.append(Problem(display, line_no, col, message, hint, code="broken-link"))
    return problems


def handwritten_sources(docs: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Staged path -> writer's file, for every hand-written Markdown page that was staged."""
    if not docs.is_dir():
        return {}
    return {rel: path for path in sorted(docs.rglob("*.md"))
            if path.is_file() and (rel := path.relative_to(docs).as_posix()) in files}


def check_target(rel: str, target: str, files: dict[str, bytes], page_anchors,
                 unjudged: Callable[[str, str], bool] = _judge_all) -> tuple[str, str] | None:
    """(message, hint) when the link ``target`` on the staged page ``rel`` leads nowhere, as the strict build
    judges it (``validation`` in mkdocs.yml: a missing page or anchor, an absolute link); else None."""
    if not target or _SCHEME.match(target) or target.startswith("//") or "{{" in target:
        return None
    if target.startswith(("/", "\\")):
        return (f"link to '{target}' is absolute: MkDocs leaves it as it is, and it breaks when the site is served under "
                "a sub-path or from a file share", "link by the path relative to the page (see 'Hand-written pages' in CONTRIBUTING.md)")
    path, _, anchor = target.partition("#")
    path = unquote(path)
    if not path:
        dest = rel
    else:
        dest = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
        if path.endswith("/") or dest + "/index.md" in files and dest not in files:
            dest = posixpath.join(dest, "index.md")
    lang = rel.split("/", 1)[0] + "/" if "/" in rel else ""
    if unjudged(dest[len(lang):] if dest.startswith(lang) else dest, anchor):
        return None
    if dest not in files:
        if dest.startswith("..") or not dest.startswith(lang):
            return f"link to '{target}' leaves the language folder", "link to pages by their path inside docs/<language>/"
        pages = [f[len(lang):] for f in files if f.startswith(lang) and f.endswith(".md")]
        near = did_you_mean(dest[len(lang):], pages)
        return f"link to '{target}': there is no page '{dest[len(lang):]}'", near or "check the path (see 'Hand-written pages' in CONTRIBUTING.md)"
    if anchor and dest.endswith(".md") and anchor not in page_anchors(dest):
        near = did_you_mean(anchor, page_anchors(dest))
        return f"link to '{target}': '{dest[len(lang):]}' has no anchor '#{anchor}'", near or "check the anchor on the built page"
    return None


def locate(text: str, target: str) -> tuple[int, int] | None:
    """(line, column) of the first link to ``target`` in a page's Markdown ``text``."""
    return next(((line, col) for line, col, found in links_in(text) if found == target), None)


_HTML_BLOCK = re.compile(r"<(script|style|form|fieldset|table|div|section|p|ul|ol|dl|details|summary|figure)\b(?![^>]*\bmarkdown=)", re.I)


def links_in(text: str):
    """(line, column, target) of every link outside code and front matter."""
    in_fence = in_html = False
    front = front_matter_lines(text)
    for number, line in enumerate(text.splitlines(), 1):
        if number <= front:
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        # A raw HTML block (a survey's form, a quiz's JSON data) runs to the next blank line and is not Markdown:
        # nothing in it becomes a link. Its texts' own links are checked where they are Markdown.
        if not in_fence and _HTML_BLOCK.match(line):
            in_html = True
        elif not line.strip():
            in_html = False
        if in_fence or in_html:
            continue
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in _INLINE.finditer(visible):
            yield number, match.start(1) + 1, match.group(1)
        ref = _REFERENCE.match(visible)
        if ref:
            yield number, ref.start(1) + 1, ref.group(1)
