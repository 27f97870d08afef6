"""Pictures on steps: ``images: [{src, alt, device}]`` in a feature's step, checked where they are written.

``src`` is relative to the project folder (a translation may name its own picture, e.g. a German screenshot);
``alt`` is required in every language: a picture without words in the reader's language is an error, not a
missing translation, because a reader who cannot see it would get nothing. The file must exist, be a picture
(PNG, JPEG, WebP, GIF or SVG) and weigh at most :data:`MAX_BYTES`; the build resizes and compresses it
(:mod:`generator.site.images`).
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from generator.catalog.model import Text
from generator.catalog.yamlio import Document
from generator.errors import Problem

SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg")
MAX_BYTES = 2 * 1024 * 1024


def _values(value) -> dict[str, str]:
    if isinstance(value, Text):
        return {lang: v for lang, v in value.values.items() if lang != "*"}
    return {"*": value} if isinstance(value, str) else {}


def _source_language(value: Text, lang: str, default: str) -> bool:
    """Whether ``lang``'s text of ``value`` is really the default language's (no translation gave it)."""
    origin, base = value.origins.get(lang), value.origins.get(default)
    return lang != default and (lang not in value.values or (origin is not None and base is not None and origin.path == base.path))


def check_steps(tree: dict, doc: Document | None, root: Path, languages: list[str]) -> list[Problem]:
    if doc is None:
        return []
    problems: list[Problem] = []
    for i, step in enumerate(tree.get("steps") or []):
        for j, image in enumerate(step.get("images") or [] if isinstance(step, dict) else []):
            at = ("steps", i, "images", j)
            alt = image.get("alt")
            if isinstance(alt, Text):
                missing = [lang for lang in languages[1:] if _source_language(alt, lang, languages[0])]
                if missing:
                    problems.append(doc.problem(at + ("alt",), f"the picture has no alt text in {', '.join(missing)}",
                                                "write what it shows in the translation file of each language ("
                                                + ", ".join(f"{Path(doc.display).stem}.{lang}.yaml" for lang in missing) + ")"))
            seen = set()
            for lang, src in _values(image.get("src")).items():
                if src in seen:
                    continue
                seen.add(src)
                problems += _check_file(doc, at + ("src",), root, src)
    return problems


def _check_file(doc: Document, at, root: Path, src: str) -> list[Problem]:
    path = (root / src).resolve()
    if Path(src).is_absolute() or ".." in Path(src).parts or not path.is_relative_to(root.resolve()):
        return [doc.problem(at, f"'{src}' is outside the project folder", "put the picture in the project, e.g. images/")]
    if path.suffix.lower() not in SUFFIXES:
        return [doc.problem(at, f"'{src}' is not a picture the site can show", "use PNG, JPEG, WebP, GIF or SVG")]
    if not path.is_file():
        return [doc.problem(at, f"the picture '{src}' does not exist", "check the file name; paths are relative to the project folder")]
    size = path.stat().st_size
    if size > MAX_BYTES:
        return [doc.problem(at, f"the picture '{src}' is too large ({size / 1024 / 1024:.1f} MB; at most {MAX_BYTES // 1024 // 1024} MB)",
                            "crop it to what the step needs, or save it as JPEG or with fewer colours")]
    return []


#: Where the site keeps step pictures (the build writes them there, optimised).
ASSET_FOLDER = "assets/cutover/images"


@functools.lru_cache(maxsize=4096)
def staged_path(root: Path, src: str) -> str | None:
    """The picture's address in the site, named by its content (a changed picture gets a new name); None if missing."""
    path = root / src
    if not path.is_file():
        return None
    suffix = ".jpg" if path.suffix.lower() == ".jpeg" else path.suffix.lower()
    return f"{ASSET_FOLDER}/{hashlib.sha256(path.read_bytes()).hexdigest()[:20]}{suffix}"
