"""Run every check on a built site."""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from generator.verify.browser import launch
from generator.verify.report import Check, Failure, Report
from generator.verify.server import serve
from generator.verify.sample import axe_sample, browser_pages
from generator.verify.sitemap import Page, read_site, resolve
from generator.verify.static import check_links, check_other_languages, check_policy, check_switchers

#: Console errors that are expected on every material + static-i18n page: material looks for a sitemap.xml
#: beside each language's root to keep the reader on the same page when switching; static-i18n writes only
#: the root one. These requests fail with 404 and nothing else depends on them.
ALLOWED_FAILED_REQUESTS = (re.compile(r"/sitemap\.xml$"),)
_SOLVE = (Path(__file__).parent / "solve.js").read_text("utf-8")
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
#: Records the page's Content-Security-Policy violations (anything the policy blocked: a script without a hash, a
#: request to another host) where the load check reads them.
_RECORD_VIOLATIONS = """window.__cutoverViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cutoverViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || "inline"}${e.sample ? ": " + e.sample : ""}`));"""


@dataclass
class VerifyOptions:
    all_pages: bool = False  #: axe on every page instead of a sample per template and language
    jobs: int = 4  #: pages open at once in the one browser
    browser: str | None = None  #: a Chromium executable; default: the first that starts
    progress: Callable[[str, int, int], None] | None = None  #: (check, done, total)


def verify(site_dir: Path, options: VerifyOptions | None = None) -> Report:
    """Check ``site_dir``; raises :class:`~generator.verify.browser.BrowserUnavailable` when no browser starts."""
    options = options or VerifyOptions()
    site_dir = site_dir.resolve()
    report = Report(str(site_dir))
    pages = read_site(site_dir)
    for make in (check_links, check_switchers, check_policy, check_other_languages):
        started = time.monotonic()
        check = make(site_dir, pages)
        check.seconds = time.monotonic() - started
        report.checks.append(check)
    asyncio.run(_browser_checks(site_dir, pages, options, report))
    return report


async def _browser_checks(site_dir: Path, pages: dict[str, Page], options: VerifyOptions, report: Report) -> None:
    from playwright.async_api import async_playwright

    server, base = serve(site_dir)
    try:
        async with async_playwright() as playwright:
            browser = await launch(playwright, options.browser)
            try:
                runner = _Runner(browser, base, site_dir, pages, options)
                # One visit per sampled page serves both the load check and axe.
                loads = Check("pages", "pages load with no request to another host, no console error and no "
                                       "Content-Security-Policy violation")
                axe = Check("accessibility", "axe finds no serious or critical violation")
                report.checks += await runner.run([loads, axe], axe_sample(runner.opened, options.all_pages), runner.load_and_axe)
                report.checks += await runner.run(
                    [Check("quizzes", "every quiz scores 100 % and passes with its key; a wrong answer shows feedback")],
                    [p for p in runner.opened.values() if p.is_quiz], runner.quiz)
                report.checks += await runner.run([Check("search", "search finds results, in the page's language")],
                                                  runner.search_pages(), runner.search)
            finally:
                await browser.close()
    finally:
        server.shutdown()


def _empty_index(site_dir: Path) -> str:
    """A search index with the site's own configuration and no documents."""
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}}
    for index in sorted(site_dir.rglob("search_index.json"))[:1]:  # any version's will do
        try:
            config = json.loads(index.read_text("utf-8")).get("config", config)
        except (OSError, ValueError):
            pass
    return json.dumps({"config": config, "docs": []})


class _Runner:
    def __init__(self, browser, base: str, site_dir: Path, pages: dict[str, Page], options: VerifyOptions):
        self.browser, self.base, self.pages, self.options = browser, base, pages, options
        self.default_lang = (pages.get("") or next(iter(pages.values()))).lang if pages else ""
        self.opened = browser_pages(site_dir, pages)
        self.empty_index = _empty_index(site_dir)

    async def run(self, checks: list[Check], items: list, work) -> list[Check]:
        """Run ``work(tab, item)`` over items with ``jobs`` tabs, each reused from item to item (a new
        browser context per item costs four times the page load). ``work`` returns one list of failures
        per check."""
        started = time.monotonic()
        queue: asyncio.Queue = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        done = 0
        label = "+".join(check.name for check in checks)

        async def worker():
            nonlocal done
            context = await self.browser.new_context()
            await context.add_init_script(_RECORD_VIOLATIONS)
            if checks[0].name != "search":
                # Each page would otherwise rebuild its language's search index in a worker, which these
                # checks do not need (the search check covers search).
                await context.route("**/search/search_index.json", lambda route: route.fulfill(
                    status=200, content_type="application/json", body=self.empty_index))
            tab = await context.new_page()
            try:
                while not queue.empty():
                    item = queue.get_nowait()
                    try:
                        for check, failures in zip(checks, await work(tab, item)):
                            check.failures.extend(failures)
                    except Exception as exc:  # a page that hangs or crashes is a finding, not a crash of verify
                        checks[0].failures.append(Failure(getattr(item, "url", str(item)), "",
                                                          f"check could not finish: {str(exc).splitlines()[0]}"))
                        await tab.close()
                        tab = await context.new_page()
                    done += 1
                    if self.options.progress:
                        self.options.progress(label, done, len(items))
            finally:
                await context.close()

        await asyncio.gather(*(worker() for _ in range(max(1, min(self.options.jobs, len(items))))))
        for check in checks:
            check.checked = len(items)
            check.failures.sort(key=lambda f: (f.page, f.subject, f.reason))
            check.seconds = (time.monotonic() - started) / len(checks)
        return checks

    def url(self, page: Page) -> str:
        return f"{self.base}/{page.url}"

    async def load_and_axe(self, tab, page: Page) -> tuple[list[Failure], list[Failure]]:
        from axe_playwright_python.async_playwright import Axe

        failures: list[Failure] = []

        def on_request(request):
            host = urlsplit(request.url).hostname
            if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in _LOOPBACK:
                failures.append(Failure(page.url, request.url, "request to another host"))

        def on_response(response):
            if response.status >= 400 and not any(p.search(urlsplit(response.url).path) for p in ALLOWED_FAILED_REQUESTS):
                failures.append(Failure(page.url, response.url, f"HTTP {response.status}"))

        def on_console(message):
            if message.type == "error" and not message.text.startswith("Failed to load resource"):
                failures.append(Failure(page.url, "console", message.text))

        def on_error(error):
            failures.append(Failure(page.url, "script error", str(error)))

        handlers = {"request": on_request, "response": on_response, "console": on_console, "pageerror": on_error}
        for event, handler in handlers.items():
            tab.on(event, handler)
        try:
            await tab.goto(self.url(page), wait_until="load")
        finally:
            for event, handler in handlers.items():
                tab.remove_listener(event, handler)
        for violation in await tab.evaluate("window.__cutoverViolations || []"):
            failures.append(Failure(page.url, "Content-Security-Policy", f"violation: {violation}"))
        result = await Axe().run(tab, options={"resultTypes": ["violations"]})
        violations = [Failure(page.url, ", ".join(str(t) for t in v["nodes"][0]["target"]), f'{v["id"]} ({v["impact"]}): {v["help"]}')
                      for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        return failures, violations

    async def quiz(self, tab, page: Page) -> list[list[Failure]]:
        errors: list = []

        def on_error(error):
            errors.append(error)

        tab.on("pageerror", on_error)
        try:
            return await self._quiz(tab, page, errors)
        finally:
            tab.remove_listener("pageerror", on_error)

    async def _quiz(self, tab, page: Page, errors: list) -> list[list[Failure]]:
        await tab.goto(self.url(page))
        await tab.wait_for_selector(".cq-toolbar", timeout=10_000)
        await tab.check('.cq-mode input[value="exam"]')
        await tab.evaluate(_SOLVE, None)
        await tab.click(".cq-submit")
        if await tab.is_visible(".cq-submit-anyway"):  # the key left a question unanswered: the quiz asks first
            await tab.click(".cq-submit-anyway")
        try:  # shown as the click is handled; a key the runtime cannot grade leaves none (no 30 s wait for it)
            await tab.wait_for_selector(".cq-score", timeout=5_000)
        except Exception:
            why = f" (script error: {str(errors[0]).splitlines()[0]})" if errors else ""
            return [[Failure(page.url, "answer key", f"submitting the exam with the key shows no score{why}")]]
        score = await tab.text_content(".cq-score") or ""
        failures = []
        if not re.search(r"\b100\b", score) or not await tab.is_visible(".cq-passed"):
            failures.append(Failure(page.url, "answer key", f"does not score 100 % and pass (shows '{score.strip()}')"))
        await tab.click(".cq-retake")
        await tab.check('.cq-mode input[value="practice"]')
        first = await tab.evaluate("JSON.parse(document.querySelector('script.cq-data').textContent).questions[0].id")
        await tab.evaluate(_SOLVE, first)
        box = tab.locator(f'fieldset.cq-question[data-question="{first}"]')
        await box.locator(".cq-check").click()
        verdict = await box.locator(".cq-verdict").text_content() or ""
        explained = await box.locator(".cq-explanation").is_visible()
        if "✗" not in verdict or not explained:
            failures.append(Failure(page.url, f"question {first}", "a wrong answer shows no feedback"))
        return [failures]

    def languages(self) -> dict[tuple[str, str], Page]:
        """The home page of every language (of every version)."""
        homes = {}
        for page in self.opened.values():
            if page.lang and page.language_path == "" and (page.version, page.lang) not in homes:
                homes[(page.version, page.lang)] = page
        return homes

    def search_pages(self) -> list[Page]:
        return list(self.languages().values())

    async def search(self, tab, home: Page) -> list[list[Failure]]:
        words = sorted(re.findall(r"[^\W\d_]{4,}", home.title), key=len, reverse=True)
        if not words:
            return [[Failure(home.url, "search", "no word to search for in the page title")]]
        await tab.goto(self.url(home))
        await tab.wait_for_timeout(1000)  # the search worker indexes in the background
        await tab.click("input.md-search__input")
        await tab.keyboard.type(words[0], delay=40)
        try:
            await tab.wait_for_selector(".md-search-result__item > a", timeout=15_000)
        except Exception:
            return [[Failure(home.url, f"search '{words[0]}'", "no results")]]
        failures = []
        for href in await tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)"):
            path = urlsplit(href).path.lstrip("/")
            prefix = urlsplit(self.base).path.lstrip("/")
            target = resolve("", path[len(prefix):]) if path.startswith(prefix) else None
            found = self.pages.get(target[0]) if target else None
            if found is None or found.lang != home.lang or found.version != home.version:
                failures.append(Failure(home.url, f"search '{words[0]}'", f"result {href} is not in '{home.lang}'"))
        return [failures]
