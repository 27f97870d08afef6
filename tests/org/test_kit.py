"""The default kit ships inside the package, so a non-editable install can layer organisations over it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from generator.org.kit import DEFAULT_KIT, packaged_kits

from support import REPO


def test_a_checkout_uses_the_repository_as_the_default_kit() -> None:
    assert packaged_kits()[DEFAULT_KIT] == REPO


def built_package(tmp_path: Path) -> Path:
    """The wheel built from the repository, unpacked into ``tmp_path/lib`` (what installing it puts on sys.path)."""
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(REPO)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    wheels = sorted((tmp_path / "dist").glob("*.whl"))
    assert [w.name for w in wheels] == [f"cutover_kb-{version('cutover-kb')}-py3-none-any.whl"]
    with zipfile.ZipFile(wheels[0]) as wheel:
        wheel.extractall(tmp_path / "lib")
    return tmp_path / "lib"


def test_the_built_package_carries_the_kit(tmp_path: Path) -> None:
    # Built as ORGANISATIONS.md says (pip wheel: setuptools in an isolated build environment, as on Python 3.12,
    # whose virtual environments have none).
    lib = built_package(tmp_path)
    kit = lib / "generator" / "kits" / DEFAULT_KIT
    for rel in ("catalog/site.yaml", "catalog/features/call-park.de.yaml", "quizzes/end-user.yaml", "docs/sv/welcome.md"):
        assert (kit / rel).is_file(), rel
    # Imported from the wheel's tree (as after installing it), the package finds its own copy, not the repository.
    probe = subprocess.run([sys.executable, "-c", "from generator.org.kit import packaged_kits; print(packaged_kits()['default'])"],
                           cwd=tmp_path, env={"PYTHONPATH": str(lib), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert probe.stdout.strip() == str(kit), probe.stderr


def test_every_variable_the_kit_uses_is_documented_for_organisations() -> None:
    import re

    used = set()
    for folder in ("catalog", "quizzes", "docs"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix in (".yaml", ".md"):
                text = "\n".join(line for line in path.read_text("utf-8").splitlines()
                                  if not (path.suffix == ".yaml" and line.lstrip().startswith("#")))  # not in comments
                used |= set(re.findall(r"(?<!\\)\{\{\s*([a-z][a-z0-9_]*)\s*\}\}", text))
    table = (REPO / "ORGANISATIONS.md").read_text("utf-8").split("## Variables", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`([a-z][a-z0-9_]*)`", table))
    assert used - documented == set()


@pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop
def test_init_and_check_work_from_the_built_package_alone(tmp_path: Path) -> None:
    lib = built_package(tmp_path)
    env = {"PYTHONPATH": str(lib), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"}
    init = subprocess.run([sys.executable, "-m", "generator.cli", "init", "org", "--languages", "en,es", "--no-build"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert init.returncode == 0, init.stderr
    check = subprocess.run([sys.executable, "-m", "generator.cli", "check", "-p", "org"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr
    assert "kit:default/catalog/" in check.stderr or "OK:" in check.stdout  # the kit's files, named as the kit's
