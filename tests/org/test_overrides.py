"""An organisation's own files change the kit: overrides, hidden items, additions, and upgrades that keep them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.errors import CutoverError

from support import FIXTURE, edit, make_org


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A kit: a copy of the fixture project (tests may change it, as a newer kit would)."""
    target = tmp_path / "kit"
    shutil.copytree(FIXTURE, target)
    return target


def errors(root: Path) -> list[str]:
    with pytest.raises(CutoverError) as info:
        load_project(root)
    return [p.format() for p in info.value.problems]


def text(value, lang: str = "en") -> str:
    return value.values[lang]


OVERRIDE = """id: hold
steps:
  - text: Press the green **Park** key.
extend:
  troubleshooting:
    - problem: The key is grey.
      solution: Call {{ org_name }} support.
"""
OVERRIDE_DE = """id: hold
steps:
  - text: Drücken Sie die grüne Taste **Parken**.
extend:
  troubleshooting:
    - problem: Die Taste ist grau.
      solution: Rufen Sie den Support von {{ org_name }} an.
"""


def test_the_kit_shows_through_an_organisation_with_only_settings(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "variables:\n  org_name: Acme\n")
    project = load_project(org).project
    assert set(project.roles) == {"agent", "manager"} and set(project.features) == {"dial", "hold"}
    assert project.site.variables["org_name"] == {"en": "Acme"}  # the organisation's value wins
    assert project.site.variables["hours"]["de"] == "werktags"  # the kit's translated values stay
    assert project.features["hold"].source == f"kit:{kit}/catalog/features/hold.yaml"


def test_an_override_replaces_steps_and_extends_lists_in_every_language(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, files={"catalog/overrides/features/hold.yaml": OVERRIDE,
                                                  "catalog/overrides/features/hold.de.yaml": OVERRIDE_DE})
    hold = load_project(org).project.features["hold"]
    assert [text(s.text) for s in hold.steps] == ["Press the green **Park** key."]
    assert text(hold.steps[0].text, "de") == "Drücken Sie die grüne Taste **Parken**."
    assert [text(t.problem) for t in hold.troubleshooting] == ["Silence instead of music.", "The key is grey."]
    assert text(hold.troubleshooting[1].solution, "de") == "Rufen Sie den Support von {{ org_name }} an."
    assert text(hold.title) == "Hold a call"  # keys the override does not name stay the kit's


def test_an_override_survives_a_kit_upgrade(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, files={"catalog/overrides/features/hold.yaml": OVERRIDE})
    before = load_project(org).project
    # The newer kit renames the feature, adds a tip and a whole new feature.
    edit(kit / "catalog" / "features" / "hold.yaml", "title: Hold a call", "title: Hold and resume a call")
    edit(kit / "catalog" / "features" / "hold.yaml", "faqs: [number]", "faqs: [number]\ntips:\n  - Hold music plays.")
    shutil.copy(kit / "catalog" / "features" / "dial.yaml", kit / "catalog" / "features" / "redial.yaml")
    edit(kit / "catalog" / "features" / "redial.yaml", "id: dial", "id: redial")
    after = load_project(org).project
    hold = after.features["hold"]
    assert text(hold.title) == "Hold and resume a call" and [text(t) for t in hold.tips] == ["Hold music plays."]
    assert [text(s.text) for s in hold.steps] == [text(s.text) for s in before.features["hold"].steps] \
        == ["Press the green **Park** key."]
    assert "redial" in after.features
    assert (org / "catalog" / "overrides" / "features" / "hold.yaml").read_text("utf-8") == OVERRIDE  # untouched


def test_an_override_of_something_the_kit_no_longer_has_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, files={"catalog/overrides/features/hold.yaml": OVERRIDE.replace("id: hold", "id: hodl"),
                                                  })
    (org / "catalog/overrides/features/hold.yaml").rename(org / "catalog/overrides/features/hodl.yaml")
    found = errors(org)
    assert any(e.startswith("catalog/overrides/features/hodl.yaml:1:") and "no feature 'hodl' to override" in e
               and "did you mean 'hold'" in e for e in found), found


def test_hiding_drops_every_reference_consistently(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "hide:\n  roles: [manager]\n  features: [dial]\n  faqs: [number]\n"
                                          "  questions: {basics: [mute]}\n")
    project = load_project(org).project
    assert set(project.roles) == {"agent"} and set(project.features) == {"hold"}
    agent, hold = project.roles["agent"], project.features["hold"]
    assert agent.features == ["hold"] and hold.prerequisites == [] and hold.faqs == []
    assert "number" not in project.faqs
    # Questions whose "learn more" is the hidden guide go with it, and the hidden question too.
    assert [q.id for q in project.quizzes["basics"].questions] == ["hold-where"]


def test_hiding_an_unknown_id_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "hide:\n  features: [hould]\n")
    found = errors(org)
    assert any(e.startswith("catalog/site.yaml:4:") and "cannot hide unknown feature 'hould'" in e and "hold" in e for e in found), found


def test_own_additions_are_loaded_and_may_not_reuse_a_kit_id(kit: Path, tmp_path: Path) -> None:
    own = (kit / "catalog" / "features" / "dial.yaml").read_text("utf-8").replace("id: dial", "id: intercom")
    org = make_org(tmp_path / "org", kit, files={"catalog/features/intercom.yaml": own,
                                                  "catalog/overrides/roles/agent.yaml": "id: agent\nextend:\n  features: [intercom]\n"})
    project = load_project(org).project
    assert project.roles["agent"].features == ["dial", "hold", "intercom"]
    assert project.features["intercom"].source == "catalog/features/intercom.yaml"
    shutil.copy(kit / "catalog" / "features" / "hold.yaml", org / "catalog" / "features" / "hold.yaml")
    found = errors(org)
    assert any(e.startswith("catalog/features/hold.yaml:1:1: error: the kit already has a feature named 'hold'")
               and "catalog/overrides/features/hold.yaml" in e for e in found), found


def test_an_unknown_variable_in_the_organisations_files_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, files={"catalog/overrides/features/hold.yaml":
                                                  "id: hold\nsteps:\n  - text: Call {{ helpdesk }}.\n"})
    found = errors(org)
    assert any(e.startswith("catalog/overrides/features/hold.yaml:3:") and "unknown variable '{{ helpdesk }}'" in e for e in found), found


def test_an_unknown_kit_is_a_located_error(tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", Path("nonesuch"))
    found = errors(org)
    assert found and found[0].startswith("catalog/site.yaml:1:") and "unknown kit 'nonesuch'" in found[0]
