"""Step pictures for the site: resized and compressed at build time, cached, named by their content.

Raster pictures go through Pillow: at most :data:`MAX_WIDTH` pixels wide, metadata dropped, PNG optimised and JPEG
re-encoded at quality 85 (the smaller of the result and the original is kept). SVG goes through scour (comments,
metadata and editor data removed, numbers shortened). Results are cached by the input's hash in the user's cache
folder, so a rebuild does not redo the work; names are the content's hash, so a changed picture gets a new
address and no browser shows a stale one.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from generator.catalog.images import staged_path

MAX_WIDTH = 1600
_VERSION = b"1"  #: part of every cache key: change it when the settings below change


def cache_dir() -> Path:
    base = os.environ.get("CUTOVER_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "cutover")
    return Path(base) / "images"


def optimise(data: bytes, suffix: str) -> bytes:
    key = hashlib.sha256(_VERSION + suffix.lower().encode() + data).hexdigest()
    cached = cache_dir() / key
    if cached.is_file():
        return cached.read_bytes()
    try:
        result = _svg(data) if suffix.lower() == ".svg" else _raster(data, suffix.lower())
    except Exception:  # a picture a library cannot read is shown as it is (check has seen the file)
        result = data
    result = result if len(result) < len(data) else data
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{key}.{os.getpid()}.tmp")
        tmp.write_bytes(result)
        tmp.replace(cached)
    except OSError:
        pass  # no cache folder: just slower
    return result


def _raster(data: bytes, suffix: str) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if getattr(image, "is_animated", False):
            return data  # animations stay as they are
        if image.width > MAX_WIDTH:
            image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)), Image.LANCZOS)
        out = io.BytesIO()
        if suffix in (".jpg", ".jpeg"):
            image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
        elif suffix == ".webp":
            image.save(out, "WEBP", quality=85, method=6)
        elif suffix == ".gif":
            image.save(out, "GIF", optimize=True)
        else:
            image.save(out, "PNG", optimize=True)
        return out.getvalue()


def _svg(data: bytes) -> bytes:
    from scour import scour

    options = scour.sanitizeOptions()
    options.remove_metadata = True
    options.strip_comments = True
    options.enable_viewboxing = True
    options.strip_xml_prolog = True
    return scour.scourString(data.decode("utf-8"), options).encode("utf-8")


def step_pictures(project) -> dict[str, bytes]:
    """Staged path -> optimised bytes of every step picture of the project, in every language."""
    files: dict[str, bytes] = {}
    if project.root is None:
        return files
    for feature in project.features.values():
        for step in feature.steps:
            for image in step.images:
                for src in set(image.src.values.values()):
                    target = staged_path(project.root, src)
                    if target and target not in files:
                        path = project.root / src
                        files[target] = optimise(path.read_bytes(), path.suffix)
    return files
