"""One search index per language.

mkdocs-static-i18n writes a single index with every language's pages, so a German reader gets English,
Spanish and Swedish results too. After the build this splits it: the root index keeps the default language,
``<lang>/search/search_index.json`` holds each other language (locations stay relative to the site root, so
result links resolve unchanged), each with that language's stemmer only.
"""

from __future__ import annotations

import json
from pathlib import Path


def split_search_index(site_dir: Path, languages: list[str], only: str | None = None) -> dict[str, int]:
    """Split ``site_dir/search/search_index.json``; return the number of entries per language."""
    index_file = site_dir / "search" / "search_index.json"
    if only or not index_file.is_file():
        return {}
    index = json.loads(index_file.read_text("utf-8"))
    default, others = languages[0], languages[1:]
    buckets: dict[str, list] = {lang: [] for lang in languages}
    for doc in index.get("docs", []):
        prefix = doc.get("location", "").split("/", 1)[0]
        buckets[prefix if prefix in others else default].append(doc)
    counts = {}
    for lang, docs in buckets.items():
        target = index_file if lang == default else site_dir / lang / "search" / "search_index.json"
        config = dict(index.get("config", {}))
        config["lang"] = [lang] if lang in _LUNR_LANGUAGES else ["en"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), "utf-8")
        counts[lang] = len(docs)
    return counts


# Languages whose lunr stemmer material ships (others search without stemming).
_LUNR_LANGUAGES = {"ar", "da", "de", "du", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn", "ko",
                   "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"}
