"""Every documented install command installs this project (distribution ``cutover-kb``), never the package
index's unrelated ``cutover``; the version lookups follow the distribution's name."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from generator import DISTRIBUTION
from generator.org import installsource

from support import REPO

#: Requirements that install this project: the checkout itself, a git address or a wheel of cutover-kb, a pin.
THIS_PROJECT = re.compile(r"^(\.|\.\[test\]|\.\$extras|\.venv|cutover-kb @ git\+\S+|cutover-kb==[\w.]+|\S*cutover_kb-[\w.]+-py3-none-any\.whl"
                          r"|\$CUTOVER_REQUIREMENT|\$\{?requirement\}?|\$\{?spec\}?)$")
DOCUMENTS = ["README.md", "ORGANISATIONS.md", "CONTRIBUTING.md", "examples/ci/github-workflow.yml", "scripts/test",
             "scripts/serve", "scripts/venv.sh", ".ci/run"]


def install_commands(text: str) -> list[list[str]]:
    """The requirements of every ``pip install`` in a text (options left out)."""
    found = []
    for match in re.finditer(r"pip install([^\n`#|;&]*)", text):
        if not match.group(1).strip() and text[match.end():match.end() + 1] == "`":
            continue  # the command's name in prose ("no `pip install` needed")
        try:
            words = shlex.split(match.group(1))
        except ValueError:
            words = match.group(1).split()
        found.append([w for w in words if not w.startswith("-") and w not in {"--upgrade"}])
    return found


def assert_installs_this_project(text: str, where: str) -> int:
    commands = install_commands(text)
    for requirements in commands:
        assert requirements, f"{where}: a pip install without a requirement"
        for requirement in requirements:
            assert THIS_PROJECT.match(requirement), f"{where}: 'pip install {' '.join(requirements)}' does not install {DISTRIBUTION}"
    return len(commands)


def test_the_distribution_is_cutover_kb_and_the_command_is_still_cutover() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == DISTRIBUTION == "cutover-kb"
    assert project["scripts"] == {"cutover": "generator.cli:main"}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_documented_install_commands_install_this_project(document: str) -> None:
    path = REPO / document
    assert path.exists(), f"{document} is gone: update DOCUMENTS"
    assert_installs_this_project(path.read_text("utf-8"), document)


def test_the_documents_for_new_users_say_how_to_install() -> None:
    organisations = (REPO / "ORGANISATIONS.md").read_text("utf-8")
    assert assert_installs_this_project(organisations, "ORGANISATIONS.md") >= 3  # start, wheel, upgrading
    assert '"cutover-kb @ git+' in organisations and "pip wheel" in organisations
    assert not re.search(r"pip install (--upgrade )?cutover\b(?!-kb|_kb)", organisations)


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_the_files_init_writes_install_this_project(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "generator.cli", "init", str(tmp_path / "org"), "--no-build"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for rel in ("README.md", ".github/workflows/site.yml"):
        text = (tmp_path / "org" / rel).read_text("utf-8")
        assert assert_installs_this_project(text, rel) >= 1
        assert "cutover-kb @ git+" in text, rel
    assert 'CUTOVER_REQUIREMENT: "cutover-kb @ git+' in (tmp_path / "org" / ".github/workflows/site.yml").read_text("utf-8")


def test_version_follows_the_distribution() -> None:
    run = subprocess.run([sys.executable, "-m", "generator.cli", "--version"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    from importlib.metadata import version
    assert run.stdout.strip() == f"cutover, version {version(DISTRIBUTION)}"


class _Distribution:
    version = "0.1.0"

    def __init__(self, direct_url: dict | None):
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        if name == "INSTALLER":
            return "pip\n"
        return json.dumps(self.direct_url) if name == "direct_url.json" and self.direct_url is not None else None


@pytest.mark.parametrize("direct_url, expected, placeholder", [
    ({"url": "https://git.acme.example/it/cutover.git", "vcs_info": {"vcs": "git", "commit_id": "a" * 40, "requested_revision": "v0.3.0"}},
     "cutover-kb @ git+https://git.acme.example/it/cutover.git@v0.3.0", False),
    ({"url": "https://git.acme.example/it/cutover.git", "vcs_info": {"vcs": "git", "commit_id": "b" * 40}},
     f"cutover-kb @ git+https://git.acme.example/it/cutover.git@{'b' * 40}", False),
    ({"url": "file:///tmp/cutover_kb-0.1.0-py3-none-any.whl", "archive_info": {}}, None, True),
    ({"url": "file:///src/cutover", "dir_info": {"editable": True}}, None, True),
    (None, "cutover-kb==", False),
])
def test_init_pins_the_cutover_it_was_installed_from(monkeypatch, direct_url, expected, placeholder) -> None:
    monkeypatch.setattr(installsource.metadata, "distributions", lambda name: [_Distribution(direct_url)])
    requirement, is_placeholder = installsource.install_requirement()
    assert is_placeholder is placeholder
    if placeholder:
        assert requirement.startswith(f"cutover-kb @ git+{installsource.PLACEHOLDER_REPOSITORY}@v")
    else:
        assert requirement.startswith(expected)
