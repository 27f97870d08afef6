"""Organisations in languages the kit does not ship: Polish (one, few, many and other) and Italian (elides articles).

Each is made with `cutover init --languages en,xx`, gets a hospital's own content (tests/fixtures/languages/org),
hides the kit's roles, features and FAQs, and is checked before its translation (check --strict fails naming
the missing strings, i18n status counts them) and after it: then no page of the language holds an English
interface or theme string (the list comes from the strings files, not from this test), counts take their
plural forms, the 404 page is the language's, the glossary sorts by the language's alphabet and search splits
elided articles off their word.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.catalog.yamlio import read_yaml
from generator.site.chrome import material_strings
from generator.strings.files import flatten, reference

from support import LANGUAGE_ORGS, language_org, translate_language_org

pytestmark = pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop


def cutover(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=900, cwd=cwd)


@pytest.fixture(scope="module", params=sorted(LANGUAGE_ORGS))
def org(request, tmp_path_factory):
    """(project, language, state before translation): initialised, own content in English, then translated, built."""
    lang = request.param
    root = language_org(tmp_path_factory.mktemp(f"org-{lang}") / "hospital", lang)
    before = {"strict": cutover("check", "--strict", cwd=root),
              "status": json.loads(cutover("i18n", "status", "--lang", lang, "--format", "json", cwd=root).stdout)}
    translate_language_org(root, lang)
    run = cutover("build", cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
    return root, lang, before


def test_init_scaffolds_the_language(org):
    root, lang, _ = org
    mkdocs = (root / "mkdocs.yml").read_text("utf-8")
    assert f"- locale: {lang}" in mkdocs and {"pl": "name: Polski", "it": "name: Italiano"}[lang] in mkdocs
    assert f"languages: [en, {lang}]" in (root / "catalog/site.yaml").read_text("utf-8")


def test_before_translation_check_strict_fails_naming_the_missing_strings(org):
    root, lang, before = org
    strict = before["strict"]
    assert strict.returncode == 1
    # Every untranslated interface string is named at its line of the organisation's strings file.
    assert re.search(rf"^locales/{lang}\.yaml:\d+:3: error: interface string guide\.steps is not translated into {lang}",
                     strict.stderr, re.M), strict.stderr[:2000]
    assert re.search(rf"^locales/{lang}\.yaml:\d+:3: error: interface string chrome\.permalink is not translated", strict.stderr, re.M)
    assert f"catalog/site.{lang}.yaml" in strict.stderr  # the site texts' TODOs
    assert "Traceback" not in strict.stderr


def test_before_translation_i18n_status_counts_them(org):
    root, lang, before = org
    status = before["status"][lang]
    strings = next(f for f in status["files"] if f["file"] == f"locales/{lang}.yaml")
    todo = sum(1 for e in flatten(read_yaml(root / f"locales/{lang}.yaml", "x"), []).values() if e.todo)  # translated now
    assert strings["missing"] > 200 and strings["complete"] + strings["missing"] == len(reference())
    assert todo == 0
    pages = {p["page"]: p for p in status["pages"]}
    assert pages["guides/ward-call.md"]["interface"] > 20 and pages["guides/ward-call.md"]["content"] > 0


def test_after_translation_nothing_is_left_in_english(org):
    root, lang, _ = org
    check = cutover("check", "--strict", cwd=root)
    own = [line for line in check.stderr.splitlines() if ": error:" in line and not line.startswith("kit:")]
    assert own == [], own  # what is left is the kit's (its categories), which this organisation does not show
    status = json.loads(cutover("i18n", "status", "--lang", lang, "--format", "json", cwd=root).stdout)[lang]
    assert next(f for f in status["files"] if f["file"] == f"locales/{lang}.yaml")["missing"] == 0
    assert [p for p in status["pages"] if p["interface"] or p["content"]] == []


class _Text(HTMLParser):
    """What a reader sees or hears: text, and the attributes read out or shown; JSON the scripts show. Not code:
    file paths such as catalog/features/… on the translation status page are no interface strings."""

    SPOKEN = ("title", "aria-label", "placeholder", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.parts += [attrs[a] for a in self.SPOKEN if attrs.get(a)]
        if tag == "code":
            self._script = "code"
        if tag in ("script", "style"):
            self._script = "json" if attrs.get("type") == "application/json" or attrs.get("id") == "__config" else "code"

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code"):
            self._script = None

    def handle_data(self, data):
        if self._script == "json":
            self.parts += list(_strings(json.loads(data)))
        elif self._script is None:
            self.parts.append(data)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def english_interface_strings(lang_file: Path) -> list[str]:
    """Every English interface and theme string (its literal parts), from the strings files and material's
    English, except words the language writes the same way (Logo, JSON)."""
    own = flatten(read_yaml(lang_file, "x"), [])
    english = {key: entry.value for key, entry in reference().items()}
    english.update({f"material.{k}": v for k, v in material_strings("en").items() if not k.startswith("search.config")})
    found = set()
    for key, value in english.items():
        translated = own.get(key)
        same = " ".join(translated.value.values() if isinstance(translated.value, dict) else [translated.value]) if translated else ""
        for text in value.values() if isinstance(value, dict) else [value]:
            for part in re.split(r"\{\w+\}|#|`[^`]*`", text):
                part = part.strip(" .,:;()“”\"'«»„–—-?!…")
                if (len(part) >= 4 or " " in part) and part not in same and re.search(r"[A-Za-z]{3}", part):
                    found.add(part)
    return sorted(found | {"Made with", "Permanent link", "Not found"})


def test_no_page_of_the_language_shows_an_english_interface_string(org):
    root, lang, _ = org
    site = root / "site"
    english = english_interface_strings(root / f"locales/{lang}.yaml")
    assert len(english) > 250 and "Choose your role" in english and "Skip to content" in english
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in sorted(english, key=len, reverse=True)))
    pages = sorted((site / lang).rglob("*.html"))
    assert len(pages) > 15 and site / lang / "404.html" in pages
    leaks = {}
    for page in pages:
        parser = _Text()
        parser.feed(page.read_text("utf-8"))
        text = "\n".join(parser.parts)
        hits = sorted({m.group(0) for m in pattern.finditer(text)})
        if hits:
            leaks[page.relative_to(site).as_posix()] = hits
    assert leaks == {}
    # and nothing is marked as shown in another language
    assert not [p for p in pages if 'class="cutover-fallback' in p.read_text("utf-8")]


COUNTS = {"pl": ("2 funkcje", "2 pytania"), "it": ("2 funzioni", "2 domande")}


def test_counts_take_the_languages_plural_forms(org):
    root, lang, _ = org
    roles = (root / "site" / lang / "roles" / "index.html").read_text("utf-8")
    quizzes = (root / "site" / lang / "quizzes" / "index.html").read_text("utf-8")
    features, questions = COUNTS[lang]
    assert f"({features})" in roles and questions in quizzes
    data = json.loads(re.search(r'<script type="application/json" class="cq-data">(.*?)</script>',
                                (root / "site" / lang / "quizzes" / "nurse" / "index.html").read_text("utf-8")).group(1))
    forms = {"pl": {"one", "few", "many", "other"}, "it": {"one", "many", "other"}}[lang]
    assert set(data["ui"]["unanswered"]) == forms and set(data["ui"]["hands"]) == forms  # the runtime picks


def test_the_404_page_is_the_languages(org):
    root, lang, _ = org
    page = (root / "site" / lang / "404.html").read_text("utf-8")
    assert {"pl": "Nie znaleziono strony", "it": "Pagina non trovata"}[lang] in page and f'<html lang="{lang}"' in page
    root_page = (root / "site" / "404.html").read_text("utf-8")
    assert "Page not found" in root_page and f'data-languages="{lang}"' in root_page


def test_the_glossary_sorts_by_the_languages_alphabet(org):
    root, lang, _ = org
    page = (root / "site" / lang / "glossary" / "index.html").read_text("utf-8")
    terms = [html.unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in re.findall(r'<h2 id="[^"]+">(.*?)<a class="headerlink"', page)]
    expected = {"pl": ["grupa oddziałowa", "łącze", "pager", "słuchawka"],  # ł after l; code points put it after s
                "it": ["cercapersone", "cordless", "gruppo di reparto", "linea"]}[lang]
    assert terms == expected


def test_search_splits_elided_articles_and_finds_words_without_accents(org):
    root, lang, _ = org
    index = json.loads((root / "site" / lang / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == (["it"] if lang == "it" else ["en"])  # lunr has Italian, not Polish
    assert index["config"]["pipeline"] == (["stopWordFilter"] if lang == "it" else [])  # Italian stop words; no stemmer
    separator = re.compile(index["config"]["separator"])
    if lang == "it":
        assert "infermiera" in separator.split("risponde l’infermiera che arriva")
        doc = next(d for d in index["docs"] if d["location"] == "it/guides/ward-call/")
        assert "citta" in doc["folded"].split()  # "città" is found as "citta"
    else:
        doc = next(d for d in index["docs"] if d["location"] == "pl/guides/ward-call/")
        assert "sluchawki" in doc["folded"].split()  # "słuchawki" is found as "sluchawki"
