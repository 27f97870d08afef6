"""A Content-Security-Policy on every page: defence in depth behind the escaping and the allow-list.

The site is static, so the policy travels in each page as ``<meta http-equiv="Content-Security-Policy">`` (a web
server that can send headers may send the same policy as one: README, *Hosting*). It allows the site's own
scripts, styles, images and requests and nothing from other hosts; the inline scripts the theme needs
(material's bootstrap, palette and tab scripts, our old-version notice) are allowed by their sha256 hashes.

Which inline scripts are the theme's is decided at template level, not by what a page happens to contain: the
adapter loads every template through :func:`mark_scripts`, which tags each ``<script`` the templates write with an
attribute named by a random token of this build. :func:`apply` hashes the tagged scripts of a page and removes the
tags, so a script that text from a definition or a page brought in — whatever way it found — has no hash and does
not run (and the browser reports the violation, which ``cutover verify`` looks for). Data blocks
(``<script type="application/json">``) are not executed and need none.

What a meta policy cannot do: ``frame-ancestors`` (who may frame the site), ``report-uri``/``report-to`` and
``sandbox`` only work as a header.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

#: Names the attribute that tags the templates' scripts; unguessable, so no text can forge it.
_MARK = f"data-cutover-{secrets.token_hex(8)}"
_SCRIPT_TAG = re.compile(r"<script\b", re.I)
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.I | re.S)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_META_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CONFIG = re.compile(r'<script\b[^>]*\bid="__config"[^>]*>(.*?)</script>', re.S)
#: Markdown's aligned table columns are the only inline styles a page has (hand-written pages keep no other).
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="(text-align: (?:left|right|center);)"')

#: The offline shim (material's iframe-worker), which starts the search worker in an iframe with an inline script.
_SHIM = Path(__file__).parent / "assets" / "iframe-worker.js"


def mark_scripts(template_source: str) -> str:
    """A template with every script element it writes tagged as the theme's own."""
    return _SCRIPT_TAG.sub(f"<script {_MARK}", template_source)


@dataclass(frozen=True)
class Policy:
    """What one site's pages may load besides their own files."""

    form_targets: tuple[str, ...] = ()  #: origins forms may send to (the feedback and survey forms)
    mail_forms: bool = False  #: a form sends an e-mail (mailto:)
    hosts: tuple[str, ...] = ()  #: other origins an organisation allowed for images, media and frames
    offline: bool = False  #: built for file://: the search worker starts through the iframe shim
    connect_targets: tuple[str, ...] = ()  #: origins scripts may send to (the page feedback form gets Yes/No at once)

    def render(self, scripts: list[str], styles: list[str]) -> str:
        hashes = " ".join(f"'sha256-{h}'" for h in sorted(set(scripts)))
        style_hashes = " ".join(f"'sha256-{h}'" for h in sorted(set(styles)))
        hosts = "".join(f" {h}" for h in self.hosts)
        forms = "".join(f" {h}" for h in self.form_targets) + (" mailto:" if self.mail_forms else "")
        directives = [
            "default-src 'self'",
            f"script-src 'self' 'report-sample'{' ' + hashes if hashes else ''}",  # the sample names what was blocked
            f"style-src 'self'{' ' + chr(39) + 'unsafe-hashes' + chr(39) + ' ' + style_hashes if style_hashes else ''}",
            f"img-src 'self' data:{hosts}",  # material's icons are data: URLs in its stylesheet
            f"media-src 'self'{hosts}",
            f"frame-src 'self'{hosts}",
            f"connect-src 'self'{''.join(f' {h}' for h in self.connect_targets)}",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            f"form-action 'self'{forms}",
        ]
        return "; ".join(directives)


def site_policy(project, offline: bool = False) -> Policy:
    """The policy of a project's site: its form addresses and the hosts its HTML settings allow."""
    feedback = project.site.feedback
    forms = [url for url in (feedback.form, feedback.survey_form) if url] if feedback else []
    targets = tuple(sorted({_origin(url) for url in forms if _origin(url)}))
    html = project.site.html
    hosts = tuple(sorted({_origin(h) for h in (html.hosts if html else []) if _origin(h)}))
    votes = (_origin(feedback.form),) if feedback and feedback.form and _origin(feedback.form) and feedback.channel in (None, "form") else ()
    return Policy(form_targets=targets, mail_forms=True, hosts=hosts, offline=offline, connect_targets=votes)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def apply(page: str, policy: Policy) -> str:
    """The page with its theme scripts untagged and the policy first in its head."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs")
        if _MARK in attrs and "src=" not in attrs.lower() and _script_type(attrs) in _EXECUTABLE_TYPES:
            scripts.append(_hash(match.group("body").replace(f" {_MARK}", "")))
    page = page.replace(f" {_MARK}", "")
    if policy.offline:
        config = _CONFIG.search(page)
        if config:
            try:
                scripts.append(_hash(_shim_bootstrap(json.loads(config.group(1))["search"])))
            except (ValueError, KeyError, TypeError):
                pass
    # The test for the attribute's text first: a regex starting with \s tries every space of the page (most have none).
    styles = [_hash(style) for style in set(_STYLE_ATTRIBUTE.findall(page))] if 'style="text-align: ' in page else []
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy.render(scripts, styles)}">'
    anchor = _META_CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        return meta + "\n" + page
    return page[: anchor.end()] + "\n" + meta + page[anchor.end():]


def _script_type(attrs: str) -> str:
    match = _TYPE.search(attrs)
    return next(g for g in match.groups() if g is not None).strip().lower() if match else ""


def _hash(body: str) -> str:
    # Browsers hash the element's text as parsed: line breaks normalised to LF, in UTF-8.
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@functools.lru_cache(maxsize=None)
def _shim_bootstrap(worker_url: str) -> str:
    """The inline script the iframe-worker shim writes into its iframe for the worker at ``worker_url``: its
    template with the two helper functions (as the browser prints them: their source) and the URL filled in."""
    source = _SHIM.read_text("utf-8")
    template = re.search(r"document\.write\(`<html><body><script>(.*?)<\\/script>", source, re.S).group(1)
    functions = {name: _function_source(source, name) for name in re.findall(r"\$\{(\w)\}", template) if name != "e"}
    return re.sub(r"\$\{(\w)\}", lambda m: worker_url if m.group(1) == "e" else functions[m.group(1)], template)


def _function_source(source: str, name: str) -> str:
    start = source.index(f"function {name}(")
    depth = 0
    for i in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[i], 0)
        if depth == 0:
            return source[start: i + 1]
    raise ValueError(f"function {name} in {_SHIM.name} does not end")


# --- what verify checks ------------------------------------------------------------------------------------

_META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', re.I)
_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="\d+; url=[^"]*"\s*/?>', re.I)
REQUIRED = ("default-src 'self'", "object-src 'none'", "base-uri 'self'")


def audit(page: str) -> list[str]:
    """What is wrong with a built page's policy: missing, late, too lax, or not allowing the page's own scripts."""
    found = _META_POLICY.search(page)
    if not found and _REDIRECT.search(page):
        return []  # mike's redirect to the default version (or an exported alias): no text of the site, nothing to guard
    if not found:
        return ["no Content-Security-Policy meta tag"]
    first_script = _SCRIPT.search(page)
    if first_script and first_script.start() < found.start():
        return ["the Content-Security-Policy comes after a script, which it does not cover"]
    directives = {d.strip().split(" ", 1)[0]: d.strip() for d in found.group(1).split(";") if d.strip()}
    problems = [f"the policy lacks {required}" for required in REQUIRED if required not in directives.values()]
    script_src = directives.get("script-src", directives.get("default-src", ""))
    if "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src or "*" in script_src.split():
        problems.append(f"script-src allows any inline script: {script_src}")
    allowed = set(re.findall(r"'sha256-([^']+)'", script_src))
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs")
        if "src=" not in attrs.lower() and _script_type(attrs) in _EXECUTABLE_TYPES and _hash(match.group("body")) not in allowed:
            problems.append(f"an inline script has no hash in the policy and will not run: {' '.join(match.group('body').split())[:60]}")
    return problems
