"""Screenshots of the reader's site for README.md: home, a role manual, a guide and the timeline, on a phone
(390×844) and a desktop (1366×900), in English and German, with the clock fixed in parallel operation.

    scripts/screenshots             build the default kit, then write docs-assets/screens/*.png
    scripts/screenshots --site DIR  use a site built already
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.verify.browser import CHROMIUM_ARGS, candidates
from generator.verify.server import serve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs-assets" / "screens"
#: The day the screenshots show: parallel operation, three weeks before the switch.
CLOCK = datetime.datetime(2027, 2, 17, 10, 0)
PAGES = {"home": "", "manual": "roles/end-user/", "guide": "guides/call-forwarding/", "timeline": "timeline/"}
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
LANGUAGES = {"en": "", "de": "de/"}


def shoot(site: Path) -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    server, url = serve(site)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=candidates()[0], args=CHROMIUM_ARGS)
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                              is_mobile=size == "phone", has_touch=size == "phone")
                page = context.new_page()
                page.clock.set_fixed_time(CLOCK)
                page.goto(f"{url}/roles/end-user/")  # the reader opened their manual once: the site knows their role
                for lang, prefix in LANGUAGES.items():
                    for name, path in PAGES.items():
                        page.goto(f"{url}/{prefix}{path}")
                        page.wait_for_load_state("networkidle")
                        target = OUT / f"{name}-{size}-{lang}.png"
                        page.screenshot(path=str(target))
                        written.append(target)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the kit into a temporary folder)")
    args = parser.parse_args()
    if args.site:
        site = args.site
    else:
        site = Path(tempfile.mkdtemp(prefix="cutover-screens-")) / "site"
        subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(ROOT), "-d", str(site)], check=True)
    for path in shoot(site):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
