"""The quiz runtime's size budget and its strings in every language."""

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from support import FIXTURE, edit
from generator import PACKAGE_DIR
from generator.localize import ui_languages

BUDGET = 12 * 1024  # gzipped JS + CSS, the budget


def test_runtime_fits_the_budget():
    size = sum(len(gzip.compress((PACKAGE_DIR / "assets" / name).read_bytes(), 9)) for name in ("quiz.js", "quiz.css"))
    assert size <= BUDGET, f"{size} bytes gzipped"


def test_every_ui_string_exists_in_every_shipped_language():
    def keys(tree, prefix=""):
        out = set()
        for key, value in tree.items():
            out |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
        return out
    import yaml
    trees = {lang: yaml.safe_load((PACKAGE_DIR / "locales" / f"{lang}.yaml").read_text("utf-8")) for lang in ui_languages()}
    assert set(trees) == {"en", "de", "es", "sv"}
    for lang, tree in trees.items():
        assert keys(tree) == keys(trees["en"]), lang
        for key in keys(tree):
            english = trees["en"]
            value = tree
            for part in key.split("."):
                value, english = value[part], english[part]
            assert set(re.findall(r"\{\w+\}", value)) == set(re.findall(r"\{\w+\}", english)), f"{lang}:{key}"


def test_an_added_language_falls_back_to_english_ui(tmp_path: Path):
    project = tmp_path / "proj"
    shutil.copytree(FIXTURE, project)
    edit(project / "catalog/site.yaml", "languages: [en, de, es, sv]", "languages: [en, de, es, sv, fr]")
    edit(project / "mkdocs.yml", "        - {locale: sv, name: Svenska, build: true}",
         "        - {locale: sv, name: Svenska, build: true}\n        - {locale: fr, name: Français, build: true}")
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    page = (out / "fr/quizzes/basics/index.html").read_text("utf-8")
    data = json.loads(re.search(r'<script type="application/json" class="cq-data">(.*?)</script>', page).group(1))
    assert data["lang"] == "fr" and data["ui"]["submit"] == "Submit answers"
    assert "Parts of this page have not been translated yet and are shown in English." in page
