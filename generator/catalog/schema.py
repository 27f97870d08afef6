"""JSON Schema validation with writer-friendly messages, and translation schemas.

The committed ``schemas/<kind>.schema.json`` files are the single description
of the format: editors use them while typing, :func:`validate` uses them in
``cutover check``, and string fields marked ``"x-translatable": true`` define
what a translation file (``<name>.<lang>.yaml``) may contain.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import json
from typing import Any, Iterator

import jsonschema

from generator import PACKAGE_DIR
from generator.catalog.yamlio import DataPath, Document
from generator.errors import Problem, did_you_mean

KINDS = ("site", "role", "feature", "faqs", "phases", "glossary", "quiz", "scenario", "survey", "message", "day-one", "retired", "champions")

_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
#: A quiz question's ``learn_more``: a guide (``feature-id`` or ``feature-id#section``) or ``scenario:<id>``.
LEARN_MORE_PATTERN = "^(scenario:[a-z0-9]+(-[a-z0-9]+)*|[a-z0-9]+(-[a-z0-9]+)*(#[a-z0-9]+(-[a-z0-9]+)*)?)$"
#: What a pattern in the schemas means, and how to write a value that fits it.
_PATTERNS = {
    _ID_PATTERN: ("id", "use lower-case letters, digits and single hyphens, like 'call-park'"),
    "^[a-z][a-z0-9_]*$": ("variable name", "use lower-case letters, digits and underscores, like 'org_name'"),
    "^[a-z]{2,3}(-[A-Z]{2})?$": ("language code", "use a code such as 'en', 'de' or 'pt-BR'"),
    "^#([0-9a-fA-F]{3}){1,2}$": ("colour", "write it as # and six hexadecimal digits, like '#0b5394'"),
    "^[a-z][a-z0-9_]{0,31}$": ("device id", "use lower-case letters, digits and underscores, like 'desk_phone'"),
    "^(material|octicons|simple|fontawesome/(brands|regular|solid))/[a-z0-9]+(-[a-z0-9]+)*$":
        ("icon", "name an icon of the theme's sets, like 'material/phone-classic' or 'fontawesome/solid/headset'"),
    "^\\*?[^\\s*]+\\*?(\\s+\\*?[^\\s*]+\\*?)*$": ("term variant", "write words; '*' only at a word's start or end, like 'Warteschleife*'"),
    LEARN_MORE_PATTERN: ("learn-more link", "a feature id, optionally with a section, like 'call-park#troubleshooting', "
                                            "or a scenario, like 'scenario:desk-phone-dead'"),
}

_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping (key: value)", "integer": "a whole number",
               "number": "a number", "boolean": "true or false"}


@functools.cache
def source_schema(kind: str) -> dict:
    return json.loads((PACKAGE_DIR / "schemas" / f"{kind}.schema.json").read_text("utf-8"))


@functools.cache
def translation_schema(kind: str) -> dict:
    """The schema of a translation file: the source shape, text fields and ids only."""
    source = source_schema(kind)
    result = _translatable_part(source, source) or {"type": "object", "properties": {}, "additionalProperties": False}
    result = {"$schema": source["$schema"], "$id": source["$id"].replace(".schema.json", ".translation.schema.json"),
              "title": f"{source['title']} (translation)",
              "description": "A translation: the same keys as the source file, text fields only; list items with an id repeat it.",
              **result, "$defs": {"id": source["$defs"]["id"]}}
    return result


def _resolve(node: dict, root: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def is_translatable(node: dict, root: dict) -> bool:
    node = _resolve(node, root)
    if node.get("x-translatable"):
        return True
    return any(is_translatable(branch, root) for branch in node.get("anyOf", []))


def _translatable_part(node: dict, root: dict) -> dict | None:
    node = _resolve(node, root)
    if "x-translation" in node:  # a shape the derivation cannot guess (a variable's value with its forms)
        return node["x-translation"]
    if is_translatable(node, root):
        return {"type": "string", "minLength": 1, "description": node.get("description", "")}
    if node.get("type") == "array" and "items" in node:
        items = _translatable_part(node["items"], root)
        return {"type": "array", "items": items} if items else None
    if node.get("type") == "object" or "properties" in node:
        props = {}
        for key, sub in node.get("properties", {}).items():
            if key == "id":  # a device id has a pattern of its own
                props["id"] = {"$ref": "#/$defs/id"} if sub.get("$ref") == "#/$defs/id" else dict(sub)
                continue
            part = _translatable_part(sub, root)
            if part:
                props[key] = part
        extra = _translatable_part(node["additionalProperties"], root) if isinstance(node.get("additionalProperties"), dict) else None
        if not (set(props) - {"id"}) and not extra:
            return None  # nothing to translate (a mapping of settings, such as html.allow_attributes)
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        if "id" in props:
            out["required"] = ["id"]
        if extra:
            out["additionalProperties"] = extra
        return out
    return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def validate(doc: Document, schema: dict) -> list[Problem]:
    """Every schema violation in ``doc``, located and explained."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems: set[Problem] = set()
    errors = list(validator.iter_errors(_jsonable(doc.data)))
    misspelt = {(tuple(e.absolute_path), _suggestion(key, e)) for e in errors if e.validator == "additionalProperties"
                for key in e.instance if isinstance(e.instance, dict)}
    for error in errors:
        if error.validator == "required" and (tuple(error.absolute_path), _required_key(error)) in misspelt:
            continue  # "unknown key 'sumary' (did you mean 'summary'?)" says it already
        for path, message, hint in _explain(error, schema):
            problems.add(doc.problem(path, message, hint))
    return sorted(problems)


def _suggestion(key: str, error: jsonschema.ValidationError) -> str:
    known = error.schema.get("properties", {})
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6) if key not in known else []
    return close[0] if close else ""


def _required_key(error: jsonschema.ValidationError) -> str:
    return error.message.split("'")[1] if "'" in error.message else error.message


def _explain(error: jsonschema.ValidationError, root: dict) -> Iterator[tuple[DataPath, str, str]]:
    path: DataPath = tuple(error.absolute_path)
    where = _name(path)
    kind = error.validator
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        for key in error.instance:
            patterns = error.schema.get("patternProperties", {})
            if key not in known and error.schema.get("additionalProperties") is False and patterns:
                yield path + (key,), f"'{key}' is not a valid name", _PATTERNS.get(next(iter(patterns)), ("", "check the name"))[1]
            elif key not in known and error.schema.get("additionalProperties") is False:
                hint = did_you_mean(key, known) or "allowed here: " + ", ".join(sorted(known))
                yield path + (key,), f"unknown key '{key}'", hint
    elif kind == "required":
        yield path, f"{where or 'the file'} is missing the required key '{_required_key(error)}'", ""
    elif kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        yield path, f"{where} must be {names}, not {_describe(error.instance)}", ""
    elif kind == "enum":
        hint = did_you_mean(str(error.instance), map(str, error.validator_value))
        yield path, f"{where}: '{error.instance}' is not one of: {', '.join(map(str, error.validator_value))}", hint
    elif kind == "pattern":
        noun, hint = _PATTERNS.get(error.validator_value, _PATTERNS[_ID_PATTERN] if "a-z0-9" in error.validator_value
                                   else ("value", f"it must match {error.validator_value}"))
        if "propertyNames" in error.schema_path:  # a key, not a value: point at the key itself
            yield path + (error.instance,), f"'{error.instance}' is not a valid {noun}", hint
        else:
            yield path, f"{where}: '{error.instance}' is not a valid {noun}", hint
    elif kind == "minItems" and isinstance(error.validator_value, int) and error.validator_value > 1 and error.instance:
        have = len(error.instance)
        yield path, f"{where} needs at least {error.validator_value} entries, this one has {have}", \
            f"add {error.validator_value - have} more" + (" (a question of one item or pair has nothing to order or match)"
                                                          if path and path[-1] in ("items", "pairs") else "")
    elif kind in ("minItems", "minLength", "minProperties"):
        yield path, f"{where} must not be empty", ""
    elif kind == "uniqueItems":
        yield path, f"{where} lists the same entry twice", "remove the duplicate"
    elif kind == "not":
        question = error.instance if isinstance(error.instance, dict) else {}
        forbidden = [r["required"][0] for r in error.validator_value.get("anyOf", []) if "required" in r]
        extra = [k for k in forbidden if k in question]
        yield path, f"{where}: {', '.join(extra) or 'a key'} does not belong to a question of type '{question.get('type')}'", \
            "single/multiple use options; true_false uses answer; ordering uses items; matching uses pairs"
    elif kind == "anyOf" and _choices(error.validator_value):
        words = _choices(error.validator_value)
        wrong = [v for v in (error.instance if isinstance(error.instance, list) else [error.instance]) if str(v) not in words]
        yield path, f"{where} must be {_choice_text(error.validator_value)}", did_you_mean(str(wrong[0]), words) if wrong else ""
    elif kind == "anyOf" and isinstance(error.instance, dict) and any(b.get("type") == "object" for b in error.validator_value):
        mapping = next(i for i, b in enumerate(error.validator_value) if b.get("type") == "object")
        for sub in error.context or []:  # the mapping branch's own complaints say what is wrong in it
            if sub.relative_schema_path and sub.relative_schema_path[0] == mapping:
                yield from _explain(sub, root)
    elif kind == "anyOf":
        yield path, f"{where} must be {_alternatives(error.validator_value)}, not {_describe(error.instance)}", ""
    elif kind in ("minimum", "maximum"):
        yield path, f"{where}: {error.message}", ""
    elif kind == "format":
        yield path, f"{where}: '{error.instance}' is not a valid {error.validator_value}", ""
    elif kind in ("if", "allOf"):
        for sub in error.context or []:
            yield from _explain(sub, root)
    else:
        yield path, f"{where}: {error.message}", ""


def _choices(branches: list) -> list[str]:
    """The words a choice between fixed words and a list of fixed words allows (``kit_content``); [] for others."""
    words: list[str] = []
    for branch in branches:
        values = branch.get("enum") or (branch.get("items") or {}).get("enum") if isinstance(branch, dict) else None
        if not values:
            return []
        words += [str(v) for v in values]
    return words


def _choice_text(branches: list) -> str:
    parts = [", ".join(map(str, b["enum"])) if "enum" in b else "a list of " + ", ".join(map(str, b["items"]["enum"]))
             for b in branches]
    return " or ".join(parts)


def _alternatives(branches: list[dict]) -> str:
    """What a variable may be, from the branches of its schema: 'text, a number, … or a mapping with value and forms'."""
    names: list[str] = []
    for branch in branches:
        types = branch.get("type") if isinstance(branch.get("type"), list) else [branch.get("type")]
        for kind in types:
            name = ("a date (YYYY-MM-DD)" if branch.get("format") == "date" else "a number" if kind == "number"
                    else "true/false" if kind == "boolean" else "text" if kind == "string"
                    else "a mapping with " + " and ".join(branch.get("properties", {})) if kind == "object" else None)
            if name and name not in names:
                names.append(name)
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else (names[0] if names else "another value")


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _name(path: DataPath) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def write_translation_schemas() -> list[str]:
    """Refresh the committed ``*.translation.schema.json`` files editors use for translation files."""
    written = []
    for kind in KINDS:
        path = PACKAGE_DIR / "schemas" / f"{kind}.translation.schema.json"
        path.write_text(json.dumps(translation_schema(kind), indent=2, ensure_ascii=False) + "\n", "utf-8")
        written.append(path.name)
    return written


if __name__ == "__main__":  # python -m generator.catalog.schema
    print("\n".join(write_translation_schemas()))
