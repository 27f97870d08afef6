"""`cutover serve` rebuilds when a definition or a hand-written page changes."""

import re
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


def test_a_busy_port_is_refused_before_building_with_the_fix(project: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        run = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
                             capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and time.monotonic() - started < 20  # no build first
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    assert lines[0].startswith(f"Error: 127.0.0.1:{port} is already in use") and "cutover serve -a 127.0.0.1:" in lines[0]


def test_a_broken_change_keeps_the_last_good_site_served_with_a_banner(project: Path, tmp_path: Path):
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/de/guides/hold/", "Anruf halten")
        edit(project / "catalog/features/hold.yaml", "summary: Pause a call.", "summary: [Pause a call.")
        # Requests are answered at once (MkDocs' server used to hold them until a build succeeded), with the banner.
        page = wait_for(f"{base}/de/guides/hold/", "cutover-build-error")
        assert "Anruf halten" in page and "Diese Vorschau zeigt den letzten Stand" in page
        assert re.search(r"catalog/features/hold.yaml:\d+:\d+: error: invalid YAML", page)
        started = time.monotonic()
        assert "This preview shows the last version" in urllib.request.urlopen(f"{base}/guides/dial/", timeout=10).read().decode()
        assert time.monotonic() - started < 5
        edit(project / "catalog/features/hold.yaml", "summary: [Pause a call.", "summary: Pause a call at once.")
        page = wait_for(f"{base}/guides/hold/", "Pause a call at once.")
        assert "cutover-build-error" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text("utf-8")
    assert "still serving the last good site" in output and "Traceback" not in output, output
    assert "stale files" not in output  # each language's build said so (three times a rebuild); the adapter cleans up
