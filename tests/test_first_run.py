"""README's two commands on a fresh machine: a clean copy of the repository, no virtual environment, the system's
Python (Debian's refuses `pip install`), PATH as on a fresh Debian 12 — and on Python 3.12 when the machine has it.
Also scripts/browser: it finds or installs the tests' Chromium without assuming sudo or apt-get."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from support import REPO

FRESH_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"  # a fresh Debian 12's root PATH


def readme_commands() -> list[str]:
    section = (REPO / "README.md").read_text("utf-8").split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_the_readme_promises_two_commands_that_exist() -> None:
    assert readme_commands() == ["scripts/serve", "scripts/test"]
    for command in readme_commands():
        assert os.access(REPO / command, os.X_OK), command


def _pyenv_312() -> str | None:
    found = sorted(Path.home().glob(".pyenv/versions/3.12*/bin/python3")) or [Path(p) for p in [shutil.which("python3.12")] if p]
    for candidate in found:
        if subprocess.run([str(candidate), "--version"], capture_output=True).returncode == 0:
            return str(candidate)
    return None


def _fresh_copy(target: Path) -> Path:
    """The repository's files as a clone has them (tracked and new ones, nothing ignored: no .venv, no site)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = REPO / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target


def _fresh_env(**extra: str) -> dict[str, str]:
    env = {"PATH": FRESH_PATH, "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"}
    env.update({k: v for k, v in os.environ.items() if k.startswith("PIP_") or k.lower().endswith("_proxy")})
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("python", ["system", "3.12"])
def test_the_readme_commands_work_on_a_fresh_machine(tmp_path: Path, python: str) -> None:
    if python == "system":
        if not Path("/usr/bin/python3").exists():
            pytest.skip("no system Python at /usr/bin/python3")
        extra, expected = {}, subprocess.run(["/usr/bin/python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                             capture_output=True, text=True).stdout.strip()
    else:
        found = _pyenv_312()
        if not found:
            pytest.skip("this machine has no Python 3.12")
        extra, expected = {"CUTOVER_PYTHON": found}, "3.12"
    repo = _fresh_copy(tmp_path / "clone")
    port = _free_port()
    # The first command, literally (plus an address: another test may hold port 8000).
    serve = subprocess.Popen([readme_commands()[0], "-a", f"127.0.0.1:{port}"], cwd=repo, env=_fresh_env(**extra),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        page, deadline = "", time.monotonic() + 900
        while time.monotonic() < deadline and serve.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
                    page = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(2)
        assert "Phone system training" in page or serve.poll() is not None, "no page served in time"
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGINT)
        try:
            output = serve.communicate(timeout=60)[0]
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            output = serve.communicate()[0]
    assert "Phone system training" in page, output
    assert "Creating the virtual environment .venv" in output and "Traceback" not in output, output
    version = subprocess.run([str(repo / ".venv/bin/python"), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True).stdout.strip()
    assert version == expected
    # The second command reuses the environment, adds the test packages and runs pytest from it.
    test = subprocess.run([readme_commands()[1], "--fast", "-q", "-p", "no:cacheprovider", "tests/test_distribution.py",
                           "-k", "cutover_kb_and_the_command"], cwd=repo, env=_fresh_env(**extra),
                          capture_output=True, text=True, timeout=900)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "1 passed" in test.stdout and "Creating the virtual environment" not in test.stderr
    assert f"Python {expected}" in test.stderr


def _stub_bin(folder: Path, **scripts: str) -> Path:
    """A PATH of its own: bash and the few tools the scripts use, plus stubs."""
    folder.mkdir()
    for tool in ("bash", "env", "id", "cat", "grep", "dirname", "rm", "mkdir", "touch", "chmod"):
        os.symlink(shutil.which(tool), folder / tool)
    for name, body in scripts.items():
        (folder / name).write_text("#!/bin/bash\n" + body)
        (folder / name).chmod(0o755)
    return folder


def _browser(tmp_path: Path, path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(REPO / "scripts" / "browser"), *args], env={"PATH": str(path), "HOME": str(tmp_path),
                          "CUTOVER_DEBIAN_CHROMIUM": str(tmp_path / "usr-bin-chromium"), **env},
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(os.geteuid() != 0, reason="the case of root")
def test_the_browser_script_installs_debians_chromium_as_root_without_sudo(tmp_path: Path) -> None:
    log, chromium = tmp_path / "log", tmp_path / "usr-bin-chromium"
    stubs = _stub_bin(tmp_path / "bin", **{"apt-get": f'echo "apt-get $*" >> {log}\n'
                                                      f'if [ "$1" = install ]; then echo "#!/bin/bash" > {chromium}; chmod +x {chromium}; fi\n'})
    run = _browser(tmp_path, stubs)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(chromium)
    assert log.read_text().splitlines() == ["apt-get update -qq", "apt-get install -y -qq chromium"]  # no sudo: it is absent


def test_the_browser_script_uses_playwright_where_there_is_no_apt(tmp_path: Path) -> None:
    log = tmp_path / "log"
    stubs = _stub_bin(tmp_path / "bin", python=f'echo "python $*" >> {log}\n')
    run = _browser(tmp_path, stubs, str(stubs / "python"))
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and log.read_text().splitlines() == ["python -m playwright install chromium"]


def test_the_browser_script_fails_with_the_reason_when_no_browser_can_be_had(tmp_path: Path) -> None:
    stubs = _stub_bin(tmp_path / "bin", python="exit 1\n")
    run = _browser(tmp_path, stubs, str(stubs / "python"))
    assert run.returncode == 1 and "no browser for the browser tests" in run.stderr and "CUTOVER_BROWSER" in run.stderr
    named = _browser(tmp_path, stubs, CUTOVER_BROWSER=str(tmp_path / "nothing"))
    assert named.returncode == 1 and "is not an executable file" in named.stderr
