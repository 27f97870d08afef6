"""Fingerprints of the source text each translation was made from: ``i18n/<lang>.lock.json``.

A translation is *stale* when its source text changed after the translation was written. The translation files
stay free of bookkeeping (translators read them); instead one committed file per language maps every string's
stable key to two short fingerprints: of the source text the translation was made from, and of the translation
itself. ``cutover i18n import`` and ``cutover i18n mark-current`` write it. A string without an entry counts as
current (there is no evidence against it), so existing translations need no hand edits.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.errors import CutoverError, Problem, relative

#: Folder of the lock files, relative to the project root.
LOCK_DIR = "i18n"


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def lock_path(root: Path, lang: str) -> Path:
    return root / LOCK_DIR / f"{lang}.lock.json"


def read_lock(root: Path, lang: str) -> dict[str, tuple[str, str]]:
    """key -> (source fingerprint, translation fingerprint); empty when the language has no lock file yet."""
    path = lock_path(root, lang)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
        entries = data["strings"]
        return {str(k): (str(v[0]), str(v[1])) for k, v in entries.items()}
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise CutoverError([Problem(relative(path, root), 1, 1, f"the translation lock file cannot be read ({exc})",
                                    f"delete it and run 'cutover i18n mark-current --lang {lang}'")]) from None


def lock_text(entries: dict[str, tuple[str, str]]) -> str:
    """One entry per line, sorted: small, reviewable diffs."""
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: [{json.dumps(v[0])}, {json.dumps(v[1])}]"
             for k, v in sorted(entries.items())]
    return '{\n "version": 1,\n "strings": {\n' + ",\n".join(" " + line for line in lines) + "\n }\n}\n"


def write_lock(root: Path, lang: str, entries: dict[str, tuple[str, str]]) -> bool:
    """Write the lock file when its content changes; True when it did."""
    path = lock_path(root, lang)
    text = lock_text(entries)
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)
    return True
