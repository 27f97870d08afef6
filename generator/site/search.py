"""One search index per language, searched the way that language is written.

mkdocs-static-i18n writes a single index with every language's pages, so a German reader gets English,
Spanish and Swedish results too. After the build this splits it: the root index keeps the default language,
``<lang>/search/search_index.json`` holds each other language (locations stay relative to the site root, so
result links resolve unchanged). Each index then gets its language's settings for material's search worker
(:func:`search_settings`): lunr's stop words where material ships them for the language (none of English's
elsewhere), word separators that split elided articles from their word (l’équipe, dell’utente), and a
``folded`` field holding the words that carry accents without them, so "equipe" finds "équipe" and "Ruckruf"
finds "Rückruf" (the worker indexes every field the index configures; results still show the text as written).

No stemmer, as in material's own settings: material's worker appends a wildcard to every word a reader types
("Anrufe" becomes "Anrufe*") and lunr skips the pipeline, stemmer included, for a wildcard term, so a stemmed
index ("anruf") would no longer match what readers type. The wildcard itself finds the inflected forms that
extend the typed word ("Anruf" finds "Anrufe", "Anrufen").
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

from generator.strings import marks

#: Languages whose lunr stemmer and stop words material ships (others search without either).
LUNR_LANGUAGES = {"ar", "da", "de", "du", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn", "ko",
                  "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"}

#: Words end at white space, hyphens and the apostrophes that join an elided article or pronoun to the next word
#: (French l’équipe, Italian dell’utente, Catalan d'aquesta): the word after it is found on its own. English
#: loses nothing ("caller's" is found as "caller").
SEPARATOR = r"[\s\-'’ʼ]+"
#: Material's separators for languages written without spaces.
_SEPARATORS = {"ja": r"[\s\-　、。，．]+", "zh": r"[\s\u200b\u3000\-、。，．？！；]+"}
#: Material's pipelines where stop words alone do not fit the language (its Japanese and Chinese settings).
_PIPELINES = {"ja": ["stemmer"], "zh": ["stemmer"], "ko": []}
#: The field with the accent-free words, and how much a match there counts (as much as one in the text).
FOLDED = "folded"

_TAGS = re.compile(r"<[^>]+>|&\w+;|&#\d+;")
_WORD_BREAKS = re.compile(r"[\W_]+")
#: Letters that carry their difference in the letter itself rather than in a combining accent.
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
                          "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"})


def search_settings(lang: str) -> dict:
    """What material's search worker needs for ``lang``: lunr language, word separator, pipeline."""
    supported = lang in LUNR_LANGUAGES
    return {"lang": [lang if supported else "en"], "separator": _SEPARATORS.get(lang, SEPARATOR),
            "pipeline": _PIPELINES.get(lang, ["stopWordFilter"]) if supported else []}


@functools.lru_cache(maxsize=1 << 16)  # a site's words repeat from page to page, and from one serve rebuild to the next
def fold(word: str) -> str:
    """``word`` without accents: équipe → equipe, Rückruf → Ruckruf, łączność → lacznosc."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(*texts: str) -> str:
    """The words of ``texts`` that change when folded, folded, once each (what a reader typing without accents finds)."""
    seen: dict[str, None] = {}
    for text in texts:
        seen.update(dict.fromkeys(_folded_in(text)))
    return " ".join(seen)


@functools.lru_cache(maxsize=1 << 13)  # under `cutover serve`, most pages' text is the same from one rebuild to the next
def _folded_in(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for word in _WORD_BREAKS.split(_TAGS.sub(" ", text)):
        if word.isascii():  # nothing to fold (every letter fold() changes is outside ASCII): most words
            continue
        plain = fold(word)
        if plain != word and plain.strip():
            seen.setdefault(plain.lower(), None)
    return tuple(seen)


def split_search_index(site_dir: Path, languages: list[str], only: str | None = None,
                       multilingual: bool = True) -> dict[str, int]:
    """Split ``site_dir/search/search_index.json`` per language (unless one language was built alone) and give every
    index its language's settings; return the number of entries per language."""
    index_file = site_dir / "search" / "search_index.json"
    if not index_file.is_file():
        return {}
    index = json.loads(index_file.read_text("utf-8"))
    if only or not multilingual:
        lang = only or languages[0]
        _write(index_file, index, index.get("docs", []), lang)
        return {lang: len(index.get("docs", []))}
    default, others = languages[0], languages[1:]
    buckets: dict[str, list] = {lang: [] for lang in languages}
    for doc in index.get("docs", []):
        prefix = doc.get("location", "").split("/", 1)[0]
        buckets[prefix if prefix in others else default].append(doc)
    counts = {}
    for lang, docs in buckets.items():
        target = index_file if lang == default else site_dir / lang / "search" / "search_index.json"
        _write(target, index, docs, lang)
        counts[lang] = len(docs)
    return counts


def _write(target: Path, index: dict, docs: list, lang: str) -> None:
    config = {**index.get("config", {}), **search_settings(lang)}
    config["fields"] = {**config.get("fields", {}), FOLDED: {"boost": 1.0}}
    entries = []
    for doc in docs:
        doc = {**doc, "title": marks.strip(doc.get("title", "")), "text": marks.strip(doc.get("text", ""))}
        folded = folded_words(doc["title"], doc["text"])
        if folded:
            doc[FOLDED] = folded
        entries.append(doc)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({**index, "config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")),
                      "utf-8")
