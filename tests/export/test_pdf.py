"""`cutover pdf`: manuals, quick-reference cards and quiz handouts and keys, printed by Chromium.

The PDFs are read back with pypdf: they exist per role and language, their text is selectable and in the
document's language, the card is one page, the manual's contents have the right page numbers, the handout
has no answers and the key has them all. One run prints every card of the shipped kit.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.catalog.load import load_project
from generator.export.pdf import edition
from generator.render.localize import Localizer

from support import FIXTURE, REPO, edit

LANGUAGES = ("en", "de", "es", "sv")
MANAGER = {"en": "Manager", "de": "Führungskraft", "es": "Responsable", "sv": "Chef"}


def cutover(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=1800)


def text(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def proj():
    return load_project(FIXTURE).project


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Every PDF of the fixture project, with the site built by the command itself."""
    out = tmp_path_factory.mktemp("pdf")
    run = cutover("pdf", "-p", str(FIXTURE), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    return out, run


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("pdf-site") / "site"
    run = cutover("build", "-p", str(FIXTURE), "-d", str(site))
    assert run.returncode == 0, run.stdout + run.stderr
    return site


@pytest.mark.browser  # prints with Chromium
def test_every_role_and_language_has_its_pdfs_with_progress(printed):
    out, run = printed
    agent = {f"{lang}/agent-{kind}.pdf" for lang in LANGUAGES for kind in ("manual", "card", "quiz-handout", "quiz-key")}
    manager = {f"{lang}/manager-{kind}.pdf" for lang in LANGUAGES for kind in ("manual", "card")}  # no quiz: no handout
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == agent | manager
    assert "pdf 1/24 " in run.stderr and "pdf 24/24 " in run.stderr and "de/manager manual" in run.stderr
    assert "24 PDF files written to" in run.stdout


@pytest.mark.browser  # prints with Chromium
@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_is_selectable_and_in_the_documents_language(printed, proj, lang):
    out, _ = printed
    loc = Localizer(proj, lang)
    for name in ("manager-manual", "manager-card", "agent-manual", "agent-quiz-handout"):
        reader = PdfReader(out / lang / f"{name}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == lang, name
    manual = "\n".join(text(out / lang / "manager-manual.pdf"))
    assert MANAGER[lang] in manual
    for heading in (loc.ui("pdf.contents"), loc.ui("role.features"), loc.ui("pdf.manual")):
        assert heading in manual, heading
    card = "\n".join(text(out / lang / "manager-card.pdf"))
    assert loc.ui("card.title", role=MANAGER[lang]) in card and loc.ui("card.tasks") in card
    assert PdfReader(out / lang / "manager-card.pdf").metadata.title == loc.ui("card.title", role=MANAGER[lang])


@pytest.mark.browser  # prints with Chromium
def test_german_manual_reads_german_on_every_page(printed):
    pages = text(printed[0] / "de" / "agent-manual.pdf")
    assert "Inhalt" in pages[0] and "Schulungshandbuch · Version" in pages[0]
    for number, page in enumerate(pages, 1):
        assert f"Seite {number} von {len(pages)}" in page  # the footer's page numbers


@pytest.mark.browser  # prints with Chromium
def test_manual_contents_give_the_page_each_section_starts_on(printed, proj):
    loc = Localizer(proj, "en")
    pages = text(printed[0] / "en" / "agent-manual.pdf")
    assert 1 < len(pages) < 200
    contents = pages[0]
    headings = [loc.ui("role.changes"), loc.ui("role.checklist"), loc.ui("role.features"), "2. Hold a call", loc.ui("role.faq")]
    for heading in headings:
        number = int(re.search(re.escape(heading) + r"\s*(\d+)\s*$", contents, re.M).group(1))
        assert number > 1
        assert heading in pages[number - 1], f"{heading!r} is not on page {number}"
    assert loc.ui("feedback.question") not in contents  # the feedback widget is not printed, so not listed


@pytest.mark.browser  # prints with Chromium
def test_every_card_is_exactly_one_page_and_every_manual_a_sane_length(printed):
    out, _ = printed
    for card in out.glob("*/*-card.pdf"):
        assert len(PdfReader(card).pages) == 1, card
    for manual in out.glob("*/*-manual.pdf"):
        assert 1 < len(PdfReader(manual).pages) < 200, manual


@pytest.mark.browser  # prints with Chromium
@pytest.mark.parametrize("lang", ["en", "de"])
def test_handout_has_no_answers_and_the_key_has_them_all(printed, proj, lang):
    loc = Localizer(proj, lang)
    quiz = proj.quizzes["basics"]
    handout = "\n".join(text(printed[0] / lang / "agent-quiz-handout.pdf"))
    key = "\n".join(text(printed[0] / lang / "agent-quiz-key.pdf"))
    assert loc.ui("pdf.handout") in handout and loc.ui("pdf.key") in key
    for question in quiz.questions:
        prompt = loc.text(question.prompt)
        assert prompt in handout and prompt in key
        explanation = loc.text(question.explanation)
        assert explanation not in handout and explanation in key
    for label in (loc.ui("quiz.correct_answer"), loc.ui("quiz.explanation")):
        assert label not in handout and label in key
    # a handout to fill in: headed with the quiz's own title and a name line, no trainer's text
    title = loc.text(quiz.title)
    assert f"{loc.ui('quiz.name')}:" in handout and f"{loc.ui('quiz.date')}:" in handout
    assert loc.ui("quiz.key_title", quiz=title) not in handout and loc.ui("quiz.key_title", quiz=title) in key
    assert loc.ui("quiz.key_intro")[:30] not in handout and loc.ui("quiz.key_intro")[:30] not in key


@pytest.mark.browser  # prints with Chromium
def test_letter_paper_from_a_built_site(fixture_site, tmp_path):
    run = cutover("pdf", "-p", str(FIXTURE), "--site", str(fixture_site), "--paper", "letter", "--lang", "sv",
                  "--role", "agent", "--kind", "card", "--kind", "manual", "-o", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in (tmp_path / "sv").iterdir()) == ["agent-card.pdf", "agent-manual.pdf"]
    for pdf in (tmp_path / "sv").iterdir():
        box = PdfReader(pdf).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # 8.5 × 11 in
    assert len(PdfReader(tmp_path / "sv" / "agent-card.pdf").pages) == 1


def test_version_and_date_come_from_the_site_or_the_package(project: Path):
    edit(project / "catalog/site.yaml", "variables:\n", 'variables:\n  document_version: "2.1"\n  document_date: 2027-02-20\n')
    assert edition(load_project(project).project, "de") == ("2.1", "20. Februar 2027")
    from importlib.metadata import version
    assert edition(load_project(FIXTURE).project, "sv", datetime.date(2027, 3, 1)) == (version("cutover-kb"), "1 mars 2027")


def test_bad_requests_are_explained_and_write_nothing(fixture_site, tmp_path):
    out = tmp_path / "out"
    run = cutover("pdf", "-p", str(FIXTURE), "--role", "nobody", "-o", str(out))
    assert run.returncode == 2 and "unknown 'nobody'; known: agent, manager" in run.stderr
    run = cutover("pdf", "-p", str(FIXTURE), "--lang", "fr", "-o", str(out))
    assert run.returncode == 2 and "unknown 'fr'; known: en, de, es, sv" in run.stderr
    run = cutover("pdf", "-p", str(FIXTURE), "--site", str(tmp_path), "-o", str(out))
    assert run.returncode == 1 and "holds no built site" in run.stderr
    run = cutover("pdf", "-p", str(FIXTURE), "--site", str(fixture_site), "--role", "manager", "--kind", "key", "-o", str(out))
    assert run.returncode == 1 and "nothing to print" in run.stderr
    run = cutover("pdf", "-p", str(FIXTURE), "--site", str(fixture_site), "--browser", str(tmp_path / "no-chrome"), "-o", str(out))
    assert run.returncode == 3 and "no browser could be started" in run.stderr
    assert not out.exists() or not any(out.rglob("*.pdf"))
    assert "Traceback" not in run.stderr


@pytest.mark.slow  # minutes: every card of the whole kit printed
@pytest.mark.browser  # prints with Chromium
def test_every_card_of_the_default_kit_fits_one_page_unscaled(tmp_path):
    run = cutover("pdf", "-p", str(REPO), "--kind", "card", "--jobs", "4", "-o", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "warning:" not in run.stderr  # no card had to be printed smaller to fit
    project = load_project(REPO).project
    cards = sorted(tmp_path.glob("*/*-card.pdf"))
    assert len(cards) == len(project.roles) * len(project.site.languages)
    for card in cards:
        lang, role = card.parent.name, card.name[: -len("-card.pdf")]
        assert len(PdfReader(card).pages) == 1, card
        loc = Localizer(project, lang)
        assert loc.ui("card.codes") in text(card)[0], card
        assert PdfReader(card).trailer["/Root"]["/Lang"] == lang
        assert project.roles[role].name.values[lang] in text(card)[0].replace("\n", " "), card
