"""ORGANISATIONS.md's walk-through, followed literally: every command it shows is run and every file it shows is
written (or appended to) exactly as printed, then the built site is checked for what the text promises."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO

pytestmark = pytest.mark.slow  # several builds, or the whole kit's: the full suite, not the edit–test loop

SECTION = "## Walk-through: St Mary's makes the kit its own"


def steps() -> list[tuple[str, str, str]]:
    """(instruction line before the block, language, block text) for each fenced block of the walk-through."""
    text = (REPO / "ORGANISATIONS.md").read_text("utf-8")
    assert SECTION in text
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    found = []
    for match in re.finditer(r"```(\w+)\n(.*?)```", section, re.S):
        paragraph = section[: match.start()].rstrip().rsplit("\n\n", 1)[-1]  # the text just before the block
        found.append((" ".join(paragraph.split()), match.group(1), match.group(2)))
    return found


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    args = shlex.split(command)
    assert args[0] == "cutover", command
    result = subprocess.run([sys.executable, "-m", "generator.cli", *args[1:]], cwd=cwd, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def walked(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    cwd = tmp_path_factory.mktemp("walkthrough")
    outputs: dict[str, str] = {}
    for instruction, language, block in steps():
        if language == "bash":
            for line in block.splitlines():
                if line.startswith("cd "):
                    cwd = cwd / line[3:].strip()
                elif line.strip():
                    result = run(line.split("#", 1)[0].strip(), cwd)
                    outputs[line.strip()] = result.stdout + result.stderr
            continue
        target = re.search(r"`([^`]+)`", instruction)
        assert language == "yaml" and target, instruction
        path = cwd / target.group(1)
        if instruction.startswith("Add to "):
            assert path.is_file(), path
            path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + block, "utf-8")
        else:
            assert instruction.startswith("Create ") and not path.exists(), instruction
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block, "utf-8")
    return cwd, outputs


def test_the_walkthrough_runs_every_command_without_an_error_or_a_warning(walked) -> None:
    root, outputs = walked
    assert root.name == "st-marys" and (root / "site" / "index.html").is_file()
    check = outputs["cutover check --strict"]
    assert "OK: " in check and "warning" not in check and "3 phases" in check
    assert "de: " in outputs["cutover i18n status --lang de"] and ", 0 missing, 0 stale" in outputs["cutover i18n status --lang de"]


def test_the_german_guide_has_the_dect_tab_with_the_kits_desk_phone_steps_and_the_corrected_title(walked) -> None:
    root, _ = walked
    page = (root / "site" / "de" / "guides" / "hold-resume" / "index.html").read_text("utf-8")
    labels = re.findall(r'<label for="__tabbed_1_\d"><span class="twemoji cutover-device" data-device="[a-z_]+" aria-hidden="true"><svg .*?</svg></span> ([^<]+)</label>', page)
    assert labels == ["Desktop-App", "Mobil-App", "DECT-Mobilteil"]
    assert re.search(r"<h1[^>]*>Gespräch halten und fortsetzen", page)
    dect = page.split("DECT-Mobilteil</label>", 1)[1]
    assert "Taste" in dect.split('class="tabbed-block"', 4)[3]  # the kit's German desk-phone step, on the DECT tab
    assert "Tischtelefon" not in page.split('<div class="tabbed-set', 1)[1].split("</div>", 1)[0]


def test_the_timeline_has_the_hospitals_phases_with_the_kits_tasks_and_hidden_content_is_gone(walked) -> None:
    root, _ = walked
    timeline = (root / "site" / "de" / "timeline" / "index.html").read_text("utf-8")
    assert [name for name in ("Vorbereitung", "Umstellung", "Nachbetreuung") if name in timeline] == ["Vorbereitung", "Umstellung", "Nachbetreuung"]
    assert "Planung" not in timeline.split("<article", 1)[1]
    assert not (root / "site" / "survey").exists() and not (root / "site" / "de" / "survey").exists()
    assert not (root / "site" / "scenarios" / "door-intercom-before-switch-off").exists()
    assert not (root / "site" / "guides" / "hot-desking").exists()
    assert (root / "i18n" / "de.lock.json").is_file()
