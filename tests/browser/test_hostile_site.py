"""Hostile text in every kind of text field stays text on the built site: nothing runs, and it reads literally.

test_hostile.py covers quizzes; this puts script tags, event handlers, script links, attribute lists and
template syntax into roles, features, FAQs, the glossary, phases, scenarios, site settings and variables (also those a
hand-written page uses), builds the site, and visits every English page in Chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import build_site, serve
from playwright.sync_api import Page, expect

from support import FIXTURE

pytestmark = pytest.mark.browser

# Each payload sets its own number, so a failure says which one ran.
SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned=2;alert(2)">'
ATTR = '" onmouseover="window.__pwned=3" x="'
LINK = "[help](javascript:window.__pwned=4)"
CLOSE = "</script><script>window.__pwned=5</script>"
ATTR_LIST = '{: onclick="window.__pwned=6" }'
SVG = "<svg onload=window.__pwned=7>"
TAB_LINK = "[tab](jav&#x09;ascript:window.__pwned=8)"
ESCAPED_TICK = "\\`<img src=x onerror=window.__pwned=9>\\`"
TEMPLATE = "{{ 7*7 }} {% if x %}"
ALL = [SCRIPT, IMG, ATTR, LINK, CLOSE, ATTR_LIST, SVG, TAB_LINK, ESCAPED_TICK, TEMPLATE]
LINE = " ".join(ALL)  #: for single-line fields
BLOCK = "\n\n".join(ALL + ["a ```\n\n<img src=x onerror=window.__pwned=10>\n\n```"])  #: for Markdown blocks

#: (page, selector, literal text) where a field is plain text: the reader sees exactly what was written.
LITERAL = [
    ("roles/agent/", "article h1", f"Agent {SCRIPT}"),
    ("guides/hold/", "article h1", f"Hold {SCRIPT}"),
    ("guides/hold/", "article", f"Press {SCRIPT}"),
    ("faq/", "article", f"Number? {SCRIPT}"),
    ("glossary/", "article", f"PBX {SCRIPT}"),
    ("timeline/", "article", f"Parallel {SCRIPT}"),
    ("guides/", "article", f"Calls {SCRIPT}"),
    ("", "article h1", f"Home {SCRIPT}"),
    ("about/", "article", f"Fixture {SCRIPT} {ATTR}"),
    ("scenarios/customer-waits-on-hold/", "article h1", f"Waits {SCRIPT}"),
    ("scenarios/customer-waits-on-hold/", "article", f"Pitfall {SCRIPT}"),
]


def _set(path: Path, change) -> None:
    tree = yaml.safe_load(path.read_text("utf-8"))
    change(tree)
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=1000), "utf-8")


def _hostile_project(root: Path) -> None:
    catalog = root / "catalog"

    def site(t):
        t["categories"][0]["name"] = f"Calls {LINE}"
        t["home"] = {"title": f"Home {LINE}", "intro": BLOCK}
        t["variables"]["org_name"] = f"Fixture {SCRIPT} {ATTR} {ATTR_LIST}"
        t["variables"]["hours"] = f"{IMG} `x` {CLOSE}"
        t["variables"]["helpdesk_phone"] = f"{SCRIPT} {ATTR}"  # contacts appear on the role cards
        t["variables"]["helpdesk_email"] = "help@example.org<img/src=x/onerror=window.__pwned=11>"

    def role(t):
        t["name"] = f"Agent {LINE}"
        t["audience"] = BLOCK
        t["changes"][0] = {"before": f"Before {LINE}", "after": f"After {LINE}"}
        t["tasks"]["cutover"] = [f"Task {LINE}"]

    def feature(t):
        t["title"] = f"Hold {LINE}"
        t["summary"] = BLOCK
        t["steps"][0] = {"text": f"Press {LINE}", "result": f"Result {LINE}"}
        t["result"] = f"Done {LINE}"
        t["tips"] = [f"Tip {LINE}"]
        t["warnings"] = [BLOCK]
        t["troubleshooting"][0] = {"problem": f"Problem {LINE}", "solution": BLOCK}
        t["before_after"] = {"before": f"Old {LINE}", "after": BLOCK}

    def dial(t):
        t["steps"][0]["desktop"] = f"Click {LINE}"  # a platform tab
        t["steps"][0]["mobile"] = f"Tap {LINE}"

    def faqs(t):
        t["title"] = f"General {LINE}"
        t["faqs"][0]["question"] = f"Number? {LINE}"
        t["faqs"][0]["answer"] = BLOCK

    def glossary(t):
        t["terms"][0]["term"] = f"PBX {LINE}"
        t["terms"][0]["definition"] = f"Exchange {LINE}"
        t["terms"][1]["definition"] = f"Paused {LINE}"  # "hold" keeps its tooltip off; PBX's is skipped (brackets)

    def phases(t):
        t["phases"][0]["name"] = f"Parallel {LINE}"
        t["phases"][0]["summary"] = f"Both {LINE}"
        t["phases"][0]["description"] = BLOCK
        t["phases"][0]["when"] = f"Soon {LINE}"

    def scenario(t):
        t["title"] = f"Waits {LINE}"
        t["situation"] = BLOCK
        t["steps"][1]["text"] = f"Step {LINE}"
        t["pitfalls"][0] = {"problem": f"Pitfall {LINE}", "fix": BLOCK}

    _set(catalog / "site.yaml", site)
    _set(catalog / "roles/agent.yaml", role)
    _set(catalog / "features/hold.yaml", feature)
    _set(catalog / "features/dial.yaml", dial)
    _set(catalog / "faqs/general.yaml", faqs)
    _set(catalog / "glossary.yaml", glossary)
    _set(catalog / "phases.yaml", phases)
    _set(catalog / "scenarios/customer-waits-on-hold.yaml", scenario)
    # A hand-written page uses the variables in text, in a table and in code.
    page = root / "docs/en/about.md"
    page.write_text(page.read_text("utf-8") + "\n| Org | Hours |\n| --- | --- |\n| {{ org_name }} | {{ hours }} |\n\n"
                    "Code: `{{ org_name }}` and `{{ hours }}`\n", "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[str, list[str]]:
    project = tmp_path_factory.mktemp("hostile-site") / "proj"
    shutil.copytree(FIXTURE, project)
    _hostile_project(project)
    out = build_site(project, tmp_path_factory.mktemp("hostile-site-out") / "site")
    languages = ("de", "es", "sv")
    pages = sorted(p.relative_to(out).parent.as_posix() + "/" for p in out.rglob("index.html")
                   if p.relative_to(out).parts[0] not in languages + ("assets", "search"))
    server, url = serve(out)
    yield url, [p.removeprefix("./") for p in pages]
    server.shutdown()


_INSPECT = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on')) bad.push(`${el.tagName}[${attr.name}]`);
        }
        el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    }
    for (const a of document.querySelectorAll('a[href]')) {
        if (!/^(https?|mailto|tel):/i.test(a.href)) bad.push(`a[href=${a.getAttribute('href')}]`);
    }
    for (const s of document.querySelectorAll('script')) {
        if (s.textContent.includes('__pwned') && s.type !== 'application/json') bad.push('script');
    }
    for (const tag of ['svg[onload]', 'iframe', 'object', 'embed']) {
        if (document.querySelector('article ' + tag)) bad.push(tag);
    }
    return bad;
}"""


def test_hostile_text_never_runs_on_any_page(page: Page, hostile_site):
    url, pages = hostile_site
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    assert len(pages) >= 10
    for path in pages:
        page.goto(f"{url}/{path}")
        page.wait_for_load_state("load")
        assert page.evaluate(_INSPECT) == [], path
        for link in page.locator("article a", has_text="help").all() + page.locator("article a", has_text="tab").all():
            if link.is_visible():  # what a curious reader clicks: the disarmed script links
                link.click()
        assert page.evaluate("window.__pwned") is None, path
    assert dialogs == []


@pytest.mark.parametrize("path,selector,text", LITERAL, ids=[f"{p or 'home'}:{s}" for p, s, _ in LITERAL])
def test_hostile_text_reads_literally(page: Page, hostile_site, path: str, selector: str, text: str):
    url, _ = hostile_site
    page.goto(f"{url}/{path}")
    expect(page.locator(selector).first).to_contain_text(text)
    assert page.evaluate("window.__pwned") is None
