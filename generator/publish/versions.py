"""Versioned publishing with mike: deploy, list, and export the published tree for any web server.

mike keeps every version in the repository's local ``gh-pages`` branch (no remote needed). Publishing a version
only adds or replaces that version's folder (plus ``versions.json`` and aliases), so older versions stay
byte-identical. mike runs ``mkdocs build`` itself; it is started with this Python's ``bin`` first on PATH so it
finds the same MkDocs, plugins and Cutover.
"""

from __future__ import annotations

import enum
import html
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Callable

from generator.site.progress import ENV as PROGRESS_ENV
from generator.site.progress import parse as parse_progress

BRANCH = "gh-pages"
_MIKE = "import sys; from mike.driver import main; sys.exit(main())"  # mike has no "python -m mike"


class AliasType(str, enum.Enum):
    COPY = "copy"  #: an alias is a full copy of its version (any web server)
    REDIRECT = "redirect"  #: an alias holds small pages that redirect to the version
    SYMLINK = "symlink"  #: an alias is a symbolic link (servers that follow links)


class PublishError(Exception):
    """Publishing failed; the message says why and what to do."""


def _git(root: Path, *args: str, check: bool = True, binary: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=not binary, check=check)


def _repo_root(project: Path) -> Path:
    run = _git(project, "rev-parse", "--show-toplevel", check=False)
    if run.returncode != 0:
        raise PublishError(f"{project} is not inside a git repository: run 'git init' and commit the project first")
    if _git(project, "rev-parse", "--verify", "HEAD", check=False).returncode != 0:
        raise PublishError("the repository has no commit yet: commit the project first (mike needs one)")
    return Path(run.stdout.strip())


def _environment(project: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["CUTOVER_STRICT"] = "true"  # a published version is built strictly: warnings stop it
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    # mike commits; a fresh machine may have no git identity.
    for key, value in (("GIT_AUTHOR_NAME", "Cutover"), ("GIT_AUTHOR_EMAIL", "cutover@localhost"),
                       ("GIT_COMMITTER_NAME", "Cutover"), ("GIT_COMMITTER_EMAIL", "cutover@localhost")):
        name_key = "user.name" if key.endswith("NAME") else "user.email"
        if key not in env and _git(project, "config", name_key, check=False).returncode != 0:
            env[key] = value
    return env


def _mike(project: Path, *args: str, progress: Callable[[str, int, int], None] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", _MIKE, *args, "--config-file", str(project / "mkdocs.yml")]
    if progress is None:
        return subprocess.run(command, cwd=project, env=_environment(project), capture_output=True, text=True)
    # The build mike starts reports its pages as lines (generator/site/mkdocs/progress.py); the rest is kept.
    kept = []
    with subprocess.Popen(command, cwd=project, env={**_environment(project), PROGRESS_ENV: "lines"}, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as mike:
        for line in mike.stdout:
            found = parse_progress(line.strip())
            if found:
                progress(*found)
            else:
                kept.append(line)
    return subprocess.CompletedProcess(command, mike.returncode, "", "".join(kept))


def branch_head(project: Path) -> str | None:
    run = _git(project, "rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}", check=False)
    return run.stdout.strip() or None


#: What builds write into a project (never read by a build): not a change to publish.
OUTPUTS = ("site", "parts", "pdf")


def uncommitted(project: Path) -> list[str]:
    """Files of the project with changes that are not committed (new files included; ignored ones and what
    builds write, such as site/, not), relative to the repository."""
    run = _git(project, "status", "--porcelain", "--untracked-files=all", "--", ".", *(f":!{o}" for o in OUTPUTS),
               ":!.cutover-*", check=False)
    return [line[3:] for line in run.stdout.splitlines() if line.strip()]


def require_committed(project: Path) -> None:
    """Raise :class:`PublishError` when the project has uncommitted changes (mike names a deployment after HEAD)."""
    _repo_root(project)
    changed = uncommitted(project)
    if changed:
        head = _git(project, "rev-parse", "--short", "HEAD").stdout.strip()
        shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        raise PublishError(f"uncommitted changes ({shown}) would be published as commit {head}, which does not hold them: "
                           "commit them first, or publish them anyway with --allow-dirty")


def publish(project: Path, version: str, aliases: list[str], title: str | None = None, set_default: bool = False,
            allow_dirty: bool = False, progress: Callable[[str, int, int], None] | None = None) -> None:
    """Build and deploy one version; on any failure the branch is left exactly as it was. Refuses uncommitted
    changes (mike names the deployment after HEAD) unless ``allow_dirty``."""
    if not allow_dirty:
        require_committed(project)
    _repo_root(project)
    before = branch_head(project)
    args = ["deploy", "--update-aliases", "--alias-type", AliasType.SYMLINK.value]
    if title:
        args += ["--title", title]
    run = _mike(project, *args, version, *aliases, progress=progress)
    if run.returncode != 0:
        if branch_head(project) != before and before is not None:  # defensive: mike commits only after a good build
            _git(project, "update-ref", f"refs/heads/{BRANCH}", before)
        raise PublishError(f"publishing {version} failed, {BRANCH} is unchanged:\n{_tail(run)}")
    if set_default:
        run = _mike(project, "set-default", version)
        if run.returncode != 0:
            raise PublishError(f"{version} was published, but making it the default failed:\n{_tail(run)}")


def _tail(run: subprocess.CompletedProcess, lines: int = 25) -> str:
    text = (run.stderr or "") + (run.stdout or "")
    return "\n".join(line for line in text.strip().splitlines()[-lines:])


def versions(project: Path) -> list[dict]:
    """The published versions, newest first, as mike lists them (version, title, aliases)."""
    _repo_root(project)
    if branch_head(project) is None:
        return []
    run = _mike(project, "list", "--json")
    if run.returncode != 0:
        raise PublishError(f"cannot list versions:\n{_tail(run)}")
    return json.loads(run.stdout or "[]")


def export(project: Path, target: Path, alias_type: AliasType = AliasType.COPY) -> int:
    """Write the published tree to ``target`` for a plain web server; return the number of files."""
    _repo_root(project)
    if branch_head(project) is None:
        raise PublishError("nothing is published yet: run 'cutover publish VERSION' first")
    archive = _git(project, "archive", "--format=tar", BRANCH, binary=True).stdout
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".cutover-export-", dir=target.parent))
    try:
        tree = scratch / "site"
        tree.mkdir()
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tree, filter="tar")
        for alias in [p for p in tree.iterdir() if p.is_symlink()]:
            _convert_alias(alias, alias_type)
        _ensure_root_page(tree)
        count = sum(1 for p in tree.rglob("*") if p.is_file())
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        tree.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        return count
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _convert_alias(alias: Path, alias_type: AliasType) -> None:
    if alias_type is AliasType.SYMLINK:
        return
    version_dir = alias.parent / os.readlink(alias)
    alias.unlink()
    if alias_type is AliasType.COPY:
        shutil.copytree(version_dir, alias)
        return
    version = version_dir.name
    for page in version_dir.rglob("*.html"):
        rel = page.relative_to(version_dir)
        depth = len(rel.parts)
        href = "../" * depth + f"{version}/" + rel.as_posix().removesuffix("index.html")
        out = alias / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_REDIRECT.format(href=href), "utf-8")


def _ensure_root_page(tree: Path) -> None:
    """Served at "/", the export opens a version, not a directory listing: mike writes a root page only for a
    default version (``--set-default``); without one, the newest version is where readers go."""
    if (tree / "index.html").is_file():
        return
    try:
        listed = json.loads((tree / "versions.json").read_text("utf-8"))
        newest = listed[0]
    except (OSError, ValueError, IndexError, KeyError):
        return  # not a mike tree: nothing to lead to
    href = f"{newest['version']}/"
    (tree / "index.html").write_text(_ROOT.format(href=href, title=html.escape(newest.get("title") or newest["version"])), "utf-8")


_ROOT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="refresh" content="0; url={href}"><link rel="canonical" href="{href}">
<script>location.replace("{href}" + location.hash)</script></head>
<body><a href="{href}">{title}</a></body></html>
"""

_REDIRECT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Redirecting</title>
<meta http-equiv="refresh" content="0; url={href}"><link rel="canonical" href="{href}">
<script>location.replace("{href}" + location.hash)</script></head>
<body><a href="{href}">{href}</a></body></html>
"""
