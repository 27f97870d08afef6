"""A strict YAML reader that remembers where every value came from.

PyYAML silently keeps the last of two equal keys and happily expands alias
bombs; writers deserve better. This reader composes the node tree itself,
rejects duplicate keys, anchors/aliases and non-text files, and records the
line and column of every value so later checks can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

#: Largest definition file we read; real ones are a few kilobytes.
MAX_FILE_BYTES = 1_000_000

#: A JSON-pointer-like path inside a document: keys and list indexes.
DataPath = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed YAML file: its data plus the position of every value."""

    path: Path
    display: str  #: the path as shown to writers
    data: Any
    positions: dict[DataPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: DataPath) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest parent."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: DataPath, message: str, hint: str = "", **kw: Any) -> Problem:
        line, col = self.where(path)
        return Problem(self.display, line, col, message, hint, **kw)


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no alias bombs, no hidden sharing)."""

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "anchors and aliases (*name) are not supported; write the value out", event.start_mark
            )
        node = Composer.compose_node(self, parent, index)
        if getattr(node, "anchor", None) is not None:  # pragma: no cover - anchors are only useful with aliases
            pass
        return node


_scalar_constructor = SafeConstructor()


def read_yaml(path: Path, display: str) -> Document:
    """Read one YAML file; raise :class:`YamlFileError` with a located problem."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(
            Problem(display, 0, 0, f"file is {len(raw):,} bytes, more than the {MAX_FILE_BYTES:,} allowed",
                    "split it into smaller definitions")
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlFileError(Problem(display, 1, 1, "file starts with a byte-order mark",
                                    "save it as UTF-8 without BOM"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(Problem(display, line, 1, "file is not valid UTF-8 text",
                                    "save it with UTF-8 encoding")) from None
    return parse_yaml(text, path, display)


def parse_yaml(text: str, path: Path, display: str) -> Document:
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), 1):
            indent = line[: len(line) - len(line.lstrip())]
            if "\t" in indent:
                raise YamlFileError(Problem(display, number, indent.index("\t") + 1,
                                            "tab character used for indentation", "indent with spaces"))
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = (exc.problem or exc.context or "invalid YAML").strip()
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise YamlFileError(Problem(display, line, col, f"invalid YAML: {message}",
                                    "check indentation, colons and quotes")) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(display, 0, 0, f"invalid YAML: {exc}")) from None
    finally:
        loader.dispose()
    doc = Document(path=path, display=display, data=None)
    doc.data = {} if root is None else _construct(root, (), doc)
    return doc


def _construct(node: Node, at: DataPath, doc: Document) -> Any:
    doc.positions[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlFileError(doc.problem(at, "a key must be a plain word"))
            key = _scalar_constructor.construct_object(key_node)
            if key == "<<":
                raise YamlFileError(Problem(doc.display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                            "merge keys (<<) are not supported", "write the keys out"))
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
    return _scalar_constructor.construct_object(node)
