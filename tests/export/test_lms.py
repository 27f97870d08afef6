"""Quiz export to Moodle GIFT and Moodle XML: both formats parse back to the quiz they came from."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
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
        buf, i, depth, parts = "", 0, 0, []
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
        match = re.match(r"::(.+?)::(\[html\])?(.*)", head, re.S)
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
    assert questions[0]["text"] == f"<p>{SPECIAL}</p>"


def test_gift_answers_feedback_and_weights():
    text = export(load_project(FIXTURE).project, LmsFormat.GIFT, "de")
    assert "$CATEGORY: $course$/top/Agent/Grundlagen" in text
    q = {x["name"]: x for x in gift_questions(text)}
    assert "=Direkt wählen#Ja." in q["basics/dial-how"]["body"] and "~Zuerst die 9#Nicht mehr." in q["basics/dial-how"]["body"]
    assert "####<p>Keine Vorwahl.</p><p>Mehr dazu: Anruf tätigen</p>" in q["basics/dial-how"]["body"]
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


def test_hints_reach_both_formats(project: Path):
    """Moodle XML carries a hint as <hint>; GIFT, and Moodle's true/false questions, have none: the hint closes the text."""
    edit(project / "quizzes/basics.yaml", "    feedback_false: Right.\n", "    feedback_false: Right.\n    hint: Think of music.\n")
    proj = load_project(project).project
    root = ET.fromstring(export(proj, LmsFormat.MOODLE_XML, "de"))
    questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    assert questions["basics/match"].findtext("hint/text") == "Jede rechte Seite gehört zu genau einer linken."
    assert "Tipp" not in questions["basics/match"].findtext("questiontext/text")
    assert questions["basics/mute"].find("hint") is None  # untranslated hint: English, in the text of a true/false question
    assert "<em>Tipp: Think of music.</em>" in questions["basics/mute"].findtext("questiontext/text")
    assert all(q.find("hint") is None for name, q in questions.items() if name not in ("basics/match",))
    gift = {x["name"]: x for x in gift_questions(export(proj, LmsFormat.GIFT, "es"))}
    assert gift["basics/match"]["text"] == "<p>Relaciónelos.</p><p><em>Pista: Cada lado derecho corresponde a un solo lado izquierdo.</em></p>"
    assert gift["basics/mute"]["text"].endswith("<em>Pista: Think of music.</em></p>")
    assert "Pista" not in gift["basics/dial-how"]["text"]


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


# --- hostile quizzes: nothing executable reaches the LMS -------------------------------------------------------

HOSTILE = ["<script>hit(1)</script>", '<img src=x onerror="hit(2)">', "</text></answer><script>hit(3)</script>",
           "]]><script>hit(4)</script>", "[a](javascript:hit(5))", "[b](java\nscript:hit(6))", "[c](data:text/html,hit)",
           "{: onclick=hit(7) }", "~ = # { } :", "$CATEGORY: x", "[site](../guides/hold.md#troubleshooting)",
           "[home](https://intranet.example/x)", "<iframe src=javascript:hit(8)>", "&lt;script&gt;hit(9)&lt;/script&gt;"]


def _hostile(project: Path) -> Path:
    import yaml

    def payload(n: int) -> str:
        return f"P{n} " + " ".join(HOSTILE[n % len(HOSTILE):] + HOSTILE[:n % len(HOSTILE)])

    count = iter(range(1000))
    quiz = project / "quizzes/basics.yaml"
    tree = yaml.safe_load(quiz.read_text("utf-8"))

    def fill(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("prompt", "explanation", "text", "feedback", "feedback_true", "feedback_false", "left", "right",
                           "title", "description"):
                    node[key] = payload(next(count))
                else:
                    fill(value)
        elif isinstance(node, list):
            for item in node:
                fill(item)

    fill(tree)
    quiz.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), "utf-8")
    for lang in ("de", "es", "sv"):
        (project / f"quizzes/basics.{lang}.yaml").unlink()
    role = project / "catalog/roles/agent.yaml"
    role.write_text(role.read_text("utf-8").replace("name: Agent", "name: '</category><script>hit(10)</script> x/y'"), "utf-8")
    guide = project / "catalog/features/hold.yaml"
    guide.write_text(guide.read_text("utf-8").replace("title: Hold a call", "title: 'Hold <img src=x onerror=hit(11)>'"), "utf-8")
    return project


class _Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "svg", "style", "form", "base", "meta", "link"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc"):
                self.bad.append(f"{tag}[{name}]")
            if name in ("href", "src"):
                self.links.append(value or "")


def _no_executable_html(fragment: str, site: str | None) -> list[str]:
    parser = _Html()
    parser.feed(fragment)
    problems = list(parser.bad)
    for link in parser.links:
        if not re.match(r"^(https?://|mailto:|tel:)", link):
            problems.append(f"link {link!r}")
        elif site and link.startswith("http") and "intranet" not in link and not link.startswith(site):
            problems.append(f"off-site {link!r}")
    return problems


@pytest.mark.parametrize("site", [None, "https://kb.example.org/training/"])
def test_moodle_xml_of_a_hostile_quiz_has_no_executable_html(project: Path, site):
    root = ET.fromstring(export(load_project(_hostile(project)).project, LmsFormat.MOODLE_XML, "en", site_url=site))
    fields = [node for node in root.iter() if node.get("format") == "html"]
    assert len(fields) > 20
    for node in fields:
        assert _no_executable_html(node.findtext("text") or "", site) == [], node.findtext("text")
    for text in root.iter("text"):  # plain-text fields (names, categories, matching answers) hold no markup at all
        if text not in [f.find("text") for f in fields]:
            assert "<" not in (text.text or ""), text.text
    general = root.find("question[@type='multichoice']/generalfeedback/text").text
    if site:
        assert '<a href="https://kb.example.org/training/guides/dial/#before-and-after">' in general
        assert any("https://kb.example.org/training/guides/hold/#troubleshooting" in (t.text or "") for t in root.iter("text"))
    else:
        assert general.endswith("<p>Learn more: Make a call</p>") and "<a>site</a>" in general  # relative: text only
        assert 'href="../' not in ET.tostring(root, encoding="unicode")


@pytest.mark.parametrize("site", [None, "https://kb.example.org/"])
def test_gift_of_a_hostile_quiz_has_no_executable_html_and_still_parses(project: Path, site):
    text = export(load_project(_hostile(project)).project, LmsFormat.GIFT, "en", site_url=site)
    questions = gift_questions(text)
    assert [q["name"] for q in questions] == ["basics/dial-how", "basics/hold-where", "basics/mute", "basics/order", "basics/match"]
    for q in questions:
        for part in [q["text"]] + re.split(r"(?<!\\)[~=#]|->", q["body"]):
            assert _no_executable_html(_gift_unescape(part), site) == [], part
    categories = [line for line in text.splitlines() if line.startswith("$CATEGORY")]
    assert categories == ["$CATEGORY: $course$/top/‹-category›‹script›hit(10)‹-script› x-y/P0 " + categories[0].split("/P0 ", 1)[1]]
    assert "<" not in categories[0] and "\n" not in categories[0]


def _gift_unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def test_site_url_must_be_an_http_address(tmp_path: Path):
    run = subprocess.run([sys.executable, "-m", "generator.cli", "export-quiz", "-p", str(FIXTURE), "--format", "gift",
                          "--site-url", "javascript:alert(1)//", "-o", str(tmp_path / "x.gift")], capture_output=True, text=True)
    assert run.returncode == 2 and "absolute http:// or https:// address" in run.stderr and not (tmp_path / "x.gift").exists()
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
