"""Quiz export to Moodle GIFT and Moodle XML: both formats parse back to the quiz they came from."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.export.lms import LmsFormat, export, gift_escape, moodle_fraction

from support import FIXTURE, REPO, edit

SPECIAL = "Press ~ = # { } : now"


def gift_questions(text: str) -> list[dict]:
    """A small GIFT reader: honours backslash escapes, splits name, text and answer block."""
    questions = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not line.startswith("//")]
        block = "\n".join(lines).strip()
        if not block or block.startswith("$CATEGORY"):
            continue
        tokens, buf, i, depth, parts = [], "", 0, 0, []
        while i < len(block):
            char = block[i]
            if char == "\\" and i + 1 < len(block):
                buf += block[i + 1] if block[i + 1] != "n" else "\n"
                i += 2
                continue
            if char == "{" and depth == 0:
                parts.append(buf); buf = ""; depth = 1
            elif char == "}" and depth == 1:
                parts.append(buf); buf = ""; depth = 0
            else:
                buf += char
            i += 1
        assert depth == 0 and len(parts) == 2, f"unbalanced braces in {block[:80]}"
        head, body = parts
        match = re.match(r"::(.+?)::(\[markdown\])?(.*)", head, re.S)
        assert match, head
        questions.append({"name": match.group(1), "text": match.group(3), "body": body})
    return questions


@pytest.fixture
def special_project(project: Path) -> Path:
    edit(project / "quizzes/basics.yaml", "prompt: How do you dial out?", f"prompt: '{SPECIAL}'")
    return project


def test_gift_escaping_round_trips(special_project: Path):
    text = export(load_project(special_project).project, LmsFormat.GIFT, "en")
    assert gift_escape(SPECIAL) in text
    questions = gift_questions(text)
    assert [q["name"] for q in questions] == ["basics/dial-how", "basics/hold-where", "basics/mute", "basics/order", "basics/match"]
    assert questions[0]["text"] == SPECIAL


def test_gift_answers_feedback_and_weights():
    text = export(load_project(FIXTURE).project, LmsFormat.GIFT, "de")
    assert "$CATEGORY: $course$/top/Agent/Grundlagen" in text
    q = {x["name"]: x for x in gift_questions(text)}
    assert "=Direkt wählen#Ja." in q["basics/dial-how"]["body"] and "~Zuerst die 9#Nicht mehr." in q["basics/dial-how"]["body"]
    assert "####Keine Vorwahl." in q["basics/dial-how"]["body"]
    assert "~%50%App" in q["basics/hold-where"]["body"] and "~%-100%Fax" in q["basics/hold-where"]["body"]
    assert q["basics/mute"]["body"].startswith("FALSE#Nein.#Richtig.")
    assert "=Links A -> Rechts A" in q["basics/match"]["body"] and "= -> Rechts X" in q["basics/match"]["body"]
    assert q["basics/order"]["body"].startswith(">3 ALL VERTICAL ABSOLUTE_POSITION SHOW")


def test_moodle_xml_parses_with_the_right_structure():
    root = ET.fromstring(export(load_project(FIXTURE).project, LmsFormat.MOODLE_XML, "sv"))
    assert root.tag == "quiz"
    [category] = root.findall("question[@type='category']")
    assert category.findtext("category/text") == "$course$/top/Agent/Grunderna"
    questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    assert {k: q.get("type") for k, q in questions.items()} == {
        "basics/dial-how": "multichoice", "basics/hold-where": "multichoice", "basics/mute": "truefalse",
        "basics/order": "ordering", "basics/match": "matching"}
    single = questions["basics/dial-how"]
    assert single.findtext("single") == "true"
    assert sorted(a.get("fraction") for a in single.findall("answer")) == ["0", "100"]
    assert single.find("answer[@fraction='100']/feedback/text").text == "Ja."
    multiple = questions["basics/hold-where"]
    assert sum(float(a.get("fraction")) for a in multiple.findall("answer") if float(a.get("fraction")) > 0) == 100
    tf = questions["basics/mute"]
    assert tf.find("answer[@fraction='100']/text").text == "false"
    assert len(questions["basics/match"].findall("subquestion")) == 3  # two pairs and a distractor
    assert [a.get("fraction") for a in questions["basics/order"].findall("answer")] == ["1.0000000", "2.0000000", "3.0000000"]
    assert "Inget prefix." in single.findtext("generalfeedback/text")


def test_moodle_fractions_are_ones_moodle_accepts():
    assert moodle_fraction(100 / 3) == 33.33333 and moodle_fraction(-100 / 7) == -14.28571 and moodle_fraction(50) == 50


def test_every_default_kit_quiz_exports_in_every_language():
    project = load_project(REPO).project
    count = sum(len(q.questions) for q in project.quizzes.values())
    for lang in project.site.languages:
        assert len(gift_questions(export(project, LmsFormat.GIFT, lang))) == count
        root = ET.fromstring(export(project, LmsFormat.MOODLE_XML, lang))
        assert len([q for q in root.findall("question") if q.get("type") != "category"]) == count


def test_cli_export_and_its_errors(tmp_path: Path):
    out = tmp_path / "q.xml"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "export-quiz", "-p", str(FIXTURE), "--format", "moodle-xml",
                          "--lang", "es", "--quiz", "basics", "-o", str(out)], capture_output=True, text=True)
    assert run.returncode == 0 and "5 questions written" in run.stdout
    assert "Conceptos básicos" in out.read_text("utf-8")
    bad = subprocess.run([sys.executable, "-m", "generator.cli", "export-quiz", "-p", str(FIXTURE), "--format", "gift",
                          "--quiz", "basic", "-o", str(tmp_path / "x.gift")], capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown quiz 'basic'" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "x.gift").exists()


def test_ordering_questions_can_be_written_as_matching_for_lms_without_the_ordering_type(tmp_path: Path):
    def export_quiz(fmt: str, lang: str, *extra: str) -> str:
        out = tmp_path / f"q-{fmt}-{lang}"
        run = subprocess.run([sys.executable, "-m", "generator.cli", "export-quiz", "-p", str(FIXTURE), "--format", fmt,
                              "--lang", lang, "-o", str(out), *extra], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return out.read_text("utf-8")

    order = next(q for q in gift_questions(export_quiz("gift", "en", "--ordering-as", "matching")) if q["name"] == "basics/order")
    assert [line.strip() for line in order["body"].strip().splitlines()][:3] == [
        "=Position 1 -> First", "=Position 2 -> Second", "=Position 3 -> Third"]
    assert ">3 ALL" not in order["body"] and "####" in order["body"]  # the explanation travels along
    spanish = ET.fromstring(export_quiz("moodle-xml", "es", "--ordering-as", "matching"))
    question = next(q for q in spanish.findall("question") if q.findtext("name/text") == "basics/order")
    assert question.get("type") == "matching"
    assert [s.findtext("text") for s in question.findall("subquestion")] == ["Posición 1", "Posición 2", "Posición 3"]
    # The default stays the Ordering question type, in both formats.
    assert ">3 ALL VERTICAL" in export_quiz("gift", "en")
    assert 'type="ordering"' in export_quiz("moodle-xml", "en")


def test_export_quiz_help_says_which_lms_reads_ordering_questions():
    run = subprocess.run([sys.executable, "-m", "generator.cli", "export-quiz", "--help"], capture_output=True, text=True)
    text = " ".join(run.stdout.split())
    assert "Moodle's Ordering question type (the qtype_ordering plugin)" in text and "--ordering-as [ordering|matching]" in text
