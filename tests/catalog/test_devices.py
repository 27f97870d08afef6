"""Configurable devices: a site declares its own (DECT handset, softphone, headset …) with a name per language and
an icon, renames or replaces the built-in ones, and every place that shows steps per device follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.authoring.scaffold import scaffold
from generator.catalog.load import load_project
from generator.render.card import render_card
from generator.render.guide import render_guide
from generator.render.localize import Localizer

from support import edit, load_problems

DECT = """devices:
  - id: dect
    name: DECT handset
    icon: material/phone-classic
"""


def tabs(project, feature: str, lang: str) -> list[tuple[str, str]]:
    """(icon's first path data, tab name) of a feature's guide in ``lang``."""
    loaded = load_project(project).project
    text = "\n".join(render_guide(loaded, loaded.features[feature], Localizer(loaded, lang)).body)
    return re.findall(r'=== "<span class="twemoji cutover-device" data-device="[a-z_]+" aria-hidden="true"><svg [^>]*><path d="(.{12}).*?</svg></span> (.*)"', text)


def icon_start(name: str) -> str:
    from generator.catalog.devices import icon_svg

    return re.search(r'd="(.{12})', icon_svg(name)).group(1)


def test_built_in_devices_keep_their_ids_names_and_get_an_icon_each(project: Path) -> None:
    assert tabs(project, "dial", "de") == [(icon_start("material/monitor"), "Desktop-App"),
                                           (icon_start("material/cellphone"), "Mobil-App"),
                                           (icon_start("material/deskphone"), "Tischtelefon")]


def test_a_declared_device_has_its_own_tab_name_per_language_and_icon(project: Path) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") + DECT, "utf-8")
    edit(project / "catalog" / "site.de.yaml", "variables:", "devices:\n  - id: dect\n    name: DECT-Mobilteil\nvariables:")
    edit(project / "catalog" / "features" / "dial.yaml", "    mobile: Tap **Call**.\n",
         "    mobile: Tap **Call**.\n    dect: Press the green key.\n")
    edit(project / "catalog" / "features" / "dial.de.yaml", "  mobile:", "  dect: Drücken Sie die grüne Taste.\n  mobile:")
    dect = (icon_start("material/phone-classic"), "DECT-Mobilteil")
    found = tabs(project, "dial", "de")
    assert [name for _, name in found] == ["Desktop-App", "Mobil-App", "Tischtelefon", "DECT-Mobilteil"] and found[3] == dect
    loaded = load_project(project).project
    guide = "\n".join(render_guide(loaded, loaded.features["dial"], Localizer(loaded, "de")).body)
    assert "1. Drücken Sie die grüne Taste." in guide.split("DECT-Mobilteil\"")[1]  # the tab (the device choice names it too)
    # A language without the name says it in the default language, and check says so.
    assert [name for _, name in tabs(project, "dial", "sv")][-1] == "DECT handset"
    assert any("no sv translation for devices[dect].name" in p for p in load_problems(project))


def test_renaming_a_built_in_device_changes_its_tab_everywhere(project: Path) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") +
                                                   "devices:\n  - id: desk_phone\n    name: DECT handset\n    icon: material/phone-classic\n", "utf-8")
    edit(project / "catalog" / "site.de.yaml", "variables:", "devices:\n  - id: desk_phone\n    name: DECT-Mobilteil\nvariables:")
    assert tabs(project, "dial", "de")[-1] == (icon_start("material/phone-classic"), "DECT-Mobilteil")
    assert tabs(project, "dial", "en")[-1][1] == "DECT handset"


def test_a_device_that_replaces_another_shows_its_steps_and_takes_its_place(project: Path) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") + DECT +
                                                   "    replaces: [desk_phone]\n", "utf-8")
    edit(project / "catalog" / "features" / "dial.yaml", "    mobile: Tap **Call**.\n",
         "    mobile: Tap **Call**.\n    desk_phone: Lift the handset.\n")
    loaded = load_project(project).project
    dial = loaded.features["dial"]
    assert dial.platforms == ["desktop", "mobile", "dect"] and dial.steps[0].variants["dect"].values["en"] == "Lift the handset."
    names = [name for _, name in tabs(project, "dial", "en")]
    assert names == ["Desktop app", "Mobile app", "DECT handset"]


def test_new_devices_follow_the_built_in_ones_in_the_order_listed_and_a_replacement_takes_the_replaced_place(project: Path) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") + DECT +
                                                   "  - {id: headset, name: Headset, icon: material/headset}\n"
                                                   "  - {id: desktop, name: Softphone}\n"
                                                   "  - {id: softphone_web, name: Browser, replaces: [web, mobile]}\n", "utf-8")
    assert [d.id for d in load_project(project).project.site.devices] == ["desktop", "softphone_web", "desk_phone", "dect", "headset"]


def test_the_quick_reference_card_names_the_device_with_its_icon(project: Path) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") +
                                                   "devices:\n  - id: desktop\n    name: Softphone\n    icon: material/headset\n", "utf-8")
    loaded = load_project(project).project
    card = "\n".join(render_card(loaded, loaded.roles["agent"], Localizer(loaded, "en")).body)
    row = next(line for line in card.splitlines() if line.startswith("| [Make a call]"))
    assert icon_start("material/headset") in row and row.endswith("</svg></span> *Softphone:* Click **Call**. |")


@pytest.mark.parametrize("change, message", [
    (("    mobile: Tap **Call**.\n", "    mobile: Tap **Call**.\n    dekt: Press.\n"),
     "catalog/features/dial.yaml:9:5: error: unknown device 'dekt' (did you mean 'dect'?)"),
    (("minutes: 3", "minutes: 3\nplatforms: [desktop, dekt]"),
     "catalog/features/dial.yaml:6:22: error: unknown device 'dekt' (did you mean 'dect'?)"),
    (("    mobile: Tap **Call**.\n", "    mobile: Tap **Call**.\n    txet: Press.\n"),
     "catalog/features/dial.yaml:9:5: error: unknown device 'txet' (did you mean 'text'?)"),
])
def test_a_step_for_an_unknown_device_is_a_located_error_with_a_suggestion(project: Path, change, message) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") + DECT, "utf-8")
    edit(project / "catalog" / "features" / "dial.yaml", *change)
    assert message in load_problems(project), load_problems(project)


@pytest.mark.parametrize("devices, message", [
    ("  - id: dect\n    name: DECT\n    icon: material/phone-clasic\n",
     "catalog/site.yaml:14:5: error: the theme has no icon 'material/phone-clasic' (did you mean 'material/phone-classic'?)"),
    ("  - id: dect\n", "catalog/site.yaml:12:5: error: device 'dect' has no name"),
    ("  - id: dect\n    name: DECT\n    replaces: [desk_fone]\n",
     "catalog/site.yaml:14:16: error: there is no device 'desk_fone' to replace (did you mean 'desk_phone'?)"),
    ("  - id: dect\n    name: DECT\n    replaces: [dect]\n", "catalog/site.yaml:14:16: error: device 'dect' cannot replace itself"),
    ("  - id: DECT\n    name: DECT\n", "catalog/site.yaml:12:5: error: devices[1].id: 'DECT' is not a valid device id"),
])
def test_mistakes_in_the_devices_settings_are_located_errors(project: Path, devices: str, message: str) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") + "devices:\n" + devices, "utf-8")
    assert any(p.startswith(message) for p in load_problems(project)), load_problems(project)


def test_a_new_feature_scaffold_names_the_sites_devices(project: Path) -> None:
    (project / "catalog" / "site.yaml").write_text((project / "catalog" / "site.yaml").read_text("utf-8") + DECT, "utf-8")
    [source, *_] = scaffold(project, "feature", "intercom")
    assert "This site's devices: desktop, mobile, desk_phone, web, dect." in source.read_text("utf-8")
