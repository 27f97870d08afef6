"""Writers' HTML through the allow-list: what hand-written pages keep, what they lose, and what check says about it."""

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from generator.catalog.allowlist import allow_list
from generator.catalog.model import HtmlSettings
from generator.cli import main
from generator.site.mkdocs.plugin import REQUIRED_EXTENSIONS
from generator.site.sanitize import clean, findings

from support import edit


def render(text: str) -> str:
    return markdown.markdown(text, extensions=list(REQUIRED_EXTENSIONS) + ["pymdownx.tasklist", "footnotes"],
                             extension_configs={k: v for k, v in REQUIRED_EXTENSIONS.items() if v})


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))  # checked, checked="" alike


def elements(fragment: str) -> list[tuple[str, dict]]:
    tree = _Tree()
    tree.feed(fragment)
    return tree.elements


#: What writers legitimately use: kept as Markdown made it, and check says nothing.
KEPT = {
    "table": "| a | b |\n|:--|--:|\n| 1 | 2 |\n",
    "details": "<details open><summary>More</summary>\n\nHidden text.\n\n</details>\n",
    "abbr": "The <abbr title=\"Private branch exchange\">PBX</abbr> rings.\n",
    "image": "![A phone](https://intranet.example/phone.png) ![Local](img/phone.png){ width=\"200\" }\n",
    "links": "[web](https://example.org) [mail](mailto:a@b.org) [call](tel:+4930) [page](../guides/hold.md#steps)\n",
    "admonition": "!!! note \"Remember\"\n    Text.\n",
    "collapsible": "??? tip \"Open me\"\n    Text.\n",
    "tabs": "=== \"Desk phone\"\n    Press **Hold**.\n\n=== \"App\"\n    Tap **Hold**.\n",
    "tasks": "- [x] done\n- [ ] to do\n",
    "footnote": "Text[^1].\n\n[^1]: The note.\n",
    "attribute-list": "## Heading { #custom .special }\n\nA paragraph.\n{: .lead }\n",
    "kbd-and-code": "Press <kbd>Ctrl</kbd> and `code <b>`.\n",
}

#: (Markdown, what must not survive in the HTML).
REMOVED = {
    "script": ("<script>hit(1)</script>\n", "hit(1)"),
    "img-onerror": ('<img src="x" onerror="hit(2)">\n', "onerror"),
    "details-ontoggle": ('<details ontoggle="hit(3)" open><summary>S</summary>x</details>\n', "ontoggle"),
    "attribute-list-handler": ('A paragraph.\n{: onclick="hit(4)" }\n', "onclick"),
    "heading-attribute-list": ('## Title { onmouseover="hit(5)" }\n', "onmouseover"),
    "iframe": ('<iframe src="javascript:hit(6)"></iframe>\n', "iframe"),
    "javascript-link": ("[x](javascript:hit(7))\n", "javascript"),
    "split-link": ("[x](java\nscript:hit(8))\n", "script:"),
    "entity-link": ('<a href="jav&#x09;ascript:hit(9)">x</a>\n', "ascript"),
    "tab-link": ("[x](jav&Tab;ascript:hit(10))\n", "ascript"),
    "data-link": ("[x](data:text/html,hit)\n", "data:"),
    "data-image": ("![x](data:image/svg+xml,hit)\n", "data:"),
    "svg": ('<svg onload="hit(11)"><circle r="1"/></svg>\n', "svg"),
    "object": ('<object data="x.swf"></object><embed src="x.swf">\n', "swf"),
    "style-attribute": ('<p style="background:url(javascript:hit(12))">x</p>\n', "style"),
    "form": ('<form action="https://evil.example"><input name="password"><button>Go</button></form>\n', "evil"),
    "base": ('<base href="https://evil.example/">\n', "evil"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=javascript:hit(13)">\n', "refresh"),
    "textarea": ("<textarea></textarea><p>x</p>\n", "textarea"),
}


@pytest.mark.parametrize("name", KEPT)
def test_what_writers_use_is_kept_and_not_reported(name):
    html = render(KEPT[name])
    assert elements(clean(html)) == elements(html)
    assert findings(KEPT[name]) == []


@pytest.mark.parametrize("name", REMOVED)
def test_what_could_run_or_load_is_removed_and_reported(name):
    text, needle = REMOVED[name]
    html = render(text)
    cleaned = clean(html)
    assert needle not in cleaned
    assert not any(key.startswith("on") or key == "style" for _, attrs in elements(cleaned) for key in attrs)
    assert findings(text), f"check says nothing about {text!r}"


def test_findings_name_the_line_and_column():
    text = "# Page\n\nIntro.\n\n<p>ok</p> <img src=x onerror=hit(1)>\n\n[x](javascript:hit(2))\n"
    assert [(f.line, f.col) for f in findings(text)] == [(5, 22), (7, 5)]


def test_code_is_never_reported():
    assert findings("Write `<script>` or\n\n```html\n<iframe src=x></iframe>\n```\n") == []


def test_a_widened_list_keeps_what_it_names_and_still_no_script():
    allow = allow_list(HtmlSettings(tags=["iframe"], attributes={"iframe": ["src", "width", "onload"]}, schemes=["sip", "javascript"]))
    html = '<iframe src="https://video.example/x" width="640" onload="hit(1)"></iframe><a href="sip:desk@pbx">Call</a>' \
           '<iframe src="javascript:hit(2)"></iframe><script>hit(3)</script>'
    assert clean(html, allow) == '<iframe src="https://video.example/x" width="640"></iframe><a href="sip:desk@pbx">Call</a>' \
                                 '<iframe></iframe>'
    assert "iframe" not in clean(html)


def test_check_warns_about_a_widened_list_and_refuses_what_can_never_be_allowed(project: Path):
    site = project / "catalog/site.yaml"
    site.write_text(site.read_text("utf-8") + "html:\n  allow_tags: [iframe]\n  allow_attributes:\n    iframe: [src]\n", "utf-8")
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 0
    assert "catalog/site.yaml:11:1: warning: hand-written pages may contain more HTML than the default allow-list: " \
           "<iframe>, src= on <iframe>" in result.stderr
    site.write_text(site.read_text("utf-8").replace("[src]", "[src, onload]").replace("[iframe]", "[iframe, script]"), "utf-8")
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 1
    assert "catalog/site.yaml:12:24: error: <script> can never be allowed" in result.stderr
    assert "catalog/site.yaml:14:19: error: 'onload' is an event handler" in result.stderr


def test_built_handwritten_page_keeps_nothing_that_runs_and_check_says_where(project: Path, tmp_path: Path):
    page = project / "docs/en/about.md"
    page.write_text(page.read_text("utf-8") + "\n<script>hit(1)</script>\n\n[portal]({{ portal }})\n\n"
                    "| a |\n|:--|\n| <abbr title=\"t\">x</abbr> |\n", "utf-8")
    edit(project / "catalog/site.yaml", "  hours: weekdays", "  hours: weekdays\n  portal: 'javascript:hit(2)'")
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    warned = [line for line in result.stderr.splitlines() if "is removed" in line]
    assert warned[0].startswith("docs/en/about.md:6:1: warning: the element <script> is removed") and len(warned) == 2
    assert warned[1].startswith("docs/en/about.md:8:10: warning: the link target 'javascript:hit(2)' is removed")
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    built = (out / "about/index.html").read_text("utf-8")
    assert "hit(1)" not in built and "javascript:" not in built
    assert '<abbr title="t">x</abbr>' in built and 'style="text-align: left;"' in built


def test_the_organisations_guide_widening_works_as_written(project: Path, tmp_path: Path):
    """ORGANISATIONS.md, 'Allowing more HTML', followed literally."""
    from support import REPO

    guide = (REPO / "ORGANISATIONS.md").read_text("utf-8")
    block = guide.split("## Allowing more HTML", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    site = project / "catalog/site.yaml"
    site.write_text(site.read_text("utf-8") + block, "utf-8")
    page = project / "docs/en/about.md"
    page.write_text(page.read_text("utf-8") + '\n<iframe src="https://video.intranet.example/v/1" width="640" title="Video" '
                    'onload="hit(1)"></iframe> [Call the desk](sip:desk@pbx.example)\n', "utf-8")
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 0, result.stderr
    assert "warning: hand-written pages may contain more HTML than the default allow-list: <iframe>, src= on <iframe>" \
           in result.stderr and "'sip:' links, images, media and frames from https://video.intranet.example" in result.stderr
    assert [line for line in result.stderr.splitlines() if "is removed" in line] == [
        "docs/en/about.md:6:76: warning: the attribute 'onload' is removed from <iframe> (pages keep tables, details, abbr, "
        "images and links, never scripts, frames or event handlers)"]
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    built = (out / "about/index.html").read_text("utf-8")
    assert '<iframe src="https://video.intranet.example/v/1" width="640" title="Video"></iframe>' in built
    assert 'href="sip:desk@pbx.example"' in built and "frame-src 'self' https://video.intranet.example" in built
