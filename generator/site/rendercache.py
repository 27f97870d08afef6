"""The persistent render cache: a page's HTML (and what rendering it found out) by everything that makes it.

Markdown → HTML is half of a build's CPU time, and between two builds almost every page's inputs are the same. An
entry's key is a hash of all of them (the adapter, generator/site/mkdocs/cached_render.py, says which); an entry
holds the rendered HTML, the table of contents, the title, the anchors and links the page has, and the messages
rendering printed, which a cached build prints again. A key that differs by one byte is another entry: an entry
is never updated, so it can never be stale.

Where: ``$XDG_CACHE_HOME/cutover/render/<hash of the project folder>`` (default ``~/.cache``; ``CUTOVER_CACHE_DIR``
replaces ``$XDG_CACHE_HOME/cutover``), outside the
repository and the site, safe to delete at any time. Entries are written to a temporary file and renamed, so the
processes of a parallel build (and two builds at once) never read half an entry. Each build touches the entries
it uses; :meth:`RenderCache.prune` keeps the folder under its size bound by deleting the least recently used ones,
and removes the folders of projects not built for :data:`UNUSED_PROJECT_DAYS` days.

``CUTOVER_NO_CACHE=1`` (``cutover build --no-cache``) turns it off; nothing is read or written then.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

#: Environment variable that turns the cache off (any value but "" and "0").
NO_CACHE_VARIABLE = "CUTOVER_NO_CACHE"
#: The size bound of one project's cache, in MiB (``CUTOVER_CACHE_MAX_MB`` overrides it).
DEFAULT_MAX_MB = 256
#: A project's cache not used for this long is removed by the next build of any project.
UNUSED_PROJECT_DAYS = 30
#: Bumped when the entries' layout changes: older entries are then simply never found.
FORMAT = 1
_STAMP = "last-used"


def cache_disabled() -> bool:
    return os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0")


def cache_root() -> Path:
    """``$CUTOVER_CACHE_DIR/render`` when set (CI, the test suite), else ``$XDG_CACHE_HOME/cutover/render``."""
    if os.environ.get("CUTOVER_CACHE_DIR"):
        return Path(os.environ["CUTOVER_CACHE_DIR"]) / "render"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cutover" / "render"


def project_cache_dir(project: Path) -> Path:
    digest = hashlib.sha256(str(Path(project).resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_root() / digest


def key_of(*parts: str) -> str:
    """The entry's key: a hash of every input, each part length-prefixed so no two lists of parts collide."""
    digest = hashlib.sha256(f"cutover-render-cache {FORMAT}\0".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(f"{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


class RenderCache:
    """One project's entries. ``counts`` holds this process's [hits, misses] per label (the adapter: per language)."""

    def __init__(self, project: Path) -> None:
        self.folder = project_cache_dir(project)
        self.counts: dict[str, list[int]] = {}

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, label: str = "") -> dict | None:
        tally = self.counts.setdefault(label, [0, 0])
        path = self._path(key)
        try:
            entry = json.loads(path.read_bytes())
        except (OSError, ValueError):  # missing, or not an entry (a damaged file is replaced on the next store)
            tally[1] += 1
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            tally[1] += 1
            return None
        try:
            os.utime(path)  # used by this build: the last to be pruned
        except OSError:
            pass
        tally[0] += 1
        return entry

    def put(self, key: str, entry: dict) -> None:
        """Store atomically; a cache that cannot be written (read-only home, full disk) only makes builds slower."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".entry-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(json.dumps({**entry, "key": key}, separators=(",", ":")).encode("utf-8"))
                os.replace(temp, path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            pass

    def prune(self, max_bytes: int | None = None) -> int:
        """Delete the least recently used entries until the folder is within ``max_bytes``; return how many went.
        Other projects' folders not used for :data:`UNUSED_PROJECT_DAYS` days are removed whole."""
        if max_bytes is None:
            max_bytes = int(float(os.environ.get("CUTOVER_CACHE_MAX_MB") or DEFAULT_MAX_MB) * 2**20)
        removed = 0
        try:
            entries = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.folder.glob("??/*.json")]
        except OSError:
            return 0
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries, key=lambda e: (e[0], e[2].name)):
            if total <= max_bytes:
                break
            try:
                path.unlink()
                removed += 1
                total -= size
            except OSError:
                continue
        self._stamp()
        self._remove_unused_projects()
        return removed

    def _stamp(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / _STAMP).touch()
        except OSError:
            pass

    def _remove_unused_projects(self) -> None:
        limit = time.time() - UNUSED_PROJECT_DAYS * 86400
        try:
            others = [p for p in self.folder.parent.iterdir() if p.is_dir() and p != self.folder]
        except OSError:
            return
        for other in others:
            stamp = other / _STAMP
            try:
                used = stamp.stat().st_mtime if stamp.exists() else other.stat().st_mtime
            except OSError:
                continue
            if used < limit:
                shutil.rmtree(other, ignore_errors=True)
