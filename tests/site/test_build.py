"""A full `mkdocs build --strict` of the fixture project, straight through MkDocs."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.pagehtml import plain_headings

from support import FIXTURE, edit, tree_snapshot


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    before = tree_snapshot(FIXTURE)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(FIXTURE / "mkdocs.yml"), "-d", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert tree_snapshot(FIXTURE) == before, "mkdocs build wrote into the project"
    return out


def html(site: Path, page: str) -> str:
    return (site / page).read_text("utf-8")


def test_pages_in_every_language(site: Path):
    assert re.search(r"<h1[^>]*>Make a call", html(site, "guides/dial/index.html"))
    assert re.search(r"<h1[^>]*>Anruf tätigen", html(site, "de/guides/dial/index.html"))
    assert re.search(r"<h1[^>]*>Hacer una llamada", html(site, "es/guides/dial/index.html"))
    assert re.search(r"<h1[^>]*>Ringa ett samtal", html(site, "sv/guides/dial/index.html"))


def test_published_pages_carry_no_repository_link_or_edit_pencil(site: Path):
    """Readers of the published site are not writers: no repository link, no edit pencil (source_links is off)."""
    for page in ("index.html", "de/guides/dial/index.html", "about/index.html", "roles/" + sorted(p.name for p in (site / "roles").iterdir() if p.is_dir())[0] + "/index.html"):
        text = html(site, page)
        assert "git.example.org" not in text and "md-content__button" not in text and "md-source" not in text, page


def test_edit_link_points_at_the_yaml_source_when_turned_on(project: Path, tmp_path: Path):
    """``source_links: true`` in catalog/site.yaml: the organisation's readers are its writers, every page links to its source."""
    edit(project / "catalog/site.yaml", "languages: [en, de, es, sv]", "languages: [en, de, es, sv]\nsource_links: true")
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert 'href="https://git.example.org/fixture/kb/edit/main/catalog/features/dial.yaml"' in html(out, "de/guides/dial/index.html")
    assert 'href="https://git.example.org/fixture/kb/edit/main/docs/en/about.md"' in html(out, "about/index.html")
    assert "md-source" in html(out, "index.html")


def test_navigation_sections_are_translated(site: Path):
    de = html(site, "de/index.html")
    assert ">Rollen<" in de or "Rollen\n" in de
    assert "Anleitungen" in de


def test_glossary_tooltips_in_text_never_in_headings(site: Path):
    page = html(site, "glossary/index.html")
    assert '<h2 id="pbx">PBX</h2>' in page  # the term's own heading: no dotted underline
    assert all("<abbr" not in heading for heading in re.findall(r"<h[1-6]\b.*?</h[1-6]>", page, re.S))
    fixed = plain_headings('<h2 id="x">The <abbr title="t">PBX</abbr></h2><p>A <abbr title="t">PBX</abbr>.</p>')
    assert fixed == '<h2 id="x">The PBX</h2><p>A <abbr title="t">PBX</abbr>.</p>'  # text keeps its tooltips


def test_quiz_answers_are_in_details(site: Path):
    page = html(site, "quizzes/basics/index.html")
    assert page.count('<details class="success">') == 5 and "Show the answer" in page
    assert page.count('<details class="tip">') == 1  # the one hint
    key = html(site, "quizzes/keys/basics/index.html")  # the trainer's key shows the answers, collapsed nowhere
    assert "<details" not in key and key.count('class="cq-key-answer"') == 5


def test_no_external_resources(site: Path):
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', text), page


def test_scenario_pages_and_their_navigation_section(site: Path):
    assert re.search(r"<h1[^>]*>Ihr erster Anruf am Umstellungstag", html(site, "de/scenarios/first-call-on-cutover-day/index.html"))
    assert re.search(r"<h1[^>]*>Situaciones reales", html(site, "es/scenarios/index.html"))
    sv = html(site, "sv/roles/agent/index.html")
    assert 'id="scenarios"' in sv and 'href="../../scenarios/customer-waits-on-hold/"' in sv
    assert "Praxissituationen" in html(site, "de/scenarios/index.html")  # the translated navigation section


def test_each_page_shows_when_its_sources_last_changed(site: Path):
    """From the git history of the page's definition (the same commit always gives the same pages)."""
    day = subprocess.run(["git", "-C", str(FIXTURE), "log", "-1", "--format=%cs", "--", "catalog/features/dial.yaml"],
                         capture_output=True, text=True).stdout.strip()
    page = html(site, "guides/dial/index.html")
    assert f'<p class="cutover-updated"><time datetime="{day}">Last changed: ' in page
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">Zuletzt geändert: \d', html(site, "de/about/index.html"))
