"""Pick one language out of the multilingual model, with fallback and variables.

A :class:`Localizer` is handed to every renderer. It returns text in its
language, falls back to the default language where a translation is missing
(remembering that it did, so the page can say so), fills in ``{{ variables }}``
and provides the user-interface strings of generated pages.
"""

from __future__ import annotations

import functools
from typing import Any

from babel import Locale, UnknownLocaleError

from generator import PACKAGE_DIR
from generator.catalog.model import Project, Text
from generator.catalog.variables import substitute
from generator.render.typography import nonbreaking
from generator.catalog.yamlio import read_yaml


@functools.cache
def _package_strings(lang: str) -> dict[str, Any]:
    path = PACKAGE_DIR / "locales" / f"{lang}.yaml"
    if not path.is_file():
        return {}
    return read_yaml(path, f"generator/locales/{lang}.yaml").data


def ui_languages() -> list[str]:
    return sorted(p.stem for p in (PACKAGE_DIR / "locales").glob("*.yaml"))


def _lookup(tree: dict[str, Any], key: str) -> str | None:
    node: Any = tree
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, str) else None


def runtime_strings(loc: "Localizer") -> dict[str, str]:
    """Every string the quiz runtime shows, in the localizer's language (English where missing)."""
    return {key: loc.ui(f"runtime.{key}") for key in _package_strings("en").get("runtime", {})}


def language_name(code: str, in_language: str) -> str:
    """'German' in English, 'Deutsch' in German; the code itself if babel does not know it."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(in_language.replace("-", "_")) or code
    except (UnknownLocaleError, ValueError):
        return code


class Localizer:
    def __init__(self, project: Project, lang: str, ui_overrides: dict[str, dict[str, Any]] | None = None):
        self.project = project
        self.lang = lang
        self.default = project.site.default_language
        self.fallbacks: list[str] = []  #: keys of texts shown in the default language
        self._overrides = (ui_overrides or {}).get(lang, {})
        self._default_overrides = (ui_overrides or {}).get("en", {})

    def text(self, value: Text | None) -> str:
        if value is None:
            return ""
        if self.lang in value.values:
            raw = value.values[self.lang]
        else:
            raw = value.values[self.default]
            self.fallbacks.append(value.key)
        return self.fill(raw)

    #: Texts filled with the current variables: a step is filled for its guide and every manual and card that shows
    #: it, and a serve rebuild fills the same texts again. Starts afresh when the variables change.
    _filled: tuple[object, dict[tuple[str, str, str], str]] = (None, {})

    def fill(self, raw: str) -> str:
        """Placeholders filled in, as Markdown (values escaped so they read literally), with non-breaking spaces."""
        variables = self.project.site.variables
        owner, table = Localizer._filled
        if owner is not variables:
            if owner != variables:
                table = {}
            Localizer._filled = (variables, table)
        key = (raw, self.lang, self.default)
        found = table.get(key)
        if found is None:
            found = table[key] = nonbreaking(substitute(raw, variables, self.lang, self.default, markdown=True), self.lang)
        return found

    def ui(self, key: str, **fields: Any) -> str:
        """A user-interface string: this language, else English."""
        for tree in (self._overrides, _package_strings(self.lang), self._default_overrides, _package_strings("en")):
            found = _lookup(tree, key)
            if found is not None:
                return found.format(**fields) if fields else found
        raise KeyError(f"no UI string '{key}'")

    def has_ui(self, key: str) -> bool:
        return _lookup(_package_strings(self.lang), key) is not None

    def language_name(self, code: str) -> str:
        """A language's name in the language the UI strings are shown in (English where none are shipped)."""
        return language_name(code, self.lang if _package_strings(self.lang) else "en")
