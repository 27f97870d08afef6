"""`cutover messages`: e-mail drafts that mail clients open, a calendar that parses, dates that follow the timeline."""

import datetime
import email
import shutil
import subprocess
import sys
from email import policy
from pathlib import Path

import icalendar
import pytest

from generator.catalog.load import load_project
from generator.export.messages import write_messages
from generator.render import page_markdown, render_pages
from support import FIXTURE, REPO, edit, load_problems

MESSAGE = """id: heads-up
audience: [agent]
send: 14 days before cutover_date
subject: "{{ new_system }} is coming"
body: |-
  On {{ cutover_date }} we move to **{{ new_system }}**.
survey: after-go-live
sessions:
  - id: agents
    date: 2 days after training_start
    start: "09:30"
    minutes: 90
    roles: [agent]
    place: Room 1
"""
TRANSLATIONS = {
    "de": 'id: heads-up\nsubject: "{{ new_system }} kommt"\nbody: Am {{ cutover_date }} stellen wir auf **{{ new_system }}** um.\nsessions:\n  - id: agents\n    place: Raum 1\n',
    "es": 'id: heads-up\nsubject: "Llega {{ new_system }}"\nbody: El {{ cutover_date }} pasamos a **{{ new_system }}**.\nsessions:\n  - id: agents\n    place: Sala 1\n',
    "sv": 'id: heads-up\nsubject: "{{ new_system }} kommer"\nbody: Den {{ cutover_date }} byter vi till **{{ new_system }}**.\nsessions:\n  - id: agents\n    place: Rum 1\n',
}
SURVEY = """id: after-go-live
title: How is it going?
questions:
  - id: ease
    type: rating
    prompt: How easy is it?
"""


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    folder = root / "catalog" / "messages"
    folder.mkdir()
    (folder / "heads-up.yaml").write_text(MESSAGE, "utf-8")
    for lang, text in TRANSLATIONS.items():
        (folder / f"heads-up.{lang}.yaml").write_text(text, "utf-8")
    surveys = root / "catalog" / "surveys"
    surveys.mkdir()
    (surveys / "after-go-live.yaml").write_text(SURVEY, "utf-8")
    for lang in TRANSLATIONS:
        (surveys / f"after-go-live.{lang}.yaml").write_text(
            "id: after-go-live\ntitle: T\nquestions:\n  - id: ease\n    prompt: P\n", "utf-8")
    edit(root / "catalog" / "site.yaml", "  cutover_date: 2027-03-10\n",
         "  cutover_date: 2027-03-10\n  training_start: 2027-02-01\n  site_url: https://kb.example.org/phones\n")
    return root


def parse(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def test_drafts_parse_with_date_language_links(project, tmp_path):
    result = write_messages(load_project(project).project, tmp_path / "out")
    assert not result.warnings
    names = sorted(p.relative_to(tmp_path / "out").as_posix() for p in result.written)
    assert "de/2027-02-24-heads-up.eml" in names and "en/plan.ics" in names and len(names) == 8
    mail = parse(tmp_path / "out" / "de" / "2027-02-24-heads-up.eml")
    assert mail["Subject"] == "NewTel kommt"
    assert mail["X-Unsent"] == "1" and mail["Content-Language"] == "de"
    assert mail["Date"].datetime.date() == datetime.date(2027, 2, 24)
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Am 10. März 2027 stellen wir auf **NewTel** um." in text
    assert "<strong>NewTel</strong>" in html and '<html lang="de">' in html
    assert "https://kb.example.org/phones/de/roles/agent/" in text  # the audience's manual, in the reader's language
    assert 'href="https://kb.example.org/phones/de/roles/agent/"' in html
    assert "roles/manager/" not in text  # only the audience's roles
    assert "https://kb.example.org/phones/de/surveys/after-go-live/" in text
    assert "Raum 1" in text and "09:30–11:00" in text
    english = parse(tmp_path / "out" / "en" / "2027-02-24-heads-up.eml")
    assert "https://kb.example.org/phones/roles/agent/" in english.get_body(("plain",)).get_content()  # default at the root


def test_calendar_parses_with_send_dates_and_sessions(project, tmp_path):
    write_messages(load_project(project).project, tmp_path / "out", ["es"])
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "es" / "plan.ics").read_bytes())
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    send = events["Enviar: Llega NewTel"]
    assert send.decoded("dtstart") == datetime.date(2027, 2, 24)
    session = events["Formación: Llega NewTel"]
    assert session.decoded("dtstart") == datetime.datetime(2027, 2, 3, 9, 30)
    assert session.decoded("dtend") == datetime.datetime(2027, 2, 3, 11, 0)
    assert str(session["location"]) == "Sala 1"
    assert not (tmp_path / "out" / "en").exists()  # --lang es only


def test_a_relative_date_moves_with_cutover_date(project, tmp_path):
    edit(project / "catalog" / "site.yaml", "cutover_date: 2027-03-10", "cutover_date: 2027-04-21")
    loaded = load_project(project).project
    result = write_messages(loaded, tmp_path / "out", ["en"])
    assert tmp_path / "out" / "en" / "2027-04-07-heads-up.eml" in result.written
    plan = next(p for p in render_pages(loaded, "en") if p.path == "project/communication.md")
    text = page_markdown(loaded, plan, "en")
    assert "Wednesday, April 7, 2027" in text and "[NewTel is coming](#message-heads-up)" in text


def test_communication_plan_is_dated_calendar_in_every_language(project):
    loaded = load_project(project).project
    for lang, words in {"en": "Send: [NewTel is coming]", "de": "Versenden: [NewTel kommt]", "sv": "Skicka: [NewTel kommer]"}.items():
        plan = next(p for p in render_pages(loaded, lang) if p.path == "project/communication.md")
        assert words in page_markdown(loaded, plan, lang)


@pytest.mark.parametrize("old, new, expected", [
    ("send: 14 days before cutover_date", "send: 14 days before cutover_dat",
     "catalog/messages/heads-up.yaml:3:|error: unknown date variable 'cutover_dat' (did you mean 'cutover_date'?)"),
    ("send: 14 days before cutover_date", "send: fortnight before cutover_date",
     "catalog/messages/heads-up.yaml:3:|error: 'fortnight before cutover_date' is not a relative date"),
    ("send: 14 days before cutover_date", "send: on phase cutovr",
     "catalog/messages/heads-up.yaml:3:|error: unknown phase 'cutovr'"),
    ("audience: [agent]", "audience: [agnet]",
     "catalog/messages/heads-up.yaml:2:|error: unknown role 'agnet' (did you mean 'agent'?)"),
    ("survey: after-go-live", "survey: after-golive",
     "catalog/messages/heads-up.yaml:7:|error: unknown survey 'after-golive' (did you mean 'after-go-live'?)"),
])
def test_located_errors(project, old, new, expected):
    edit(project / "catalog" / "messages" / "heads-up.yaml", old, new)
    where, message = expected.split("|")
    problems = load_problems(project)
    assert any(p.startswith(where) and message in p for p in problems), problems


def test_missing_translation_is_located(project):
    (project / "catalog" / "messages" / "heads-up.sv.yaml").write_text("id: heads-up\nsubject: Hej\n", "utf-8")
    problems = load_problems(project)
    assert any("heads-up" in p and "sv" in p for p in problems), problems


def test_hidden_message_and_role(project, tmp_path):
    edit(project / "catalog" / "site.yaml", "languages:", "hide:\n  messages: [heads-up]\nlanguages:")
    loaded = load_project(project).project
    assert not loaded.messages
    assert "project/communication.md" not in [p.path for p in render_pages(loaded, "en")]


def test_cli_writes_the_kit_drafts(tmp_path):
    out = tmp_path / "drafts"
    done = subprocess.run([sys.executable, "-m", "generator", "messages", "-p", str(REPO), "--lang", "sv", "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    drafts = sorted(p.name for p in (out / "sv").glob("*.eml"))
    assert len(drafts) >= 8 and (out / "sv" / "plan.ics").is_file()
    go_live = parse(next((out / "sv").glob("*-go-live-morning.eml")))
    assert go_live["Subject"] == "God morgon: CloudPhone är i drift"


def test_new_message_scaffold_is_checked_until_filled(project):
    from generator.authoring.scaffold import scaffold

    written = scaffold(project, "message", "welcome")
    assert [p.name for p in written] == ["welcome.yaml", "welcome.de.yaml", "welcome.es.yaml", "welcome.sv.yaml"]
    from generator.authoring.check import run_check

    problems = [p.format() for p in run_check(project).problems]
    assert any(p.startswith("catalog/messages/welcome.yaml:7:") and "TODO" in p for p in problems), problems
    assert any(p.startswith("catalog/messages/welcome.de.yaml:") and "TODO" in p for p in problems), problems
