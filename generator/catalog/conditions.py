"""Conditions: whole chunks of content that apply only where the organisation's facts say so.

A list item (a step, a tip, a warning, a troubleshooting entry, an FAQ, a quiz question, a feature in a role) may carry
``when: {region: [de, at], desk_phones: true}``; it stays when every named fact has one of the listed values.
Facts are declared in ``catalog/site.yaml`` under ``facts`` (the kit declares defaults, the organisation's
values win). Conditions never reach inside a sentence, so every translation stays a whole text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.catalog.yamlio import DataPath, Document
from generator.errors import Problem, did_you_mean

#: (kind, list key) of every list whose items may carry ``when``.
CONDITIONAL_LISTS = (("feature", "steps"), ("feature", "tips"), ("feature", "warnings"), ("feature", "troubleshooting"),
                     ("faqs", "faqs"), ("quiz", "questions"), ("role", "features"))
#: Lists of plain items that take the form {<key>: item, when: …} to carry a condition.
_WRAPPED = {("role", "features"): "id", ("feature", "tips"): "text", ("feature", "warnings"): "text"}


@dataclass
class Exclusions:
    """What the conditions leave out, by position in the model's lists (which keep the files' order)."""

    items: dict[tuple[str, str, str], set[int]] = field(default_factory=dict)  #: (kind, id, list key) -> indexes
    faqs: set[str] = field(default_factory=set)

    def indexes(self, kind: str, item_id: str, key: str) -> set[int]:
        return self.items.get((kind, item_id, key), set())


def _values(value: Any) -> list:
    return list(value) if isinstance(value, list) else [value]


def holds(when: dict, facts: dict[str, Any]) -> bool:
    """Every named fact has one of the listed values (a fact may itself list several values: a site in two regions)."""
    return all(set(map(str, _values(facts[name]))) & set(map(str, _values(wanted))) for name, wanted in when.items())


def evaluate(kind: str, tree: dict, doc: Document | None, facts: dict[str, Any], problems: list[Problem],
             at: DataPath = ()) -> None:
    """Replace every ``when`` in one file's tree by whether it holds; unknown fact names are located errors.

    ``at`` is where ``tree`` sits in its file (an override's ``extend`` section)."""
    for list_kind, key in CONDITIONAL_LISTS:
        if list_kind != kind:
            continue
        for i, item in enumerate(tree.get(key) or []):
            if not isinstance(item, dict) or "when" not in item or isinstance(item["when"], bool):
                continue
            unknown = [name for name in item["when"] if name not in facts]
            for name in unknown:
                if doc is not None:
                    hint = did_you_mean(name, facts) or (f"declare it under facts in catalog/site.yaml (declared: {', '.join(sorted(facts))})"
                                                         if facts else "declare it under facts in catalog/site.yaml")
                    problems.append(doc.problem(at + (key, i, "when", name), f"unknown fact '{name}'", hint))
            item["when"] = not unknown and holds(item["when"], facts)


def collect(trees: dict[str, list[tuple[dict, str]]]) -> Exclusions:
    """The items whose condition does not hold; a role's conditional features become plain ids again."""
    result = Exclusions()
    for kind, key in CONDITIONAL_LISTS:
        for tree, _ in trees.get(kind, []):
            items = tree.get(key) or []
            out = {i for i, item in enumerate(items) if isinstance(item, dict) and item.get("when") is False}
            if kind == "faqs":
                result.faqs |= {items[i]["id"] for i in out}
            elif out:
                result.items[(kind, tree["id"], key)] = out
            if (kind, key) in _WRAPPED:  # back to plain items for the model
                inner = _WRAPPED[(kind, key)]
                tree[key] = [item[inner] if isinstance(item, dict) else item for item in items]
    return result

