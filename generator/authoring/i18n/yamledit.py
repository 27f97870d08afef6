"""Write one translated string into a translation file's YAML text, leaving every other byte as it was.

Dumping YAML would lose comments, quoting and key order. Instead the text is composed into nodes (with the same
strict reader as everywhere else), the string's scalar is found by its stable field path, and only the bytes
of that scalar are replaced; a string the file does not have yet is inserted as new lines at the end of its
mapping or list. Every edit is read back and compared before it is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.catalog.yamlio import _StrictLoader

#: One step of a field path: a mapping key, a list item by id, or a list item by 0-based position.
Step = tuple[str, str | int]

_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[[^\]]+\])*)")


class EditError(Exception):
    """The string cannot be written into this file automatically; the message says what to do."""


def field_steps(field: str, source: object) -> list[Step]:
    """``questions[q1].options[a].text`` as steps, using the source data to tell ids from positions."""
    steps: list[Step] = []
    node = source
    for match in _SEGMENT.finditer(field):
        name, selectors = match.group(1), re.findall(r"\[([^\]]+)\]", match.group(2))
        steps.append(("key", name))
        node = node.get(name) if isinstance(node, dict) else None
        for sel in selectors:
            if isinstance(node, list) and node and all(isinstance(i, dict) and "id" in i for i in node):
                steps.append(("id", sel))
                node = next((i for i in node if str(i["id"]) == sel), None)
            else:
                steps.append(("pos", int(sel) - 1))
                node = node[int(sel) - 1] if isinstance(node, list) and sel.isdigit() and int(sel) - 1 < len(node) else None
    return steps


def _compose(text: str) -> Node | None:
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _construct(node: ScalarNode) -> object:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node)
    finally:
        loader.dispose()


def lookup(text: str, steps: list[Step]) -> str | None:
    """The string at ``steps`` in a YAML text, or None."""
    node = _compose(text)
    for step in steps:
        node = _child(node, step)
        if node is None:
            return None
    if isinstance(node, ScalarNode):
        value = _construct(node)
        return value if isinstance(value, str) else None
    return None


def _child(node: Node | None, step: Step) -> Node | None:
    kind, sel = step
    if kind == "key" and isinstance(node, MappingNode):
        return next((v for k, v in node.value if k.value == sel), None)
    if kind == "id" and isinstance(node, SequenceNode):
        for item in node.value:
            if isinstance(item, MappingNode) and any(k.value == "id" and str(_construct(v)) == sel
                                                      for k, v in item.value if isinstance(v, ScalarNode)):
                return item
        return None
    if kind == "pos" and isinstance(node, SequenceNode):
        return node.value[sel] if 0 <= sel < len(node.value) else None
    return None


@dataclass
class _Found:
    node: Node | None  #: the scalar to replace, or the deepest container that exists
    depth: int  #: how many steps exist
    key_col: int  #: 0-based column of the key (or dash) that holds the scalar
    in_flow: bool = False  #: inside a [ ] or { } collection


def _find(root: Node | None, steps: list[Step]) -> _Found:
    node, key_col, in_flow = root, 0, False
    for depth, step in enumerate(steps):
        child = _child(node, step)
        if child is None:
            return _Found(node, depth, key_col, in_flow)
        in_flow = in_flow or bool(getattr(node, "flow_style", False))
        if step[0] == "key":
            key_col = next(k for k, v in node.value if v is child).start_mark.column
        else:
            key_col = node.start_mark.column
        node = child
    return _Found(node, len(steps), key_col, in_flow)


def set_string(text: str, steps: list[Step], value: str, header: str = "") -> str:
    """``text`` with the string at ``steps`` set to ``value``; raise :class:`EditError` when that is not safe.

    ``header`` starts a file that is empty so far (the schema comment and the id line).
    """
    if not text.strip():
        text = header
    root = _compose(text) if text.strip() else None
    found = _find(root, steps)
    if found.depth == len(steps):
        if not isinstance(found.node, ScalarNode):
            raise EditError("the file holds a list or mapping where the text belongs")
        if found.in_flow:  # inside [ ] or { }: commas and brackets end plain text, so always quote
            start, end = found.node.start_mark.index, found.node.end_mark.index
            new = text[:start] + _inline(value, '"') + text[end:] if "\n" not in value else text
        else:
            new = _replace_scalar(text, found.node, found.key_col, value)
    else:
        new = _insert(text, found, steps, value)
    if lookup(new, steps) != value:
        raise EditError("the text could not be written without changing the file's structure")
    return new


def _replace_scalar(text: str, node: ScalarNode, key_col: int, value: str) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):
        # A block runs to the start of the next key; keep the line breaks (and blank lines) that follow it.
        body = text[start:end]
        kept = len(body) - len(body.rstrip("\n"))
        indent = _block_indent(text, node) or key_col + 2
        return text[:start] + _block(value, indent, indent - key_col).rstrip("\n") + "\n" * max(kept, 1) + text[end:]
    if "\n" in value:
        # The block's header stays on the key's line (with any comment that followed the old text after it).
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        tail = text[end:line_end]
        if tail.strip() and not tail.strip().startswith("#"):
            raise EditError("the text is followed by more values on its line; translate it in the YAML file directly")
        header, _, body = _block(value, key_col + 2, 2).partition("\n")
        return text[:start] + header + tail + "\n" + body + text[line_end + 1:]
    return text[:start] + _inline(value, node.style) + text[end:]


def _block_indent(text: str, node: ScalarNode) -> int:
    first_line = text[node.start_mark.index:].split("\n", 2)
    if len(first_line) < 2:
        return 0
    line = first_line[1]
    return len(line) - len(line.lstrip(" ")) if line.strip() else 0


def _block(value: str, indent: int, relative: int) -> str:
    """A literal block of ``value`` indented by ``indent`` columns, ``relative`` more than its key."""
    chomp = "" if value.endswith("\n") and not value.endswith("\n\n") else "-" if not value.endswith("\n") else "+"
    # YAML takes a block's indentation from its first non-empty line: text that starts with a space needs the
    # indentation stated in the header, or the reader would count that space as indentation and drop it.
    first = next((line for line in value.split("\n") if line.strip()), "")
    indicator = str(relative) if first[:1].isspace() and 0 < relative < 10 else ""
    pad = " " * indent
    lines = [pad + line if line else "" for line in value.rstrip("\n").split("\n")]
    return f"|{indicator}{chomp}\n" + "\n".join(lines) + "\n"


def _inline(value: str, style: str | None) -> str:
    if style in (None, "") and _plain_ok(value):
        return value
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if _plain_ok(value) and style not in ('"', "'"):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def _plain_ok(value: str) -> bool:
    if not value or value != value.strip() or "\n" in value:
        return False
    try:
        return yaml.safe_load(f"k: {value}\n") == {"k": value}
    except yaml.YAMLError:
        return False


def _insert(text: str, found: _Found, steps: list[Step], value: str) -> str:
    """New lines for the missing part of the path, at the end of the deepest container that exists."""
    container, rest = found.node, steps[found.depth:]
    if container is None:  # empty file
        return (text if text.endswith("\n") or not text else text + "\n") + _emit(rest, value, 0)
    if getattr(container, "flow_style", False):
        raise EditError("the file writes this part in [ ] or { } style; translate it in the YAML file directly")
    if isinstance(container, ScalarNode):
        raise EditError("the file holds text where a list or mapping belongs")
    kind = rest[0][0]
    if isinstance(container, MappingNode):
        if kind != "key":
            raise EditError("the file holds a mapping where a list belongs")
        indent = container.value[0][0].start_mark.column if container.value else 0
    else:
        if kind == "key":
            raise EditError("the file holds a list where a mapping belongs")
        if kind == "pos" and rest[0][1] < len(container.value):  # pragma: no cover - an existing item is found
            raise EditError("the list item exists already")
        indent = container.start_mark.column
    pos = container.end_mark.index
    # A container ends where the next token starts; new lines go after its last line, before comments and blanks.
    last = _last_value_end(container)
    pos = last if last is not None else pos
    if pos > 0 and text[pos - 1] != "\n":
        nl = text.find("\n", pos)
        pos = len(text) if nl < 0 else nl + 1
    prefix = "" if pos == 0 or text[pos - 1] == "\n" else "\n"
    if pos == len(text) and text and not text.endswith("\n"):
        prefix = "\n"
    existing = len(container.value) if isinstance(container, SequenceNode) else 0
    return text[:pos] + prefix + _emit(rest, value, indent, existing) + text[pos:]


def _last_value_end(node: Node) -> int | None:
    if isinstance(node, MappingNode) and node.value:
        return _deep_end(node.value[-1][1])
    if isinstance(node, SequenceNode) and node.value:
        return _deep_end(node.value[-1])
    return None


def _deep_end(node: Node) -> int:
    if isinstance(node, (MappingNode, SequenceNode)) and node.value and not node.flow_style:
        return _last_value_end(node)
    return node.end_mark.index


def _emit(rest: list[Step], value: str, indent: int, existing: int = 0) -> str:
    """YAML lines for the missing path ``rest`` ending in ``value``, starting at column ``indent``.

    ``existing``: how many items the list of the first step already has. Items before a translated one that are
    not translated (an organisation correcting one step of the kit's translation) are written as ``- {}``: a
    translation without text, which keeps the positions. A list of plain strings has no such item.
    """
    data: object = value
    for n, (kind, sel) in enumerate(reversed(rest)):
        if kind == "key":
            data = {sel: data}
        elif kind == "id":
            data = [{"id": sel, **data}] if isinstance(data, dict) else [{"id": sel}]
        else:
            before = sel - (existing if n == len(rest) - 1 else 0)
            if before and not isinstance(data, dict):
                raise EditError(f"item {sel + 1} of this list cannot be added before the items in front of it: "
                                "translate those first")
            data = [{} for _ in range(before)] + [data]
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**9,
                            indent=2)
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in dumped.splitlines(keepends=True))
