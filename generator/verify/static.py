"""Checks that read the built HTML: links and anchors, external resources, language switchers."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from generator.site import csp
from generator.verify.report import Check, Failure
from generator.verify.sitemap import Page, resolve, target_file, template_of

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_RESOURCE_TAGS = {"script", "img", "iframe", "source", "audio", "video"}


def check_links(site_dir: Path, pages: dict[str, Page]) -> Check:
    check = Check("links", "every internal href, src and srcset resolves; every #fragment exists; nothing loads from other hosts")
    for page in pages.values():
        if template_of(page) == "404":  # served for any missing URL at any depth: its links are site-absolute
            continue
        for link in page.links:
            check.checked += 1
            url = link.url.strip()
            scheme = urlsplit(url).scheme.lower()
            if scheme == "javascript" and url.lower() not in ("javascript:void(0)",):
                check.failures.append(Failure(page.url, url, "script link"))
                continue
            if scheme in ("mailto", "tel", "data", "blob", "javascript"):
                continue
            if scheme in ("http", "https") or url.startswith("//"):
                host = urlsplit(url if scheme else "http:" + url).hostname
                loads = link.tag in _RESOURCE_TAGS or (link.tag == "link" and link.rel not in ("canonical", "alternate"))
                if loads and host not in _LOOPBACK:
                    check.failures.append(Failure(page.url, url, f"<{link.tag}> loads a resource from another host ({host})"))
                continue
            if scheme:
                continue
            target = resolve(page.url, url)
            if target is None:
                continue
            path, fragment = target
            file = target_file(site_dir, path)
            if file is None:
                check.failures.append(Failure(page.url, url, f"target '{path or '/'}' does not exist"))
                continue
            if fragment and file.suffix == ".html":
                target_page = pages.get(path if path in pages else path + "/" if path + "/" in pages else path)
                if target_page is not None and fragment not in target_page.ids:
                    check.failures.append(Failure(page.url, url, f"no element with id '{fragment}' on '{path or '/'}'"))
    return check


def check_switchers(site_dir: Path, pages: dict[str, Page]) -> Check:
    check = Check("languages", "each language switcher leads to the same page in the other language")
    for page in pages.values():
        if template_of(page) == "404":  # the error page is served for any missing URL: no counterpart
            continue
        for link in page.links:
            if "md-select__link" not in link.classes or not link.hreflang:
                continue
            check.checked += 1
            target = resolve(page.url, link.url)
            if target is None:
                check.failures.append(Failure(page.url, link.url, f"{link.hreflang} link leaves the site"))
                continue
            path = target[0]
            other = pages.get(path) or pages.get(path + "/")
            if other is None:
                check.failures.append(Failure(page.url, link.url, f"{link.hreflang} version '{path or '/'}' does not exist"))
            elif other.lang != link.hreflang:
                check.failures.append(Failure(page.url, link.url, f"leads to a page in '{other.lang}', not '{link.hreflang}'"))
            elif other.language_path != page.language_path:
                check.failures.append(Failure(page.url, link.url, f"leads to '{other.url}', not to this page in {link.hreflang}"))
    return check


def check_policy(site_dir: Path, pages: dict[str, Page]) -> Check:
    check = Check("policy", "every page carries a Content-Security-Policy that allows its own scripts and no others")
    for page in pages.values():
        check.checked += 1
        try:
            html = page.file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            check.failures.append(Failure(page.url, "", f"cannot read the page: {exc}"))
            continue
        check.failures += [Failure(page.url, "Content-Security-Policy", problem) for problem in csp.audit(html)]
    return check


_FALLBACK = re.compile(r'<span lang="([^"]+)"(?: dir="[a-z]+")? class="cutover-fallback"')
_FALLBACK_PAGE = re.compile(r'<div (?:class="cutover-fallback-page" lang="([^"]+)"|lang="([^"]+)" class="cutover-fallback-page")')


def check_other_languages(site_dir: Path, pages: dict[str, Page]) -> Check:
    """Text shown in another language than its page's (not translated yet), as the build marked it: counted per page
    and language. Advisory: a site being translated shows some, and says so on the page."""
    check = Check("translations", "text in another language than the page's (not translated yet), per page and language",
                  advisory=True)
    for page in pages.values():
        check.checked += 1
        html = page.file.read_text("utf-8", errors="replace")
        found: dict[str, int] = {}
        for match in _FALLBACK.finditer(html):
            found[match.group(1)] = found.get(match.group(1), 0) + 1
        whole = {m.group(1) or m.group(2) for m in _FALLBACK_PAGE.finditer(html)}
        for lang in sorted(set(found) | whole):
            if lang == page.lang:
                continue
            count = found.get(lang, 0)
            what = (f"{count} piece{'s' if count != 1 else ''} of text" if count else "") + \
                (" and " if count and lang in whole else "") + ("the page's body" if lang in whole else "")
            check.failures.append(Failure(page.url, f"{page.lang or '?'} page", f"{what} in '{lang}'"))
    return check
