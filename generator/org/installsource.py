"""Where an organisation's repository installs Cutover from: the README and CI file ``cutover init`` writes pin it.

Cutover is not on the package index (its ``cutover`` is another project), so the pin is what pip recorded when
this copy was installed (PEP 610 ``direct_url.json``): a git repository at a tag or commit, or, for a wheel, a
local folder or an editable checkout, the git address of the organisation's copy, to fill in.
"""

from __future__ import annotations

import json
from importlib import metadata

from generator import DISTRIBUTION, version

#: Stands for the address of the Cutover repository an organisation installs from, until it fills in its own.
PLACEHOLDER_REPOSITORY = "https://git.example.org/your-org/cutover.git"


def install_requirement() -> tuple[str, bool]:
    """(pip requirement that installs this version of Cutover, whether it holds the placeholder address)."""
    # In a checkout, setuptools' egg-info (no record) may be found before the installed dist-info: ask every one.
    found = list(metadata.distributions(name=DISTRIBUTION))
    recorded = next((text for d in found if (text := d.read_text("direct_url.json"))), None)
    if recorded is None:  # installed by pip from a package index: the version pins it; else a source tree
        installed = any(d.read_text("INSTALLER") for d in found)
        return (f"{DISTRIBUTION}=={version()}", False) if installed else (_placeholder(), True)
    try:
        origin = json.loads(recorded)
    except ValueError:
        return _placeholder(), True
    vcs = origin.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and origin.get("url"):
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        return f"{DISTRIBUTION} @ git+{origin['url']}" + (f"@{revision}" if revision else ""), False
    return _placeholder(), True  # a wheel file, a folder or an editable checkout: only this machine has it


def _placeholder() -> str:
    return f"{DISTRIBUTION} @ git+{PLACEHOLDER_REPOSITORY}@v{version()}"
