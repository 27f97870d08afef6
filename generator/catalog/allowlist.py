"""The HTML a hand-written page may contain: the allow-list, and how an organisation widens it in catalog/site.yaml.

Writers use tables, collapsible blocks, abbreviations, images and links; everything else that HTML can carry
(scripts, frames, event handlers, script links) is removed from the built page by :mod:`generator.site.sanitize`,
and ``cutover check`` says where. What Python-Markdown and the site's extensions produce for ordinary Markdown
(admonitions, tabs, task lists, footnotes, code highlighting, heading anchors) is on the list.

An organisation may widen the list (``html:`` in catalog/site.yaml) — an iframe for a video on its intranet, say.
It does so knowingly: ``cutover check`` warns about the widening every time, and some things can never be allowed
(script elements, event handlers, script links), because a page must stay a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.catalog.model import HtmlSettings
from generator.catalog.yamlio import Document
from generator.errors import Problem, Severity

#: The problem code of the warning about a widened allow-list.
WIDENED = "widened-html"

TAGS = frozenset(
    "a abbr b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt em figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd label li mark ol p pre q rp rt ruby s samp small span strong "
    "sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split())

#: Attributes by tag; "*" applies to every tag. (Event handlers, style and srcdoc never are.)
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby",
                    "aria-labelledby"}),
    "a": frozenset({"href", "hreflang", "rel", "target", "download"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan", "headers", "align"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "align"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}), "li": frozenset({"value"}),
    "details": frozenset({"open"}), "label": frozenset({"for"}), "div": frozenset({"data-tabs"}),  #: material's tabs
    "input": frozenset({"checked", "disabled", "name"}),  #: material's tabs and task lists; type below
    "time": frozenset({"datetime"}), "data": frozenset({"value"}), "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}), "q": frozenset({"cite"}), "blockquote": frozenset({"cite"}),
}

#: Attributes allowed with these values only.
_ALIGN = frozenset({"text-align: left;", "text-align: right;", "text-align: center;"})  #: Markdown's aligned table columns
VALUES: dict[str, dict[str, frozenset[str]]] = {
    "input": {"type": frozenset({"radio", "checkbox"})},  #: material's tabs (radio) and task lists (checkbox)
    "td": {"style": _ALIGN}, "th": {"style": _ALIGN},
}

#: Attributes holding a URL, whose scheme must be allowed.
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "data", "background", "srcset"})

SCHEMES = frozenset({"http", "https", "mailto", "tel"})

#: Elements removed with their content (the rest lose only their tags and keep their text).
CONTENT_REMOVED = frozenset({"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select",
                             "svg", "math", "frame", "frameset", "noembed", "noframes", "xmp", "plaintext", "title"})

#: What no widening can allow: a page must never run what a writer pasted.
NEVER_TAGS = frozenset({"script", "style", "noscript", "template", "base", "meta", "link", "frame", "frameset", "xmp",
                        "plaintext", "noembed", "noframes", "title", "head", "body", "html"})
NEVER_SCHEMES = frozenset({"javascript", "vbscript"})


@dataclass(frozen=True)
class AllowList:
    tags: frozenset[str] = TAGS
    attributes: dict[str, frozenset[str]] = field(default_factory=lambda: dict(ATTRIBUTES))
    values: dict[str, dict[str, frozenset[str]]] = field(default_factory=lambda: dict(VALUES))
    schemes: frozenset[str] = SCHEMES

    def __hash__(self) -> int:  # the cleaner made for a list is kept (generator.site.sanitize)
        return hash((self.tags, self.schemes, tuple(sorted(self.attributes.items())),
                     tuple(sorted((tag, tuple(sorted(names.items()))) for tag, names in self.values.items()))))

    def allows_attribute(self, tag: str, name: str, value: str) -> bool:
        if name.startswith("on") or name in ("srcdoc", "formaction"):
            return False
        if name in self.attributes.get(tag, ()) or name in self.attributes.get("*", ()):
            return True
        return value in self.values.get(tag, {}).get(name, ())

    @property
    def widened(self) -> bool:
        return self != AllowList()


DEFAULT = AllowList()


def allow_list(settings: HtmlSettings | None) -> AllowList:
    """The default list, widened by an organisation's ``html`` settings (already checked)."""
    if settings is None:
        return DEFAULT
    attributes = dict(ATTRIBUTES)
    for tag, names in settings.attributes.items():
        attributes[tag] = attributes.get(tag, frozenset()) | frozenset(n for n in names if _attribute_problem(n) is None)
    # A widened attribute takes every value: it is no longer restricted to the few the default allows.
    values = {tag: {name: allowed for name, allowed in names.items() if name not in attributes.get(tag, ())
                    and name not in attributes.get("*", ())} for tag, names in VALUES.items()}
    return AllowList(tags=TAGS | frozenset(t for t in settings.tags if t not in NEVER_TAGS), attributes=attributes,
                     values=values, schemes=SCHEMES | frozenset(s for s in settings.schemes if s not in NEVER_SCHEMES))


def _attribute_problem(name: str) -> str | None:
    if name.startswith("on"):
        return f"'{name}' is an event handler: a page never runs script from its text"
    if name in ("srcdoc", "formaction"):
        return f"'{name}' can hold a page or a script address of its own"
    return None


def check_settings(doc: Document) -> list[Problem]:
    """The ``html`` section's problems (located): what can never be allowed is an error; a widening is a warning."""
    section = doc.data.get("html")
    if not isinstance(section, dict):
        return []
    problems: list[Problem] = []
    widened: list[str] = []
    for i, tag in enumerate(section.get("allow_tags", [])):
        if tag in NEVER_TAGS:
            problems.append(doc.problem(("html", "allow_tags", i), f"<{tag}> can never be allowed: it would run or load "
                                        "what a writer pasted, or break the page", "remove it from allow_tags"))
        else:
            widened.append(f"<{tag}>")
    for tag, names in section.get("allow_attributes", {}).items():
        for i, name in enumerate(names):
            problem = _attribute_problem(name)
            if problem:
                problems.append(doc.problem(("html", "allow_attributes", tag, i), problem, "remove it from allow_attributes"))
            else:
                widened.append(f"{name}= on " + ("every element" if tag == "*" else f"<{tag}>"))
    for i, scheme in enumerate(section.get("allow_schemes", [])):
        if scheme in NEVER_SCHEMES:
            problems.append(doc.problem(("html", "allow_schemes", i), f"'{scheme}:' links run script: they can never be allowed",
                                        "remove it from allow_schemes"))
        elif scheme not in SCHEMES:
            widened.append(f"'{scheme}:' links")
    for i, host in enumerate(section.get("allow_hosts", [])):
        parts = urlsplit(host)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/") or parts.query or parts.fragment:
            problems.append(doc.problem(("html", "allow_hosts", i), f"'{host}' is not a host address",
                                        "write the scheme and host only, like 'https://video.intranet.example'"))
        else:
            widened.append(f"images, media and frames from {parts.scheme}://{parts.netloc}")
    if widened:
        problems.append(doc.problem(("html",), "hand-written pages may contain more HTML than the default allow-list: "
                                    + ", ".join(widened), "make sure every writer of docs/ is trusted with it; see "
                                    "'Allowing more HTML' in ORGANISATIONS.md", severity=Severity.WARNING, code=WIDENED))
    return problems
