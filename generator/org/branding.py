"""Branding without editing templates: logo, favicon, colours and footer text from ``catalog/site.yaml``.

The images are staged from the organisation's project into ``assets/brand/``; the colours become CSS custom
properties in a generated stylesheet, which material reads everywhere it paints its primary and accent colours;
the footer text is plain text in the reader's language (placeholders filled, never Markdown or HTML).
"""

from __future__ import annotations

from pathlib import Path

from generator.catalog import model as m
from generator.catalog.variables import substitute
from generator.catalog.yamlio import Document
from generator.errors import Problem

BRAND_DIR = "assets/brand"
STYLESHEET = f"{BRAND_DIR}/brand.css"
IMAGE_TYPES = {"logo": (".svg", ".png", ".jpg", ".jpeg", ".webp"), "favicon": (".svg", ".png", ".ico")}
#: Image files larger than this would slow every page; a logo is a few kilobytes.
MAX_IMAGE_BYTES = 1_000_000


def build(tree: dict | None) -> m.Branding | None:
    if not tree:
        return None
    return m.Branding(logo=tree.get("logo"), favicon=tree.get("favicon"), primary=tree.get("primary"),
                      accent=tree.get("accent"), footer=tree.get("footer"))


def _image_path(root: Path, value: str) -> Path:
    return root / value


def check(branding: m.Branding | None, root: Path, doc: Document | None) -> list[Problem]:
    """Images must exist inside the project, have a known type and a sensible size (colours: the schema)."""
    if branding is None or doc is None:
        return []
    problems = []
    for key in ("logo", "favicon"):
        value = getattr(branding, key)
        found = check_image(root, value, key) if value else None
        if found:
            problems.append(doc.problem(("branding", key), *found))
    return problems


def check_image(root: Path, value: str, key: str = "logo") -> tuple[str, str] | None:
    """(message, hint) when the image at ``value`` cannot be staged; None when it can."""
    path = _image_path(root, value)
    if Path(value).is_absolute() or ".." in Path(value).parts:
        return f"the {key} must be a file inside the project", f"copy it into the project, e.g. branding/{Path(value).name}"
    if not path.is_file():
        return f"{key} file '{value}' not found", "give the path relative to the project folder, e.g. branding/logo.svg"
    if path.suffix.lower() not in IMAGE_TYPES[key]:
        return f"the {key} must be one of {', '.join(IMAGE_TYPES[key])}", "convert the image"
    if path.stat().st_size > MAX_IMAGE_BYTES:
        return f"the {key} is larger than 1 MB", "use a smaller image (an SVG, or a PNG of a few kilobytes)"
    return None


def staged_name(branding: m.Branding, key: str) -> str | None:
    value = getattr(branding, key)
    return f"{BRAND_DIR}/{key}{Path(value).suffix.lower()}" if value else None


def stylesheet(branding: m.Branding) -> str:
    """Material's colour properties; ``:root > *`` is what material's own custom palette uses."""
    lines = []
    if branding.primary:
        lines += [f"  --md-primary-fg-color: {branding.primary};", f"  --md-primary-fg-color--light: {branding.primary};",
                  f"  --md-primary-fg-color--dark: {branding.primary};", "  --md-primary-bg-color: #ffffff;"]
    if branding.accent:
        lines += [f"  --md-accent-fg-color: {branding.accent};", f"  --md-typeset-a-color: {branding.accent};"]
    return "/* Generated from branding in catalog/site.yaml */\n:root > * {\n" + "\n".join(lines) + "\n}\n"


def staged_files(project: m.Project, root: Path) -> dict[str, bytes]:
    """Staging path -> content of the brand images and stylesheet (nothing without branding)."""
    branding = project.site.branding
    if branding is None:
        return {}
    files = {}
    for key in ("logo", "favicon"):
        name = staged_name(branding, key)
        if name and not check_image(root, getattr(branding, key), key):  # a wrong one is check's error (builds stop on it)
            files[name] = _image_path(root, getattr(branding, key)).read_bytes()
    if branding.primary or branding.accent:
        files[STYLESHEET] = stylesheet(branding).encode("utf-8")
    return files


def footer_html(project: m.Project, lang: str) -> str:
    """The footer text in ``lang`` as escaped HTML ("" without one): text, never markup."""
    branding = project.site.branding
    if branding is None or branding.footer is None:
        return ""
    values = branding.footer.values
    raw = values.get(lang, values[project.site.default_language])
    from generator.render.escape import html_text  # the one escaping rule (render is a later step than org)

    return html_text(substitute(raw, project.site.variables, lang, project.site.default_language))
