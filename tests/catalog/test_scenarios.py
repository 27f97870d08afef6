"""Scenarios: the schema, loading and translation merge, reference checks, pages, role manuals and quiz links."""

import shutil
from pathlib import Path

import pytest

from generator.catalog.load import Layout, load_project
from generator.catalog.schema import source_schema, translation_schema, validate
from generator.catalog.yamlio import parse_yaml
from generator.errors import CutoverError, Severity, errors_only
from generator.export.lms import to_gift
from generator.render import page_markdown, render_pages
from generator.site.mkdocs.plugin import CutoverPlugin
from generator.site.stage import stage
from generator.strings.marks import strip

from support import FIXTURE, edit

SCENARIOS = "catalog/scenarios"
HOLD = f"{SCENARIOS}/customer-waits-on-hold.yaml"
FIRST_CALL = f"{SCENARIOS}/first-call-on-cutover-day.yaml"


def check(text: str, translation: bool = False):
    doc = parse_yaml(text, Path("s.yaml"), "s.yaml")
    return validate(doc, translation_schema("scenario") if translation else source_schema("scenario"))


def errors(root: Path):
    with pytest.raises(CutoverError) as info:
        load_project(root)
    return errors_only(info.value.problems)


def only_error(root: Path):
    found = errors(root)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


def page(root_or_project, path: str, lang: str = "en") -> str:
    project = load_project(root_or_project).project if isinstance(root_or_project, Path) else root_or_project
    [found] = [p for p in render_pages(project, lang) if p.path == path]
    return page_markdown(project, found, lang)


def write_scenario(root: Path, sid: str, phase: str, features: list[str | None], roles: str = "[agent]") -> None:
    steps = "".join(f"  - text: Step {i}.\n" + (f"    feature: {f}\n" if f else "") for i, f in enumerate(features + [None, None], 1))
    (root / SCENARIOS / f"{sid}.yaml").write_text(
        f"id: {sid}\ntitle: Scenario {sid}\nroles: {roles}\nphase: {phase}\nsituation: Something happens.\nsteps:\n{steps}"
        "pitfalls:\n  - problem: It fails.\n    fix: Try again.\n", "utf-8")


# ---------------------------------------------------------------- schema


def test_the_fixture_scenarios_and_translations_fit_the_schema():
    for path in sorted((FIXTURE / SCENARIOS).glob("*.yaml")):
        translation = path.name.count(".") == 2
        assert check(path.read_text("utf-8"), translation) == [], path.name


def test_schema_names_every_missing_part_and_misspelt_key():
    text = (FIXTURE / FIRST_CALL).read_text("utf-8")
    [p] = check(text.replace("pitfalls:", "pitfals:"))
    assert "unknown key 'pitfals'" in p.message and "did you mean 'pitfalls'" in p.hint
    [p] = check(text.replace("phase: cutover\n", ""))
    assert "missing the required key 'phase'" in p.message


def test_schema_wants_two_steps_a_pitfall_and_a_role():
    one_step = "id: x\ntitle: T\nroles: [agent]\nphase: parallel\nsituation: S\nsteps:\n  - text: Only.\npitfalls:\n  - problem: P\n    fix: F\n"
    [p] = check(one_step)
    assert p.line == 6 and "steps needs at least 2 entries, this one has 1" in p.message
    no_roles = one_step.replace("roles: [agent]", "roles: []").replace("  - text: Only.\n", "  - text: One.\n  - text: Two.\n")
    [p] = check(no_roles)
    assert p.line == 3 and "roles must not be empty" in p.message
    [p] = check(no_roles.replace("roles: []", "roles: [agent]").replace("pitfalls:\n  - problem: P\n    fix: F\n", "pitfalls: []\n"))
    assert "pitfalls must not be empty" in p.message


def test_question_entries_name_a_quiz_and_a_question():
    text = (FIXTURE / FIRST_CALL).read_text("utf-8").replace("    question: dial-how\n", "")
    [p] = check(text)
    assert "missing the required key 'question'" in p.message


def test_translation_holds_text_only():
    text = (FIXTURE / f"{SCENARIOS}/first-call-on-cutover-day.de.yaml").read_text("utf-8")
    [p] = check(text.replace("title:", "phase: cutover\ntitle:"), translation=True)
    assert p.line == 2 and "unknown key 'phase'" in p.message
    [p] = check(text.replace("  - text: Kommt", "  - feature: dial\n    text: Kommt"), translation=True)
    assert "unknown key 'feature'" in p.message


def test_bad_file_is_reported_with_file_and_line(project: Path):
    edit(project / HOLD, "    feature: hold\n", "    feature: hold\n    feture: dial\n")
    p = only_error(project)
    assert (p.path, p.line) == (HOLD, 12) and "unknown key 'feture'" in p.message and "feature" in p.hint


# ---------------------------------------------------------------- loading and translations


def test_loads_with_every_language_merged():
    scenario = load_project(FIXTURE).project.scenarios["customer-waits-on-hold"]
    assert scenario.roles == ["agent"] and scenario.phase == "parallel" and scenario.first_feature == "hold"
    assert scenario.title.values["sv"] == "En kund väntar medan du letar upp något"
    # Steps and pitfalls have no ids: matched by position.
    assert [s.feature for s in scenario.steps] == [None, "hold", None]
    assert scenario.steps[1].text.values == {"en": "Put the call on hold.", "de": "Halten Sie den Anruf.",
                                             "es": "Ponga la llamada en espera.", "sv": "Sätt samtalet i vänteläge."}
    assert scenario.pitfalls[0].fix.values["es"].startswith("Pulsó silencio")
    assert scenario.questions == [("basics", "hold-where"), ("basics", "mute")]


def test_missing_translation_is_a_warning_and_the_page_falls_back(project: Path):
    (project / f"{SCENARIOS}/first-call-on-cutover-day.sv.yaml").unlink()
    result = load_project(project)
    warnings = [w for w in result.warnings if w.path == FIRST_CALL]
    assert [w.severity for w in warnings] == [Severity.WARNING] and "not translated into sv" in warnings[0].message
    text = strip(page(result.project, "scenarios/first-call-on-cutover-day.md", "sv"))  # marks (lang="en") aside
    assert "# Your first call on cutover day" in text and "visas på engelska" in text.lower()


def test_translation_with_an_extra_step(project: Path):
    edit(project / f"{SCENARIOS}/first-call-on-cutover-day.de.yaml", "pitfalls:", "  - text: Zu viel.\npitfalls:")
    p = only_error(project)
    assert p.path == f"{SCENARIOS}/first-call-on-cutover-day.de.yaml" and p.line == 9
    assert "3 entries here, the source only 2" in p.message


def test_translation_keeps_the_id(project: Path):
    edit(project / f"{SCENARIOS}/first-call-on-cutover-day.es.yaml", "id: first-call-on-cutover-day", "id: first-call")
    p = only_error(project)
    assert (p.path, p.line) == (f"{SCENARIOS}/first-call-on-cutover-day.es.yaml", 1) and "differs" in p.message


def test_id_is_the_file_name_and_unique(project: Path):
    shutil.copy(project / FIRST_CALL, project / f"{SCENARIOS}/first-call-copy.yaml")
    messages = [p.message for p in errors(project)]
    assert any("does not match the file name 'first-call-copy.yaml'" in m for m in messages)
    assert any("duplicate scenario id 'first-call-on-cutover-day'" in m for m in messages)


def test_project_without_scenarios_keeps_working(project: Path, tmp_path: Path):
    shutil.rmtree(project / SCENARIOS)
    loaded = load_project(project).project
    assert loaded.scenarios == {}
    assert not any(p.path.startswith("scenarios/") for p in render_pages(loaded, "en"))
    assert "{#scenarios}" not in page(loaded, "roles/agent.md")
    assert not any(isinstance(item, dict) and "cutover:scenarios" in item for item in default_nav(project, tmp_path))


# ---------------------------------------------------------------- references


def test_unknown_role_phase_and_feature_are_located(project: Path):
    edit(project / HOLD, "roles: [agent]", "roles: [agnet]")
    edit(project / HOLD, "phase: parallel", "phase: paralel")
    edit(project / HOLD, "feature: hold", "feature: hodl")
    found = {p.line: p for p in errors(project)}
    assert {p.path for p in found.values()} == {HOLD} and sorted(found) == [3, 4, 11]
    assert "unknown role 'agnet'" in found[3].message and "did you mean 'agent'" in found[3].hint
    assert "unknown phase 'paralel'" in found[4].message and "did you mean 'parallel'" in found[4].hint
    assert "unknown feature 'hodl'" in found[11].message and "did you mean 'hold'" in found[11].hint


def test_unknown_quiz_and_question_are_located(project: Path):
    edit(project / HOLD, "    question: hold-where", "    question: hold-were")
    edit(project / FIRST_CALL, "  - quiz: basics", "  - quiz: basic")
    found = {p.path: p for p in errors(project)}
    assert found[HOLD].line == 18 and "unknown question 'hold-were' in quiz 'basics'" in found[HOLD].message
    assert "did you mean 'hold-where'" in found[HOLD].hint
    assert found[FIRST_CALL].line == 16 and "unknown quiz 'basic'" in found[FIRST_CALL].message


# ---------------------------------------------------------------- pages


def test_scenario_page(project: Path):
    text = page(project, "scenarios/customer-waits-on-hold.md")
    assert "# A customer waits while you look something up" in text
    assert "**Roles:** [Agent](../roles/agent.md) · **Phase:** [Parallel operation](../timeline.md#phase-parallel)" in text
    assert "## The situation {#situation}" in text and "A customer calls about an order on NewTel." in text
    assert ("1. Tell the customer you will put them on hold for a moment.\n"
            "2. Put the call on hold. (guide: [Hold a call](../guides/hold.md))\n"
            "3. Take the call back and thank them for waiting.\n") in text
    assert '## What can go wrong {#pitfalls}\n\n!!! warning "The customer hears nothing and hangs up."' in text
    assert "You pressed mute, not hold." in text
    # Related questions link to their anchors on the quiz page, numbered as the quiz numbers them.
    assert "- [Basics, question 2](../quizzes/basics.md#q-hold-where): Where can you hold?" in text
    assert "- [Basics, question 3](../quizzes/basics.md#q-mute): Mute is hold." in text
    assert text.index("{#situation}") < text.index("{#steps}") < text.index("{#pitfalls}") < text.index("{#questions}")


def test_scenario_page_in_every_language(project: Path):
    de = page(project, "scenarios/customer-waits-on-hold.md", "de")
    assert "# Ein Kunde wartet, während Sie etwas nachschlagen" in de and "## So gehen Sie vor {#steps}" in de
    assert "2. Halten Sie den Anruf. (Anleitung: [Anruf halten](../guides/hold.md))" in de
    assert "[Grundlagen, Frage 2](../quizzes/basics.md#q-hold-where)" in de
    es = page(project, "scenarios/first-call-on-cutover-day.md", "es")
    assert "**Perfiles:** [Agente](../roles/agent.md), [Responsable](../roles/manager.md)" in es and "## Qué puede salir mal" in es
    sv = page(project, "scenarios/first-call-on-cutover-day.md", "sv")
    assert "Det är 10\u00a0mars\u00a02027." in sv and "## Det här kan gå fel {#pitfalls}" in sv


def test_scenario_without_questions_has_no_question_section(project: Path):
    edit(project / FIRST_CALL, "questions:\n  - quiz: basics\n    question: dial-how\n", "")
    assert "{#questions}" not in page(project, "scenarios/first-call-on-cutover-day.md")


def test_index_groups_by_phase_in_timeline_order(project: Path):
    write_scenario(project, "aaa-early", "parallel", [])
    text = page(project, "scenarios/index.md")
    parallel, cutover = text.index("## Parallel operation {#phase-parallel}"), text.index("## Cutover {#phase-cutover}")
    assert parallel < text.index("[A customer waits") < text.index("[Scenario aaa-early](aaa-early.md)") < cutover
    assert cutover < text.index("[Your first call on cutover day](first-call-on-cutover-day.md): [Agent](../roles/agent.md), "
                                "[Manager](../roles/manager.md)")


def test_role_manual_lists_its_scenarios_in_training_order(project: Path):
    # Same phase: by the role's feature order (dial before hold) of the first linked guide, no guide last, then id.
    write_scenario(project, "zz-dial-first", "parallel", [None, "dial", "hold"])
    write_scenario(project, "aa-no-guide", "parallel", [])
    write_scenario(project, "ab-no-guide", "parallel", [])
    text = page(project, "roles/agent.md")
    section = text[text.index("## Situations you will meet {#scenarios}"):text.index("{#faq}")]
    order = [line.split("](../scenarios/")[1].split(".md")[0] for line in section.splitlines() if line.startswith("- [")]
    assert order == ["zz-dial-first", "customer-waits-on-hold", "aa-no-guide", "ab-no-guide", "first-call-on-cutover-day"]
    assert "- [A customer waits while you look something up](../scenarios/customer-waits-on-hold.md) · *Parallel operation*" in section
    assert text.index("{#features}") < text.index("{#scenarios}") < text.index("{#faq}")
    manager = page(project, "roles/manager.md", "de")
    assert "## Situationen, die Ihnen begegnen {#scenarios}" in manager
    assert "[Ihr erster Anruf am Umstellungstag](../scenarios/first-call-on-cutover-day.md)" in manager
    assert "customer-waits-on-hold" not in manager


def test_role_without_scenarios_has_no_section(project: Path):
    edit(project / FIRST_CALL, "roles: [agent, manager]", "roles: [agent]")
    assert "{#scenarios}" not in page(project, "roles/manager.md")


# ---------------------------------------------------------------- quizzes


def test_quiz_learn_more_may_point_to_a_scenario(project: Path):
    edit(project / "quizzes/basics.yaml", "learn_more: hold\n", "learn_more: scenario:customer-waits-on-hold\n")
    text = page(project, "quizzes/basics.md", "de")
    assert ("Mehr dazu: [Ein Kunde wartet, während Sie etwas nachschlagen](../scenarios/customer-waits-on-hold.md)"
            '{ .cq-learn data-q="hold-where" }') in text


def test_learn_more_to_an_unknown_scenario_is_located(project: Path):
    edit(project / "quizzes/basics.yaml", "learn_more: hold\n", "learn_more: scenario:customer-waits-on-hodl\n")
    p = only_error(project)
    assert (p.path, p.line) == ("quizzes/basics.yaml", 33)
    assert "unknown scenario 'customer-waits-on-hodl'" in p.message and "did you mean 'customer-waits-on-hold'" in p.hint


def test_learn_more_with_a_malformed_scenario_link(project: Path):
    edit(project / "quizzes/basics.yaml", "learn_more: hold\n", "learn_more: scenario:Hold#tips\n")
    p = only_error(project)
    assert p.line == 33 and "not a valid learn-more link" in p.message and "scenario:" in p.hint


def test_lms_export_names_the_scenario(project: Path):
    edit(project / "quizzes/basics.yaml", "learn_more: hold\n", "learn_more: scenario:customer-waits-on-hold\n")
    loaded = load_project(project).project
    assert "<p>Learn more\\: A customer waits while you look something up</p>" in to_gift(loaded, [loaded.quizzes["basics"]], "en")


# ---------------------------------------------------------------- navigation


def default_nav(root: Path, tmp_path: Path) -> list:
    plugin = CutoverPlugin()
    plugin.project = load_project(root).project
    plugin.staging = tmp_path / "staging"
    plugin.generated = stage(plugin.project, Layout(root), plugin.staging).generated
    return plugin._default_nav()


def test_default_navigation_has_a_scenarios_section(tmp_path: Path):
    sections = {key: value for item in default_nav(FIXTURE, tmp_path) if isinstance(item, dict) for key, value in item.items()}
    assert sections["cutover:scenarios"] == ["scenarios/index.md", "scenarios/customer-waits-on-hold.md",
                                             "scenarios/first-call-on-cutover-day.md"]
