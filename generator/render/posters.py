"""Posters for the walls and the kitchens: "we go live" and "how to get help", per language, in the organisation's
colours (material's colour properties, which branding sets), with the key dates, the helpdesk and a QR code that
opens the site in the poster's language.

The QR code is drawn by segno as inline SVG (no image file, nothing fetched); ``cutover pdf --kind poster`` prints
the pages on A4 or A3 with Chromium, as every other PDF.
"""

from __future__ import annotations

import segno

from generator.catalog.model import Project
from generator.catalog.variables import value_for
from generator.render import escape
from generator.render.common import Page
from generator.render.localize import Localizer

POSTERS = ("go-live", "help")
SITE_URL_VARIABLE = "site_url"


def poster_path(poster: str) -> str:
    return f"project/posters/{poster}.md"


def site_address(project: Project, lang: str) -> str | None:
    """The published site in ``lang``: site_url, with /<lang>/ for every language but the default."""
    variables = project.site.variables
    if SITE_URL_VARIABLE not in variables:
        return None
    base = str(value_for(variables, SITE_URL_VARIABLE, project.site.default_language, project.site.default_language))
    base = base if base.endswith("/") else base + "/"
    return base if lang == project.site.default_language else f"{base}{lang}/"


def qr_svg(address: str, label: str) -> str:
    """The QR code as an accessible inline SVG (error correction M: survives a crease or a pin)."""
    svg = segno.make(address, error="m").svg_inline(border=4, dark="#000", light="#fff", omitsize=True)  # viewBox: scales
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape.html_attribute(label)}" ', 1)


def render_poster(project: Project, poster: str, loc: Localizer) -> Page:
    fill = loc.fill
    esc = escape.html_text
    title = fill(loc.ui(f"poster.{poster}_title"))
    parts = [f'<div class="cutover-poster cutover-poster--{poster}" markdown="1">', ""]
    parts += [f'<p class="cutover-poster__lead">{esc(escape.plain(fill(loc.ui(f"poster.{poster}_lead"))))}</p>', ""]
    if poster == "go-live":
        dated = [p for p in project.phases if p.when]
        parts += ['<dl class="cutover-poster__dates">']
        for phase in dated:
            parts += [f"<dt>{esc(escape.plain(loc.text(phase.name)))}</dt><dd>{esc(escape.plain(loc.text(phase.when)))}</dd>"]
        parts += ["</dl>", ""]
        parts += ['<ol class="cutover-poster__steps">']
        parts += [f"<li>{esc(escape.plain(fill(loc.ui(f'poster.step_{n}'))))}</li>" for n in (1, 2, 3)]
        parts += ["</ol>", ""]
    else:
        parts += [f'<p class="cutover-poster__phone">{esc(escape.plain(fill(loc.ui("poster.help_phone"))))}</p>', ""]
        parts += ['<ul class="cutover-poster__ways">']
        parts += [f"<li>{esc(escape.plain(fill(loc.ui(f'poster.help_{key}'))))}</li>" for key in ("walkers", "email", "hours")]
        parts += ["</ul>", ""]
    address = site_address(project, loc.lang)
    if address:
        scan = loc.ui("poster.scan")
        parts += [f'<div class="cutover-poster__qr">{qr_svg(address, scan + " " + address)}'
                  f"<p>{esc(scan)}<br><span>{esc(address)}</span></p></div>", ""]
    parts += ["</div>", ""]
    return Page(poster_path(poster), title, parts, project.site.source, hide_toc=True)
