"""Replace a built site without ever losing the previous one.

A build writes into a scratch folder beside the target and swaps it in with two renames only when it
succeeded. Whatever stops a build half-way — an error, Ctrl-C, ``kill``, a power cut — leaves the previous
site in place: the next build finishes an interrupted swap and removes scratch folders of dead builds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Iterator

SCRATCH_PREFIX = ".cutover-build-"


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def scratch_dir(target: Path) -> Path:
    """A fresh scratch folder beside ``target`` (same file system, so the swap is a rename), named by this process."""
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    for stale in target.parent.glob(f"{SCRATCH_PREFIX}*"):
        if not process_alive(_owner(stale)):
            shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=target.parent))


def recover(target: Path) -> None:
    """Finish a swap that stopped between its two renames: the previous site is still in ``.<name>.old``."""
    old = _old(target)
    if old.is_dir() and not target.exists():
        old.rename(target)


def swap(new: Path, target: Path) -> None:
    """Replace target with new in two renames, so a reader never sees half a site."""
    old = _old(target)
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def exit_on_terminate() -> Iterator[None]:
    """Turn SIGTERM (CI timeouts, ``kill``) into a normal exit, so scratch folders are removed on the way out."""
    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (tests calling the command in a thread): nothing to install
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _owner(scratch: Path) -> int:
    pid = scratch.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
    return int(pid) if pid.isdigit() else 0


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False  # a scratch folder of an older version, or not ours to judge: only dead owners are known
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
