"""Non-breaking spaces where a line must not break (render/typography.py), on the built pages' Markdown."""

from pathlib import Path

import pytest

from generator.catalog.load import Layout, load_project
from generator.render.typography import NBSP, nonbreaking
from generator.site.stage import plan

from support import edit


def shown(text: str) -> str:
    return text.replace(NBSP, "␣")


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Am 10. März um 22:00 Uhr sind 80 % in 30 Minuten durch; Nebenstelle 4357 oder +49 30 901820 0",
     "Am 10.␣März um 22:00␣Uhr sind 80␣% in 30␣Minuten durch; Nebenstelle␣4357 oder +49␣30␣901820␣0"),
    ("es", "el 10 de marzo, de 8:00 a 18:00, 80 %, extensión 4357",
     "el 10␣de␣marzo, de 8:00 a 18:00, 80␣%, extensión␣4357"),
    ("sv", "den 10 mars kl. 22.00–02.00, 10 sekunder, anknytning 4357, 08-123 456 78",
     "den 10␣mars kl.␣22.00–02.00, 10␣sekunder, anknytning␣4357, 08-123␣456␣78"),
    ("en", "On March 10 dial \\*86 or extension 4357; 30 minutes; press 9 then 2",
     "On March␣10 dial␣\\*86 or extension␣4357; 30␣minutes; press 9 then 2"),
])
def test_numbers_stay_with_their_units_days_months_and_words(lang, text, expected):
    assert shown(nonbreaking(text, lang)) == expected


def test_code_spans_and_front_matter_keep_their_spaces():
    assert nonbreaking("`10 %` and\n```\n30 Minuten\n```\n", "de") == "`10 %` and\n```\n30 Minuten\n```\n"
    assert nonbreaking("---\ntitle: 10 März\n---\n10 März", "de") == f"---\ntitle: 10 März\n---\n10{NBSP}März"


def test_generated_and_hand_written_pages_get_them(project: Path):
    edit(project / "catalog/features/hold.de.yaml", "Drücken Sie **Halten**.", "Drücken Sie **Halten** (30 Sekunden).")
    files, _ = plan(load_project(project).project, Layout(project))
    assert f"(30{NBSP}Sekunden)" in files["de/guides/hold.md"].decode()
    assert f"10.{NBSP}März{NBSP}2027" in files["de/about.md"].decode()  # a date variable, written out by Babel
