"""The quiz runtime's size budget and its strings in every language."""

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.site.bundle import QUIZ_DIR, SCRIPTS, STYLES, bundles
from generator.render.localize import ui_languages
from generator.strings.files import check_layer, package_layer, reference
from generator.strings.plurals import categories
from generator.verify.sitemap import read_site
from generator.verify.static import check_links, check_other_languages, check_switchers

from support import FIXTURE, edit

BUDGET = 14 * 1024  # gzipped JS + CSS as staged, the budget (issue 20: practice, exam, presenter, progress, results)


def test_runtime_fits_the_budget():
    staged = bundles()
    size = sum(len(gzip.compress(staged[name], 9)) for name in ("quiz.js", "quiz.css"))
    assert size <= BUDGET, f"{size} bytes gzipped"


def test_runtime_bundle_holds_every_module_once_in_order():
    """The staged quiz.js is every module of assets/quiz/, minified, in one function scope; no module is left out."""
    on_disk = {p.relative_to(QUIZ_DIR).as_posix() for p in QUIZ_DIR.rglob("*") if p.is_file()}
    assert on_disk == set(SCRIPTS) | set(STYLES)
    script = bundles()["quiz.js"].decode("utf-8")
    assert script.startswith('(()=>{"use strict";') and script.rstrip().endswith("})();")
    assert "//" not in script.replace("://", "")  # comments are left out (URLs aside)
    for function in ("function h(", "function grade(", "function encodeResult(", "function present(", "function mountAll("):
        assert script.count(function) == 1, function
    positions = [script.index(name) for name in ("function h(", "function grade(", "function questionView(", "function mountAll(")]
    assert positions == sorted(positions)


def test_every_ui_string_exists_in_every_shipped_language():
    """Every key of English in every shipped language, with the placeholders English fills, every plural form CLDR
    asks for (Spanish: one, many, other), no markup and no TODO (check_layer is what `cutover check` runs)."""
    assert ui_languages() == ["de", "en", "es", "sv"]
    for lang in ui_languages():
        layer = package_layer(lang)
        assert set(layer) == set(reference()), (lang, set(reference()) ^ set(layer))
        assert check_layer(layer, lang) == [], lang
        assert not [key for key, entry in layer.items() if entry.todo], lang
        assert set(package_layer(lang)["quiz.questions"].value) == set(categories(lang)), lang


def test_an_added_language_falls_back_to_english_ui(tmp_path: Path):
    """Adding a language is configuration plus content: one material ships (fr), one it does not (fo, Faroese)."""
    project = tmp_path / "proj"
    shutil.copytree(FIXTURE, project)
    edit(project / "catalog/site.yaml", "languages: [en, de, es, sv]", "languages: [en, de, es, sv, fr, fo]")
    edit(project / "mkdocs.yml", "        - {locale: sv, name: Svenska, build: true}",
         "        - {locale: sv, name: Svenska, build: true}\n        - {locale: fr, name: Français, build: true}"
         "\n        - {locale: fo, name: Føroyskt, build: true}")
    (project / "catalog/features/hold.fr.yaml").write_text("id: hold\ntitle: Mettre un appel en attente\n", "utf-8")
    (project / "docs/fr").mkdir()
    (project / "docs/fr/about.md").write_text("# À propos\n\nVoir le [guide](guides/hold.md#troubleshooting).\n", "utf-8")
    check = subprocess.run([sys.executable, "-m", "generator.cli", "check", "-p", str(project)], capture_output=True,
                           text=True, timeout=300)
    assert check.returncode == 0, check.stderr
    assert "not translated into fo" in check.stderr and "not translated into fr" in check.stderr  # warnings only
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for lang in ("fr", "fo"):
        page = (out / f"{lang}/quizzes/basics/index.html").read_text("utf-8")
        data = json.loads(re.search(r'<script type="application/json" class="cq-data">(.*?)</script>', page).group(1))
        assert data["lang"] == lang and data["ui"]["submit"] == "\ue000en\ue001Submit answers\ue002"  # marked English
        assert "parts of this page have not been translated yet and are shown in English" in re.sub(r"<[^>]+>", "", page)
        assert f'<html lang="{lang}"' in page
    assert "Mettre un appel en attente" in (out / "fr/guides/hold/index.html").read_text("utf-8")
    assert 'placeholder="Rechercher"' in (out / "fr/index.html").read_text("utf-8")  # material's own French UI
    assert 'placeholder="Search"' in (out / "fo/index.html").read_text("utf-8")  # no Faroese anywhere: English
    assert '<span lang="en" class="cutover-fallback">Skip to content</span>' in (out / "fo/index.html").read_text("utf-8")
    # the built site verifies: every link, anchor and language switcher (the static part of `cutover verify`)
    pages = read_site(out)
    assert any(url.startswith("fo/") for url in pages) and any(url.startswith("fr/") for url in pages)
    for result in (check_links(out, pages), check_switchers(out, pages)):
        assert result.checked and not result.failures, result.failures[:5]
    # what `cutover verify` reports (without failing): every Faroese and French page shows English, marked so
    shown = check_other_languages(out, pages)
    assert shown.passed and {f.page.split("/")[0] for f in shown.failures} == {"fr", "fo", "es", "sv"}  # es, sv: the about page
    assert any(f.page == "fo/about/" and f.reason.endswith("the page's body in 'en'") for f in shown.failures)
