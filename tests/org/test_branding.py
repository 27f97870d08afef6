"""Branding from catalog/site.yaml: logo, favicon, colours and footer text, without editing templates."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from support import FIXTURE, make_org

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'
BRANDING = """branding:
  logo: branding/acme-logo.svg
  favicon: branding/icon.png
  primary: "#0b5394"
  accent: "#E69138"
  footer: "{{ org_name }} <script>alert(1)</script> internal training"
variables:
  org_name: Acme & Sons
"""


def org(tmp_path: Path, branding: str = BRANDING) -> Path:
    kit = tmp_path / "kit"
    shutil.copytree(FIXTURE, kit)
    return make_org(tmp_path / "org", kit, branding, {
        "branding/acme-logo.svg": LOGO, "branding/icon.png": "not really a png, but a file",
        "catalog/site.de.yaml": 'branding:\n  footer: "Interne Schulung von {{ org_name }}"\n'})


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = org(tmp_path_factory.mktemp("branding"))
    out = root.parent / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(root), "-d", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr + run.stdout
    return out


def page(site: Path, rel: str) -> str:
    return (site / rel).read_text("utf-8")


def test_logo_and_favicon_come_from_the_organisation(site: Path) -> None:
    home = page(site, "de/guides/dial/index.html")
    assert re.search(r'<img src="(\.\./)+assets/brand/logo\.svg" alt="Logo"', home)  # the text alternative in German
    assert re.search(r'<link rel="icon" href="(\.\./)+assets/brand/favicon\.png"', home)
    assert (site / "assets/brand/logo.svg").read_text("utf-8") == LOGO


def test_colours_are_css_custom_properties_on_every_page(site: Path) -> None:
    css = page(site, "assets/brand/brand.css")
    assert "--md-primary-fg-color: #0b5394;" in css and "--md-accent-fg-color: #E69138;" in css
    for rel in ("index.html", "sv/roles/agent/index.html"):
        assert re.search(r'<link rel="stylesheet" href="(\.\./)*assets/brand/brand\.css"', page(site, rel))


def test_footer_text_is_translated_and_inert(site: Path) -> None:
    en, de = page(site, "index.html"), page(site, "de/index.html")
    assert "Acme &amp; Sons &lt;script&gt;alert(1)&lt;/script&gt; internal training" in en
    assert "<script>alert(1)" not in en
    assert "Interne Schulung von Acme &amp; Sons" in de
    assert "Acme &amp; Sons &lt;script&gt;" in page(site, "es/index.html")  # no translation: the default text


@pytest.mark.parametrize("setting, message", [
    ("logo: branding/missing.svg", "logo file 'branding/missing.svg' not found"),
    ("logo: ../outside.svg", "the logo must be a file inside the project"),
    ("favicon: mkdocs.yml", "the favicon must be one of .svg, .png, .ico"),
    ('primary: "blue"', "colour"),
])
def test_bad_branding_is_a_located_error(tmp_path: Path, setting: str, message: str) -> None:
    root = org(tmp_path, f"branding:\n  {setting}\n")
    result = CliRunner().invoke(main, ["check", "-p", str(root)])
    assert result.exit_code == 1
    assert re.search(rf"catalog/site\.yaml:4:\d+: error: .*{re.escape(message)}", result.output), result.output
    assert "Traceback" not in result.output
