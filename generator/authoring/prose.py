"""Where the prose of a file is, for checks that read text as written: located to the line and column.

YAML files: the scalars a check asks for, with their exact offsets (the model only knows where a value starts).
Markdown: the page. Either way code, link targets, placeholders and comments are blanked out first, keeping every
offset, so a finding's offset is its place in the file.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

import yaml

from generator.catalog.markup import segments

#: Regions of a text that are not prose: code, link targets, placeholders, HTML comments.
_NOT_PROSE = re.compile(r"\]\([^)\s]*\)|\{\{[^}]*\}\}|<!--.*?-->|https?://\S+", re.S)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.S | re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def masked(text: str) -> str:
    """``text`` with everything that is not prose blanked out, offsets kept (so line and column stay true)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))
    text = _FRONT_MATTER.sub(blank, text)
    text = _FENCE.sub(blank, text)
    out = []
    for code, _, part in segments(text):
        out.append(re.sub(r"[^\n]", " ", part) if code else part)
    return _NOT_PROSE.sub(blank, "".join(out))


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


#: libyaml's parser where installed (about ten times faster; its marks carry the same offsets).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def scalar_spans(text: str) -> Iterator[tuple[tuple[int, int], tuple, int, int]]:
    """(anchor, path, start, end) of each text scalar of a YAML file: its offsets in ``text``, its data path, and
    where a writer looks for it — its key for a mapping value, the item for a list item — as (line, column), the
    way :mod:`generator.catalog.yamlio` records positions (and so every ``Text``'s origin)."""
    root = yaml.compose(text, Loader=_LOADER)

    def walk(node, anchor, path):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                yield from walk(value, (key.start_mark.line + 1, key.start_mark.column + 1), path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                yield from walk(item, (item.start_mark.line + 1, item.start_mark.column + 1), path + (i,))
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            yield anchor, path, node.start_mark.index, node.end_mark.index

    if root is not None:
        yield from walk(root, (1, 1), ())
