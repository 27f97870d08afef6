"""Sites browsed from a file share (``file://``): search without a server.

Browsers refuse ``fetch`` and web workers on ``file://`` pages, so material's offline plugin makes the theme load
``search/search_index.js`` (the index as a script) and runs the search worker in an iframe through the
iframe-worker shim. Cutover ships that shim in ``assets/cutover/`` instead of material's default, a CDN address
(a page must make no request outside its own host), and writes the script form of every language's index, not
only the root one material's plugin knows about. No MkDocs types here.
"""

from __future__ import annotations

import json
from pathlib import Path

#: The shim, relative to the site root (staged from generator/site/assets/ with the other assets).
SHIM = "assets/cutover/iframe-worker.js"


def write_search_scripts(site_dir: Path) -> list[Path]:
    """Beside every ``search/search_index.json`` write ``search_index.js`` (``var __index = …``); return them."""
    written = []
    for index in sorted(site_dir.glob("**/search/search_index.json")):
        data = json.loads(index.read_text("utf-8"))
        # The index is JSON, which is a JavaScript expression; "</" is escaped in case a page ever inlines it.
        script = "var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        target = index.with_name("search_index.js")
        target.write_text(script, "utf-8")
        written.append(target)
    return written
