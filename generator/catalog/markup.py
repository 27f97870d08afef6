"""Turn writers' text into Markdown that cannot carry markup of its own.

Text fields may use Markdown (bold, lists, links, code), but never raw HTML,
attribute lists or script links: a field is data, and hostile data must stay
inert in the built page.
"""

from __future__ import annotations

import functools
import html
import re

# Code shows its content as written. A fence on a line of its own (indented less than four spaces), closed by
# the same fence, stays a Markdown fence: Python-Markdown takes those before anything else. A code span becomes
# a <code> element written here, its content escaped character by character, so which backticks Markdown would
# pair (it pairs across lines, and a line starting with "<script>" is an HTML block before any span is found)
# never decides what is code: outside the spans found here, everything is neutralised.
_CODE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)?? {0,3}(?P=fence)[ \t]*$"
                   r"|(?<![\\`])(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?!`)", re.S | re.M)
# A link destination runs to the closing parenthesis: Markdown keeps line breaks in it, and browsers drop them
# ("java\nscript:"), so the scheme is judged on the whole destination, and a disarmed link loses all of it up to
# its closing parenthesis (nested ones counted, as Markdown counts them), title and angle brackets included. Every
# "](" starts one, also inside another's ("[x]([y](javascript:…))": Markdown links the inner one).
_LINK_OPEN = re.compile(r"\]\(")
_REF_DEF = re.compile(r"^(\s*\[[^\]]*\]:\s*<?)([^\s>]+)", re.M)
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def scheme_of(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it (entities decoded, control characters and spaces dropped), or None."""
    match = _SCHEME.match(_probe(url))
    return match.group(1).lower() if match else None


def protocol_relative(url: str) -> bool:
    """Whether ``url`` is "//host/…": another host, with the page's own scheme."""
    return _probe(url).replace("\\", "/").startswith("//")


def _probe(url: str) -> str:
    return re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).lstrip("<")


def _unsafe_scheme(url: str) -> str | None:
    """The scheme of a link a browser would follow somewhere other than a web page, mail or phone call."""
    scheme = scheme_of(url)
    return scheme if scheme and scheme not in SAFE_SCHEMES else None


def _destination_end(part: str, start: int) -> int:
    """Where the destination starting at ``start`` ends: its closing parenthesis, nested ones counted (the last
    one, or the end of the line, when they do not balance)."""
    depth, last, i = 1, -1, start
    while i < len(part):
        char = part[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth, last = depth - 1, i
            if depth == 0:
                return i
        i += 1
    if last >= 0:
        return last
    newline = part.find("\n", start)
    return newline if newline >= 0 else len(part)


def _unsafe_links(part: str) -> list[tuple[int, int, str]]:
    """(start, end, scheme) of every link destination in ``part`` with a scheme browsers would run or open."""
    found = []
    for match in _LINK_OPEN.finditer(part):
        end = _destination_end(part, match.end())
        scheme = _unsafe_scheme(part[match.end(): end])
        if scheme:
            found.append((match.end(), end, scheme))
    for match in _REF_DEF.finditer(part):
        scheme = _unsafe_scheme(match.group(2))
        if scheme:
            found.append((match.start(2), match.end(2), scheme))
    return sorted(found)


def _disarm_links(part: str) -> str:
    """Unsafe destinations become "#". They are nested or apart, never crossing: only outermost ones are cut."""
    outermost: list[tuple[int, int]] = []
    for start, end, _ in _unsafe_links(part):
        if not outermost or start >= outermost[-1][1]:
            outermost.append((start, end))
    for start, end in reversed(outermost):
        part = part[:start] + "#" + part[end:]
    return part


def _outside_code(text: str, fn, span=None) -> str:
    out = []
    for code, _, part in segments(text):
        if not code:
            out.append(fn(part))
        elif span and "\n" not in part:  # a code span (fences take several lines)
            out.append(span(part))
        else:
            out.append(part)
    return "".join(out)


def _code_element(span: str) -> str:
    """A code span as HTML that neither Markdown nor the browser can read as anything but text."""
    ticks = len(span) - len(span.lstrip("`"))
    content = span[ticks:-ticks].strip()
    return "<code>" + "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in content) + "</code>"


def segments(text: str):
    """(is_code, offset, part) pieces of ``text``, in order."""
    pos = 0
    for match in _CODE.finditer(text):
        yield False, pos, text[pos: match.start()]
        yield True, match.start(), match.group(0)
        pos = match.end()
    yield False, pos, text[pos:]


def _neutralise(part: str, braces: bool = True) -> str:
    part = part.replace("<", "&lt;")
    if braces:  # attribute lists ({: onclick=…}) exist only in the site's Markdown
        part = part.replace("{", "&#123;")
    return _disarm_links(part)


@functools.lru_cache(maxsize=65536)  # pure; steps recur on guides, manuals and cards
def block(text: str) -> str:
    """A Markdown block (paragraphs, lists) from a text field."""
    return _outside_code(text.strip(), _neutralise, _code_element)


def portable(text: str) -> str:
    """Markdown for other tools (LMS imports): no raw HTML, safe links, braces left as they are."""
    return _outside_code(text.strip(), lambda part: _neutralise(part, braces=False))


_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


_LINE_BREAKS = re.compile("[\x1c\x1d\x1e\x85\u2028\u2029]")


@functools.lru_cache(maxsize=65536)
def inline(text: str) -> str:
    """One line of Markdown: headings, list items, option labels."""
    # Joined first (a fence folded onto one line is no code), on ASCII white space: non-breaking spaces stay. The
    # characters Python's splitlines() breaks at (U+2028 and kin) become spaces too: a heading split there by a later
    # step would lose its {#anchor}.
    return block(" ".join(_ASCII_SPACE.split(_LINE_BREAKS.sub(" ", text).strip(" \t\r\n\f\v"))))


def cell(text: str) -> str:
    """A table cell."""
    return inline(text).replace("|", "\\|")


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def quoted(text: str) -> str:
    """A double-quoted title (tabs, admonitions)."""
    return inline(text).replace('"', "&quot;")


_ESCAPED = re.compile(r"\\([\\`*_\[\]{}()#+\-.!|~>])")


def unescape(text: str) -> str:
    """Markdown backslash escapes (and the entities values are escaped with) removed: the text as a reader sees it."""
    return _ESCAPED.sub(r"\1", text).replace("&lt;", "<").replace("&#123;", "{")


def plain(text: str) -> str:
    """Text for a place that shows no Markdown at all (tooltips, front matter)."""
    return " ".join(unescape(text).replace("<", "‹").replace(">", "›").split())


#: Problem codes of text a reader sees differently from what its writer probably meant (warnings of ``cutover check``).
RAW_HTML = "raw-html"
UNSAFE_LINK = "unsafe-link"

_ELEMENTS = ("a abbr address article aside audio b base bdi bdo big blink blockquote body br button canvas caption center "
             "cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure "
             "font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend "
             "li link main map mark marquee math menu meta meter nav noscript object ol optgroup option output p param "
             "picture pre progress q s samp script section select small source span strike strong style sub summary sup "
             "svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr").split()
_HTML = re.compile(r"<!--|</?(?:%s)(?=[\s/>])" % "|".join(_ELEMENTS), re.I)


def findings(text: str) -> list[tuple[int, str, str, str]]:
    """Markup the site shows as text or disarms: (offset, code, message, hint) for ``cutover check`` to warn about.

    ``<Enter>`` or ``a < b`` read as meant and are not reported; ``<b>`` or ``<script>`` were probably meant as HTML.
    """
    found = []
    for code, offset, part in segments(text):
        if code:
            continue
        match = _HTML.search(part)
        if match and not any(f[1] == RAW_HTML for f in found):  # once per text: one tag tells the writer enough
            tag = part[match.start(): part.find(">", match.start()) + 1 or match.end()]
            found.append((offset + match.start(), RAW_HTML, f"raw HTML is shown as text, not interpreted: {tag[:40]}",
                          "use Markdown (**bold**, *italic*, lists, [links](https://…)), or `backticks` to show code"))
        for start, _, scheme in _unsafe_links(part):
            if not any(f[1] == UNSAFE_LINK and f"'{scheme}:'" in f[2] for f in found):
                found.append((offset + start, UNSAFE_LINK, f"a '{scheme}:' link does not work on the site: it points nowhere",
                              "links may use https:, http:, mailto: and tel:"))
    return sorted(found)
