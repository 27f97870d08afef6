"""Merge a source definition with its translation files into one multilingual tree.

A translation file ``<name>.<lang>.yaml`` mirrors its source ``<name>.yaml``
with text fields only. List items that carry an ``id`` are matched by id;
other list items by position. Every translatable string of the source becomes
a :class:`~generator.catalog.model.Text` holding all languages found.
"""

from __future__ import annotations

import datetime
from typing import Any, Callable

from generator.catalog.model import Origin, Text
from generator.catalog.schema import _resolve, is_translatable
from generator.catalog.yamlio import DataPath, Document
from generator.errors import Problem, Severity, did_you_mean


class Merger:
    def __init__(self, source: Document, translations: dict[str, Document], schema: dict, default_language: str,
                 key_prefix: str):
        self.source = source
        self.translations = translations
        self.schema = schema
        self.default = default_language
        self.prefix = key_prefix
        self.problems: list[Problem] = []

    def merge(self) -> Any:
        trans = {lang: (doc.data, ()) for lang, doc in self.translations.items()}
        return self._merge(self.schema, self.source.data, (), "", trans)

    def _merge(self, node: dict, value: Any, path: DataPath, key: str, trans: dict[str, tuple[Any, DataPath]]) -> Any:
        node = _resolve(node, self.schema)
        if isinstance(value, str) and is_translatable(node, self.schema):
            return self._text(value, path, key, trans)
        if isinstance(value, datetime.date) and not _accepts_date(node):
            # YAML reads 2027-03-10 as a date, which passes the schema as its ISO text; only variables may be dates.
            self.problems.append(self.source.problem(path, f"{key} must be text, not a date", f"put it in quotes: '{value}'"))
            return value
        if isinstance(value, list):
            return self._merge_list(node.get("items", {}), value, path, key, trans)
        if isinstance(value, dict) and "anyOf" in node:
            # A text item written as {text, when} (a conditional tip): its translation stays a plain string.
            branches = [_resolve(b, self.schema) for b in node["anyOf"]]
            node = next((b for b in branches if b.get("type") == "object"), node)
            trans = {lang: ({"text": tv}, tp) if isinstance(tv, str) else (tv, tp) for lang, (tv, tp) in trans.items()}
        if isinstance(value, dict):
            props = node.get("properties", {})
            extra = node.get("additionalProperties")
            result = {}
            for name, sub_value in value.items():
                sub_schema = props.get(name, extra if isinstance(extra, dict) else {})
                sub_trans = {lang: (tv.get(name), tp + (name,)) for lang, (tv, tp) in trans.items() if isinstance(tv, dict)}
                result[name] = self._merge(sub_schema, sub_value, path + (name,), f"{key}.{name}" if key else name, sub_trans)
            if isinstance(extra, dict):  # free keys (variables, tasks): a translation may not invent new ones
                for lang, (tv, tp) in trans.items():
                    for name in (tv or {}) if isinstance(tv, dict) else {}:
                        if name not in value and name not in props:
                            self.problems.append(self.translations[lang].problem(
                                tp + (name,), f"'{name}' does not exist in {self.source.display}",
                                "translate only keys the source file has"))
            return result
        return value

    def _text(self, value: str, path: DataPath, key: str, trans: dict[str, tuple[Any, DataPath]]) -> Text:
        line, col = self.source.where(path)
        text = Text(key=f"{self.prefix}:{key}", values={self.default: value},
                    origins={self.default: Origin(self.source.display, line, col, self.source.text_line(path))})
        for lang, (tv, tp) in trans.items():
            if isinstance(tv, datetime.date):
                self.problems.append(self.translations[lang].problem(tp, f"{key} must be text, not a date", f"put it in quotes: '{tv}'"))
            if isinstance(tv, str):
                doc = self.translations[lang]
                text.values[lang] = tv
                text.origins[lang] = Origin(doc.display, *doc.where(tp), doc.text_line(tp))
        return text

    def _merge_list(self, item_schema: dict, items: list, path: DataPath, key: str,
                    trans: dict[str, tuple[Any, DataPath]]) -> list:
        by_id = all(isinstance(item, dict) and "id" in item for item in items) and bool(items)
        if by_id and self._duplicate_ids(items, path):
            trans = {}  # matching by id needs unique ids; the duplicate is the writer's mistake to fix first
        per_item: list[dict[str, tuple[Any, DataPath]]] = [{} for _ in items]
        for lang, (tv, tp) in trans.items():
            if not isinstance(tv, list):
                continue
            doc = self.translations[lang]
            if by_id:
                positions = {item["id"]: i for i, item in enumerate(items)}
                for j, titem in enumerate(tv):
                    tid = titem.get("id") if isinstance(titem, dict) else None
                    if tid is None:
                        self.problems.append(doc.problem(tp + (j,), "list item has no id",
                                                         "repeat the id of the source item it translates"))
                    elif tid not in positions:
                        self.problems.append(doc.problem(tp + (j, "id"), f"id '{tid}' does not exist in {self.source.display}",
                                                         did_you_mean(tid, positions)))
                    else:
                        per_item[positions[tid]][lang] = (titem, tp + (j,))
            else:
                if len(tv) > len(items):
                    self.problems.append(doc.problem(
                        tp + (len(items),), f"the translation has {len(tv)} entries here, the source only {len(items)}",
                        f"remove the extra entries or add them to {self.source.display} first"))
                for j, titem in enumerate(tv[: len(items)]):
                    per_item[j][lang] = (titem, tp + (j,))
        result = []
        for i, item in enumerate(items):
            label = f"{key}[{item['id']}]" if by_id else f"{key}[{i + 1}]"
            result.append(self._merge(item_schema, item, path + (i,), label, per_item[i]))
        return result

    def _duplicate_ids(self, items: list[dict], path: DataPath) -> bool:
        first: dict[Any, int] = {}
        found = False
        for i, item in enumerate(items):
            if item["id"] in first:
                line = self.source.where(path + (first[item["id"]], "id"))[0]
                self.problems.append(self.source.problem(path + (i, "id"), f"duplicate id '{item['id']}' (first used on line {line})",
                                                         "ids must be unique in this list"))
                found = True
            first.setdefault(item["id"], i)
        return found


def _accepts_date(node: dict) -> bool:
    return node.get("format") == "date" or any(branch.get("format") == "date" for branch in node.get("anyOf", []))


#: Problem code of a text that has no translation yet.
MISSING = "missing-translation"


def missing_translations(texts: list[Text], languages: list[str],
                         exists: Callable[[str], bool] = lambda path: False) -> list[Problem]:
    """Warnings for texts that lack a language: one per file when its whole translation is missing.
    ``exists(path)``: whether a translation file (a display path) is there, only holding none of the texts."""
    default = languages[0]
    by_file: dict[str, list[Text]] = {}
    for text in texts:
        origin = text.origins.get(default)
        if origin:
            by_file.setdefault(origin.path, []).append(text)
    problems = []
    for path, file_texts in by_file.items():
        for lang in languages[1:]:
            missing = [t for t in file_texts if lang not in t.values]
            if not missing:
                continue
            if len(missing) == len(file_texts):
                stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                translation = f"{path.rsplit('.', 1)[0]}.{lang}.yaml"
                hint = (f"write them into the existing {stem}.{lang}.yaml beside it" if exists(translation)
                        else f"create {stem}.{lang}.yaml beside it")
                problems.append(Problem(path, 0, 0, f"not translated into {lang} ({len(missing)} strings)", hint,
                                        Severity.WARNING, MISSING))
                continue
            for text in missing:
                origin = text.origins[default]
                problems.append(Problem(origin.path, origin.line, origin.col,
                                        f"no {lang} translation for {text.key.split(':', 1)[1]}",
                                        f"add it to the .{lang}.yaml file beside it", Severity.WARNING, MISSING))
    return problems
