"""`cutover new`: a definition and its translations, valid in shape, that `check` refuses until every TODO is filled."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from support import REPO, tree_snapshot

KINDS = {"role": "catalog/roles", "feature": "catalog/features", "quiz": "quizzes", "faq": "catalog/faqs"}
SCHEMAS = {"role": "role", "feature": "feature", "quiz": "quiz", "faq": "faqs"}


def cutover(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def fill_todos(path: Path) -> None:
    """What a writer or translator does: replace each TODO text with a real one."""
    text = path.read_text("utf-8")
    counter = iter(range(1, 1000))
    path.write_text(re.sub(r'"TODO:[^"\n]*"', lambda m: f"Real text {next(counter)}", text), "utf-8")


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_scaffolds_a_definition_and_every_translation_that_check_refuses_until_filled(project: Path, kind: str):
    shutil.copytree(REPO / "generator/schemas", project / "generator/schemas")  # as in the kit's repository
    run = cutover("new", kind, "brand-new", "-p", str(project))
    assert run.exit_code == 0, run.output
    folder = project / KINDS[kind]
    files = [folder / "brand-new.yaml"] + [folder / f"brand-new.{lang}.yaml" for lang in ("de", "es", "sv")]
    assert all(f.is_file() for f in files)
    for path in files:
        assert f"created {path.relative_to(project).as_posix()}" in run.stdout
        schema = SCHEMAS[kind] + (".translation" if path.name.count(".") == 2 else "")
        assert path.read_text("utf-8").startswith(f"# yaml-language-server: $schema=../{'../' if '/' in KINDS[kind] else ''}"
                                                  f"generator/schemas/{schema}.schema.json\n")
        assert (path.parent / path.read_text("utf-8").split("=", 1)[1].split("\n")[0]).resolve().is_file()

    check = cutover("check", "-p", str(project), "--format", "json")
    assert check.exit_code == 1
    import json
    problems = json.loads(check.stdout)["problems"]
    errors = [p for p in problems if p["severity"] == "error"]
    assert errors and all(p["code"] == "todo" for p in errors), errors  # only the TODOs: the shape is valid
    assert {p["file"] for p in errors} == {f.relative_to(project).as_posix() for f in files}
    assert all(p["line"] > 0 and "still holds the placeholder 'TODO" in p["message"] for p in errors)

    for path in files[:-1]:
        fill_todos(path)
    still = cutover("check", "-p", str(project))
    assert still.exit_code == 1
    assert f"{KINDS[kind]}/brand-new.sv.yaml:" in still.stderr and "TODO" in still.stderr
    assert f"{KINDS[kind]}/brand-new.de.yaml:" not in still.stderr
    fill_todos(files[-1])
    done = cutover("check", "-p", str(project))
    assert done.exit_code == 0, done.stderr


def test_new_never_overwrites(project: Path):
    before = tree_snapshot(project)
    run = cutover("new", "feature", "hold", "-p", str(project))
    assert run.exit_code == 1 and "catalog/features/hold.yaml already exists" in run.output
    assert tree_snapshot(project) == before
    (project / "catalog/roles/lonely.es.yaml").write_text("name: x\n", "utf-8")
    before = tree_snapshot(project)
    run = cutover("new", "role", "lonely", "-p", str(project))
    assert run.exit_code == 1 and "catalog/roles/lonely.es.yaml already exists" in run.output
    assert tree_snapshot(project) == before


@pytest.mark.parametrize("bad", ["Call_Park", "call--park", "park-", "park.de", "x" * 65, "über"])
def test_new_refuses_a_bad_id(project: Path, bad: str):
    before = tree_snapshot(project)
    run = cutover("new", "feature", bad, "-p", str(project))
    assert run.exit_code == 1
    assert f"'{bad}' is not a valid id: use lower-case letters, digits and single hyphens" in run.output
    assert tree_snapshot(project) == before


def test_new_refuses_an_unknown_kind_and_a_folder_that_is_no_project(project: Path, tmp_path: Path):
    run = cutover("new", "widget", "x", "-p", str(project))
    assert run.exit_code == 2 and "'widget' is not one of 'role', 'feature', 'quiz', 'faq'" in run.output
    empty = tmp_path / "empty"
    empty.mkdir()
    run = cutover("new", "role", "x", "-p", str(empty))
    assert run.exit_code == 1 and "catalog/site.yaml not found" in run.output
    assert not any(empty.iterdir())
