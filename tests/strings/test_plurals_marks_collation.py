"""Plural forms by CLDR, marks around text in another language, collation by the language's alphabet."""

from __future__ import annotations

import pytest

from generator.strings import marks, plurals
from generator.strings.collation import sorted_by


@pytest.mark.parametrize("lang, counts", [
    ("en", {1: "one", 2: "other", 0: "other"}),
    ("pl", {1: "one", 2: "few", 4: "few", 5: "many", 12: "many", 22: "few", 25: "many"}),
    ("sv", {1: "one", 3: "other"}),
    ("es", {1: "one", 2: "other", 1000000: "many"}),
])
def test_a_count_takes_its_cldr_category(lang, counts):
    assert {n: plurals.category(lang, n) for n in counts} == counts


def test_the_categories_a_language_needs():
    assert plurals.categories("pl") == ("one", "few", "many", "other")
    assert plurals.categories("de") == ("one", "other")
    assert plurals.categories("ja") == ("other",)


def test_marked_text_becomes_lang_attributes_and_valid_html():
    page = ("<title>" + marks.mark("Hold", "en") + "</title><p>" + marks.mark("Press <strong>Hold</strong>, then "
            + marks.mark("Zawieś", "pl") + ".", "en") + "</p><a title=\"" + marks.mark("x", "en") + "\">y</a>"
            "<select><option>" + marks.mark("One", "en") + "</option></select>")
    out = marks.to_html(page, "pl")
    assert out == ('<title>Hold</title><p><span lang="en" class="cutover-fallback">Press </span><strong>'
                   '<span lang="en" class="cutover-fallback">Hold</span></strong><span lang="en" class="cutover-fallback">'
                   ', then </span>Zawieś<span lang="en" class="cutover-fallback">.</span></p><a title="x">y</a>'
                   '<select><option>One</option></select>')


def test_right_to_left_page_marks_english_left_to_right():
    assert marks.to_html("<p>" + marks.mark("Steps", "en") + "</p>", "ar") == \
        '<p><span lang="en" dir="ltr" class="cutover-fallback">Steps</span></p>'


def test_writers_text_cannot_forge_marks():
    assert marks.strip("a\ue000en\ue001b\ue002c") == "abc"


def test_swedish_sorts_a_ring_and_umlauts_after_z():
    words = ["Ödla", "zebra", "Ål", "ärta", "apa", "Avgift", "öra"]
    assert sorted_by(words, "sv", str) == ["apa", "Avgift", "zebra", "Ål", "ärta", "Ödla", "öra"]


def test_german_sorts_umlauts_with_their_base_letter():
    words = ["Zebra", "Übung", "Ufer", "Öl", "Ofen", "Äpfel", "Apfel"]
    assert sorted_by(words, "de", str) == ["Apfel", "Äpfel", "Ofen", "Öl", "Übung", "Ufer", "Zebra"]


def test_marks_and_numbers_do_not_disturb_the_order():
    assert sorted_by([marks.mark("Step 10", "en"), "Step 2", "Step 1"], "en", str)[0] == "Step 1"
    assert marks.strip(sorted_by([marks.mark("Step 10", "en"), "Step 2"], "en", str)[0]) == "Step 2"
