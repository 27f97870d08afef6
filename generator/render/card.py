"""One quick-reference card per role: its tasks with their card text (or key step), and the codes and numbers it needs.

The card is a normal page on screen and exactly one A4 page on paper (``assets/print.css``); the
role manual links to it, and both carry a print button (``assets/print.js``).
"""

from __future__ import annotations

import dataclasses

from generator.catalog.feedback import is_address
from generator.catalog.model import Feature, Project, Role, Text
from generator.catalog.variables import PLACEHOLDER, format_value, markdown_escape, value_for
from generator.render import escape
from generator.render.common import CARDS_INDEX, Page, card_path, device_icon, device_name, guide_path, heading, link, role_path
from generator.render.localize import Localizer
from generator.render.typography import nonbreaking

#: Site variables the card shows, in this order, each labelled by ``card.code.<name>``. Contacts are on every
#: card; a feature code only on the cards of roles whose texts use it (``{{ park_code }}`` in a step, say).
CONTACTS = ("emergency_number", "helpdesk_phone", "helpdesk_extension", "helpdesk_email", "helpdesk_hours", "help_point",
            "cutover_date")
FEATURE_CODES = ("voicemail_code", "park_code", "pickup_code", "dnd_code", "forward_code")


def render_card(project: Project, role: Role, loc: Localizer) -> Page:
    path = card_path(role.id)
    body = [print_bar(loc, loc.ui("card.manual"), link(path, role_path(role.id))), "",
            '<div class="cutover-card" markdown="1">', "", escape.md_block(loc.ui("card.intro")), "",
            heading(2, loc.ui("card.tasks"), "tasks"), "",
            f"| {loc.ui('card.task')} | {loc.ui('card.how')} |", "| --- | --- |"]
    for fid in role.features:
        feature = project.features[fid]
        if feature.card:  # the writer's own card text: every device the task needs, in their words
            how = escape.md_cell(loc.text(feature.card))
        else:
            device, step = key_step(feature, project.site.default_language)
            how = escape.md_cell(loc.text(step))
            if device is not None:
                how = f"{device_icon(device, loc)}*{escape.md_cell(device_name(device, loc))}:* {how}"
        title = f"[{escape.md_cell(loc.text(feature.title))}]({link(path, guide_path(fid))})"
        body.append(f"| {title} | {how} |")
    body.append("")
    codes = card_codes(project, role)
    if codes:
        body += [heading(2, loc.ui("card.codes"), "codes"), ""]
        for name in codes:
            body += [loc.ui(f"card.code.{name}"), f":   {_value(project, name, loc.lang)}", ""]
    body += ["</div>", ""]
    return Page(path, loc.ui("card.title", role=loc.text(role.name)), body, role.source, hide_toc=True)


def render_cards_index(project: Project, loc: Localizer) -> Page:
    body = [escape.md_block(loc.ui("card.index_intro")), ""]
    body += [f"- [{escape.md_inline(loc.text(role.name))}]({link(CARDS_INDEX, card_path(role.id))})" for role in project.roles.values()]
    return Page(CARDS_INDEX, loc.ui("card.index_title"), body + [""], project.site.source)


def print_bar(loc: Localizer, label: str, target: str) -> str:
    """A link to the page's counterpart (manual ↔ card); print.js adds a Print button in front of it."""
    button = escape.html_attribute(loc.ui("print.button"))
    return (f'<div class="cutover-print-bar" data-print-label="{button}" markdown="1">\n\n'
            f"[{escape.md_inline(label)}]({target})\n\n</div>")


def key_step(feature: Feature, default_language: str) -> tuple[str | None, Text]:
    """The step a card shows when the feature has no ``card`` text, on its first device in the feature's tab order.

    The first step that differs by platform and names a control (**Hold**): the action itself, not the "tell
    the caller" around it nor a "when it rings" that only describes. Else the first step that differs by
    platform; else the first step. Chosen on the default language's text, so every language shows the same step.
    """
    candidates = []
    for step in feature.steps:
        platform = next((p for p in feature.platforms if p in step.variants), None)
        if platform is not None:
            candidates.append((platform, step.variants[platform]))
    for platform, text in candidates:
        if "**" in text.values.get(default_language, ""):
            return platform, text
    if candidates:
        return candidates[0]
    first = feature.steps[0]
    return None, first.text or next(iter(first.variants.values()))


#: card_codes of the project rendered last, by role: the same in every language, and slow to find (it reads every
#: text of the role's features), so found once per role rather than once per role and language.
_CODES: tuple[object, dict[str, list[str]]] = (None, {})


def card_codes(project: Project, role: Role) -> list[str]:
    """The variables on a role's card: contacts always, feature codes where the role's texts use them."""
    global _CODES
    if _CODES[0] is not project:
        _CODES = (project, {})
    if role.id not in _CODES[1]:
        _CODES[1][role.id] = _card_codes(project, role)
    return list(_CODES[1][role.id])


def _card_codes(project: Project, role: Role) -> list[str]:
    used = {match.group("name") for text in _texts([role] + [project.features[f] for f in role.features])
            for raw in text.values.values() for match in PLACEHOLDER.finditer(raw)}
    variables = project.site.variables
    return [name for name in CONTACTS + FEATURE_CODES
            if name in variables and (name in CONTACTS or name in used)]


def _value(project: Project, name: str, lang: str) -> str:
    site = project.site
    value = format_value(value_for(site.variables, name, lang, site.default_language), lang)
    if is_address(value):  # an e-mail address: a link on screen, the address on paper
        return escape.md_link(markdown_escape(value), f"mailto:{value}")
    # Values are written to stand inside sentences ("de lunes a viernes", "der Infopunkt …"); alone on the card
    # they start a line.
    return f"**{nonbreaking(markdown_escape(value[:1].upper() + value[1:]), lang)}**"


def _texts(values) -> list[Text]:
    found: list[Text] = []
    for value in values:
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            found += _texts(value)
        elif isinstance(value, dict):
            found += _texts(value.values())
        elif dataclasses.is_dataclass(value):
            found += _texts(getattr(value, f.name) for f in dataclasses.fields(value))
    return found
