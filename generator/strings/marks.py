"""Invisible marks around text shown in another language than the page's, and their ``lang`` attributes in HTML.

When a page in Polish has to show a text in English (a string not translated yet), the localizer wraps that text
in marks: ``U+E000 en U+E001 text U+E002`` (characters of Unicode's private use area, which no writer's text
keeps: the localizer removes them from what it reads). They survive Markdown untouched, so after the theme has
rendered the page :func:`to_html` turns them into ``<span lang="en" class="cutover-fallback">`` around every
piece of text they enclose (never across an element's boundary, so the HTML stays valid), and removes them where
no element can carry a language: attribute values, ``<title>``, scripts, options. Marks nest: a Polish title
inside an English sentence is marked Polish again and stays unmarked in the page.
"""

from __future__ import annotations

import html
import re

from generator.strings.languages import direction

START, SEP, END = "\ue000", "\ue001", "\ue002"
#: Class of every element that holds text in another language than its page's (styled and counted).
CLASS = "cutover-fallback"

_LANG = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
_MARK = re.compile(f"{START}({_LANG}){SEP}|{END}")
_STRIP = re.compile(f"{START}[^{START}{SEP}{END}]*{SEP}|[{START}{SEP}{END}]")
# Comments, elements whose content is text only (marks are removed there), other tags (with quoted attribute
# values, which may hold ">"), and text.
_TOKEN = re.compile(r"<!--.*?-->|<(script|style|title|textarea)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
                    r"|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|[^<]+|<", re.S | re.I)
_OPTION = re.compile(r"<(/?)option\b", re.I)


def mark(text: str, lang: str) -> str:
    """``text`` marked as written in ``lang``."""
    return f"{START}{lang}{SEP}{text}{END}" if text else text


def strip(text: str) -> str:
    """``text`` without marks: for places that cannot say which language a part is in (URLs, file names, PDF)."""
    return _STRIP.sub("", text) if START in text or END in text or SEP in text else text


def has_marks(text: str) -> bool:
    return START in text


def to_json_safe(text: str) -> str:
    """A JSON document's marks as ``\\uE000`` escapes, so a page's HTML fix leaves them for the script that reads it."""
    return text.replace(START, "\\ue000").replace(SEP, "\\ue001").replace(END, "\\ue002")


def to_html(document: str, page_lang: str) -> str:
    """Marks in an HTML page (or fragment) turned into ``lang`` attributes; see the module's description."""
    if START not in document and END not in document:
        return document
    out: list[str] = []
    stack: list[str] = []
    in_option = False
    for match in _TOKEN.finditer(document):
        token = match.group(0)
        if token.startswith("<"):
            option = _OPTION.match(token)
            if option:
                in_option = not option.group(1)
            out.append(strip(token))
            continue
        if in_option:
            _track(token, stack)
            out.append(strip(token))
            continue
        pos = 0
        for mark_match in _MARK.finditer(token):
            out.append(_run(token[pos: mark_match.start()], stack, page_lang))
            if mark_match.group(1):
                stack.append(mark_match.group(1))
            elif stack:
                stack.pop()
            pos = mark_match.end()
        out.append(_run(token[pos:], stack, page_lang))
    return "".join(out)


def _track(text: str, stack: list[str]) -> None:
    for mark_match in _MARK.finditer(text):
        if mark_match.group(1):
            stack.append(mark_match.group(1))
        elif stack:
            stack.pop()


def _run(text: str, stack: list[str], page_lang: str) -> str:
    """One piece of text between marks: wrapped when the language in force is not the page's."""
    text = strip(text)  # a stray separator
    if not text or not stack or stack[-1] == page_lang or not text.strip():
        return text
    lang = stack[-1]
    dir_attr = f' dir="{direction(lang)}"' if direction(lang) != direction(page_lang) else ""
    return f'<span lang="{html.escape(lang)}"{dir_attr} class="{CLASS}">{text}</span>'
