"""The default site in German, Spanish and Swedish: theme chrome in the page's language, one 404 page per
language, every count in its plural form, and nothing marked as shown in another language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.strings import plurals
from generator.strings.files import package_layer, reference

from support import REPO

LANGUAGES = ("de", "es", "sv")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("theme-strings") / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(REPO), "-d", str(out)],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def _pages(site: Path, lang: str) -> list[Path]:
    return sorted((site / lang).rglob("*.html"))


def _texts(page: Path) -> list[str]:
    """The page's text nodes (a count and its noun are one: "10 Fragen"), scripts left out."""
    html = re.sub(r"<script\b.*?</script>", "<>", page.read_text("utf-8"), flags=re.S)
    return [" ".join(node.split()) for node in re.split(r"<[^>]*>", html) if re.search(r"\d", node)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_holds_material_or_toc_english(site: Path, lang: str):
    pages = _pages(site, lang)
    assert len(pages) > 100
    for page in pages:
        html = page.read_text("utf-8")
        for english in ("Permanent link", "Made with", "Not found", "Skip to content", "Back to top", "Go to repository"):
            assert english not in html, (page, english)
        assert 'class="cutover-fallback' not in html, page  # nothing shown in another language


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_heading_anchor_and_the_footer_speak_the_language(site: Path, lang: str):
    html = (site / lang / "guides" / "hold-resume" / "index.html").read_text("utf-8")
    strings = package_layer(lang)
    assert f'title="{strings["chrome.permalink"].value}"' in html
    assert strings["chrome.made_with"].value.replace("{material}", "").strip() in html
    assert f'placeholder="{strings["theme.search.placeholder"].value}"' in html
    assert f'aria-label="{strings["theme.header"].value}"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_404_page(site: Path, lang: str):
    page = (site / lang / "404.html").read_text("utf-8")
    assert f'<html lang="{lang}"' in page and package_layer(lang)["chrome.not_found_title"].value in page
    assert f'src="/{lang}/../assets/' not in page  # site-absolute links: served at any depth
    root = (site / "404.html").read_text("utf-8")
    assert '<html lang="en"' in root and 'data-languages="de es sv"' in root  # sends /de/… readers to theirs


def _counted_forms(lang: str) -> list[tuple[set[str], re.Pattern]]:
    """(categories, pattern finding the number) of every distinct form of every counted string of ``lang``."""
    found = []
    for key in reference():
        value = package_layer(lang)[key].value
        if isinstance(value, dict) and not key.startswith("runtime.") and len(set(value.values())) > 1:
            for form in set(value.values()):
                if "{count}" in form:
                    literal = re.escape(form).replace(re.escape("{count}"), r"(\d+)")
                    literal = re.sub(r"\\\{\w+\\\}", r"\\S+", literal)
                    found.append(({c for c, f in value.items() if f == form}, re.compile(rf"(?<![\w]){literal}(?!\w)")))
    return found


@pytest.mark.parametrize("lang", ("en",) + LANGUAGES)
def test_every_count_takes_its_plural_form(site: Path, lang: str):
    pages = _pages(site, lang) if lang != "en" else [p for p in site.rglob("*.html") if p.parts[len(site.parts)] not in LANGUAGES]
    forms = _counted_forms(lang)
    seen = 0
    for page in pages:
        for text, (category, pattern) in ((t, f) for t in _texts(page) for f in forms):
            for match in pattern.finditer(text):
                seen += 1
                assert plurals.category(lang, int(match.group(1))) in category, (page, match.group(0))
    assert seen >= 20  # roles and their features, quizzes and their questions, guides and their minutes
