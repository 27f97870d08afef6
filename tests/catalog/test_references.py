from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.catalog.load import load_project
from generator.catalog.references import _prerequisite_cycles
from generator.errors import CutoverError, errors_only

from support import edit


def only_error(root: Path):
    with pytest.raises(CutoverError) as info:
        load_project(root)
    found = errors_only(info.value.problems)
    assert len(found) == 1, info.value.report()
    return found[0]


def test_unknown_feature_in_role_suggests_spelling(project: Path):
    edit(project / "catalog/roles/manager.yaml", "features: [dial]", "features: [dail]")
    p = only_error(project)
    assert (p.path, p.line) == ("catalog/roles/manager.yaml", 4)
    assert "unknown feature 'dail'" in p.message and "did you mean 'dial'" in p.hint


def test_single_choice_with_two_correct_options(project: Path):
    edit(project / "quizzes/basics.yaml", "        text: Dial 9 first\n", "        text: Dial 9 first\n        correct: true\n")
    p = only_error(project)
    assert "exactly one correct option, this one has 2" in p.message and p.path == "quizzes/basics.yaml"


def test_multiple_choice_without_correct_option(project: Path):
    edit(project / "quizzes/basics.yaml", "        text: App\n        correct: true\n", "        text: App\n")
    edit(project / "quizzes/basics.yaml", "        text: Phone\n        correct: true\n", "        text: Phone\n")
    assert "no option is marked correct" in only_error(project).message


def test_learn_more_section_must_exist_on_the_guide(project: Path):
    edit(project / "quizzes/basics.yaml", "learn_more: hold#troubleshooting", "learn_more: hold#tips")
    p = only_error(project)
    assert "guide 'hold' has no section '#tips'" in p.message and "troubleshooting" in p.hint


def test_prerequisite_cycle(project: Path):
    edit(project / "catalog/features/dial.yaml", "minutes: 3", "minutes: 3\nprerequisites: [hold]")
    p = only_error(project)
    assert "cycle" in p.message and "dial" in p.message and "hold" in p.message


def _cycles(prerequisites: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(file, message) of each cycle problem among features with these prerequisites, in catalogue order."""
    class Doc:
        def __init__(self, source):
            self.source = source

        def problem(self, path, message, hint):
            return self.source, message

    features = {fid: SimpleNamespace(id=fid, prerequisites=needs, source=f"{fid}.yaml") for fid, needs in prerequisites.items()}
    return _prerequisite_cycles(features, {f.source: Doc(f.source) for f in features.values()})


def test_two_cycles_through_one_feature_are_both_named():
    found = _cycles({"a": ["b", "c"], "b": ["a"], "c": ["a"], "d": ["a"]})
    assert found == [("a.yaml", "prerequisites form a cycle: a → b → a"), ("c.yaml", "prerequisites form a cycle: c → a → c")]


def test_a_long_cycle_is_named_once_and_a_long_chain_is_no_cycle():
    ids = [f"f{i:04d}" for i in range(3000)]
    assert _cycles({fid: [ids[i - 1]] if i else [] for i, fid in enumerate(ids)}) == []
    found = _cycles({fid: [ids[(i + 1) % len(ids)]] for i, fid in enumerate(ids)})
    assert len(found) == 1 and found[0][1] == "prerequisites form a cycle: " + " → ".join(ids + ids[:1])


def test_self_reference(project: Path):
    edit(project / "catalog/features/dial.yaml", "related: [hold]", "related: [dial]")
    assert "refers to itself" in only_error(project).message


def test_duplicate_faq_id_across_groups(project: Path):
    (project / "catalog/faqs/more.yaml").write_text(
        "id: more\ntitle: More\nfaqs:\n  - id: number\n    question: Q?\n    answer: A.\n    roles: [all]\n")
    p = only_error(project)
    assert "duplicate FAQ id 'number'" in p.message


def test_unknown_variable_in_translation_is_located(project: Path):
    edit(project / "catalog/features/hold.es.yaml", "Pulse **Espera**.", "Pulse **Espera** en {{ new_sistem }}.")
    p = only_error(project)
    assert p.path == "catalog/features/hold.es.yaml" and "new_sistem" in p.message and "new_system" in p.hint


def test_unknown_phase_role_and_quiz(project: Path):
    edit(project / "catalog/roles/agent.yaml", "quiz: basics", "quiz: basic")
    p = only_error(project)
    assert "unknown quiz 'basic'" in p.message


def test_faq_role_may_be_all_but_not_unknown(project: Path):
    edit(project / "catalog/faqs/general.yaml", "roles: [agent]", "roles: [agents]")
    assert "unknown role 'agents'" in only_error(project).message
