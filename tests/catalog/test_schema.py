import json
from pathlib import Path

import pytest

from generator import PACKAGE_DIR
from generator.catalog.schema import KINDS, source_schema, translation_schema, validate
from generator.catalog.yamlio import parse_yaml


def check(kind: str, text: str, translation: bool = False):
    doc = parse_yaml(text, Path("f.yaml"), "f.yaml")
    return validate(doc, translation_schema(kind) if translation else source_schema(kind))


FEATURE = "id: hold\ntitle: Hold\nsummary: s\ncategory: calls\nsteps:\n  - text: Press hold.\n"


def test_valid_feature_has_no_problems():
    assert check("feature", FEATURE) == []


def test_unknown_key_suggests_the_right_one():
    [p] = check("feature", FEATURE + "summmary: x\n")
    assert p.line == 7 and "unknown key 'summmary'" in p.message and "did you mean 'summary'" in p.hint


def test_missing_required_key():
    [p] = check("feature", FEATURE.replace("summary: s\n", ""))
    assert "missing the required key 'summary'" in p.message


def test_wrong_type_and_bad_id():
    problems = check("feature", FEATURE.replace("id: hold", "id: ../Hold").replace("steps:\n  - text: Press hold.", "steps: press"))
    messages = " | ".join(p.message for p in problems)
    assert "is not a valid id" in messages and "steps must be a list" in messages


def test_question_keys_must_fit_its_type():
    quiz = ("id: q\ntitle: Q\nroles: [a]\nquestions:\n  - id: x\n    type: true_false\n    prompt: P\n    explanation: E\n"
            "    learn_more: hold\n    answer: true\n    options:\n      - id: a\n        text: A\n      - id: b\n        text: B\n")
    [p] = check("quiz", quiz)
    assert p.line == 5 and "options does not belong to a question of type 'true_false'" in p.message


def test_translation_file_may_not_carry_structure():
    [p] = check("feature", "id: hold\ntitle: Halten\ncategory: calls\n", translation=True)
    assert "unknown key 'category'" in p.message and p.line == 3


def test_enum_suggestion():
    [p] = [p for p in check("site", "languages: [en]\nfeedback:\n  channel: emial\n") if "channel" in p.message]
    assert "did you mean 'email'" in p.hint


def test_a_device_id_that_cannot_be_one_is_named_as_such():
    [p] = check("feature", FEATURE.replace("  - text: Press hold.", "  - Desk-Phone: Press hold."))
    assert p.line == 6 and "'Desk-Phone' is not a valid device id" in p.message and "like 'desk_phone'" in p.hint


def test_kit_content_names_its_choices():
    [p] = [p for p in check("site", "languages: [en]\nkit_content: some\n") if "kit_content" in p.message]
    assert p.line == 2 and p.message == ("kit_content must be all, none or a list of roles, features, faqs, quizzes, scenarios, glossary, phases, "
                                         "survey, surveys, messages, day_one, retired, champions")


@pytest.mark.parametrize("kind", KINDS)
def test_committed_translation_schemas_are_current(kind):
    """Editors read the committed files; they must match what the loader enforces."""
    committed = json.loads((PACKAGE_DIR / "schemas" / f"{kind}.translation.schema.json").read_text("utf-8"))
    assert committed == translation_schema(kind), "run: python -m generator.catalog.schema to refresh"
