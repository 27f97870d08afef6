"""Devices: where a step is carried out. Each becomes a tab, with its name and icon, wherever steps are shown.

Four are built in — ``desktop``, ``mobile``, ``desk_phone`` and ``web`` — named by the interface strings
(``platform.<id>`` in ``generator/locales/``), so the kit's content works on every site. A site declares more
under ``devices`` in ``catalog/site.yaml`` (a DECT handset, a softphone, a headset …): an id (the key its steps
use), a name translated in ``site.<lang>.yaml`` like any text of the site, an icon from the theme's bundled icon
sets (nothing is fetched), and whether it has a tab on every guide whose steps differ by device (``default``).
An entry with a built-in id renames it, gives it another icon or moves it; ``replaces: [desk_phone]`` shows the
steps written for those devices on this one's tab instead (the kit says "desk phone", the site has DECT handsets).

Tab order: the built-in devices (an entry with a built-in id keeps its place; a device that replaces one takes
the place of the first it replaces), then the site's new devices in the order it lists them. A feature's
``platforms`` sets its own order.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

from generator.catalog import model as m
from generator.catalog.yamlio import DataPath, Document
from generator.errors import Problem, did_you_mean

#: (id, icon, has a tab for the steps shared by every device) of the built-in devices, in tab order.
BUILTIN = (("desktop", "material/monitor", True), ("mobile", "material/cellphone", True),
           ("desk_phone", "material/deskphone", True), ("web", "material/web", False))
BUILTIN_IDS = tuple(d[0] for d in BUILTIN)
#: The icon of a declared device that names none.
DEFAULT_ICON = "material/devices"
#: The keys of a step that are not devices.
STEP_KEYS = ("text", "result", "when", "images")


def _icons() -> Path | None:
    """material's bundled icons (``.icons/<set>/<name>.svg``), found without importing the theme."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


@functools.cache
def icon_svg(icon: str) -> str | None:
    """The SVG markup of ``material/phone-classic`` (``<set>/<name>``, as in mkdocs.yml), or None if there is none."""
    folder = _icons()
    if folder is None or ".." in icon.split("/"):
        return None
    path = folder / f"{icon}.svg"
    return path.read_text("utf-8").strip() if path.is_file() else None


@functools.cache
def _icon_names(icon_set: str) -> tuple[str, ...]:
    folder = _icons()
    base = folder / icon_set if folder else None
    return tuple(sorted(p.relative_to(folder).with_suffix("").as_posix() for p in base.glob("*.svg"))) if base and base.is_dir() else ()


def order(entries: list[dict]) -> list[str]:
    """The site's device ids in tab order (see the module's docstring)."""
    claims = {old: e["id"] for e in entries for old in e.get("replaces") or []}
    result: list[str] = []
    for device_id in list(BUILTIN_IDS) + [e["id"] for e in entries]:
        device_id = claims.get(device_id, device_id)
        if device_id not in result and device_id not in claims:
            result.append(device_id)
    return result


def build(entries: list[dict]) -> list[m.Device]:
    """The site's devices, in tab order, from the merged ``devices`` settings (the kit's, then the site's own)."""
    builtin = {d[0]: d for d in BUILTIN}
    by_id = {e["id"]: e for e in entries}
    devices = []
    for device_id in order(entries):
        entry = by_id.get(device_id, {})
        known = builtin.get(device_id, (device_id, DEFAULT_ICON, False))
        replaces = list(entry.get("replaces") or [])
        # A device that stands in for a default one (DECT handsets for desk phones) is a default one too.
        default = known[2] or any(builtin.get(old, ("", "", False))[2] or by_id.get(old, {}).get("default", False)
                                  for old in replaces)
        devices.append(m.Device(id=device_id, name=entry.get("name"), icon=entry.get("icon") or known[1],
                                default=entry.get("default", default), replaces=replaces))
    return devices


def replacements(devices: list[m.Device]) -> dict[str, str]:
    """Replaced device id -> the device whose tab shows its steps."""
    return {old: d.id for d in devices for old in d.replaces}


def check_settings(doc: Document | None, devices: list[m.Device], known: list[str]) -> list[Problem]:
    """The ``devices`` entries of one site file: a name for every new device, icons that exist, sensible replacements.

    ``known``: every device id before replacements (built-in, the kit's, the site's).
    """
    if doc is None:
        return []
    problems = []
    claimed: dict[str, str] = {}
    listed = [e.get("id") for e in doc.data.get("devices") or [] if isinstance(e, dict)]
    for i, entry in enumerate(doc.data.get("devices") or []):
        if not isinstance(entry, dict):
            continue
        if entry.get("id") not in BUILTIN_IDS and "name" not in entry and not _declared_elsewhere(entry.get("id"), devices):
            problems.append(doc.problem(("devices", i), f"device '{entry.get('id')}' has no name",
                                        "give it a name (its tab's label), translated in catalog/site.<lang>.yaml"))
        icon = entry.get("icon")
        if icon and icon_svg(icon) is None:
            icon_set = icon.rsplit("/", 1)[0]
            hint = did_you_mean(icon, _icon_names(icon_set)) or (
                f"an icon of the theme's sets, like 'material/phone-classic' (see {ICON_SEARCH})")
            problems.append(doc.problem(("devices", i, "icon"), f"the theme has no icon '{icon}'", hint))
        for j, old in enumerate(entry.get("replaces") or []):
            at: DataPath = ("devices", i, "replaces", j)
            if old == entry.get("id"):
                problems.append(doc.problem(at, f"device '{old}' cannot replace itself", "remove it from replaces"))
            elif old not in known:
                problems.append(doc.problem(at, f"there is no device '{old}' to replace", did_you_mean(old, known) or
                                            f"the devices: {', '.join(known)}"))
            elif old in listed:
                problems.append(doc.problem(at, f"device '{old}' is listed itself", f"remove '{old}' from devices or from replaces"))
            elif old in claimed:
                problems.append(doc.problem(at, f"device '{old}' is already replaced by '{claimed[old]}'",
                                            "a device's steps go to one tab: remove it here or there"))
            else:
                claimed[old] = entry.get("id")
    return problems


def check_icon(tree: dict, doc: Document | None) -> list[Problem]:
    """A role's ``icon`` must be one of the theme's icons."""
    icon = tree.get("icon")
    if doc is None or not icon or icon_svg(icon) is not None:
        return []
    hint = did_you_mean(icon, _icon_names(icon.rsplit("/", 1)[0])) or f"an icon of the theme's sets, like 'material/headset' (see {ICON_SEARCH})"
    return [doc.problem(("icon",), f"the theme has no icon '{icon}'", hint)]


#: Where writers look up an icon's name.
ICON_SEARCH = "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"


def _declared_elsewhere(device_id: Any, devices: list[m.Device]) -> bool:
    """A device the kit declared (with its name) that the site's entry only changes."""
    return any(d.id == device_id and d.name is not None for d in devices)


def check_steps(tree: dict, doc: Document | None, devices: list[m.Device], at: DataPath = ()) -> list[Problem]:
    """Every device a feature's steps and ``platforms`` name must be one of the site's (a replaced one counts)."""
    if doc is None:
        return []
    known = [d.id for d in devices] + [old for d in devices for old in d.replaces]
    problems = []
    for i, step in enumerate(tree.get("steps") or []):
        for key in step if isinstance(step, dict) else []:
            if key not in STEP_KEYS and key not in known:
                hint = did_you_mean(key, known + list(STEP_KEYS))
                problems.append(doc.problem(at + ("steps", i, key), f"unknown device '{key}'",
                                            hint or f"the site's devices: {', '.join(known)}; declare others under devices in catalog/site.yaml"))
    for i, device in enumerate(tree.get("platforms") or []):
        if device not in known:
            problems.append(doc.problem(at + ("platforms", i), f"unknown device '{device}'",
                                        did_you_mean(device, known) or f"the site's devices: {', '.join(known)}"))
    return problems


def feature_devices(steps: list[dict], listed: list[str] | None, devices: list[m.Device]) -> tuple[list[dict[str, Any]], list[str]]:
    """(device -> text of each step, the feature's tabs in order), with replaced devices' steps moved to their tab.

    Without ``platforms`` a feature has a tab for every device its steps name, and when some steps are shared by
    every device, for the site's default devices too.
    """
    moved = replacements(devices)
    tab_order = [d.id for d in devices]
    variants = [{moved.get(k, k): v for k, v in step.items() if k not in STEP_KEYS} for step in steps]
    if listed is not None:
        return variants, list(dict.fromkeys(moved.get(d, d) for d in listed))
    named = list(dict.fromkeys(k for v in variants for k in v))
    position = {d: n for n, d in enumerate(tab_order)}
    if not named:
        return variants, [d.id for d in devices if d.default]
    if any("text" in step for step in steps):
        named += [d.id for d in devices if d.default and d.id not in named]
    return variants, sorted(named, key=lambda d: position.get(d, len(position)))
