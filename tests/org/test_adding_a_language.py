"""ORGANISATIONS.md, "Adding a language", followed literally in a site made with `cutover init`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.render.localize import Localizer

from support import REPO, tree_snapshot

pytestmark = pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop


def cutover(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=900, cwd=cwd)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("adding") / "phone-training"
    assert cutover("init", str(root), "--org-name", "Acme Ltd", "--languages", "en,de", cwd=root.parent).returncode == 0
    return root


def test_the_walkthrough(site: Path):
    guide = (REPO / "ORGANISATIONS.md").read_text("utf-8")
    assert "cutover new language pl" in guide
    mkdocs_before = (site / "mkdocs.yml").read_text("utf-8")
    run = cutover("new", "language", "pl", cwd=site)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[:4] == ["created locales/pl.yaml", "created catalog/site.pl.yaml",
                                           "updated catalog/site.yaml", "updated mkdocs.yml"]
    # catalog/site.yaml: pl added to languages, nothing else changes
    assert "languages: [en, de, pl]" in (site / "catalog/site.yaml").read_text("utf-8")
    # mkdocs.yml: the language's entry; comments and order stay
    mkdocs = (site / "mkdocs.yml").read_text("utf-8")
    assert mkdocs.startswith(mkdocs_before.split("\n\nmarkdown_extensions:")[0])
    assert '- locale: pl\n          name: "Polski"\n          build: true\n          site_name: "TODO: ' in mkdocs
    assert mkdocs.endswith(mkdocs_before.split("site_name: \"Acme Ltd: Schulung")[1].split("\n", 1)[1])
    # locales/pl.yaml: every interface string a TODO with the English behind it, every plural form; theme filled in
    strings = (site / "locales/pl.yaml").read_text("utf-8")
    assert '  roles: "TODO: Roles"' in strings
    assert re.search(r'  questions:\n    one: "TODO: \{count\} question"\n    few: .*\n    many: .*\n    other: ', strings)
    assert '"search.placeholder": "Szukaj"' in strings  # from Material for MkDocs' own Polish
    # catalog/site.pl.yaml: the site's texts, each a TODO
    assert 'helpdesk_hours: "TODO: Monday to Friday' in (site / "catalog/site.pl.yaml").read_text("utf-8")
    # How to check it: check names each string still in English; i18n status counts them, per page too
    check = cutover("check", cwd=site)
    assert check.returncode == 1  # the site texts' TODOs would show as "TODO"
    assert re.search(r"^catalog/site\.pl\.yaml:\d+:\d+: error: variables\.helpdesk_hours still holds the placeholder",
                     check.stderr, re.M)
    assert re.search(r"^locales/pl\.yaml:\d+:3: warning: interface string guide\.steps is not translated into pl",
                     check.stderr, re.M)
    assert re.search(r"^mkdocs\.yml:\d+:\d+: warning: the pl header title \(site_name\) is not translated", check.stderr, re.M)
    status = cutover("i18n", "status", "--lang", "pl", cwd=site).stdout
    assert re.search(r"^  locales/pl\.yaml +\d+ +\d{3} +0$", status, re.M)
    assert re.search(r"^  \d+ of \d+ pages show text in another language:$", status, re.M)


def test_a_language_is_added_once_and_a_bad_code_writes_nothing(site: Path):
    before = tree_snapshot(site)
    for code, message in (("de", "'de' is already a language"), ("xx", "not a language CLDR knows"),
                          ("polish", "not a language code")):
        run = cutover("new", "language", code, cwd=site)
        assert run.returncode == 1 and message in run.stderr and "Traceback" not in run.stderr
    assert tree_snapshot(site) == before


def test_your_own_words_for_the_interface(site: Path):
    """The example of "Your own words for the interface": one German term changes, every other stays."""
    example = re.search(r"```yaml\n# locales/de.yaml\n(.*?)```", (REPO / "ORGANISATIONS.md").read_text("utf-8"), re.S).group(1)
    (site / "locales/de.yaml").write_text(example, "utf-8")
    project = load_project(site).project
    loc = Localizer(project, "de")
    assert loc.ui("guide.steps") == "Arbeitsschritte" and loc.ui("guide.tips") == "Tipps"
