"""Browser fixtures: the default site, built once, served on loopback, driven in Chromium.

The browser is looked up in this order: $CUTOVER_BROWSER, Debian's /usr/bin/chromium, Playwright's own
download. When none can start, the tests fail (they never skip): a green run must mean the site was
really driven in a browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.verify.server import serve

from support import FIXTURE, REPO

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def browser_executable() -> str | None:
    for candidate in (os.environ.get("CUTOVER_BROWSER"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None  # Playwright's own browser, if `playwright install chromium` was run


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    executable = browser_executable()
    if executable:
        args["executable_path"] = executable
    return args


def build_site(project: Path, out: Path, *extra: str) -> Path:
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out), *extra],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


@pytest.fixture(scope="session")
def default_site(tmp_path_factory) -> Path:
    """The shipped default kit, built exactly as a writer builds it."""
    return build_site(REPO, tmp_path_factory.mktemp("default-site") / "site")


@pytest.fixture(scope="session")
def fixture_url(tmp_path_factory):
    """The small four-language fixture project: every question type, quick to build."""
    server, url = serve(build_site(FIXTURE, tmp_path_factory.mktemp("fixture-site") / "site"))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(default_site):
    server, url = serve(default_site)
    yield url
    server.shutdown()


@pytest.fixture
def external_requests(page):
    """Every request the page makes to a host other than this machine's loopback server."""
    seen: list[str] = []

    def record(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            seen.append(request.url)

    page.on("request", record)
    return seen
