"""`cutover survey report`: charts per question, by role and by language, and the trend between two surveys."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.catalog.load import load_project
from generator.export.surveyreport import ReportError, read_answers, write_report
from support import REPO

ANSWERS = Path(__file__).parent.parent / "fixtures" / "survey-answers"


@pytest.fixture(scope="module")
def kit():
    return load_project(REPO).project


def test_report_from_json_and_csv_in_two_languages(kit, tmp_path):
    files = sorted(ANSWERS.glob("*.json")) + [ANSWERS / "after-go-live.csv"]
    responses, warnings = read_answers(files, kit)
    assert len(responses) == 14 and not warnings
    assert {r.language for r in responses} == {"en", "de"}
    result = write_report(kit, responses, tmp_path / "report", "en")
    page = (tmp_path / "report" / "index.html").read_text("utf-8")
    charts = {p.name for p in (tmp_path / "report" / "charts").glob("*.svg")}
    # every chart is a real SVG with bars, and the page shows it
    for name in charts:
        root = ET.parse(tmp_path / "report" / "charts" / name).getroot()
        assert root.tag.endswith("svg") and root.iter()
        assert f'src="charts/{name}"' in page
    assert {"readiness-confidence.svg", "readiness-confidence-by-role.svg", "readiness-confidence-by-language.svg",
            "after-go-live-compared.svg", "after-go-live-training-received.svg", "trend-training.svg",
            "trend-ease-of-use.svg"} <= charts
    assert "14 responses in all." in page and "Before and after the switch" in page
    assert "<td>German</td>" in page and "<td>Receptionist</td>" in page  # by language, by role
    assert "Voicemail &lt;b&gt;PIN&lt;/b&gt;" in page  # free text stays text
    # the readiness survey comes first (its phase is earlier), the trend compares it with the survey after go-live
    assert page.index('id="survey-readiness"') < page.index('id="survey-after-go-live"')
    assert len(result.written) == len(charts) + 1


def test_report_in_german(kit, tmp_path):
    responses, _ = read_answers(sorted(ANSWERS.glob("*.json")), kit)
    write_report(kit, responses, tmp_path / "r", "de")
    page = (tmp_path / "r" / "index.html").read_text("utf-8")
    assert '<html lang="de">' in page and "Auswertung der Umfragen" in page and "6 Antwortbögen insgesamt." in page


def test_bad_answers_are_named(kit, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("survey,language,role,confidence\nreadiness,en,receptionist,9\nsurvey-x,en,,1\n", "utf-8")
    with pytest.raises(ReportError, match=r"bad.csv:3: unknown survey 'survey-x'"):
        read_answers([bad], kit)
    bad.write_text("survey,language,role,confidence\nreadiness,en,receptionist,9\n", "utf-8")
    _, warnings = read_answers([bad], kit)
    assert warnings == [f"{bad}:2: question 'confidence': 9 is outside 1–5; left out"]
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    with pytest.raises(ReportError, match="broken.json:1: not valid JSON"):
        read_answers([broken], kit)


def test_cli(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "survey", "report", "-p", str(REPO), "--lang", "sv",
                           *map(str, sorted(ANSWERS.glob("*.json"))), str(ANSWERS / "after-go-live.csv"),
                           "-o", str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "14 responses" in done.stdout and "Enkätrapport" in (tmp_path / "out" / "index.html").read_text("utf-8")
