"""The posters' QR code, as Chromium draws it, decodes (zxing-cpp) to the site's address in the poster's language;
the poster is in the organisation's colours."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page

from generator.verify.server import serve
from support import FIXTURE, edit

pytestmark = pytest.mark.browser
ADDRESS = "https://kb.example.org/phones/"


@pytest.fixture(scope="module")
def poster_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("poster-qr") / "project"
    shutil.copytree(FIXTURE, root)
    edit(root / "catalog" / "site.yaml", "  cutover_date: 2027-03-10\n", f"  cutover_date: 2027-03-10\n  site_url: {ADDRESS}\n")
    edit(root / "catalog" / "site.yaml", "languages:", "branding:\n  primary: '#7a1f3d'\nlanguages:")
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(root), "-d", str(root / "site")],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    server, url = serve(root / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("lang, address", [("en", ADDRESS), ("de", ADDRESS + "de/")])
def test_the_qr_code_decodes_to_the_site_in_the_posters_language(page: Page, poster_site: str, lang, address):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{poster_site}/{'' if lang == 'en' else lang + '/'}project/posters/help/")
    image = page.locator(".cutover-poster__qr svg").screenshot()
    colour = page.evaluate("getComputedStyle(document.querySelector('.cutover-poster')).borderTopColor")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(image)))
    assert [code.text for code in found] == [address]
    assert colour == "rgb(122, 31, 61)"  # the organisation's primary colour
