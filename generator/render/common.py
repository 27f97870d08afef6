"""Building blocks shared by the page renderers."""

from __future__ import annotations

import functools
import hashlib
import posixpath
from dataclasses import dataclass, field

from generator.catalog import markup
from generator.catalog.devices import icon_svg
from generator.catalog.images import staged_path
from generator.catalog.model import Feature, Option, Project, Step
from generator.render import escape
from generator.render.localize import Localizer


@dataclass
class Page:
    """One generated Markdown page, language-neutral path, one language's text."""

    path: str  #: e.g. ``guides/hold-resume.md``
    title: str
    body: list[str]
    source: str = ""  #: the definition file a writer edits
    fallbacks: list[str] = field(default_factory=list)  #: keys of texts shown in the default language
    ui_fallbacks: list[str] = field(default_factory=list)  #: keys of interface strings shown in English
    hide_toc: bool = False
    hide_footer: bool = False  #: no "Previous/Next" footer: the page ends with its own next step
    tags: list[str] = field(default_factory=list)  #: search-only words (synonyms): indexed, never shown


# Stable, language-independent paths: hand-written pages may link to them.
def role_path(role_id: str) -> str:
    return f"roles/{role_id}.md"


def guide_path(feature_id: str) -> str:
    return f"guides/{feature_id}.md"


def quiz_path(quiz_id: str) -> str:
    return f"quizzes/{quiz_id}.md"


def key_path(quiz_id: str) -> str:
    """A quiz's answer key, the trainer's page of it (presenter, handouts), in the "For trainers" section."""
    return f"quizzes/keys/{quiz_id}.md"


def card_path(role_id: str) -> str:
    return f"cards/{role_id}.md"


def scenario_path(scenario_id: str) -> str:
    return f"scenarios/{scenario_id}.md"


HOME, ROLES_INDEX, GUIDES_INDEX, QUIZZES_INDEX = "index.md", "roles/index.md", "guides/index.md", "quizzes/index.md"
FAQ, TIMELINE, GLOSSARY = "faq.md", "timeline.md", "glossary.md"
PROGRESS, RESULTS, TRAINERS_INDEX = "quizzes/progress.md", "quizzes/results.md", "quizzes/keys/index.md"
CARDS_INDEX = "cards/index.md"
SCENARIOS_INDEX = "scenarios/index.md"


@functools.lru_cache(maxsize=65536)  # pure, and relpath is slow: thousands of links per build
def link(from_page: str, to_page: str, anchor: str = "") -> str:
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


def synonyms(texts, loc: Localizer) -> list[str]:
    """Search-only words of this language (its own list, else the default language's), one per comma."""
    words: list[str] = []
    for text in texts:
        if text is None:
            continue
        value = text.values.get(loc.lang) or text.values.get(loc.project.site.default_language, "")
        words += [w.strip() for w in value.split(",") if w.strip() and w.strip() not in words]
    return words


def html_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link in generated HTML: the page's Markdown path, as in Markdown links. MkDocs rewrites only Markdown links,
    so the adapter turns these into the target page's address (directory or file URLs, whichever the build uses)."""
    return link(from_page, to_page, anchor)


def heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {escape.md_inline(text)} {{#{anchor}}}"


def device_name(device_id: str, loc: Localizer) -> str:
    """A device's name in the localizer's language: the site's own (catalog/site.yaml), else the interface strings'."""
    device = loc.project.site.device(device_id)
    return loc.text(device.name) if device.name is not None else loc.ui("platform." + device_id)


def device_icon(device_id: str, loc: Localizer) -> str:
    """The device's icon as inline HTML followed by a space, or "": the theme's SVG, decorative (the name says it)."""
    svg = icon_svg(loc.project.site.device(device_id).icon)
    return f'<span class="twemoji cutover-device" data-device="{escape.html_attribute(device_id)}" aria-hidden="true">{svg}</span> ' if svg else ""


def role_icon(role, css: str = "cutover-role-icon") -> str:
    """A role's icon as inline HTML (decorative: the role's name is beside it), or ""."""
    svg = icon_svg(role.icon) or icon_svg("material/account")
    return f'<span class="twemoji {css}" aria-hidden="true">{svg}</span>' if svg else ""


def html_inline(text: str, loc: Localizer) -> str:
    """A text field's Markdown as inert inline HTML, for generated HTML blocks (another language's part in a <span lang>)."""
    from generator.render.quizdata import _html  # Markdown to inert HTML, as quiz texts

    return _html(text, loc)


def html_block(text: str, loc: Localizer) -> str:
    from generator.render.quizdata import _html

    return _html(text, loc, inline=False)


def steps_markdown(feature: Feature, loc: Localizer, page: str = "", pictures: bool = False) -> list[str]:
    """The steps of a feature: one tab per device, with its icon and name, when steps differ by device. ``page``:
    the page's path (for the step pictures' links); ``pictures``: each tab opens with its device's illustration."""
    if not feature.has_platform_steps:
        return _step_list(feature.steps, None, loc, page)
    from generator.render.illustrations import DEVICE_ILLUSTRATIONS, marker

    lines: list[str] = []
    for device in feature.platforms:
        items = _step_list(feature.steps, device, loc, page)
        if not items:
            continue
        lines.append(f'=== "{device_icon(device, loc)}{escape.md_title(device_name(device, loc))}"')
        lines.append("")
        if pictures and device in DEVICE_ILLUSTRATIONS:
            lines += ["    " + marker(DEVICE_ILLUSTRATIONS[device], "cutover-illustration--device"), ""]
        lines += [markup.indent(item) if item else "" for item in items]
        lines.append("")
    return lines


def _step_list(steps: list[Step], platform: str | None, loc: Localizer, page: str = "") -> list[str]:
    lines: list[str] = []
    number = 0
    for step in steps:
        text = step.for_platform(platform) if platform else step.text
        if text is None:
            continue
        number += 1
        lines.append(f"{number}. {escape.md_inline(loc.text(text))}")
        for image in step.images:
            if image.device and platform and image.device != platform:
                continue
            # the file of this language, else the default language's (a path, never marked as another language's text)
            src = image.src.values.get(loc.lang) or image.src.values.get(loc.project.site.default_language, "")
            target = staged_path(loc.project.root, src) if loc.project.root and src else None
            if target:
                lines += ["", f'    ![{escape.md_inline(loc.text(image.alt))}]({link(page, target)}){{ .cutover-step-image loading=lazy }}', ""]
        if step.result:
            lines.append("")
            lines.append(f"    *{loc.ui('guide.result')}:* {escape.md_inline(loc.text(step.result))}")
            lines.append("")
    lines.append("")
    return lines if number else []


def admonition(kind: str, title: str, text: str, collapsible: bool = False) -> list[str]:
    opener = "???" if collapsible else "!!!"
    return [f'{opener} {kind} "{escape.md_title(title)}"', "", markup.indent(escape.md_block(text)), ""]


def role_links(project: Project, role_ids: list[str], page: str, loc: Localizer) -> str:
    if "all" in role_ids:
        return loc.ui("faq.everyone")
    return ", ".join(f"[{escape.md_inline(loc.text(project.roles[r].name))}]({link(page, role_path(r))})"
                     for r in role_ids if r in project.roles)


def feature_link(project: Project, feature_id: str, page: str, loc: Localizer, anchor: str = "") -> str:
    feature = project.features[feature_id]
    return f"[{escape.md_inline(loc.text(feature.title))}]({link(page, guide_path(feature_id), anchor)})"


def scrambled(seed: str, items: list) -> list:
    """A stable order that is never the given (correct) order, so the page does not give the answer away."""
    keyed = sorted(items, key=lambda item: hashlib.sha256(f"{seed}:{_key(item)}".encode()).hexdigest())
    if len(keyed) > 1 and keyed == list(items):
        keyed = keyed[1:] + keyed[:1]
    return keyed


def _key(item) -> str:
    return item.id if isinstance(item, Option) else str(item[0])
