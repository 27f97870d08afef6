"""Pick one language out of the multilingual model, with fallback and variables.

A :class:`Localizer` is handed to every renderer. It returns text in its
language, falls back to the default language where a translation is missing
(remembering that it did, so the page can say so), fills in ``{{ variables }}``
and provides the interface strings of the strings layer (:mod:`generator.strings`):
the project's, a kit's and the package's files layered, English where a language
lacks a key, the plural form a count takes. A localizer for the site (``marked``)
marks every text it shows in another language than its own, so the page says so
in its HTML (``lang`` attributes, :mod:`generator.strings.marks`).
"""

from __future__ import annotations

from typing import Any

from generator.catalog.model import Project, Text
from generator.catalog.variables import substitute
from generator.strings import marks, plurals
from generator.strings.files import REFERENCE, UiStrings, reference, shipped_languages
from generator.strings.languages import language_name
from generator.render.typography import nonbreaking

__all__ = ["Localizer", "language_name", "runtime_strings", "ui_languages"]


def ui_languages() -> list[str]:
    """The languages the package ships interface strings for."""
    return shipped_languages()


def runtime_strings(loc: "Localizer") -> dict[str, Any]:
    """Every string the quiz runtime shows, in the localizer's language (English where missing, marked so).

    A counted string is its plural forms (the runtime picks one with ``Intl.PluralRules``); forms that fell back
    to English say so with ``"lang": "en"``, whose rules then choose.
    """
    return {key.split(".", 1)[1]: loc.ui_value(key) for key in reference() if key.startswith("runtime.")}


class Localizer:
    def __init__(self, project: Project, lang: str, *, marked: bool = False):
        self.project = project
        self.lang = lang
        self.default = project.site.default_language
        self.strings: UiStrings = getattr(project, "ui", None) or UiStrings.packaged()
        self.marked = marked  #: text in another language is marked (for the site's pages)
        self.fallbacks: list[str] = []  #: keys of texts shown in the default language
        self.ui_fallbacks: list[str] = []  #: keys of interface strings shown in English

    def text(self, value: Text | None) -> str:
        if value is None:
            return ""
        if self.lang in value.values:
            return self.fill(value.values[self.lang])
        self.fallbacks.append(value.key)
        filled = self.fill(value.values[self.default])
        return marks.mark(filled, self.default) if self.marked else filled

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
            found = table[key] = nonbreaking(substitute(marks.strip(raw), variables, self.lang, self.default, markdown=True),
                                             self.lang)
        return found

    def _entry(self, key: str) -> tuple[str | dict[str, str], str]:
        """(value, language) of an interface string: this language's, else English's."""
        entry = self.strings.get(self.lang, key)
        if entry is not None:
            return entry.value, self.lang
        entry = self.strings.get(REFERENCE, key)
        if entry is None:
            raise KeyError(f"no UI string '{key}'")
        self.ui_fallbacks.append(key)
        return entry.value, REFERENCE

    def ui(self, key: str, **fields: Any) -> str:
        """An interface string in this language (else English, marked), its fields filled in.

        A counted string takes the plural form of ``count`` in the language it is shown in.
        """
        value, lang = self._entry(key)
        if isinstance(value, dict):
            value = plurals.choose(value, lang, fields.get(plurals.COUNT, 0))
        foreign = lang != self.lang and self.marked
        if fields:
            if foreign:  # what fills an English sentence is still in the page's language
                fields = {k: v if not isinstance(v, str) or v.startswith(marks.START) else marks.mark(v, self.lang)
                          for k, v in fields.items()}
            value = value.format(**fields)
        return marks.mark(value, lang) if foreign else value

    def ui_value(self, key: str) -> Any:
        """An interface string unfilled, for the browser: a text or plural forms (see :func:`runtime_strings`)."""
        value, lang = self._entry(key)
        foreign = lang != self.lang
        if isinstance(value, dict):
            forms: dict[str, str] = {k: marks.mark(v, lang) if foreign and self.marked else v for k, v in value.items()}
            return {**forms, "lang": lang} if foreign else forms
        return marks.mark(value, lang) if foreign and self.marked else value

    def has_ui(self, key: str) -> bool:
        return self.strings.get(self.lang, key) is not None

    def language_name(self, code: str) -> str:
        """A language's name in the language the interface strings are shown in (English where there are none)."""
        shown_in = self.lang if self.strings.has_language(self.lang) else REFERENCE
        name = language_name(code, shown_in)
        return marks.mark(name, shown_in) if self.marked and shown_in != self.lang else name
