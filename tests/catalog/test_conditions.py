"""Conditions: whole chunks that apply only where the organisation's facts say so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.errors import CutoverError

from support import FIXTURE, edit, make_org


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """The fixture as a kit, with conditional chunks and default facts."""
    target = tmp_path / "kit"
    shutil.copytree(FIXTURE, target)
    edit(target / "catalog" / "site.yaml", "variables:", "facts:\n  region: gb\n  desk_phones: true\nvariables:")
    hold = target / "catalog" / "features" / "hold.yaml"
    edit(hold, "  - text: Press **Hold**.\n",
         "  - text: Press **Hold**.\n"
         "  - text: In Germany and Austria, say that the call is on hold.\n    when: {region: [de, at]}\n"
         "  - text: Lift the handset.\n    when: {desk_phones: true}\n")
    edit(hold, "    solution: Use hold, not mute.\n", "    solution: Use hold, not mute.\n    when: {desk_phones: true}\n")
    for lang, words in (("de", ["Sagen Sie, dass der Anruf gehalten wird.", "Nehmen Sie den Hörer ab."]),
                        ("es", ["Diga que la llamada está en espera.", "Descuelgue el auricular."]),
                        ("sv", ["Säg att samtalet parkeras.", "Lyft luren."])):
        path = target / "catalog" / "features" / f"hold.{lang}.yaml"
        text = path.read_text("utf-8")
        first_step_end = text.index("troubleshooting:")
        added = "".join(f"- text: {w}\n" for w in words)
        path.write_text(text[:first_step_end] + added + text[first_step_end:], "utf-8")
    edit(hold, "faqs: [number]", "faqs: [number]\ntips:\n  - Say thank you.\n  - text: Desk phones have a **Hold** key.\n"
         "    when: {desk_phones: true}\nwarnings:\n  - text: In Germany, tell the caller first.\n    when: {region: de}\n")
    (target / "catalog" / "features" / "hold.de.yaml").write_text(
        (target / "catalog" / "features" / "hold.de.yaml").read_text("utf-8")
        + "tips:\n- Bedanken Sie sich.\n- Tischtelefone haben eine Taste **Halten**.\nwarnings:\n- Kündigen Sie es zuerst an.\n", "utf-8")
    edit(target / "catalog" / "faqs" / "general.yaml", "    roles: [agent]\n", "    roles: [agent]\n    when: {region: gb}\n")
    edit(target / "catalog" / "roles" / "agent.yaml", "features: [dial, hold]", "features: [dial, {id: hold, when: {desk_phones: true}}]")
    return target


def steps(project, feature: str = "hold", lang: str = "en") -> list[str]:
    return [s.text.values[lang] for s in project.features[feature].steps]


def test_the_kits_default_facts_decide_without_organisation_facts(kit: Path, tmp_path: Path) -> None:
    project = load_project(make_org(tmp_path / "org", kit)).project
    assert steps(project) == ["Press **Hold**.", "Lift the handset."]
    assert steps(project, lang="de") == ["Drücken Sie **Halten**.", "Nehmen Sie den Hörer ab."]
    assert "agents-only" in project.faqs and project.roles["agent"].features == ["dial", "hold"]
    assert len(project.features["hold"].troubleshooting) == 1


def test_organisation_facts_hide_and_show_the_right_chunks(kit: Path, tmp_path: Path) -> None:
    project = load_project(make_org(tmp_path / "org", kit, "facts:\n  region: de\n  desk_phones: false\n")).project
    assert steps(project) == ["Press **Hold**.", "In Germany and Austria, say that the call is on hold."]
    assert steps(project, lang="sv") == ["Tryck på **Vänta**.", "Säg att samtalet parkeras."]
    assert "agents-only" not in project.faqs  # only for region gb
    assert project.roles["agent"].features == ["dial"]  # the feature in the role, not the feature itself
    hold = project.features["hold"]
    assert hold.troubleshooting == []
    # The quiz linked to the troubleshooting section conditions emptied: it now links to the guide itself.
    assert next(q for q in project.quizzes["basics"].questions if q.id == "mute").learn_more == "hold"


def test_tips_and_warnings_follow_conditions_and_keep_plain_translations(kit: Path, tmp_path: Path) -> None:
    default = load_project(make_org(tmp_path / "a", kit)).project.features["hold"]
    assert [t.values["de"] for t in default.tips] == ["Bedanken Sie sich.", "Tischtelefone haben eine Taste **Halten**."]
    assert default.warnings == []
    german = load_project(make_org(tmp_path / "b", kit, "facts:\n  region: de\n  desk_phones: false\n")).project.features["hold"]
    assert [t.values["en"] for t in german.tips] == ["Say thank you."]
    assert [(w.values["en"], w.values["de"]) for w in german.warnings] == [("In Germany, tell the caller first.", "Kündigen Sie es zuerst an.")]


def test_a_site_in_several_regions_gets_each_regions_chunks(kit: Path, tmp_path: Path) -> None:
    project = load_project(make_org(tmp_path / "org", kit, "facts:\n  region: [gb, at]\n")).project
    assert "In Germany and Austria, say that the call is on hold." in steps(project)
    assert "agents-only" in project.faqs


def test_an_unknown_fact_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    edit(kit / "catalog" / "faqs" / "general.yaml", "when: {region: gb}", "when: {regoin: gb}")
    with pytest.raises(CutoverError) as info:
        load_project(make_org(tmp_path / "org", kit))
    found = [p.format() for p in info.value.problems]
    assert any(e.startswith(f"kit:{kit}/catalog/faqs/general.yaml:13:12:") and "unknown fact 'regoin'" in e
               and "did you mean 'region'" in e for e in found), found


def test_conditions_work_without_a_kit(kit: Path) -> None:
    project = load_project(kit).project  # the kit itself is an ordinary project
    assert steps(project) == ["Press **Hold**.", "Lift the handset."]


def test_a_feature_whose_every_step_is_excluded_is_an_error(kit: Path, tmp_path: Path) -> None:
    edit(kit / "catalog" / "features" / "hold.yaml", "  - text: Press **Hold**.\n", "  - text: Press **Hold**.\n    when: {region: gb}\n")
    with pytest.raises(CutoverError) as info:
        load_project(make_org(tmp_path / "org", kit, "facts:\n  region: fr\n  desk_phones: false\n"))
    found = [p.format() for p in info.value.problems]
    assert any("catalog/features/hold.yaml:6:" in e and "no step of feature 'hold' applies" in e for e in found), found
