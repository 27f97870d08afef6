"""Links in hand-written pages: every page and anchor they point at, generated or hand-written, must exist.

Checked against the staging plan (every page in every language, after fallbacks), so a link from
``docs/de/welcome.md`` to ``guides/hold.md#troubleshooting`` is checked against the German guide. Errors are
located at the link in the writer's file, before any build runs.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
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


def check_links(root: Path, files: dict[str, bytes], sources: dict[str, Path]) -> list[Problem]:
    """Problems for broken links in the hand-written pages ``sources`` (staged path -> file in docs/)."""
    anchor_cache: dict[str, set[str]] = {}

    def page_anchors(rel: str) -> set[str]:
        if rel not in anchor_cache:
            anchor_cache[rel] = anchors(files[rel].decode("utf-8", "replace"))
        return anchor_cache[rel]

    problems = []
    for rel, path in sorted(sources.items()):
        display = relative(path, root)
        text = files[rel].decode("utf-8", "replace")  # staged: variables filled in, line for line the writer's page
        for line_no, col, target in _links(text):
            problem = _check(rel, target, files, page_anchors)
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


def _check(rel: str, target: str, files: dict[str, bytes], page_anchors) -> tuple[str, str] | None:
    if target.startswith("/") and not target.startswith("//"):
        return (f"link to '{target}' is absolute: it breaks when the site is published under a folder or as a version",
                "link relative to this page, like ../guides/hold.md")
    if not target or _SCHEME.match(target) or target.startswith("/") or "{{" in target:
        return None
    path, _, anchor = target.partition("#")
    path = unquote(path)
    if not path:
        dest = rel
    else:
        dest = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
        if path.endswith("/") or dest + "/index.md" in files and dest not in files:
            dest = posixpath.join(dest, "index.md")
    lang = rel.split("/", 1)[0] + "/" if "/" in rel else ""
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
    return next(((line, col) for line, col, found in _links(text) if found == target), None)


def _links(text: str):
    """(line, column, target) of every link outside code and front matter."""
    in_fence = False
    front = front_matter_lines(text)
    for number, line in enumerate(text.splitlines(), 1):
        if number <= front:
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in _INLINE.finditer(visible):
            yield number, match.start(1) + 1, match.group(1)
        ref = _REFERENCE.match(visible)
        if ref:
            yield number, ref.start(1) + 1, ref.group(1)
