"""Guards the shipped default kit: complete, consistent, translated, vendor-neutral."""

import re

import pytest

from generator.authoring.consistency import check_consistency, times
from generator.catalog.variables import value_for
from generator.authoring.terminology import check_terminology
from generator.catalog.load import Layout, load_project
from generator.catalog.model import QuestionType
from generator.site.stage import plan

from support import REPO

LANGUAGES = ["en", "de", "es", "sv"]
ROLES = ["end-user", "mobile-worker", "receptionist", "queue-agent", "supervisor", "executive", "executive-assistant",
         "it-admin", "project-manager"]
PHASES = ["plan", "design", "implement", "parallel", "cutover", "decommission", "hypercare", "handover"]
VENDORS = re.compile(r"\b(Microsoft|Zoom|Webex|Cisco|3CX|RingCentral|Avaya|Mitel|Alcatel|Unify|innovaphone|Auerswald|CallTower|Skype)\b")


@pytest.fixture(scope="module")
def kit():
    return load_project(REPO)


def test_no_errors_and_no_missing_translations(kit):
    _, staged = plan(kit.project, Layout(REPO))
    assert [w.format() for w in kit.warnings + staged.warnings] == []


def test_counts(kit):
    p = kit.project
    assert p.site.languages == LANGUAGES
    assert sorted(p.roles) == sorted(ROLES) and [ph.id for ph in p.phases] == PHASES
    assert len(p.features) >= 30 and len(p.faqs) >= 40 and len(p.terms) >= 30


def test_every_role_has_manual_checklist_and_quiz(kit):
    p = kit.project
    for role in p.roles.values():
        assert role.changes and role.features, role.id
        assert role.tasks.get("cutover"), f"{role.id} has no go-live checklist"
        quiz = p.quizzes[role.quiz]
        assert role.id in quiz.roles and len(quiz.questions) >= 8, role.id


def test_quizzes_use_every_question_type_with_feedback(kit):
    used = {q.type for quiz in kit.project.quizzes.values() for q in quiz.questions}
    assert used == set(QuestionType)
    for quiz in kit.project.quizzes.values():
        for q in quiz.questions:
            assert all(o.feedback for o in q.options), f"{quiz.id}/{q.id}: an option has no feedback"
            if q.type is QuestionType.TRUE_FALSE:
                assert q.feedback_true and q.feedback_false, f"{quiz.id}/{q.id}"


def test_features_are_full_task_topics(kit):
    multi_device = 0
    for f in kit.project.features.values():
        assert f.steps and f.before and f.after and f.troubleshooting and f.related, f.id
        if {"desktop", "mobile", "desk_phone"} <= set(f.platforms) and f.has_platform_steps:
            multi_device += 1
    assert multi_device >= 20


def test_every_faq_is_tagged_with_roles(kit):
    assert all(faq.roles for faq in kit.project.faqs.values())


def test_translations_are_not_english_left_in_place(kit):
    """A translation identical to the English text is a leftover, unless it is a short name or code."""
    leftovers = []
    for text in kit.project.texts():
        english = text.values["en"]
        if len(english.split()) < 4:
            continue
        for lang in LANGUAGES[1:]:
            if text.values.get(lang) == english:
                leftovers.append(f"{text.key} ({lang})")
    assert leftovers == []


def test_handwritten_pages_in_every_language():
    for lang in LANGUAGES:
        for page in ("welcome.md", "trainer-guide.md", "contact.md"):
            assert (REPO / "docs" / lang / page).is_file(), f"docs/{lang}/{page}"


def test_vendor_neutral_content():
    offenders = []
    for folder in ("catalog", "quizzes", "docs"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix in (".yaml", ".md") and VENDORS.search(path.read_text("utf-8")):
                offenders.append(path.relative_to(REPO).as_posix())
    assert offenders == []


def test_term_lists_exist_for_every_language():
    for lang in LANGUAGES:
        assert (REPO / "catalog" / "terminology" / f"{lang}.yaml").is_file()
        assert (REPO / "catalog" / "terminology" / f"{lang}.md").is_file()


def test_the_kit_keeps_to_its_term_lists_and_to_its_source_times_and_dates(kit):
    """Zero forbidden variants, times in each language's format, no time or date a translation invents."""
    assert [p.format() for p in check_terminology(kit.project, REPO)] == []
    assert [p.format() for p in check_consistency(kit.project, REPO)] == []


def test_parallel_operation_is_spelt_the_swedish_way():
    files = [p for p in (REPO / "catalog").rglob("*.sv.yaml")] + list((REPO / "quizzes").glob("*.sv.yaml"))
    files += list((REPO / "docs" / "sv").glob("*.md")) + [REPO / "generator" / "locales" / "sv.yaml"]
    assert [p.name for p in files if re.search(r"paralleldrift", p.read_text("utf-8"), re.I)] == []


def test_each_office_has_its_own_helpdesk_and_conventions(kit):
    variables = kit.project.site.variables
    assert {lang: variables["helpdesk_phone"][lang][:3] for lang in LANGUAGES} == {"en": "+44", "de": "+49", "es": "+34", "sv": "+46"}
    assert {lang: variables["outside_line_prefix"][lang] for lang in LANGUAGES} == {"en": "9", "de": "0", "es": "0", "sv": "0"}
    assert len({variables["example_number"][lang] for lang in LANGUAGES}) == 4


def test_translated_pages_show_no_uk_numbers_or_conventions(kit):
    files, _ = plan(kit.project, Layout(REPO))
    leaks = {}
    for path, data in files.items():
        if path.split("/", 1)[0] in LANGUAGES[1:] and path.endswith(".md"):
            text = data.decode("utf-8").replace("\u00a0", " ")
            found = [s for s in ("+44", "020 7946", "7946 0") if s in text]
            if found:
                leaks[path] = found
    assert leaks == {}


#: How each language says that something happens on the morning *of* the switch date, which is the port night.
MORNING_OF_THE_SWITCH = {"en": r"morning of \{\{ cutover_date", "de": r"Morgen des \{\{ cutover_date",
                         "es": r"mañana del \{\{ cutover_date", "sv": r"morgonen den \{\{ cutover_date"}


def test_one_story_the_port_runs_the_night_of_the_switch_date_and_go_live_is_the_morning_after(kit):
    p = kit.project
    wrong = [f"{text.key} ({lang})" for text in p.texts() for lang, value in text.values.items()
             if re.search(MORNING_OF_THE_SWITCH[lang], value)]
    for lang in LANGUAGES:
        for page in (REPO / "docs" / lang).glob("*.md"):
            if re.search(MORNING_OF_THE_SWITCH[lang], page.read_text("utf-8")):
                wrong.append(f"docs/{lang}/{page.name}")
    assert wrong == []
    cutover = next(ph for ph in p.phases if ph.id == "cutover")
    night = {"en": "night of {{ cutover_date }}", "de": "Nacht vom {{ cutover_date }}", "es": "noche del {{ cutover_date }}",
             "sv": "natten efter den {{ cutover_date }}"}
    assert {lang: night[lang] in cutover.summary.values[lang] for lang in LANGUAGES} == dict.fromkeys(LANGUAGES, True)
    assert {lang: {m for _, m in times(str(value_for(p.site.variables, "porting_window", lang, "en")), lang)} for lang in LANGUAGES} \
        == dict.fromkeys(LANGUAGES, {22 * 60, 2 * 60})


def test_every_feature_has_a_card_text_in_every_language(kit):
    missing = [f"{f.id} ({lang})" for f in kit.project.features.values() for lang in LANGUAGES
               if not f.card or lang not in f.card.values]
    assert missing == []


def test_every_role_meets_at_least_three_scenarios(kit):
    scenarios = kit.project.scenarios.values()
    counts = {role: sum(role in s.roles for s in scenarios) for role in ROLES}
    assert {role: n for role, n in counts.items() if n < 3} == {}
    assert len(kit.project.scenarios) >= 27


def test_every_scenario_is_translated(kit):
    untranslated = sorted({f"{text.key.split(':', 1)[0]} ({lang})" for text in kit.project.texts()
                           if text.key.startswith("catalog/scenarios/") for lang in LANGUAGES if lang not in text.values})
    assert untranslated == []
    for lang in LANGUAGES[1:]:
        for sid in kit.project.scenarios:
            assert (REPO / "catalog" / "scenarios" / f"{sid}.{lang}.yaml").is_file(), f"{sid}.{lang}.yaml"


def test_scenarios_point_to_guides_and_spread_over_phases(kit):
    scenarios = kit.project.scenarios.values()
    assert all(s.first_feature for s in scenarios), [s.id for s in scenarios if not s.first_feature]
    assert {"parallel", "cutover", "hypercare", "handover"} <= {s.phase for s in scenarios}
