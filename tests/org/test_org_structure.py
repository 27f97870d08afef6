"""The organisation's own structure wins: its phases and categories replace the kit's, hiding works for every kind,
and ``kit_content`` takes all, none or some kinds of the kit's content — without errors in what it left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.errors import Severity

from support import edit, load_problems, make_org


PHASES = """phases:
  - id: go-live
    name: Go-live
    summary: The day the numbers move.
    replaces: [cutover]
"""
PHASES_DE = """phases:
  - id: go-live
    name: Go-live
    summary: Der Tag, an dem die Nummern umziehen.
"""


def test_own_phases_with_the_kit_scenarios_hidden_load_without_a_single_error(kit: Path, tmp_path: Path) -> None:
    """The reported failure: replacing the phases made hidden kit scenarios fail validation in the kit's files."""
    org = make_org(tmp_path / "org", kit, "hide:\n  scenarios: [customer-waits-on-hold]\n", languages=("en", "de"),
                   files={"catalog/phases.yaml": PHASES, "catalog/phases.de.yaml": PHASES_DE})
    loaded = load_project(org)
    assert [p.format() for p in loaded.warnings if p.severity is Severity.ERROR] == []
    assert not [p for p in loaded.warnings if p.path.startswith("kit:")]
    project = loaded.project
    assert [p.id for p in project.phases] == ["go-live"]
    # What the kit wrote for its cutover phase now belongs to the organisation's go-live.
    assert list(project.roles["agent"].tasks) == ["go-live"]
    assert project.faqs["number"].phases == ["go-live"]
    assert [(s.id, s.phase) for s in project.scenarios.values()] == [("first-call-on-cutover-day", "go-live")]


def test_a_kit_phase_nobody_replaced_is_one_error_in_the_organisations_own_file(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en", "de"),
                   files={"catalog/phases.yaml": PHASES, "catalog/phases.de.yaml": PHASES_DE})
    found = load_problems(org)
    errors = [p for p in found if ": error: " in p]
    assert len(errors) == 1, found
    assert errors[0].startswith("catalog/phases.yaml:1:1: error: the kit's phase 'parallel' is not in your timeline")
    assert "1 scenario" in errors[0] and "replaces: [parallel]" in errors[0] and "hide: {phases: [parallel]}" in errors[0]
    assert not [p for p in found if p.startswith("kit:")], found


def test_hiding_a_replaced_kit_phase_leaves_out_what_belongs_to_it(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "hide:\n  phases: [parallel]\n", languages=("en", "de"),
                   files={"catalog/phases.yaml": PHASES, "catalog/phases.de.yaml": PHASES_DE})
    project = load_project(org).project
    assert list(project.scenarios) == ["first-call-on-cutover-day"]
    # The scenario's quiz question whose "learn more" went with it stays only if it links elsewhere.
    assert all(q.learn_more_scenario != "customer-waits-on-hold" for q in project.quizzes["basics"].questions)


def test_the_default_kit_with_an_own_timeline_needs_one_line_per_kit_phase(tmp_path: Path) -> None:
    """Over the shipped kit: without mapping, one error per kit phase in catalog/phases.yaml (not 148 in the kit);
    with every kit phase replaced and the kit's scenarios hidden, none."""
    scenarios = sorted(p.stem for p in (Path(__file__).parents[2] / "catalog" / "scenarios").glob("*.yaml") if p.name.count(".") == 1)
    org = make_org(tmp_path / "org", Path("default"), "hide:\n  scenarios: [" + ", ".join(scenarios) + "]\n", languages=("en",),
                   files={"catalog/phases.yaml": "phases:\n  - {id: before, name: Before, summary: Before the move.}\n"
                                                 "  - {id: after, name: After, summary: After the move.}\n"})
    found = load_problems(org)
    errors = [p for p in found if ": error: " in p]
    assert errors and len(errors) <= 8 and all(e.startswith("catalog/phases.yaml:1:1: error: the kit's phase") for e in errors), found
    (org / "catalog" / "phases.yaml").write_text(
        "phases:\n  - {id: before, name: Before, summary: Before the move., replaces: [plan, design, implement, parallel]}\n"
        "  - {id: after, name: After, summary: After the move., replaces: [cutover, decommission, hypercare, handover]}\n", "utf-8")
    loaded = load_project(org)
    assert not [p for p in loaded.warnings if p.severity is Severity.ERROR]
    assert loaded.project.scenarios == {} and [p.id for p in loaded.project.phases] == ["before", "after"]
    assert all(set(r.tasks) <= {"before", "after"} and r.tasks for r in loaded.project.roles.values())


@pytest.mark.parametrize("phases, message", [
    ("replaces: [cutvoer]", "catalog/phases.yaml:5:16: error: the kit has no phase 'cutvoer' (did you mean 'cutover'?)"),
    ("replaces: [go-live]", "the kit has no phase 'go-live'"),
])
def test_replacing_a_kit_phase_that_does_not_exist_is_a_located_error(kit: Path, tmp_path: Path, phases: str, message: str) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en",), files={"catalog/phases.yaml": PHASES.replace("replaces: [cutover]", phases)})
    assert any(message in p for p in load_problems(org)), load_problems(org)


def test_two_phases_replacing_the_same_kit_phase_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, languages=("en",), files={"catalog/phases.yaml": PHASES + (
        "  - id: after\n    name: After\n    summary: After.\n    replaces: [cutover, parallel]\n")})
    assert any(p.startswith("catalog/phases.yaml:9:16: error: the kit's phase 'cutover' is already replaced by 'go-live'")
               for p in load_problems(org)), load_problems(org)


def test_replaces_in_a_project_without_a_kit_is_a_located_error(project: Path) -> None:
    edit(project / "catalog" / "phases.yaml", "  - id: cutover\n", "  - id: cutover\n    replaces: [parallel]\n")
    assert any(p.startswith("catalog/phases.yaml:6:16: error: 'replaces' names the kit's phases") for p in load_problems(project)), load_problems(project)


def test_hiding_works_for_every_kind(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "hide:\n  scenarios: [customer-waits-on-hold]\n  glossary: [pbx]\n"
                                          "  phases: [parallel]\n  roles: [manager]\n  faqs: [agents-only]\n")
    project = load_project(org).project
    assert list(project.scenarios) == ["first-call-on-cutover-day"]
    assert [t.id for t in project.terms] == ["hold"]
    assert [p.id for p in project.phases] == ["cutover"]
    assert set(project.roles) == {"agent"} and "agents-only" not in project.faqs


def test_hiding_a_kit_phase_drops_its_tasks_faq_tags_and_scenarios(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "hide:\n  phases: [cutover]\n")
    project = load_project(org).project
    assert [p.id for p in project.phases] == ["parallel"]
    assert project.roles["agent"].tasks == {} and project.faqs["number"].phases == []
    assert list(project.scenarios) == ["customer-waits-on-hold"]


def test_the_kit_survey_can_be_hidden(tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", Path("default"), "hide:\n  survey: true\n", languages=("en",))
    assert load_project(org).project.survey is None
    visible = make_org(tmp_path / "org2", Path("default"), languages=("en",))
    assert load_project(visible).project.survey is not None


@pytest.mark.parametrize("kind, wrong, right", [("scenarios", "customer-waits", "customer-waits-on-hold"),
                                                ("glossary", "pbxx", "pbx"), ("phases", "cutovr", "cutover")])
def test_hiding_an_unknown_id_of_any_kind_is_a_located_error(kit: Path, tmp_path: Path, kind: str, wrong: str, right: str) -> None:
    org = make_org(tmp_path / "org", kit, f"hide:\n  {kind}: [{wrong}]\n")
    assert any(p.startswith("catalog/site.yaml:4:") and "cannot hide unknown" in p and f"'{wrong}'" in p and right in p
               for p in load_problems(org)), load_problems(org)


OWN_FEATURE = """id: ward-call
title: Call a ward
summary: Reach a ward directly.
category: wards
steps:
  - text: Dial the ward's number.
"""
OWN_ROLE = """id: nurse
name: Nurse
audience: Nurses on the wards.
features: [ward-call]
"""


def test_kit_content_none_uses_the_engine_with_none_of_the_kits_content(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "kit_content: none\ncategories:\n  - {id: wards, name: Wards}\nvariables:\n"
                   "  org_name: St Mary's\n  new_system: NewTel\n", languages=("en",),
                   files={"catalog/features/ward-call.yaml": OWN_FEATURE, "catalog/roles/nurse.yaml": OWN_ROLE,
                          "catalog/phases.yaml": "phases:\n  - {id: go-live, name: Go-live, summary: The day.}\n"})
    loaded = load_project(org)
    project = loaded.project
    assert set(project.roles) == {"nurse"} and set(project.features) == {"ward-call"}
    assert project.faq_groups == [] and project.quizzes == {} and project.scenarios == {} and project.terms == []
    assert project.survey is None and [c.id for c in project.site.categories] == ["wards"]
    assert "hours" not in project.site.variables  # the kit's settings stay out too
    assert not [p for p in loaded.warnings if p.path.startswith("kit:")]


@pytest.mark.parametrize("content", ["none", "[features]"])
def test_kit_content_without_the_kits_phases_asks_for_the_organisations_own(kit: Path, tmp_path: Path, content: str) -> None:
    org = make_org(tmp_path / "org", kit, f"kit_content: {content}\ncategories:\n  - {{id: wards, name: Wards}}\n", languages=("en",),
                   files={"catalog/features/ward-call.yaml": OWN_FEATURE})
    assert any(p.startswith("catalog/phases.yaml: error: migration phases file not found") and "kit_content" in p
               for p in load_problems(org)), load_problems(org)


def test_kit_content_takes_some_kinds_and_hides_the_rest_with_every_reference(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "kit_content: [features, glossary, phases]\n", languages=("en",),
                   files={"catalog/roles/nurse.yaml": OWN_ROLE.replace("[ward-call]", "[dial, hold]")})
    project = load_project(org).project
    assert set(project.features) == {"dial", "hold"} and set(project.roles) == {"nurse"}
    assert project.features["hold"].faqs == [] and project.faq_groups == [] and project.quizzes == {}
    assert project.scenarios == {} and [t.id for t in project.terms] == ["pbx", "hold"]


def test_kit_content_leaves_out_the_adoption_kinds_it_does_not_list(kit: Path, tmp_path: Path) -> None:
    """The kit's announcements, day-one checklist, "no longer" lists and champions' guide are kinds like the others."""
    import shutil

    adoption = Path(__file__).parent.parent / "fixtures/hostile/catalog"  # the adoption kit's files, for the fixture
    for name in ("champions.yaml", "day-one.yaml", "retired.yaml"):
        shutil.copy(adoption / name, kit / "catalog" / name)
    shutil.copytree(adoption / "messages", kit / "catalog/messages")
    edit(kit / "catalog/day-one.yaml", "    dect: Charge the handset.\n", "")
    with (kit / "catalog/site.yaml").open("a", encoding="utf-8") as site:
        site.write("  helpdesk_phone: '0800 1234'\n  desktop_app: App\n  mobile_app: Mobile\n")
    whole = load_project(make_org(tmp_path / "all", kit, languages=("en",))).project
    assert whole.messages and whole.day_one and whole.retired and whole.champions  # the kit has them all
    project = load_project(make_org(tmp_path / "some", kit, "kit_content: [roles, features, faqs, phases, champions]\n",
                                    languages=("en",))).project
    assert project.messages == {} and project.day_one is None and project.retired is None
    assert project.champions is not None and set(project.roles) == set(whole.roles)


def test_an_unknown_kind_in_kit_content_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "kit_content: [features, glosary]\n")
    assert any(p.startswith("catalog/site.yaml:3:") and "kit_content must be all, none or a list of roles, features" in p
               and "did you mean 'glossary'" in p for p in load_problems(org)), load_problems(org)


def test_kit_categories_no_guide_uses_need_no_translation(kit: Path, tmp_path: Path) -> None:
    edit(kit / "catalog" / "site.yaml", "  - id: calls\n    name: Calls\n", "  - id: calls\n    name: Calls\n  - id: admin\n    name: Administration\n")
    org = make_org(tmp_path / "org", kit, languages=("en", "de"))
    loaded = load_project(org)
    assert [c.id for c in loaded.project.site.categories] == ["calls"]
    assert not [p for p in loaded.warnings if "site" in p.path and "translat" in p.message], loaded.warnings


def test_an_organisations_category_replaces_kit_categories(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "categories:\n  - id: telephony\n    name: Telephony\n    replaces: [calls]\n",
                   languages=("en", "de"), files={"catalog/site.de.yaml": "categories:\n  - id: telephony\n    name: Telefonie\n"})
    loaded = load_project(org)
    project = loaded.project
    assert [c.id for c in project.site.categories] == ["telephony"] and project.site.categories[0].name.values["de"] == "Telefonie"
    assert {f.category for f in project.features.values()} == {"telephony"}
    assert not [p for p in loaded.warnings if p.severity is Severity.ERROR]


def test_replacing_an_unknown_kit_category_is_a_located_error(kit: Path, tmp_path: Path) -> None:
    org = make_org(tmp_path / "org", kit, "categories:\n  - id: telephony\n    name: Telephony\n    replaces: [cals]\n")
    assert any(p.startswith("catalog/site.yaml:6:16: error: the kit has no category 'cals' (did you mean 'calls'?)")
               for p in load_problems(org)), load_problems(org)
