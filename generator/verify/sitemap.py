"""What a built site contains: its pages, their languages and templates, and every link they hold."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Page templates, recognised from the generated paths (language prefix removed), for axe sampling: every page of
#: one template is made by the same code from definitions of one kind (generator/render/).
TEMPLATES = (("home", r""), ("roles-index", r"roles/"), ("role", r"roles/[^/]+/"), ("cards-index", r"cards/"),
             ("card", r"cards/[^/]+/"), ("guides-index", r"guides/"),
             ("guide", r"guides/[^/]+/"), ("quizzes-index", r"quizzes/"), ("progress", r"quizzes/progress/"),
             ("results", r"quizzes/results/"), ("quiz-key", r"quizzes/keys/[^/]+/"), ("quiz", r"quizzes/[^/]+/"),
             ("scenarios-index", r"scenarios/"), ("scenario", r"scenarios/[^/]+/"), ("timeline", r"timeline/"),
             ("faq", r"faq/"), ("glossary", r"glossary/"), ("day-one-index", r"day-one/"), ("day-one", r"day-one/[^/]+/"),
             ("poster", r"project/posters/[^/]+/"), ("survey", r"surveys/[^/]+/"))


@dataclass
class Link:
    attr: str  #: href, src or srcset
    tag: str
    url: str
    rel: str = ""
    hreflang: str = ""
    classes: str = ""


@dataclass
class Page:
    url: str  #: site-relative, e.g. ``de/guides/x/`` or ``index.html`` style for file URLs
    file: Path
    version: str = ""  #: the version folder in a published multi-version tree (mike), else ""
    lang: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    is_quiz: bool = False
    title: str = ""

    @property
    def language_path(self) -> str:
        """The URL without its version and language folders: the same page in another language has the same one."""
        url = self.url[len(self.version) + 1:] if self.version else self.url
        first, _, rest = url.partition("/")
        return rest if first == self.lang and self.lang else url


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html" and a.get("lang"):
            self.page.lang = a["lang"]
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.page.ids.add(a[key])
        if tag == "div" and "cq-mount" in (a.get("class") or ""):
            self.page.is_quiz = True
        if tag == "h1":
            self._in_h1 = True
        for attr in ("href", "src"):
            if a.get(attr) is not None and tag in ("a", "link", "script", "img", "iframe", "source", "audio", "video"):
                self.page.links.append(Link(attr, tag, a[attr], a.get("rel") or "", a.get("hreflang") or "", a.get("class") or ""))
        if a.get("srcset"):
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    self.page.links.append(Link("srcset", tag, candidate.strip().split()[0]))

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.page.title += data


def versions_of(site_dir: Path) -> set[str]:
    """Version folders and aliases of a tree published with mike (empty for a single site)."""
    return set(aliases_of(site_dir))


def aliases_of(site_dir: Path) -> dict[str, str]:
    """Each version folder and alias of a tree published with mike, with the version it names (a version its own);
    empty for a single site."""
    try:
        entries = json.loads((site_dir / "versions.json").read_text("utf-8"))
        return {str(name): str(entry["version"]) for entry in entries for name in [entry["version"], *entry.get("aliases", [])]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def copied_aliases(site_dir: Path) -> dict[str, str]:
    """The aliases whose folder is a copy of their version's, every file byte for byte (``cutover export`` and mike's
    copy aliases write such copies), with that version: a browser shows a copy as it shows the version."""
    copies = {}
    for alias, version in aliases_of(site_dir).items():
        if alias != version and _same_files(site_dir / alias, site_dir / version):
            copies[alias] = version
    return copies


def _same_files(one: Path, other: Path) -> bool:
    if not one.is_dir() or one.is_symlink() or not other.is_dir():
        return False
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    if files != sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file()):
        return False
    return all((one / rel).read_bytes() == (other / rel).read_bytes() for rel in files)


def read_site(site_dir: Path) -> dict[str, Page]:
    """Every HTML page of the site (of every version), parsed, by site-relative URL."""
    pages = {}
    versions = versions_of(site_dir)
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        first = url.split("/", 1)[0]
        page = Page(url, file, version=first if first in versions else "")
        _Parser(page).feed(file.read_text("utf-8", errors="replace"))
        page.title = " ".join(page.title.replace("¶", "").split())
        pages[url] = page
    return pages


def template_of(page: Page) -> str:
    path = page.language_path
    for name, pattern in TEMPLATES:
        if re.fullmatch(pattern, path):
            return name
    return "404" if path.endswith("404.html") else "page"


def resolve(page_url: str, link: str) -> tuple[str, str] | None:
    """The site-relative path and fragment a link points to, or None for other hosts and schemes."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page_url, unquote(parts.fragment)
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    joined = posixpath.normpath(posixpath.join("/" + base, parts.path) if not parts.path.startswith("/") else parts.path)
    target = joined.lstrip("/")
    if parts.path.endswith("/") and target:
        target += "/"
    return ("" if target == "." else target), unquote(parts.fragment)


def target_file(site_dir: Path, target: str) -> Path | None:
    path = site_dir / target
    for candidate in (path, path / "index.html") if not target.endswith("/") else (path / "index.html",):
        if candidate.is_file():
            return candidate
    return None
