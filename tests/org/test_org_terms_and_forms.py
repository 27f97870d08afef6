"""ORGANISATIONS.md, "Your name in German …" and "Your own terms", followed literally on an organisation over the kit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.authoring.terminology import check_terminology
from generator.catalog.load import Layout, load_project
from generator.site.stage import plan

from support import REPO, make_org

GUIDE = (REPO / "ORGANISATIONS.md").read_text("utf-8")


def yaml_block(after: str) -> str:
    section = GUIDE.split(after, 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


@pytest.fixture(scope="module")
def acme(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("forms") / "acme"
    make_org(root, REPO, site='variables:\n  org_name: "Acme GmbH"\n', languages=("en", "de"))
    # The guide's example, right-hand column: the forms of "Acme GmbH".
    block = yaml_block("### Your name in German, Spanish and Swedish sentences")
    forms = "\n".join(line.split("#", 1)[1].strip() and "      " + line.split("#", 1)[1].strip()
                      if line.lstrip().startswith(("nom", "akk", "dat", "gen")) else line.split("#", 1)[0].rstrip()
                      for line in block.splitlines() if not line.startswith("#"))
    (root / "catalog" / "site.de.yaml").write_text(forms + "\n", "utf-8")
    terms = root / "catalog" / "terminology"
    terms.mkdir()
    (terms / "de.yaml").write_text(yaml_block("### Your own terms"), "utf-8")
    return root


def test_the_organisations_forms_are_used_in_the_kits_german_sentences(acme: Path):
    loaded = load_project(acme)
    assert loaded.project.site.variables["org_name"]["de"].forms["dat"] == "der Acme GmbH"
    files, staged = plan(loaded.project, Layout(acme))
    assert not [w for w in staged.warnings if "org_name" in w.message]
    role = files["de/roles/receptionist.md"].decode("utf-8")
    assert "Hauptnummer der Acme GmbH" in role and "Northwind" not in role


def test_the_organisations_term_list_extends_the_kits(acme: Path):
    found = check_terminology(load_project(acme).project, acme)
    ours = [p for p in found if p.hint.startswith("term list catalog/terminology/de.yaml")]
    assert ours and all(p.message.endswith("use 'Sprachbox'") for p in ours)
    assert any(p.path.startswith("kit:") for p in ours)  # kit texts that use the word, to override
