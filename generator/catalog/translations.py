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


#: Problem code of a translation entry that has nothing to translate in its source (a key, an id or a list item).
UNMATCHED = "unmatched-translation"


class Merger:
    """Merges ``translations``: (language, document) pairs in rising precedence; a later document's string wins.

    Several documents may translate one source into the same language: the kit's ``hold.de.yaml``, then the
    organisation's ``catalog/features/hold.de.yaml`` that corrects or completes it string by string.
    """

    def __init__(self, source: Document, translations: list[tuple[str, Document]], schema: dict, default_language: str,
                 key_prefix: str):
        self.source = source
        self.layers = list(translations)
        self.schema = schema
        self.default = default_language
        self.prefix = key_prefix
        self.problems: list[Problem] = []
        self.unmatched: list[Problem] = []  #: translation entries with nothing to translate (code UNMATCHED)
        self.unmatched_at: list[tuple[str, DataPath]] = []  #: (translation file, data path) of each, in order

    def merge(self) -> Any:
        trans = {n: (doc.data, ()) for n, (_, doc) in enumerate(self.layers)}
        return self._merge(self.schema, self.source.data, (), "", trans)

    def _doc(self, layer: int) -> Document:
        return self.layers[layer][1]

    def _unmatched(self, layer: int, path: DataPath, message: str, hint: str, severity: Severity = Severity.ERROR) -> None:
        self.unmatched.append(self._doc(layer).problem(path, message, hint, severity=severity, code=UNMATCHED))
        self.unmatched_at.append((self._doc(layer).display, path))

    def _merge(self, node: dict, value: Any, path: DataPath, key: str, trans: dict[int, tuple[Any, DataPath]]) -> Any:
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
                sub_trans = {n: (tv.get(name), tp + (name,)) for n, (tv, tp) in trans.items() if isinstance(tv, dict)}
                result[name] = self._merge(sub_schema, sub_value, path + (name,), f"{key}.{name}" if key else name, sub_trans)
            for n, (tv, tp) in trans.items():  # a translation may not invent keys: its text would never be shown
                for name in tv if isinstance(tv, dict) else {}:
                    if name not in value and name != "id" and (name in props or isinstance(extra, dict)):
                        # A known key the source does not use (yet, or any more: a step inserted before it) is a
                        # translation that lags behind; a free key (a variable) the source never had, a mistake.
                        self._unmatched(n, tp + (name,), f"'{name}' does not exist in {self.source.display}",
                                        "translate only keys the source file has" + ("" if name not in props else
                                        "; its text is not shown"), Severity.WARNING if name in props else Severity.ERROR)
            return result
        return value

    def _text(self, value: str, path: DataPath, key: str, trans: dict[int, tuple[Any, DataPath]]) -> Text:
        line, col = self.source.where(path)
        text = Text(key=f"{self.prefix}:{key}", values={self.default: value},
                    origins={self.default: Origin(self.source.display, line, col, self.source.text_line(path))})
        for n, (tv, tp) in sorted(trans.items()):  # rising precedence: a later layer's string wins
            doc = self._doc(n)
            if isinstance(tv, datetime.date):
                self.problems.append(doc.problem(tp, f"{key} must be text, not a date", f"put it in quotes: '{tv}'"))
            if isinstance(tv, str):
                lang = self.layers[n][0]
                text.values[lang] = tv
                text.origins[lang] = Origin(doc.display, *doc.where(tp), doc.text_line(tp))
        return text

    def _merge_list(self, item_schema: dict, items: list, path: DataPath, key: str,
                    trans: dict[int, tuple[Any, DataPath]]) -> list:
        by_id = all(isinstance(item, dict) and "id" in item for item in items) and bool(items)
        if by_id and self._duplicate_ids(items, path):
            trans = {}  # matching by id needs unique ids; the duplicate is the writer's mistake to fix first
        per_item: list[dict[int, tuple[Any, DataPath]]] = [{} for _ in items]
        for n, (tv, tp) in trans.items():
            if not isinstance(tv, list):
                continue
            doc = self._doc(n)
            if by_id:
                positions = {item["id"]: i for i, item in enumerate(items)}
                for j, titem in enumerate(tv):
                    tid = titem.get("id") if isinstance(titem, dict) else None
                    if tid is None:
                        self.problems.append(doc.problem(tp + (j,), "list item has no id",
                                                         "repeat the id of the source item it translates"))
                    elif tid not in positions:
                        self._unmatched(n, tp + (j, "id"), f"id '{tid}' does not exist in {self.source.display}",
                                        did_you_mean(tid, positions))
                    else:
                        per_item[positions[tid]][n] = (titem, tp + (j,))
            else:
                if len(tv) > len(items):
                    self._unmatched(n, tp + (len(items),), f"the translation has {len(tv)} entries here, the source only {len(items)}",
                                    f"remove the extra entries or add them to {self.source.display} first")
                for j, titem in enumerate(tv[: len(items)]):
                    per_item[j][n] = (titem, tp + (j,))
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


def unmatched_in_both(first: Merger, second: Merger) -> list[Problem]:
    """Entries of a translation file read for two sources (an organisation's site.<lang>.yaml translates its own
    settings and the kit's) that match nothing in either; the more precise report of each."""
    found = []
    for problem, (doc, path) in zip(first.unmatched, first.unmatched_at):
        for other, (doc2, path2) in zip(second.unmatched, second.unmatched_at):
            if doc == doc2 and (path[:len(path2)] == path2 or path2[:len(path)] == path):
                found.append(problem if len(path) >= len(path2) else other)
    return list(dict.fromkeys(found))


def _accepts_date(node: dict) -> bool:
    return node.get("format") == "date" or any(branch.get("format") == "date" for branch in node.get("anyOf", []))


#: Problem code of a text that has no translation yet.
MISSING = "missing-translation"


def missing_translations(texts: list[Text], languages: list[str], kit_name: str | None = None,
                         exists: Callable[[str], bool] = lambda path: False) -> list[Problem]:
    """Warnings for texts that lack a language: one per file when its whole translation is missing.

    A kit's file is translated in the organisation's own repository (``kit_name``: the kit the site layers over):
    the warning names the file to create or complete there, never the installed kit. ``exists(path)``: whether a
    translation file (a display path) is there, only holding none of the texts.
    """
    from generator.org.kit import own_translation_display

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
            own = own_translation_display(path, kit_name, lang) if kit_name else None
            if len(missing) == len(file_texts):
                stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                if own:
                    problems.append(Problem(own, 0, 0, f"the kit's {path[len(f'kit:{kit_name}/'):]} is not translated into {lang} "
                                                       f"({len(missing)} strings)",
                                            f"create {own} in your repository: the same keys, text fields only", Severity.WARNING, MISSING))
                else:
                    translation = f"{path.rsplit('.', 1)[0]}.{lang}.yaml"
                    hint = (f"write them into the existing {stem}.{lang}.yaml beside it" if exists(translation)
                            else f"create {stem}.{lang}.yaml beside it")
                    problems.append(Problem(path, 0, 0, f"not translated into {lang} ({len(missing)} strings)", hint,
                                            Severity.WARNING, MISSING))
                continue
            for text in missing:
                origin = text.origins[default]
                if own:
                    problems.append(Problem(own, 0, 0, f"no {lang} translation for {text.field} of the kit's text "
                                                       f"({path}:{origin.text_line or origin.line})",
                                            f"add it to {own} in your repository", Severity.WARNING, MISSING))
                else:
                    problems.append(Problem(origin.path, origin.line, origin.col,
                                            f"no {lang} translation for {text.field}",
                                            f"add it to the .{lang}.yaml file beside it", Severity.WARNING, MISSING))
    return problems
