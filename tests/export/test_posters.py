"""Posters: one page each on A4 and A3, in the poster's language (the QR code is decoded in
tests/browser/test_poster_qr.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

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
