"""The strings files, layered: the package's, a kit folder's, the organisation's, key by key.

``generator/locales/<lang>.yaml`` ships the kit's languages (English is the reference: it has every key). A kit
folder may carry ``locales/<lang>.yaml`` and so may the organisation's project, at its root: for each key the
project's file wins over the kit's, the kit's over the package's, in every language, so an organisation changes
one term of a shipped language with a one-line file, or adds a whole language with a full one. A key a language
has nowhere (or only as a ``TODO`` that ``cutover new language`` wrote) falls back to English, and the page marks
it as English (:mod:`generator.strings.marks`). In the kit's own repository the project's files are the package's.

A file nests keys in sections (``guide: {steps: Steps}`` is ``guide.steps``); a key may itself hold dots, as
material's keys under ``theme`` do (``"search.result.one"``). A counted string holds one form per CLDR plural
category (:mod:`generator.strings.plurals`). Writers' files are checked here: YAML errors and values that would
break a page are located errors; unknown keys (with a did-you-mean), missing plural forms and untranslated
strings are located warnings.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import PACKAGE_DIR
from generator.catalog.markup import findings
from generator.catalog.yamlio import Document, YamlFileError, read_yaml
from generator.errors import Problem, Severity, did_you_mean, relative
from generator.strings import plurals
from generator.strings.languages import language_name
from generator.strings.marks import strip

#: The package's strings files, one per shipped language.
PACKAGE_STRINGS = PACKAGE_DIR / "locales"
#: Where a project (an organisation's repository, or a kit folder) keeps its own strings files.
PROJECT_FOLDER = "locales"
#: The language every other falls back to, and whose file lists every key.
REFERENCE = "en"
#: A value ``cutover new language`` left for the translator: shown in English until translated.
TODO = re.compile(r"^\s*TODO\b")
#: Problem code of an interface string shown in English because it is not translated (as for content).
MISSING = "missing-translation"


@dataclass(frozen=True)
class Entry:
    """One key's value in one file: a text, or plural forms (category -> text)."""

    value: str | dict[str, str]
    file: str  #: the file, as shown to writers
    line: int
    col: int

    @property
    def usable(self) -> bool:
        """A text, or plural forms with 'other' (the form every count can fall back to), and no TODO."""
        return bool(self.value.get("other") if isinstance(self.value, dict) else self.value) and not self.todo

    @property
    def todo(self) -> bool:
        values = self.value.values() if isinstance(self.value, dict) else [self.value]
        return any(TODO.match(v) for v in values)


Layer = dict[str, Entry]  #: one file: flattened key -> entry


def project_folder(root: Path) -> Path:
    """Where ``root`` keeps its strings files: ``locales/``, or the package's own in the kit's repository."""
    if is_package_checkout(root):
        return PACKAGE_STRINGS
    return root / PROJECT_FOLDER


def is_package_checkout(root: Path) -> bool:
    return root.resolve() == PACKAGE_DIR.parent.resolve() and PACKAGE_STRINGS.is_dir()


def shipped_languages() -> list[str]:
    """The languages the package has strings for."""
    return sorted(p.stem for p in PACKAGE_STRINGS.glob("*.yaml"))


@functools.cache
def package_layer(lang: str) -> Layer:
    """The package's strings for ``lang`` (empty when it ships none); trusted, read once per process."""
    path = PACKAGE_STRINGS / f"{lang}.yaml"
    if not path.is_file():
        return {}
    return flatten(read_yaml(path, f"generator/locales/{lang}.yaml"), [])


def reference() -> Layer:
    """English, the package's: every key there is, and its placeholders."""
    return package_layer(REFERENCE)


def placeholders(text: str) -> set[str] | None:
    """The ``{field}`` names a string fills in; None when its braces do not parse."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def flatten(doc: Document, problems: list[Problem]) -> Layer:
    """Every key of a strings file with its value and position; values that cannot be used are problems."""
    layer: Layer = {}
    if not isinstance(doc.data, dict):
        if doc.data not in (None, {}):
            problems.append(doc.problem((), "a strings file is a mapping of keys to texts", "see generator/locales/en.yaml"))
        return layer

    def walk(node: dict, path: tuple, key: str) -> None:
        for name, value in node.items():
            here, full = path + (name,), f"{key}{name}"
            line, col = doc.where(here)
            if plurals.is_plural(value):
                forms = {k: v for k, v in value.items() if isinstance(v, str)}
                for k, v in value.items():
                    if not isinstance(v, str):
                        problems.append(doc.problem(here + (k,), f"the '{k}' form of {full} must be text",
                                                    "put it in quotes"))
                layer[full] = Entry({k: strip(v) for k, v in forms.items()}, doc.display, line, col)
            elif isinstance(value, dict):
                walk(value, here, full + ".")
            elif isinstance(value, str):
                layer[full] = Entry(strip(value), doc.display, line, col)
            else:
                problems.append(doc.problem(here, f"{full} must be text, not {_kind(value)}",
                                            f"put it in quotes: {full.rsplit('.', 1)[-1]}: \"{value}\""))
    walk(doc.data, (), "")
    return layer


def _kind(value: Any) -> str:
    return {bool: "a true/false value", int: "a number", float: "a number", list: "a list"}.get(type(value), "empty")


class UiStrings:
    """Every language's interface strings, layered. ``get`` answers with the first layer that has a key."""

    def __init__(self, layers: dict[str, list[Layer]], files: dict[str, list[str]]):
        self._layers = layers  #: language -> layers, the strongest first
        self.files = files  #: language -> the files that were read for it, the strongest first

    @classmethod
    def packaged(cls) -> "UiStrings":
        """The package's strings alone (for a project that was not loaded, and for tests)."""
        return cls({}, {})

    def layers(self, lang: str) -> list[Layer]:
        return self._layers.get(lang) or [package_layer(lang)]

    def get(self, lang: str, key: str) -> Entry | None:
        """``key`` in ``lang``, None when no layer translates it (a TODO is no translation)."""
        for layer in self.layers(lang):
            entry = layer.get(key)
            if entry is not None and entry.usable:
                return entry
        return None

    def signature(self, prefixes: tuple[str, ...]) -> str:
        """Every language's strings under ``prefixes`` (those around every page), to tell when they changed."""
        return repr([(lang, [(k, e.value) for layer in layers for k, e in layer.items() if k.startswith(prefixes)])
                     for lang, layers in sorted(self._layers.items())])

    def has_language(self, lang: str) -> bool:
        """Whether any layer has strings for ``lang``."""
        return any(self.layers(lang))

    def own_file(self, lang: str) -> str | None:
        """The file a translator of ``lang`` edits (the strongest layer read), if any."""
        return (self.files.get(lang) or [None])[0]


def load(root: Path, kit: tuple[Path, str] | None, languages: list[str], problems: list[Problem]) -> UiStrings:
    """The strings of every language of a project in ``root`` (over ``kit``: its folder and name), checked."""
    from generator.org.kit import kit_display

    folders: list[tuple[Path, Any]] = [(project_folder(root), lambda p: relative(p, root))]
    if kit and not is_package_checkout(kit[0]):
        folders.append((kit[0] / PROJECT_FOLDER, lambda p: kit_display(p, *kit)))
    own = project_folder(root)
    layers: dict[str, list[Layer]] = {}
    files: dict[str, list[str]] = {}
    for lang in dict.fromkeys([REFERENCE, *languages]):
        found: list[Layer] = []
        for folder, display in folders:
            path = folder / f"{lang}.yaml"
            if not path.is_file():
                continue
            try:
                doc = read_yaml(path, display(path))
            except YamlFileError as exc:
                problems.append(exc.problem)
                continue
            checked: list[Problem] = []
            layer = flatten(doc, checked)
            if folder != PACKAGE_STRINGS or own == PACKAGE_STRINGS:
                checked += check_layer(layer, lang)
            problems.extend(checked)
            found.append(layer)
            files.setdefault(lang, []).append(doc.display)
        if own != PACKAGE_STRINGS and package_layer(lang):
            found.append(package_layer(lang))
            files.setdefault(lang, []).append(f"generator/locales/{lang}.yaml")
        layers[lang] = found
    strings = UiStrings(layers, files)
    problems.extend(untranslated(strings, languages, root))
    return strings


def check_layer(layer: Layer, lang: str) -> list[Problem]:
    """What is wrong with one file's values: unknown keys, placeholders English does not fill, markup, forms."""
    english = reference()
    problems = []
    needed = plurals.categories(lang)
    for key, entry in layer.items():
        where = (entry.file, entry.line, entry.col)
        source = english.get(key)
        if source is None:
            problems.append(Problem(*where, f"unknown interface string '{key}'",
                                    did_you_mean(key, english) or "see generator/locales/en.yaml for the keys there are",
                                    Severity.WARNING, "unknown-string"))
            continue
        if isinstance(entry.value, dict) and not entry.value.get("other"):
            problems.append(Problem(*where, f"{key} has plural forms without 'other'", "add the 'other' form"))
            continue
        if not entry.value:
            problems.append(Problem(*where, f"{key} is empty: it shows in English", "write the text, or delete the line",
                                    Severity.WARNING, MISSING))
            continue
        allowed = set().union(*(placeholders(v) or set() for v in _texts(source.value)))
        plural_source = isinstance(source.value, dict)
        for form, text in _forms(entry.value):
            label = f"{key}" + (f" ({form})" if form else "")
            fields = placeholders(text)
            if fields is None:
                problems.append(Problem(*where, f"{label}: unbalanced braces in '{_short(text)}'",
                                        "write {{ and }} for literal braces; placeholders look like {count}"))
            elif fields - allowed:
                unknown = sorted(fields - allowed)[0]
                problems.append(Problem(*where, f"{label}: unknown placeholder {{{unknown}}}",
                                        did_you_mean(unknown, allowed) or
                                        (f"this string fills in {', '.join('{' + f + '}' for f in sorted(allowed))}"
                                         if allowed else "this string fills in no placeholders")))
            for _, code, message, hint in findings(text):
                problems.append(Problem(*where, f"{label}: {message}", hint))
        if plural_source and isinstance(entry.value, str):
            if needed != ("other",) and not entry.todo:
                problems.append(Problem(*where, f"{key} is counted: {_language(lang)} needs the forms {', '.join(needed)}",
                                        f"write {key.rsplit('.', 1)[-1]}: {{{', '.join(f + ': …' for f in needed)}}}",
                                        Severity.WARNING, "plural-forms"))
        elif not plural_source and isinstance(entry.value, dict):
            problems.append(Problem(*where, f"{key} is not counted: it takes one text, not plural forms",
                                    "write it as one text"))
        elif plural_source:
            missing = [c for c in needed if c not in entry.value]
            extra = [c for c in entry.value if c not in needed]
            if missing:
                problems.append(Problem(*where, f"{key} lacks the plural form{'s' if len(missing) > 1 else ''} "
                                        f"{', '.join(missing)} that {_language(lang)} needs",
                                        "add " + ", ".join(f"{c}: …" for c in missing) + " (CLDR plural rules)",
                                        Severity.WARNING, "plural-forms"))
            if extra:
                problems.append(Problem(*where, f"{_language(lang)} has no plural form {', '.join(extra)} ({key})",
                                        f"its forms are {', '.join(needed)}", Severity.WARNING, "plural-forms"))
    return problems


def untranslated(strings: UiStrings, languages: list[str], root: Path) -> list[Problem]:
    """Warnings for interface strings a language shows in English: at each TODO, per missing key, or once per
    language that has no strings at all."""
    problems = []
    keys = list(reference())
    for lang in languages:
        if lang == REFERENCE:
            continue
        own = strings.own_file(lang)
        if not strings.has_language(lang):
            problems.append(Problem("catalog/site.yaml", 0, 0,
                                    f"no interface strings in {lang}: all {len(keys)} show in English",
                                    f"run 'cutover new language {lang}' and translate {PROJECT_FOLDER}/{lang}.yaml",
                                    Severity.WARNING, MISSING))
            continue
        for key in keys:
            if strings.get(lang, key) is not None:
                continue
            todo = next((layer[key] for layer in strings.layers(lang) if key in layer), None)
            if todo is not None:
                problems.append(Problem(todo.file, todo.line, todo.col, f"interface string {key} is not translated into {lang}",
                                        "replace the TODO with the translation", Severity.WARNING, MISSING))
            else:
                problems.append(Problem(own or f"{PROJECT_FOLDER}/{lang}.yaml", 0, 0,
                                        f"interface string {key} is missing in {lang}",
                                        f"add it (see generator/locales/{REFERENCE}.yaml)", Severity.WARNING, MISSING))
    return problems


def _texts(value: str | dict[str, str]) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def _forms(value: str | dict[str, str]) -> list[tuple[str, str]]:
    return list(value.items()) if isinstance(value, dict) else [("", value)]


def _language(lang: str) -> str:
    return language_name(lang, "en")


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "…"
