from pathlib import Path

import pytest

from generator.catalog.load import Layout, load_project
from generator.errors import CutoverError
from generator.site.stage import stage
from generator.strings.marks import mark, strip

from support import FIXTURE, edit, tree_snapshot


def test_stage_writes_languages_and_handwritten_pages(tmp_path: Path):
    before = tree_snapshot(FIXTURE)
    result = stage(load_project(FIXTURE).project, Layout(FIXTURE), tmp_path / "s")
    assert (tmp_path / "s/de/guides/dial.md").is_file() and (tmp_path / "s/sv/quizzes/basics.md").is_file()
    about = (tmp_path / "s/de/about.md").read_text("utf-8")
    assert "Fixture Ltd wechselt am 10.\u00a0März\u00a02027 zu NewTel; Hilfe gibt es werktags." in about
    assert "*[PBX]: Nebenstellenanlage." in about  # glossary tooltips on hand-written pages too
    assert result.generated["en/guides/dial.md"] == "catalog/features/dial.yaml"
    assert tree_snapshot(FIXTURE) == before  # the project is never written to


def test_restage_rewrites_only_what_changed(project: Path, tmp_path: Path):
    target = tmp_path / "s"
    stage(load_project(project).project, Layout(project), target)
    (target / "en/stale.md").write_text("left over")
    edit(project / "catalog/features/hold.yaml", "summary: Pause a call.", "summary: Pause a call for a moment.")
    result = stage(load_project(project).project, Layout(project), target)
    assert "en/guides/hold.md" in result.written
    assert "en/faq.md" not in result.written and "de/guides/hold.md" not in result.written
    assert not (target / "en/stale.md").exists()


def test_handwritten_page_may_not_take_a_generated_path(project: Path, tmp_path: Path):
    (project / "docs/en/faq.md").write_text("# Mine\n")
    with pytest.raises(CutoverError) as info:
        stage(load_project(project).project, Layout(project), tmp_path / "s")
    assert info.value.problems[0].path == "docs/en/faq.md" and "collides" in info.value.problems[0].message


def test_unknown_variable_in_handwritten_page_is_located(project: Path, tmp_path: Path):
    (project / "docs/en/about.md").write_text("# About\n\nCall {{ helpdesk }} today. \\{{ literal }} stays.\n")
    with pytest.raises(CutoverError) as info:
        stage(load_project(project).project, Layout(project), tmp_path / "s")
    [p] = info.value.problems
    assert (p.path, p.line, p.col) == ("docs/en/about.md", 3, 6) and "helpdesk" in p.message


def test_missing_handwritten_translation_gets_a_visible_notice(tmp_path: Path):
    result = stage(load_project(FIXTURE).project, Layout(FIXTURE), tmp_path / "s")
    sv = (tmp_path / "s/sv/about.md").read_text("utf-8")
    assert strip(sv).startswith("# About\n\n!!! warning") and "Den här sidan är inte översatt ännu och visas på engelska." in sv
    assert sv.startswith(f"# {mark('About', 'en')}") and '<div lang="en" class="cutover-fallback-page" markdown="1">' in sv
    assert "de" not in result.fallback_pages  # docs/de/about.md exists
    assert [w.format() for w in result.warnings if "sv" in w.message] == [
        "docs/en/about.md: warning: not translated into sv (create docs/sv/about.md)"]


def test_front_matter_title_of_a_handwritten_page_is_staged_as_html_text(project: Path, tmp_path: Path):
    import yaml

    title = "</title><script>hit(1)</script> & \"more\""
    (project / "docs/en/about.md").write_text(f"---\ntitle: '{title}'\nhide:\n  - toc\n---\n\n# About\n", "utf-8")
    (project / "docs/en/plain.md").write_text("---\ntitle: Plain title\n---\n\n# Plain\n", "utf-8")
    stage(load_project(project).project, Layout(project), tmp_path / "s")
    staged = (tmp_path / "s/en/about.md").read_text("utf-8")
    meta = yaml.safe_load(staged.split("---\n")[1])
    assert meta == {"hide": ["toc"], "title": "&lt;/title&gt;&lt;script&gt;hit(1)&lt;/script&gt; &amp; &quot;more&quot;"}
    assert "\n---\n\n# About\n" in staged
    assert (tmp_path / "s/en/plain.md").read_text("utf-8").startswith("---\ntitle: Plain title\n---\n\n# Plain\n")  # as written


def test_card_links_an_address_without_letting_it_end_the_link(project: Path, tmp_path: Path):
    edit(project / "catalog/site.yaml", "  hours: weekdays", "  hours: weekdays\n  helpdesk_email: 'a@b.org'")
    stage(load_project(project).project, Layout(project), tmp_path / "s")
    card = (tmp_path / "s/en/cards/agent.md").read_text("utf-8")
    assert "[a@b.org](mailto:a@b.org)" in card
