"""Skip a build when nothing it reads has changed since it wrote the site that is still in its folder.

Like ``make``: ``cutover build`` run twice in a row writes the same bytes twice, so the second run only proves
that. Before a build, :func:`inputs_key` hashes everything the site is made from; after a strict build succeeded,
:func:`record` stores that key with the size and modification time of every file written. The next build into the
same folder is skipped when :func:`is_current` finds the same key and the folder exactly as written — a file
added, removed or touched there (or a deleted folder) means a full build.

The key holds, so that no change can be missed:
- the build's options (strict, offline, the one language built);
- every file of the project folder, by path and content, except the site folders, the ``.git`` folder (its
  checked-out commit is in the key: pages are dated from the history), virtual environments and caches;
- the Cutover package and the kits it ships (an organisation's site is layered over one), by path and content;
- Python's version and every installed distribution's name and version (MkDocs, its theme, Markdown, …);
- the environment variables a build reads (``CUTOVER_*``, ``SOURCE_DATE_EPOCH``, ``MIKE_DOCS_VERSION`` and each
  ``!ENV`` name in ``mkdocs.yml``) and today's date (a project outside git dates its pages by the clock).

Records live beside the render cache (``$XDG_CACHE_HOME/cutover/builds``), never in the site, which is published;
deleting them only means the next build runs. ``--no-cache`` / ``CUTOVER_NO_CACHE=1`` turns the check off.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from generator import PACKAGE_DIR
from generator.org.kit import KIT_PARTS
from generator.site.rendercache import cache_root

#: Folders never part of a build's input: version control, caches, build leftovers of Python and Node.
_SKIPPED_FOLDERS = {".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache", "node_modules", ".tox"}
#: Environment variables any build reads, besides the CUTOVER_* family and mkdocs.yml's !ENV names.
_READ_VARIABLES = ("SOURCE_DATE_EPOCH", "MIKE_DOCS_VERSION")
#: Variables that choose where caches live or turn them off: they never change a page.
_CACHE_VARIABLES = {"CUTOVER_CACHE_DIR", "CUTOVER_CACHE_MAX_MB", "CUTOVER_NO_CACHE", "CUTOVER_CACHE"}
_KIT_LINE = re.compile(r"^kit:\s*['\"]?([^'\"#\s]+)", re.M)
_ENV_TAG = re.compile(r"!ENV\s*\[?\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)")
FORMAT = 1


def inputs_key(project: Path, target: Path, options: dict) -> str:
    """A hash of everything a build of ``project`` into ``target`` with ``options`` reads."""
    digest = hashlib.sha256(f"cutover-build {FORMAT}\0".encode())

    def add(label: str, value: str | bytes) -> None:
        data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
        digest.update(f"{label}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
        digest.update(data)

    add("options", json.dumps(options, sort_keys=True, default=str))
    add("date", datetime.date.today().isoformat())
    add("python", sys.version)
    add("distributions", "\n".join(_distributions()))
    add("environment", json.dumps(_variables(project), sort_keys=True))
    add("commit", _commit(project))
    leave_out = {target.resolve(), project.resolve() / "site", cache_root().parent.resolve(),
                 *(p.resolve() for p in target.parent.glob(f".{target.name}.old"))}
    for root in _input_roots(project):
        for path in _files(root, leave_out):
            add(f"file:{path}", path.read_bytes())
    return digest.hexdigest()


def is_current(target: Path, key: str) -> bool:
    """The site in ``target`` was built from inputs with this ``key`` and is exactly as that build left it."""
    try:
        record_ = json.loads(_record_path(target).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(record_, dict) or record_.get("key") != key or not target.is_dir():
        return False
    return _listing(target) == record_.get("files")


def record(target: Path, key: str) -> None:
    """Remember that the site now in ``target`` was built from inputs with ``key``. A record that cannot be written
    (read-only home, full disk) only means the next build runs."""
    path = _record_path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".record-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"key": key, "site": str(target), "files": _listing(target)}, out, separators=(",", ":"))
        os.replace(temp, path)
    except OSError:
        pass


def forget(target: Path) -> None:
    """The site in ``target`` is no longer known to match any inputs (a failed or other kind of build)."""
    try:
        _record_path(target).unlink(missing_ok=True)
    except OSError:
        pass


def _record_path(target: Path) -> Path:
    name = hashlib.sha256(str(target.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_root().parent / "builds" / f"{name}.json"


def _listing(site: Path) -> dict[str, list[int]]:
    """Relative path -> [size, modification time in ns] of every file in the site."""
    found = {}
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in files:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            found[os.path.relpath(path, site)] = [stat.st_size, stat.st_mtime_ns]
    return found


def _input_roots(project: Path) -> list[Path]:
    """The project, the Cutover package, the repository's own kit when Cutover runs from a source checkout (the
    default kit) and a kit the project names by its path."""
    roots = [project.resolve(), PACKAGE_DIR.resolve()]
    checkout = PACKAGE_DIR.parent.resolve()
    if (checkout / "pyproject.toml").is_file():
        roots += [checkout / part for part in (*KIT_PARTS, "mkdocs.yml")]
    try:
        named = _KIT_LINE.search((project / "catalog" / "site.yaml").read_text("utf-8"))
    except OSError:
        named = None
    if named and ("/" in named.group(1) or named.group(1).startswith(".")):
        roots.append((project / named.group(1)).resolve())
    roots = [r for r in roots if r.exists()]
    return [r for r in roots if not any(other != r and other in r.parents for other in roots)]


def _files(root: Path, leave_out: set[Path]) -> list[Path]:
    """Every input file under ``root`` in a stable order (a file root is itself)."""
    if root.is_file():
        return [root]
    found = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_FOLDERS and not d.startswith(".cutover-build-")
                         and (here / d).resolve() not in leave_out and not (here / d / "pyvenv.cfg").exists())
        found += [here / name for name in sorted(files)]
    return found


def _distributions() -> list[str]:
    """Every installed distribution as its ``*.dist-info`` / ``*.egg-info`` folder name (name and version)."""
    names = set()
    for entry in sys.path:  # the folders packages are installed in, not a checkout on the path (``python -m``)
        if not entry.rstrip("/").endswith(("site-packages", "dist-packages")):
            continue
        try:
            names.update(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(names)


def _variables(project: Path) -> dict[str, str | None]:
    names = set(_READ_VARIABLES) | {n for n in os.environ if n.startswith("CUTOVER_")}
    try:
        names |= set(_ENV_TAG.findall((project / "mkdocs.yml").read_text("utf-8")))
    except OSError:
        pass
    return {name: os.environ.get(name) for name in sorted(names - _CACHE_VARIABLES)}


def _commit(project: Path) -> str:
    try:
        run = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    return run.stdout.strip() if run.returncode == 0 else ""
