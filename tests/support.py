"""Paths and small helpers shared by the test modules."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
REPO = Path(__file__).parent.parent


def edit(path: Path, old: str, new: str) -> None:
    """Replace one occurrence of ``old`` in a file; fail loudly when it is not there."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def tree_snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def make_org(root: Path, kit: Path, site: str = "", files: dict[str, str] | None = None,
             languages: tuple[str, ...] = ("en", "de", "es", "sv")) -> Path:
    """An organisation project in ``root`` layered over the kit folder ``kit`` (usually a copy of FIXTURE).

    ``site`` is appended to its catalog/site.yaml; ``files`` maps project paths to their text.
    """

    root.mkdir(parents=True, exist_ok=True)
    mkdocs = (FIXTURE / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(mkdocs, "utf-8")
    (root / "catalog").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "catalog" / "site.yaml").write_text(f"kit: {kit}\nlanguages: [{', '.join(languages)}]\n{site}", "utf-8")
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def load_problems(root: Path) -> list[str]:
    """Every problem loading ``root`` reports, formatted (errors raised, or warnings of a load that succeeded)."""
    from generator.catalog.load import load_project
    from generator.errors import CutoverError

    try:
        return [p.format() for p in load_project(root).warnings]
    except CutoverError as exc:
        return [p.format() for p in exc.problems]
#: A hospital's own content and its Polish and Italian translations (tests/fixtures/languages/README.md).
LANGUAGE_FIXTURES = Path(__file__).parent / "fixtures" / "languages"
LANGUAGE_ORGS = {"pl": "Szpital Miejski", "it": "Ospedale Civico"}


def _copy_fixture(source: Path, target: Path) -> None:
    import shutil

    for path in sorted(source.rglob("*")):
        if path.is_file() and path.name not in ("README.md", "site.append.yaml"):
            (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / path.relative_to(source))


def language_org(root: Path, lang: str) -> Path:
    """`cutover init --languages en,<lang>` in ``root`` with the hospital's own content in English and every kit
    role, feature and FAQ hidden; not translated yet (:func:`translate_language_org` does that)."""
    import subprocess
    import sys

    from generator.catalog.load import load_project

    run = subprocess.run([sys.executable, "-m", "generator.cli", "init", str(root), "--org-name", LANGUAGE_ORGS[lang],
                          "--languages", f"en,{lang}"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for page in (root / "docs" / "en").glob("*.md"):
        page.unlink()  # the hospital's own hand-written pages replace the kit's
    _copy_fixture(LANGUAGE_FIXTURES / "org", root)
    kit = load_project(REPO).project
    hide = "hide:\n" + "".join(f"  {kind}: [{', '.join(ids)}]\n" for kind, ids in (
        ("roles", kit.roles), ("features", kit.features), ("faqs", kit.faqs), ("messages", kit.messages),
        ("surveys", kit.surveys))) + "  day_one: true\n  retired: true\n  champions: true\n"
    with (root / "catalog" / "site.yaml").open("a", encoding="utf-8") as site:
        site.write((LANGUAGE_FIXTURES / "org" / "site.append.yaml").read_text("utf-8") + hide)
    return root


def translate_language_org(root: Path, lang: str) -> None:
    """The translation: content, site texts and the language's interface strings."""
    _copy_fixture(LANGUAGE_FIXTURES / lang, root)
