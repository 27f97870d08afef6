"""Stale translations are found from the first commit: ``cutover init`` records every string's fingerprints, so an
upgrade of the kit that changes a text, or an own text edited later, shows its translations as stale without
anyone having run ``cutover i18n mark-current``."""

from __future__ import annotations

import json
from pathlib import Path

from generator.authoring.check import run_check
from generator.authoring.i18n.strings import STALE, entries
from generator.catalog.load import load_project
from generator.org.init import init

from support import edit


def stale(root: Path, lang: str) -> dict[str, str]:
    """key -> where the stale translation is."""
    project = load_project(root).project
    return {e.key: e.where[0] for e in entries(project, root, lang) if e.state == STALE}


def test_init_records_the_fingerprints_of_every_string_in_every_language(kit: Path, tmp_path: Path) -> None:
    org = tmp_path / "org"
    written = init(org, "Acme", "en,de,sv", kit_name=str(kit))
    assert "i18n/de.lock.json" in written and "i18n/sv.lock.json" in written and not (org / "i18n" / "en.lock.json").exists()
    lock = json.loads((org / "i18n" / "de.lock.json").read_text("utf-8"))["strings"]
    project = load_project(org).project
    assert set(lock) == {e.key for e in entries(project, org, "de")}
    assert stale(org, "de") == {} and stale(org, "sv") == {}


def test_a_kit_upgrade_that_changes_a_text_shows_the_kits_old_translation_as_stale(kit: Path, tmp_path: Path) -> None:
    org = tmp_path / "org"
    init(org, "Acme", "en,de", kit_name=str(kit))
    edit(kit / "catalog" / "features" / "hold.yaml", "summary: Pause a call.", "summary: Pause a call for a moment.")
    key = f"kit:{kit}/catalog/features/hold.yaml:summary"
    assert stale(org, "de") == {key: f"kit:{kit}/catalog/features/hold.de.yaml"}
    warning = next(p for p in run_check(org).problems if p.code == "stale-translation")
    assert warning.path == f"kit:{kit}/catalog/features/hold.de.yaml"
    assert "correct it in catalog/features/hold.de.yaml in your repository" in warning.hint
    # A newer kit that translated its change as well is current again.
    edit(kit / "catalog" / "features" / "hold.de.yaml", "summary: Einen Anruf pausieren.", "summary: Einen Anruf kurz pausieren.")
    assert stale(org, "de") == {}


def test_a_translation_the_organisation_wrote_by_hand_goes_stale_when_the_kit_changes_its_source(kit: Path, tmp_path: Path) -> None:
    """Written after init, never marked current: the string was recorded untranslated, so a changed source shows."""
    (kit / "catalog" / "features" / "hold.sv.yaml").unlink()  # the kit has no Swedish for this feature
    org = tmp_path / "org"
    init(org, "Acme", "en,sv", kit_name=str(kit))
    (org / "catalog" / "features" / "hold.sv.yaml").write_text("id: hold\ntitle: Parkera ett samtal\nsummary: Pausa ett samtal.\n", "utf-8")
    assert stale(org, "sv") == {}
    edit(kit / "catalog" / "features" / "hold.yaml", "summary: Pause a call.", "summary: Pause a call for a moment.")
    assert stale(org, "sv") == {f"kit:{kit}/catalog/features/hold.yaml:summary": "catalog/features/hold.sv.yaml"}
    warning = next(p for p in run_check(org).problems if p.code == "stale-translation")
    assert warning.path == "catalog/features/hold.sv.yaml" and warning.line == 3


def test_an_own_text_recorded_untranslated_shows_a_later_hand_translation_as_stale(kit: Path, tmp_path: Path) -> None:
    """mark-current records untranslated strings too: the German written later by hand, without marking it, is
    stale once the English it was made from changes."""
    from generator.authoring.i18n.lock import write_lock
    from generator.authoring.i18n.strings import mark_current

    org = tmp_path / "org"
    init(org, "Acme", "en,de", kit_name=str(kit))
    site = org / "catalog" / "site.yaml"
    site.write_text(site.read_text("utf-8") + "home:\n  title: Welcome\n", "utf-8")
    write_lock(org, "de", mark_current(load_project(org).project, org, "de"))
    (org / "catalog" / "site.de.yaml").write_text((org / "catalog" / "site.de.yaml").read_text("utf-8") + "home:\n  title: Willkommen\n")
    assert stale(org, "de") == {}
    edit(site, "  title: Welcome", "  title: Welcome to the new phones")
    assert stale(org, "de") == {"catalog/site.yaml:home.title": "catalog/site.de.yaml"}
