"""`cutover serve` rebuilds when a definition or a hand-written page changes."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from support import edit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} never appeared at {url}")


def test_serve_reloads_on_yaml_and_markdown_changes(project: Path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/de/guides/hold/", "Anruf halten")
        edit(project / "catalog/features/hold.de.yaml", "title: Anruf halten", "title: Anruf kurz halten")
        wait_for(f"{base}/de/guides/hold/", "Anruf kurz halten")
        edit(project / "docs/en/about.md", "# About", "# About this site")
        wait_for(f"{base}/about/", "About this site")
        edit(project / "quizzes/basics.yaml", "title: Basics", "title: Basics revisited")
        wait_for(f"{base}/quizzes/basics/", "Basics revisited")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not list(project.glob("**/*.tmp"))
