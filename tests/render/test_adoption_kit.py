"""The adoption kit's pages from the shipped content: day-one checklist per role and device, what each role will no
longer have, the champions' guide, the floor walker's script and the helpdesk runbook; hiding and located errors."""

import shutil

import pytest

from generator.catalog.load import load_project
from generator.render import page_markdown, render_pages
from support import REPO, edit, load_problems


@pytest.fixture(scope="module")
def kit():
    return load_project(REPO).project


def page(project, path: str, lang: str) -> str:
    found = next(p for p in render_pages(project, lang) if p.path == path)
    return page_markdown(project, found, lang)


def test_day_one_per_role_and_device(kit):
    text = page(kit, "day-one/receptionist.md", "de")
    assert "# Erster Tag: Empfang und Zentrale" in text
    assert '<li data-role="day-one-receptionist" data-task="desk_phone-voicemail-greeting" markdown="span">☐ Wählen Sie\xa0\\*86' in text
    assert 'data-task="mobile-headset-test"' in text and "## Mobil-App {#device-mobile}" in text and "## Tischtelefon {#device-desk_phone}" in text
    assert "../guides/voicemail-setup.md" in text  # the item links its guide


def test_role_manual_links_what_is_gone_and_day_one(kit):
    text = page(kit, "roles/receptionist.md", "sv")
    assert "[Det här försvinner](#no-longer)" in text and "(../day-one/receptionist.md)" in text
    assert "## Det här försvinner {#no-longer}" in text and "Receptionskonsolen" in text
    assert "Väggtavlan" not in text  # the wallboard is the queue agents' and supervisors'
    assert "Väggtavlan" in page(kit, "roles/supervisor.md", "sv")


def test_champions_guide_script_and_runbook(kit):
    guide = page(kit, "project/champions.md", "es")
    assert guide.count("](../faq.md#") == 10  # the ten questions, linked to their answers
    assert "## Cómo derivar un problema {#escalation}" in guide
    script = page(kit, "project/floor-walker.md", "en")
    assert "| 07:30 |" in script and "| 16:30 |" in script
    runbook = page(kit, "project/runbook.md", "en")
    assert "## Cutover and number porting {#phase-cutover}" in runbook
    assert "{#call-desk-phone-dead-cutover-morning}" in runbook and "**Check:**" in runbook and "**Answer to give:**" in runbook


def test_hiding_a_role_and_a_feature(tmp_path):
    root = tmp_path / "kit"
    for name in ("catalog", "quizzes", "docs", "mkdocs.yml"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    edit(root / "catalog" / "site.yaml", "languages:", "hide:\n  roles: [receptionist]\n  features: [headset-setup]\n  surveys: [readiness]\nlanguages:")
    project = load_project(root).project
    assert "day-one/receptionist.md" not in [p.path for p in render_pages(project, "en")]
    assert all(item.id != "headset-test" for item in project.day_one.items)
    assert all("receptionist" not in item.roles for item in project.retired.items)
    assert project.messages["one-week-before"].survey is None  # its survey is hidden
    assert all("receptionist" not in s.roles for m in project.messages.values() for s in m.sessions)


def test_unknown_ids_are_located(tmp_path):
    root = tmp_path / "kit"
    for name in ("catalog", "quizzes", "docs", "mkdocs.yml"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    edit(root / "catalog" / "day-one.yaml", "feature: first-sign-in", "feature: first-sign-on")
    edit(root / "catalog" / "retired.yaml", "roles: [receptionist]", "roles: [receptionst]")
    edit(root / "catalog" / "champions.yaml", "questions: [phone-not-ringing,", "questions: [phone-not-ringin,")
    problems = load_problems(root)
    assert any(p.startswith("catalog/day-one.yaml:") and "unknown feature 'first-sign-on' (did you mean 'first-sign-in'?)" in p for p in problems)
    assert any(p.startswith("catalog/retired.yaml:") and "unknown role 'receptionst' (did you mean 'receptionist'?)" in p for p in problems)
    assert any(p.startswith("catalog/champions.yaml:") and "unknown FAQ 'phone-not-ringin'" in p for p in problems)
