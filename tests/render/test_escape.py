"""The one escaping rule: each context's helper keeps a context-closing payload from leaving its context."""

import html
import json
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from generator.render import escape

PAYLOADS = [
    "</title><script>hit(1)</script>",
    '"><img src=x onerror=hit(2)>',
    "'><svg onload=hit(3)>",
    "</script><script>hit(4)</script>",
    "</textarea><script>hit(5)</script>",
    "]]><script>hit(6)</script>",
    "{: onclick=hit(7) }",
    "[x](javascript:hit(8))",
    "{{ org_name }} {% include x %}",
    "a\u2028b\u2029c & d",
    "`code` *em* <b>bold</b>",
]


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _elements(fragment: str) -> list[tuple[str, list]]:
    parser = _Elements()
    parser.feed(fragment)
    return parser.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_text_and_attribute_stay_text(payload):
    page = f'<p title="{escape.html_attribute(payload)}">{escape.html_text(payload)}</p>'
    assert _elements(page) == [("p", [("title", payload)])]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_script_cannot_be_closed_and_reads_back(payload):
    element = escape.json_script({"title": payload, "list": [payload]}, 'cq-data" onload="x')
    assert element.count("<") == 2 and element.count(">") == 2  # only the element's own tags
    body = re.match(r'<script type="application/json" class="[^"<>]*">(.*)</script>$', element).group(1)
    assert json.loads(body) == {"title": payload, "list": [payload]}
    assert "\u2028" not in body and "\u2029" not in body  # line separators end a line in older script parsers


@pytest.mark.parametrize("value,safe", [
    ("https://example.org/a?b=c", True), ("mailto:help@example.org", True), ("tel:+4930123", True),
    ("../guides/hold/", True), ("#steps", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" javascript:alert(1)", False),
    ("java\nscript:alert(1)", False), ("jav&#x09;ascript:alert(1)", False), ("jav&Tab;ascript:x", False),
    ("data:text/html,<script>x</script>", False), ("vbscript:x", False), ("file:///etc/passwd", False),
    ("\x01javascript:x", False),
])
def test_url_keeps_only_pages_mail_and_calls(value, safe):
    assert (escape.url(value) == value) is safe
    assert (escape.href(value) == "#") is not safe


def test_url_without_relative_targets_and_protocol_relative_hosts():
    assert escape.url("../x/", relative=False) is None
    assert escape.url("//evil.example/x", schemes=("mailto",)) is None
    assert escape.url("//intranet.example/x") == "//intranet.example/x"


def test_markdown_link_cannot_be_left_by_its_destination():
    out = markdown.markdown(escape.md_link("Help", "mailto:a@b.org) [x](javascript:hit(1)"))
    assert [tag for tag, _ in _elements(out)] == ["p", "a"]
    assert dict(_elements(out)[1][1])["href"].startswith("mailto:a@b.org")
    assert "javascript" not in markdown.markdown(escape.md_link("x", "javascript:hit(1)"))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_helpers_never_produce_markup(payload):
    for helper in (escape.md_inline, escape.md_block, escape.md_cell):
        out = markdown.markdown(helper(payload), extensions=["attr_list", "tables"])
        assert {tag for tag, _ in _elements(out)} <= {"p", "code", "em", "a"}, (helper, out)
        assert all(name == "href" and value == "#" for _, attrs in _elements(out) for name, value in attrs), out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_front_matter_value_reads_back_as_one_string(payload):
    assert yaml.safe_load(f"title: {escape.front_matter(payload)}\nhide: [toc]\n") == {"title": payload, "hide": ["toc"]}


def test_text_of_html_and_back():
    title = "Hold &lt;/title&gt;&lt;script&gt;hit(1)&lt;/script&gt; <code>x</code> &amp; \"it's\""
    assert escape.text_of_html(title) == "Hold </title><script>hit(1)</script> x & \"it's\""
    again = escape.html_of_html_text(title)
    assert "<" not in again.replace("&lt;", "") and html.unescape(again) == escape.text_of_html(title)
    assert _elements(f'<a aria-label="{again}">{again}</a>') == [("a", [("aria-label", escape.text_of_html(title))])]
