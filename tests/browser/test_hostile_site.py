"""The schema-driven hostile test: context-closing payloads in every text field of every kind (found by walking the
JSON Schemas, tests/hostilekit.py), in the sources and in every translation, plus hand-written pages and an
organisation's name — built, then every page and view opened in Chromium in every language: nothing runs.

The browser context bypasses the Content-Security-Policy, so escaping and the allow-list are tested on their own
(test_csp.py tests the policy). Payloads call ``hit(n)``; any call, any dialog, any element or attribute that could
run or load something (event handlers, script elements, script links, frames, forms, <base>) fails the test.

Two sites: the test fixture's structure (every question type, a survey, scenarios) and an organisation made with
``cutover init`` over the default kit, with its own definitions, overrides and hostile name.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_site, serve
from playwright.sync_api import Page, expect

import hostilekit
from quizkit import answer, question, quiz_data
from support import FIXTURE, REPO

pytestmark = pytest.mark.browser

LANGUAGES = ("", "de/", "es/", "sv/")

RECORD = """window.__hits = [];
window.hit = (n) => window.__hits.push(n);
for (const name of ["alert", "confirm", "prompt"]) window[name] = (x) => window.__hits.push(`${name}:${x}`);
window.print = () => {};"""

INSPECT = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on') || attr.name === 'srcdoc' || attr.name === 'formaction') bad.push(`${el.tagName}[${attr.name}]`);
        }
    }
    for (const a of document.querySelectorAll('[href], [src], [action]')) {
        const url = a.getAttribute('href') || a.getAttribute('src') || a.getAttribute('action') || '';
        if (/^\\s*(javascript|data|vbscript):/i.test(url.replace(/[\\x00-\\x20]/g, '')) && !url.startsWith('data:image/')) bad.push(`${a.tagName}=${url.slice(0, 40)}`);
        if (url.includes('evil.example')) bad.push(`${a.tagName}=${url}`);
    }
    for (const s of document.querySelectorAll('script')) {
        if (s.textContent.includes('hit(') && s.type !== 'application/json') bad.push('script: ' + s.textContent.slice(0, 40));
    }
    for (const tag of ['iframe', 'object', 'embed', 'base', 'article style', 'article link', 'article meta']) {
        if (document.querySelector(tag)) bad.push(tag);
    }
    return bad;
}"""


def _hostile_fixture(root: Path) -> set[str]:
    shutil.copytree(FIXTURE, root)
    for survey in sorted((REPO / "catalog").glob("survey*.yaml")):  # the fixture has no survey: the kit's, made hostile
        shutil.copy(survey, root / "catalog" / survey.name)
    # The adoption kit's files, a device of its own and a step picture: every kind's every text field has a file.
    shutil.copytree(HOSTILE_EXTRA, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))
    site = root / "catalog/site.yaml"
    site.write_text(site.read_text("utf-8") + "  helpdesk_phone: '0800 1234'\n  desktop_app: App\n  mobile_app: Mobile\n"
                    "devices:\n  - id: dect\n    name: DECT handset\n", "utf-8")
    filled = hostilekit.make_hostile(root)
    for lang in ("en", "de"):
        (root / "docs" / lang / "about.md").write_text(hostilekit.hostile_page(0), "utf-8")
    return filled


@pytest.fixture(scope="module")
def hostile_fixture(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "proj"
    filled = _hostile_fixture(root)
    site = build_site(root, root.parent / "site")
    server, url = serve(site)
    yield url, site, filled
    server.shutdown()


HOSTILE_EXTRA = Path(__file__).parent.parent / "fixtures/hostile"

ORG_NAME = "Org </title><script>hit(90001)</script><img src=x onerror=hit(90002)> \"'><b>"


@pytest.fixture(scope="module")
def hostile_org(tmp_path_factory):
    """An organisation made with `cutover init` over the default kit: its name, settings, own definitions and
    overrides of kit items all hostile."""
    root = tmp_path_factory.mktemp("hostile-org") / "org"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "init", str(root), "--org-name", ORG_NAME],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for rel in ("catalog/features/hold-music.yaml", "catalog/features/hold-music.de.yaml"):
        (root / rel).write_text((REPO / "catalog/features/call-park.yaml" if "." not in Path(rel).stem else
                                 REPO / "catalog/features/call-park.de.yaml").read_text("utf-8")
                                .replace("id: call-park", "id: hold-music")
                                .replace("platforms: [desktop, mobile, desk_phone]\n", ""), "utf-8")  # every platform may get a step
    (root / "catalog/overrides/features/answer-call.yaml").write_text(
        "id: answer-call\ntitle: Answer\nextend:\n  tips: [A tip]\n", "utf-8")
    (root / "catalog/overrides/roles/end-user.yaml").write_text("id: end-user\nname: Everyone\n", "utf-8")
    (root / "catalog/overrides/roles/end-user.de.yaml").write_text("id: end-user\nname: Alle\n", "utf-8")
    filled = hostilekit.make_hostile(root)
    for lang in ("en", "sv"):
        (root / "docs" / lang / "org-page.md").write_text(hostilekit.hostile_page(0), "utf-8")
    check = subprocess.run([sys.executable, "-m", "generator.cli", "check", "-p", str(root)], capture_output=True, text=True,
                           timeout=600)
    assert check.returncode == 0, check.stderr[-3000:]
    site = build_site(root, root.parent / "site")
    server, url = serve(site)
    yield url, site, filled
    server.shutdown()


def _pages(site: Path) -> list[str]:
    folders = (p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    return sorted("" if f == "." else f + "/" for f in folders if f.split("/")[0] not in ("assets", "search"))


def _visit(page: Page, url: str, interact: bool = True) -> list:
    page.goto(url)
    page.wait_for_load_state("load")
    problems = page.evaluate(INSPECT)
    if interact:
        for link in page.locator("article a[href='#']").all()[:6]:  # what a curious reader clicks: the disarmed links
            if link.is_visible():
                link.click()  # the pointer moves onto the link first: its hover events fire too
        page.locator("article").first.hover()
    return problems + page.evaluate("window.__hits")


@pytest.fixture
def hostile_page(browser):
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(RECORD)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def test_every_text_field_of_every_kind_is_hostile(hostile_fixture, hostile_org):
    """The walker reached every text field the schemas define (a new field is covered, or this names it)."""
    assert hostilekit.uncovered(hostile_fixture[2]) == []
    assert {f.split(":")[0] for f in hostile_org[2]} >= {"site", "feature", "role"}


def test_nothing_runs_on_any_page_of_any_language(hostile_page: Page, hostile_fixture):
    url, site, _ = hostile_fixture
    pages = _pages(site)
    assert len(pages) > 80
    found = {path: problems for path in pages if (problems := _visit(hostile_page, f"{url}/{path}"))}
    assert found == {} and hostile_page.dialogs == []
    shown = sum(hostilekit.MARK in (site / path / "index.html").read_text("utf-8") for path in pages)  # path "" is the home
    assert shown > 70  # the payloads did reach the pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_runs_in_quiz_views_print_search_card_survey_and_results(hostile_page: Page, hostile_fixture, lang: str):
    url = hostile_fixture[0]
    page = hostile_page
    page.goto(f"{url}/{lang}quizzes/basics/")
    data = quiz_data(page)
    for q in data["questions"]:  # practice: every question answered wrong and checked (feedback, explanation)
        answer(page, q, wrong=True)
        question(page, q["id"]).locator(".cq-check").click()
    page.locator('.cq-mode input[value="exam"]').check()
    page.locator(".cq-submit").click()
    code = page.locator(".cq-code").text_content()
    problems = page.evaluate(INSPECT) + page.evaluate("window.__hits")
    page.goto(f"{url}/{lang}quizzes/keys/basics/")  # the trainer's answer-key page: presenter and printing
    page.locator(".cq-present").click()  # presenter: every screen, revealed, then the summary
    for _ in data["questions"]:
        page.keyboard.press("r")
        page.keyboard.press("1")
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    page.locator(".cq-print").first.click()  # the handout (window.print recorded, not opened)
    page.emulate_media(media="print")
    page.locator(".cq-print").last.evaluate("b => b.click()")  # the answer key, from print media
    page.emulate_media(media="screen")
    problems += page.evaluate(INSPECT) + page.evaluate("window.__hits")
    page.goto(f"{url}/{lang}cards/agent/")
    page.locator(".cutover-print-button").click()
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    problems += page.evaluate(INSPECT) + page.evaluate("window.__hits")
    page.locator(".md-search__input").first.click()
    page.keyboard.type(hostilekit.MARK, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    problems += page.evaluate(INSPECT) + page.evaluate("window.__hits")
    page.goto(f"{url}/{lang}survey/")
    page.locator(".cutover-survey input[type=radio]").first.check()
    page.locator(".cutover-survey__download").click()
    problems += page.evaluate(INSPECT) + page.evaluate("window.__hits")
    page.goto(f"{url}/{lang}quizzes/results/")
    page.locator("#cq-codes").fill(code)
    page.locator(".cq-tally-button").click()
    expect(page.locator(".cq-class-table[data-quiz]")).to_have_count(1)
    problems += page.evaluate(INSPECT) + page.evaluate("window.__hits")
    assert problems == [] and page.dialogs == []


def test_titles_read_as_written(hostile_page: Page, hostile_fixture):
    url = hostile_fixture[0]
    for path in ("guides/hold/", "de/roles/agent/", "es/quizzes/basics/", "sv/scenarios/customer-waits-on-hold/"):
        hostile_page.goto(f"{url}/{path}")
        h1 = hostile_page.locator("article h1").first.inner_text()
        assert h1.startswith(hostilekit.MARK), (path, h1)
        assert hostile_page.title().startswith(h1.rstrip("¶").strip()[:20]), (path, hostile_page.title())
    hostile_page.goto(f"{url}/about/")
    assert hostile_page.title().startswith(hostilekit.MARK)  # the front matter title, as written
    assert hostile_page.locator("article h1").first.inner_text().startswith(f"{hostilekit.MARK}0 page")


@pytest.mark.slow  # minutes: an organisation over the whole kit, its pages opened one by one
def test_nothing_runs_on_an_organisation_site(hostile_page: Page, hostile_org):
    url, site, _ = hostile_org
    pages = _pages(site)
    from generator.verify.sitemap import read_site, template_of

    # Every kind of page in every language, and every page of the organisation's own (a hostile title or page):
    # the kit's pages of one kind are made by the same code, so one of each is enough.
    sampled: dict[tuple[str, str], str] = {}
    for info in read_site(site).values():
        template = template_of(info)
        if template == "404":
            continue
        folder = info.url.strip("/").removeprefix(info.lang + "/").rpartition("/")[0]  # "quizzes/keys", "project/posters"
        sampled.setdefault((info.lang, template if template != "page" else folder or info.url), info.url)
        if hostilekit.MARK in info.title or "org-page" in info.url:
            sampled[(info.lang, info.url)] = info.url
    assert len(pages) > 400 and len(set(sampled.values())) > 100
    # Loaded and inspected; the clicks on disarmed links are the fixture site's test (the same pages' code).
    found = {path: problems for path in sorted(set(sampled.values()))
             if (problems := _visit(hostile_page, f"{url}/{path}", interact=False))}
    assert found == {} and hostile_page.dialogs == []
    hostile_page.goto(f"{url}/de/")
    assert f" - {ORG_NAME}: Schulung zum neuen Telefonsystem" in hostile_page.title()  # the organisation's name, as written
