"""Placeholders: ``{{ name }}`` in any text field or hand-written page, ``{{ name.form }}`` for a grammatical form.

Only identifier-shaped placeholders are replaced; anything else between
braces (``{{ 7*7 }}``, ``{% if %}``) is left exactly as written, because no
template engine ever runs over content. ``\\{{ name }}`` writes the braces
literally.

Grammatical forms follow Project Fluent's terms with variants: a language gives a variable's value the forms its
sentences need (German ``org_name`` as ``nom: die Northwind Group``, ``dat: der Northwind Group``; Spanish
``help_point`` after *a* as ``a: al punto de ayuda``), and a sentence in that language picks one by name. Forms
belong to one language, so a form another language defines is unknown here; a missing form is a located error
in ``cutover check`` and the plain value on the page.
"""

from __future__ import annotations

import datetime
import re
import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from babel.dates import format_date

from generator.catalog.markup import segments
from generator.errors import Severity

if TYPE_CHECKING:
    from generator.catalog.yamlio import Document

PLACEHOLDER = re.compile(r"(?P<escape>\\)?\{\{\s*(?P<name>[a-z][a-z0-9_]*)(?:\.(?P<form>[a-z][a-z0-9_]*))?\s*\}\}")
#: "{{ org_name" with no "}}" before the next "{{" or the end of the line: a placeholder that never closes, printed as
#: written. ("{{ 7*7 }}" or "{{ a[0] }}" close: they are template syntax, shown as written on purpose.)
UNCLOSED = re.compile(r"(?<!\\)\{\{\s*(?P<name>[a-z][a-z0-9_]*)(?![a-z0-9_])(?!(?:(?!\{\{)[^\n])*\}\})")


def unclosed(text: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) of every placeholder in ``text`` that is not closed."""
    return [(m.start(), f"the placeholder '{m.group(0).strip()}' is not closed: it would be printed as written",
             f"write {{{{ {m.group('name')} }}}}, or \\{{{{ to show the braces") for m in UNCLOSED.finditer(text)]


def nested(name: str, value: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) of every placeholder inside the value of the variable ``name``: values are filled in
    once, as written, so one would be printed literally (and one naming its own variable could never end)."""
    found = []
    for match in PLACEHOLDER.finditer(value):
        if match.group("escape"):
            continue
        other = match.group("name")
        what = "refers to itself" if other == name else f"uses the variable '{{{{ {other} }}}}'"
        found.append((match.start(), f"the value of '{name}' {what}: variables are not filled in inside variables, "
                                     "so it would be printed as written",
                      "write the value itself, or \\{{ to show the braces"))
    return found + unclosed(value)


class Inflected(str):
    """A variable's value in one language, carrying its grammatical forms in that language (``{{ name.form }}``).

    It is the plain value wherever a string is expected, so code that only writes ``{{ name }}`` is unaffected.
    """

    forms: dict[str, str]

    def __new__(cls, value: str, forms: Mapping[str, str]) -> "Inflected":
        made = super().__new__(cls, value)
        made.forms = dict(forms)
        return made

    def __eq__(self, other: object) -> bool:  # a changed form is a changed value (serve refills the pages)
        if isinstance(other, Inflected):
            return str.__eq__(self, other) and other.forms == self.forms
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__

    def __reduce__(self):  # pickled for parallel builds
        return Inflected, (str(self), self.forms)


@dataclass
class WithForms:
    """A variable as merged from site.yaml and its translations, before the model is built: the value (a Text) and
    the forms each language gave it."""

    value: object
    forms: dict[str, dict[str, str]]  #: language -> form name -> text


def builtin_variables() -> tuple[str, ...]:
    """Names that always exist, whatever site.yaml says."""
    return ("language",)


def forms_of(variables: Mapping[str, Mapping[str, object]], name: str, lang: str) -> dict[str, str]:
    """The forms ``name`` has in ``lang``: only that language's own (another language's cases mean nothing here)."""
    value = variables.get(name, {}).get(lang)
    return dict(getattr(value, "forms", {}))


def site_file(lang: str, default_lang: str) -> str:
    return "catalog/site.yaml" if lang == default_lang else f"catalog/site.{lang}.yaml"


def form_problem(variables: Mapping[str, Mapping[str, object]], name: str, form: str, lang: str,
                 default_lang: str) -> tuple[str, str, Severity] | None:
    """(message, hint, severity) when ``{{ name.form }}`` cannot be filled in ``lang``; None when it can.

    A form missing beside others is a mistake (an error naming the forms that exist); a language that gives the
    variable no forms at all (an organisation that set its own name in site.yaml only) gets the plain value and a
    warning, which ``--strict`` makes an error.
    """
    forms = forms_of(variables, name, lang)
    if form in forms:
        return None
    message = f"variable '{name}' has no form '{form}' in {lang}"
    if forms:
        return message, f"its forms in {lang}: {', '.join(sorted(forms))}", Severity.ERROR
    if name in builtin_variables():
        return f"'{name}' has no forms", f"write {{{{ {name} }}}}", Severity.ERROR
    return (message + ": the plain value is used",
            f"add its forms in {lang} under variables: {name}: forms: in {site_file(lang, default_lang)}", Severity.WARNING)


def split_forms(doc: "Document") -> tuple["Document", dict[str, dict[str, str]]]:
    """A site file with each ``{value, forms}`` variable reduced to its value (what translation merging knows),
    and the forms taken out: variable name -> form name -> text. The document read from disk is left as it is."""
    variables = doc.data.get("variables") if isinstance(doc.data, dict) else None
    if not isinstance(variables, dict) or not any(isinstance(v, dict) for v in variables.values()):
        return doc, {}
    plain, forms = {}, {}
    for name, value in variables.items():
        if isinstance(value, dict):
            plain[name] = value.get("value")
            if isinstance(value.get("forms"), dict):
                forms[name] = {str(k): str(v) for k, v in value["forms"].items()}
        else:
            plain[name] = value
    return dataclasses.replace(doc, data={**doc.data, "variables": plain}), forms


def attach_forms(tree: dict, forms: dict[str, dict[str, dict[str, str]]]) -> None:
    """Put each language's forms (language -> name -> forms) back beside the merged value of their variable."""
    variables = tree.get("variables", {})
    for lang, named in forms.items():
        for name, found in named.items():
            if name not in variables:
                continue  # a translation of a variable the source lacks: reported while merging
            entry = variables[name]
            if not isinstance(entry, WithForms):
                entry = variables[name] = WithForms(entry, {})
            entry.forms[lang] = found


def value_for(variables: Mapping[str, Mapping[str, object]], name: str, lang: str, default_lang: str) -> object:
    values = variables[name]
    for key in (lang, "*", default_lang):
        if key in values:
            return values[key]
    return next(iter(values.values()))


def format_value(value: object, lang: str) -> str:
    if isinstance(value, datetime.date):
        try:
            return format_date(value, format="long", locale=lang.replace("-", "_"))
        except Exception:  # babel knows no such locale: ISO dates read everywhere
            return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def markdown_escape(value: str) -> str:
    """A value as literal Markdown text: feature codes such as *86 must not turn into emphasis, and a value
    with "<" or "{" must not become HTML or an attribute list on a hand-written page."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("<", "&lt;").replace("{", "&#123;")


def substitute(text: str, variables: Mapping[str, Mapping[str, object]], lang: str, default_lang: str,
               markdown: bool = False) -> str:
    """Replace known placeholders; unknown ones were already reported by the checks.

    With ``markdown=True`` values are escaped as literal Markdown, except inside code spans.
    """

    def replace(match: re.Match, escape: bool) -> str:
        if match.group("escape"):
            return match.group(0)[1:]
        name = match.group("name")
        if name == "language":
            return lang
        if name not in variables:
            return match.group(0)
        raw = value_for(variables, name, lang, default_lang)
        form = match.group("form")
        # A missing form is a located error in ``check``; the page gets the plain value rather than braces.
        value = (form and forms_of(variables, name, lang).get(form)) or format_value(raw, lang)
        # In code a value shows as written; one that could end the span or mean HTML is escaped there too, in
        # case Markdown pairs the page's backticks differently (the page's own text is the writer's to fix).
        return markdown_escape(value) if escape or any(c in value for c in "`\n<{") else value

    if not markdown:
        return PLACEHOLDER.sub(lambda m: replace(m, False), text)
    return "".join(PLACEHOLDER.sub(lambda m, code=code: replace(m, not code), part) for code, _, part in segments(text))
