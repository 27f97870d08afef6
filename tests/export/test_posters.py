"""Posters: one page each on A4 and A3, in the poster's language, in the organisation's colours, with a QR code that
a decoder reads as the site's address in that language."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from generator.verify.server import serve
from support import FIXTURE, edit

pytestmark = pytest.mark.browser
ADDRESS = "https://kb.example.org/phones/"


def cutover(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("posters") / "project"
    shutil.copytree(FIXTURE, root)
    edit(root / "catalog" / "site.yaml", "  cutover_date: 2027-03-10\n",
         f"  cutover_date: 2027-03-10\n  site_url: {ADDRESS}\n  helpdesk_phone: '+44 20 7946 0100'\n"
         "  helpdesk_extension: '4357'\n  helpdesk_email: help@example.org\n  helpdesk_hours: 8 to 18\n"
         "  help_point: reception\n  desktop_app: NewTel Desktop\n")
    edit(root / "catalog" / "site.yaml", "languages:", "branding:\n  primary: '#7a1f3d'\nlanguages:")
    run = cutover("build", "-p", str(root), "-d", str(root / "site"))
    assert run.returncode == 0, run.stderr
    return root


@pytest.mark.parametrize("paper, size", [("a4", (595, 842)), ("a3", (842, 1191))])
def test_one_page_per_poster_in_its_language(project, tmp_path, paper, size):
    run = cutover("pdf", "-p", str(project), "--site", str(project / "site"), "--kind", "poster", "--paper", paper,
                  "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    files = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.pdf"))
    assert files == [f"{lang}/{poster}-poster.pdf" for lang in ("de", "en", "es", "sv") for poster in ("go-live", "help")]
    for name, words in {"de/go-live-poster.pdf": "Fixture Ltd stellt auf NewTel um", "sv/help-poster.pdf": "Behöver du hjälp med NewTel?",
                        "en/help-poster.pdf": "+44 20 7946 0100"}.items():
        reader = PdfReader(tmp_path / "out" / name)
        assert len(reader.pages) == 1, name
        box = reader.pages[0].mediabox
        assert abs(float(box.width) - size[0]) < 2 and abs(float(box.height) - size[1]) < 2
        assert words in " ".join(reader.pages[0].extract_text().split()), name


@pytest.mark.parametrize("lang, address", [("en", ADDRESS), ("de", ADDRESS + "de/")])
def test_the_qr_code_decodes_to_the_site_in_the_posters_language(project, lang, address):
    from playwright.sync_api import sync_playwright

    server, base = serve(project / "site")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium")
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"{base}/{'' if lang == 'en' else lang + '/'}project/posters/help/")
            image = page.locator(".cutover-poster__qr svg").screenshot()
            colour = page.evaluate("getComputedStyle(document.querySelector('.cutover-poster')).borderTopColor")
            browser.close()
    finally:
        server.shutdown()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(image)))
    assert [code.text for code in found] == [address]
    assert colour == "rgb(122, 31, 61)"  # the organisation's primary colour
