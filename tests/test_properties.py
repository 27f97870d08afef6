"""Property-based tests: whatever a writer feeds in, the only failure is the project's own located error.

Hypothesis generates YAML-ish text, mutated definitions and hostile Markdown. The loader may answer with a
:class:`CutoverError` (or, for one file, a :class:`YamlFileError`) and nothing else; a project that loads
renders without raising, every staged path stays inside the output folder, and text fields render to HTML
with no script, event handler or script link.
"""

from __future__ import annotations

import datetime
import html.parser
import posixpath
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from generator.catalog import markup
from generator.catalog.load import Layout, load_project
from generator.catalog.yamlio import YamlFileError, parse_yaml
from generator.errors import CutoverError
from generator.site.mkdocs.plugin import REQUIRED_EXTENSIONS
from generator.site.stage import plan

from support import FIXTURE

# --- YAML-ish text into the reader ---

_TOKENS = ["key: ", "id: ", "title: ", "- ", "  ", "    ", "\n", "\t", "[", "]", "{", "}", ", ", ": ", "? ", "&a ", "*a",
           "!!str ", "!!binary ", "!tag ", "!!python/object:os.system ", "<<: ", "'", '"', "|", ">-", "# c", "---", "...",
           "2027-02-30", "2027-03-10", "12:30", "yes", "~", "null", ".nan", "0x1f", "\x00", "\x07", "\ufeff", "\u2028",
           "\\", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "{{ org_name }}", "<script>", "é", "🙂"]
yamlish = st.lists(st.sampled_from(_TOKENS) | st.text(max_size=6), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(yamlish)
def test_the_reader_fails_only_with_a_located_problem(text: str):
    try:
        parse_yaml(text, Path("f.yaml"), "f.yaml")
    except YamlFileError as exc:
        assert exc.problem.line >= 1 and exc.problem.col >= 1 and exc.problem.path == "f.yaml"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_any_bytes_as_a_definition_fail_cleanly(tmp_path: Path, data: bytes):
    from generator.catalog.yamlio import read_yaml

    path = tmp_path / "f.yaml"
    path.write_bytes(data)
    try:
        read_yaml(path, "f.yaml")
    except YamlFileError as exc:
        assert exc.problem.line >= 1


# --- mutated definitions into the whole loader, and the renderers ---

_SOURCES = sorted(p.relative_to(FIXTURE).as_posix() for p in (FIXTURE / "catalog").rglob("*.yaml")) + \
    sorted(p.relative_to(FIXTURE).as_posix() for p in (FIXTURE / "quizzes").glob("*.yaml"))
_KEYS = ["id", "title", "summary", "name", "text", "steps", "options", "correct", "type", "roles", "features", "faqs",
         "phases", "answer", "items", "pairs", "learn_more", "languages", "variables", "desktop", "tooltip", "x"]
hostile_text = st.sampled_from(["<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=alert(1) }",
                                "{{ org_name }}", "{{ nope }}", "\\{{ org_name }}", "{% if %}", "`<b>`", "|", "#", "",
                                "dial", "hold", "all", "cutover", "../x", "a/b", "ünïcödé", " ", "\n\n"]) | st.text(max_size=12)
values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.floats(allow_nan=False, allow_infinity=False)
    | hostile_text | st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=5), children, max_size=3),
    max_leaves=8)


def _paths(tree, at=()):
    yield at
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _paths(value, at + (key,))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from _paths(value, at + (i,))


def _mutate(tree, path, operation: str, value):
    if not path:
        return value if operation == "replace" else tree
    parent = tree
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if operation == "replace":
        parent[last] = value
    elif operation == "delete":
        del parent[last]
    elif isinstance(parent, list):  # duplicate: same item twice (duplicate ids, two correct answers, …)
        parent.insert(last, parent[last])
    else:
        parent[f"{last}x" if isinstance(last, str) else last] = value
    return tree


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "proj"
    shutil.copytree(FIXTURE, root)
    return root


def _assert_inside(rel: str) -> None:
    assert not rel.startswith("/") and "\\" not in rel and posixpath.normpath(rel) == rel and not rel.startswith(".."), rel


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_definitions_fail_only_with_cutover_error(workspace: Path, data):
    name = data.draw(st.sampled_from(_SOURCES), label="file")
    original = (FIXTURE / name).read_text("utf-8")
    tree = yaml.safe_load(original)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        path = data.draw(st.sampled_from(list(_paths(tree))), label="at")
        operation = data.draw(st.sampled_from(["replace", "retext", "delete", "duplicate"]), label="operation")
        value = data.draw(hostile_text if operation == "retext" else values, label="value")
        tree = _mutate(tree, path, "replace" if operation == "retext" else operation, value)
    (workspace / name).write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), "utf-8")
    try:
        try:
            loaded = load_project(workspace)
        except CutoverError as exc:
            assert exc.problems and all(p.path and p.message for p in exc.problems)
            event("refused by the loader")
            return
        try:
            files, _ = plan(loaded.project, Layout(workspace))
        except CutoverError:
            event("refused while staging")
            return
        event("rendered")
        for rel in files:
            _assert_inside(rel)
    finally:
        (workspace / name).write_text(original, "utf-8")


ids = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(feature_id=ids | st.sampled_from(["..", "../x", "a/b", "a\\b", "/abs", "con", "x" * 65, "-a", "a--b", "A"]),
       title=hostile_text.filter(lambda t: t.strip()))
def test_generated_paths_stay_inside_the_output(workspace: Path, feature_id: str, title: str):
    assume(feature_id not in ("dial", "hold"))
    source = workspace / "catalog/features" / f"{feature_id}.yaml" if "/" not in feature_id and "\\" not in feature_id \
        else workspace / "catalog/features/extra.yaml"
    try:
        source.write_text(yaml.safe_dump({"id": feature_id, "title": title, "summary": "S.", "category": "calls",
                                          "steps": [{"text": title}]}, allow_unicode=True), "utf-8")
    except OSError:
        return  # a name the file system refuses is no file a writer can commit
    try:
        try:
            loaded = load_project(workspace)
        except CutoverError:
            return
        files, _ = plan(loaded.project, Layout(workspace))
        for rel in files:
            _assert_inside(rel)
        assert f"en/guides/{feature_id}.md" in files
    finally:
        source.unlink()


# --- text fields into HTML ---

_SAFE_TAGS = {"p", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "div", "span", "table", "thead", "tbody", "tr", "th", "td", "img", "abbr", "dl", "dt", "dd",
              "details", "summary", "input", "label", "sup", "sub"}


class _Inspector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in _SAFE_TAGS:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.bad.append(f"{tag}[{name}]")
            if name in ("href", "src") and value and markup._unsafe_scheme(value):
                self.bad.append(f"{tag}[{name}={value}]")

    def handle_comment(self, data):
        self.bad.append("<!--")


_MD = markdown.Markdown(extensions=list(REQUIRED_EXTENSIONS), extension_configs={k: v for k, v in REQUIRED_EXTENSIONS.items() if v})
_PIECES = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onclick=x>", "<!--", "-->", "`", "``", "```",
           "~~~", "\\", "\\`", "\n", "\n\n", "    ", "[x](", "](", ")", "javascript:alert(1)", "java\nscript:", "&#106;",
           "&colon;", "data:text/html,x", "[r]: ", "[x][r]", "<", ">", "{:", "}", " onclick=alert(1)", "\"", "'", "*", "_",
           "!!! note", "=== \"t\"", "??? x", "*[x]: ", "<div markdown>", "</div>", "<https://x>", "<javascript:x>", "# ", "| a |"]
hostile_markdown = st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=25).map("".join)


#: How the renderers place a text field in a page (see render/common.py): each context must stay inert.
CONTEXTS = {
    "paragraphs": lambda t: "Before.\n\n" + markup.block(t) + "\n\nAfter.",
    "admonition": lambda t: '!!! tip "Tip"\n\n' + markup.indent(markup.block(t)),
    "step": lambda t: "1. " + markup.inline(t) + "\n2. Next",
    "heading": lambda t: "## " + markup.inline(t) + " {#anchor}",
    "table cell": lambda t: "| A | B |\n| --- | --- |\n| " + markup.cell(t) + " | x |",
    "tab title": lambda t: '=== "' + markup.quoted(t) + '"\n\n    Text.',
    "admonition title": lambda t: '??? note "' + markup.quoted(t) + '"\n\n    Text.',
}


@settings(max_examples=800, deadline=None)
@given(hostile_markdown, st.sampled_from(sorted(CONTEXTS)))
def test_text_fields_render_to_inert_html(text: str, context: str):
    page = CONTEXTS[context](text)
    inspector = _Inspector()
    inspector.feed(_MD.reset().convert(page))
    assert inspector.bad == [], page
