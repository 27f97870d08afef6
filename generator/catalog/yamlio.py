"""A strict YAML reader that remembers where every value came from.

PyYAML silently keeps the last of two equal keys and happily expands alias
bombs; writers deserve better. This reader composes the node tree itself,
rejects duplicate keys, anchors/aliases and non-text files, and records the
line and column of every value so later checks can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from generator.errors import Problem

#: Largest definition file we read; real ones are a few kilobytes.
MAX_FILE_BYTES = 1_000_000

#: Deepest nesting we compose; real definitions nest about five levels. Guards against recursion blow-ups.
MAX_DEPTH = 50

#: Tags a plain YAML document resolves to, per node kind; an explicit other tag (``!!python/…``, ``!!binary``,
#: ``!custom``) is refused.
_YAML_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {ScalarNode: {_YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")},
               MappingNode: {_YAML_TAG + "map"}, SequenceNode: {_YAML_TAG + "seq"}}
_MERGE_TAG = _YAML_TAG + "merge"
_INDENT = re.compile(r"(?:[ \t]|-(?=[ \t]))*")
_SCALAR_KINDS = {"int": "whole number", "float": "number", "bool": "true/false value", "timestamp": "date (YYYY-MM-DD)"}

#: A JSON-pointer-like path inside a document: keys and list indexes.
DataPath = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed YAML file: its data plus the position of every value."""

    path: Path
    display: str  #: the path as shown to writers
    data: Any
    positions: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    text_lines: dict[DataPath, int] = field(default_factory=dict)  #: first text line of block scalars (| and >)

    def where(self, path: DataPath) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest parent."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def text_line(self, path: DataPath) -> int:
        """The line a text value starts on: below its key for ``|`` and ``>`` blocks."""
        return self.text_lines.get(path) or self.where(path)[0]

    def problem(self, path: DataPath, message: str, hint: str = "", **kw: Any) -> Problem:
        line, col = self.where(path)
        return Problem(self.display, line, col, message, hint, **kw)


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no alias bombs, no hidden sharing) and absurd nesting."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        event = self.peek_event()
        if self.check_event(AliasEvent):
            raise yaml.MarkedYAMLError(
                None, None, "anchors and aliases (*name) are not supported; write the value out", event.start_mark
            )
        if self._depth >= MAX_DEPTH:
            raise yaml.MarkedYAMLError(None, None, f"values are nested more than {MAX_DEPTH} levels deep", event.start_mark)
        self._depth += 1
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1


if hasattr(yaml, "CSafeLoader"):
    class _FastStrictLoader(Composer, yaml.CSafeLoader):  # type: ignore[misc]
        """The same strict composer over libyaml's event parser, about ten times faster than PyYAML's own.

        Only for files that parse: on any error :func:`parse_yaml` reads the file again with
        :class:`_StrictLoader`, so writers see the same messages whether or not libyaml is installed.
        """

        _depth = 0
        compose_node = _StrictLoader.compose_node

        def __init__(self, stream: str):
            yaml.CSafeLoader.__init__(self, stream)
            Composer.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _FastStrictLoader = None

_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # PyYAML's rule; libyaml's differs in corner cases

_scalar_constructor = SafeConstructor()


def read_bytes(path: Path) -> bytes:
    """A file's bytes, never more than one byte over the limit: the file may be huge."""
    with path.open("rb") as file:
        return file.read(MAX_FILE_BYTES + 1)


#: The UTF-8 byte-order mark: accepted at the start of a file and ignored.
BOM = b"\xef\xbb\xbf"


def read_yaml(path: Path, display: str, raw: bytes | None = None) -> Document:
    """Read one YAML file (or its ``raw`` bytes, read already); raise :class:`YamlFileError` with a located problem."""
    if raw is None:
        raw = read_bytes(path)
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(
            Problem(display, 1, 1, f"file is larger than the {MAX_FILE_BYTES:,} bytes allowed",
                    "split it into smaller definitions")
        )
    raw = raw.removeprefix(BOM)  # editors on Windows add one; it says "UTF-8" and nothing else
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlFileError(Problem(display, line, col, "file is not valid UTF-8 text",
                                    "save it with UTF-8 encoding")) from None
    return parse_yaml(text, path, display)


def parse_yaml(text: str, path: Path, display: str) -> Document:
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), 1):
            indent = _INDENT.match(line).group(0)  # list dashes indent too: "-\ttext: x"
            if "\t" in indent:
                raise YamlFileError(Problem(display, number, indent.index("\t") + 1,
                                            "tab character used for indentation", "indent with spaces"))
    parsed, root = _fast_root(text)
    loader = None
    try:
        if not parsed:
            loader = _StrictLoader(text)  # rejects characters YAML does not allow right away
            root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(_syntax_problem(exc, display)) from None
    except ReaderError as exc:  # a character YAML does not allow (control characters, NUL)
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlFileError(Problem(display, line, col, f"invalid YAML: character U+{exc.character:04X} is not allowed",
                                    "delete it; it is often invisible, so retype the text around it")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error above is located
        raise YamlFileError(Problem(display, 1, 1, f"invalid YAML: {exc}")) from None
    finally:
        if loader:
            loader.dispose()
    doc = Document(path=path, display=display, data=None)
    doc.data = {} if root is None else _construct(root, (), doc)
    return doc


def _fast_root(text: str) -> tuple[bool, Node | None]:
    """``(True, root)`` when libyaml parses the text; ``(False, None)`` lets PyYAML's reader find and word the problem."""
    if _FastStrictLoader is None or _NON_PRINTABLE.search(text):
        return False, None
    loader = _FastStrictLoader(text)
    try:
        return True, loader.get_single_node()
    except Exception:  # whatever libyaml objects to, the PyYAML reader reports with its own messages
        return False, None
    finally:
        loader.dispose()


def _syntax_problem(exc: yaml.MarkedYAMLError, display: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = (exc.problem or exc.context or "invalid YAML").strip()
    if exc.context and exc.problem:
        # "while scanning a quoted scalar (line 3), found unexpected end of stream": say where it started.
        start = exc.context_mark
        at = f" (line {start.line + 1})" if start and mark and start.line != mark.line else ""
        message = f"{exc.context.strip()}{at}, {message}"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(display, line, col, f"invalid YAML: {message}", "check indentation, colons and quotes")


def _refuse_tag(node: Node, doc: Document) -> None:
    if node.tag in _PLAIN_TAGS[type(node)]:
        return
    where = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag == _MERGE_TAG:
        raise YamlFileError(Problem(doc.display, *where, "merge keys (<<) are not supported", "write the keys out"))
    tag = node.tag.replace(_YAML_TAG, "!!")
    raise YamlFileError(Problem(doc.display, *where, f"YAML tags such as '{tag}' are not supported here",
                                "remove the tag and write a plain value"))


def _scalar(node: ScalarNode, doc: Document) -> Any:
    try:
        return _scalar_constructor.construct_object(node)
    except (ValueError, KeyError, AttributeError, TypeError, yaml.YAMLError):
        # "2027-02-30" resolves to a date that does not exist; "!!int x" to a number that is none.
        kind = _SCALAR_KINDS.get(node.tag.replace(_YAML_TAG, ""), "value")
        raise YamlFileError(Problem(doc.display, node.start_mark.line + 1, node.start_mark.column + 1,
                                    f"'{node.value}' is not a valid {kind}",
                                    "correct it, or put it in quotes to keep it as text")) from None
    finally:
        # The shared constructor remembers every node it built (and through its marks the whole file):
        # forget them, or a long-running `cutover serve` grows with every rebuild.
        _scalar_constructor.constructed_objects.clear()


def _construct(node: Node, at: DataPath, doc: Document) -> Any:
    doc.positions[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    _refuse_tag(node, doc)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlFileError(Problem(doc.display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                            "a key must be a plain word", "write it as 'name: value'"))
            _refuse_tag(key_node, doc)
            key = _scalar(key_node, doc)
            key = str(key) if not isinstance(key, bool) else str(key).lower()
            if key in result:
                first = doc.positions[at + (key,)]
                raise YamlFileError(Problem(doc.display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                            f"duplicate key '{key}' (first defined on line {first[0]})",
                                            "remove or rename one of them"))
            doc.positions[at + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _construct(value_node, at + (key,), doc)
            # Point at the value's key: that is where writers look.
            doc.positions[at + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, SequenceNode):
        return [_construct(item, at + (i,), doc) for i, item in enumerate(node.value)]
    if node.style in ("|", ">"):
        doc.text_lines[at] = node.start_mark.line + 2
    return _scalar(node, doc)
