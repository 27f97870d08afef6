"""The quick-reference card per role (render/card.py) and the role manual's link and print bar."""

import re
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.render import page_markdown, render_pages
from generator.render.card import key_step, render_card, render_cards_index
from generator.render.localize import Localizer
from generator.render.role import render_role

from support import FIXTURE, edit


@pytest.fixture(scope="module")
def proj():
    return load_project(FIXTURE).project


def md(page) -> str:
    return "\n".join(page.body)


def test_a_card_per_role_in_every_language_with_the_translated_title(proj):
    titles = {"en": "Quick-reference card: Manager", "de": "Kurzanleitung: Führungskraft",
              "es": "Guía rápida: Responsable", "sv": "Snabbguide: Chef"}
    for lang, title in titles.items():
        pages = {p.path: p for p in render_pages(proj, lang)}
        assert {"cards/index.md", "cards/agent.md", "cards/manager.md"} <= set(pages)
        card = pages["cards/manager.md"]
        assert card.title == title and card.hide_toc and card.source == "catalog/roles/manager.yaml"
        assert f"# {title}" in page_markdown(proj, card, lang)


def test_card_lists_the_role_features_in_training_order_one_row_each(proj):
    text = md(render_card(proj, proj.roles["agent"], Localizer(proj, "en")))
    rows = [re.sub(r'<span class="twemoji cutover-device" data-device="\w+" aria-hidden="true"><svg .*?</svg></span> ', "[icon] ", line)
            for line in text.splitlines() if line.startswith("| [")]
    assert rows == ["| [Make a call](../guides/dial.md) | [icon] *Desktop app:* Click **Call**. |",
                    "| [Hold a call](../guides/hold.md) | Press **Hold**. |"]
    assert "| Task | How to do it |" in text and "{#tasks}" in text
    de = md(render_card(proj, proj.roles["agent"], Localizer(proj, "de")))
    assert "</svg></span> *Desktop-App:* Klicken Sie auf **Anrufen**. |" in de


def test_key_step_is_the_first_platform_step_that_names_a_control(project: Path):
    edit(project / "catalog/features/dial.yaml", "steps:\n", "steps:\n  - text: Tell the caller.\n"
         "  - desktop: A pop-up appears.\n    mobile: The phone rings.\n")
    loaded = load_project(project).project
    platform, text = key_step(loaded.features["dial"], "en")
    assert platform == "desktop" and text.values["en"] == "Click **Call**."
    edit(project / "catalog/features/dial.yaml", "Click **Call**.", "Click Call.")
    platform, text = key_step(load_project(project).project.features["dial"], "en")
    assert text.values["en"] == "A pop-up appears."  # no control named anywhere: the first platform step


def test_card_shows_contacts_always_and_a_feature_code_only_where_the_role_uses_it(project: Path):
    edit(project / "catalog/site.yaml", "variables:\n", 'variables:\n  helpdesk_phone: "+44 20 7946 0100"\n'
         '  helpdesk_email: help@example.org\n  park_code: "*68"\n  pickup_code: "*8"\n')
    edit(project / "catalog/features/hold.yaml", "Press **Hold**.", "Press **Hold**, or dial {{ park_code }}.")
    loaded = load_project(project).project
    agent = md(render_card(loaded, loaded.roles["agent"], Localizer(loaded, "de")))
    codes = agent.split("{#codes}")[1]
    assert "Helpdesk\n:   **+44\u00a020\u00a07946\u00a00100**" in codes  # a phone number never breaks
    assert "Helpdesk per E-Mail\n:   [help@example.org](mailto:help@example.org)" in codes
    assert "Anruf parken, geparkten Anruf heranholen\n:   **\\*68**" in codes  # literal, not emphasis
    assert "Portierungsnacht\n:   **10.\u00a0März\u00a02027**" in codes
    assert "\\*8" not in codes  # no text of the role uses the pickup code
    manager = md(render_card(loaded, loaded.roles["manager"], Localizer(loaded, "de")))
    assert "**+44\u00a020\u00a07946\u00a00100**" in manager and "\\*68" not in manager  # the manager has no hold feature


def test_role_manual_links_its_card_and_offers_a_print_button(proj):
    text = md(render_role(proj, proj.roles["agent"], Localizer(proj, "de")))
    assert '<div class="cutover-print-bar" data-print-label="Drucken" markdown="1">' in text
    assert "[Kurzanleitung: Ihre Aufgaben und Nummern auf einer Seite](../cards/agent.md)" in text
    assert text.index("cutover-print-bar") < text.index("{#changes}")
    assert "[Vollständige Anleitung öffnen](../guides/dial.md){ .cutover-screen-only }" in text  # hidden on paper
    card = md(render_card(proj, proj.roles["agent"], Localizer(proj, "sv")))
    assert 'data-print-label="Skriv ut"' in card and "[Öppna hela handboken](../roles/agent.md)" in card


def test_cards_index_lists_every_role(proj):
    page = render_cards_index(proj, Localizer(proj, "es"))
    assert page.title == "Guías rápidas"
    assert "- [Agente](agent.md)" in md(page) and "- [Responsable](manager.md)" in md(page)


def test_a_features_card_text_replaces_the_key_step_in_every_language(project: Path):
    edit(project / "catalog/features/dial.yaml", "summary:", "card: \"**Call**, or type the number and press **Enter**.\"\nsummary:")
    edit(project / "catalog/features/dial.de.yaml", "summary:", "card: \"**Anrufen**, oder Nummer eingeben und **Enter** drücken.\"\nsummary:")
    proj = load_project(project).project
    rows = lambda lang: [line for line in md(render_card(proj, proj.roles["agent"], Localizer(proj, lang))).splitlines()
                         if line.startswith("| [")]
    assert rows("en")[0] == "| [Make a call](../guides/dial.md) | **Call**, or type the number and press **Enter**. |"
    assert rows("de")[0] == "| [Anruf tätigen](../guides/dial.md) | **Anrufen**, oder Nummer eingeben und **Enter** drücken. |"
    # Spanish has no translation yet: the English card text, like any untranslated text (the page says so).
    assert rows("es")[0].endswith("| **Call**, or type the number and press **Enter**. |")
    assert rows("en")[1] == "| [Hold a call](../guides/hold.md) | Press **Hold**. |"  # no card text: the key step


def test_a_value_that_stands_alone_on_the_card_starts_with_a_capital(project: Path):
    edit(project / "catalog/site.yaml", "variables:\n", "variables:\n  helpdesk_hours: weekdays, 8:00 to 18:00\n")
    edit(project / "catalog/site.es.yaml", "variables:\n", "variables:\n  helpdesk_hours: de lunes a viernes\n")
    proj = load_project(project).project
    assert ":   **De lunes a viernes**" in md(render_card(proj, proj.roles["agent"], Localizer(proj, "es")))
    assert ":   **Weekdays, 8:00 to 18:00**" in md(render_card(proj, proj.roles["agent"], Localizer(proj, "en")))
