"""Finding and starting Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Flags for a headless Chromium on a machine without network beyond loopback.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]

INSTALL_HINT = ("install a browser: on Debian/Ubuntu 'apt-get install chromium', elsewhere "
                "'python -m playwright install chromium'; or point --browser (or $CUTOVER_BROWSER) at a Chromium executable")


class BrowserUnavailable(Exception):
    """No browser could be started."""


def candidates(configured: str | None = None) -> list[str | None]:
    """Executables to try, in order; None stands for Playwright's own download."""
    found: list[str | None] = []
    for path in (configured, os.environ.get("CUTOVER_BROWSER"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if path and Path(path).is_file() and path not in found:
            found.append(path)
    if configured:  # an explicit choice must not silently fall back
        return found[:1] if found and found[0] == configured else []
    return found + [None]


async def launch(playwright, configured: str | None = None):
    return (await launch_named(playwright, configured))[0]


async def launch_named(playwright, configured: str | None = None):
    """(browser, what started: its executable or "Playwright chromium")."""
    errors = []
    for executable in candidates(configured):
        try:
            return await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS), executable or "Playwright chromium"
        except Exception as exc:  # Playwright raises its own Error types for every launch failure
            errors.append(f"{executable or 'Playwright chromium'}: {str(exc).splitlines()[0]}")
    if configured and not Path(configured).is_file():
        errors.append(f"{configured}: no such file")
    raise BrowserUnavailable("; ".join(errors) or "no browser found")



def probe(configured: str | None = None) -> str:
    """Start a browser and close it again; what started. Raises :class:`BrowserUnavailable`."""
    import asyncio

    from playwright.async_api import async_playwright

    async def start() -> str:
        async with async_playwright() as playwright:
            browser, name = await launch_named(playwright, configured)
            await browser.close()
            return name
    return asyncio.run(start())
