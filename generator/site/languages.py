"""The site's languages in ``mkdocs.yml``: read with their lines, checked against ``catalog/site.yaml``, added to.

``catalog/site.yaml`` is the one list of a site's languages (its first is the default). mkdocs-static-i18n needs
its own list in ``mkdocs.yml`` (it validates it when MkDocs loads the configuration, before any plugin runs), with
what only it uses: each language's name in the menu and its header title. The two are compared before MkDocs runs
(``cutover check``, ``build``, ``serve``) and again by the adapter when MkDocs is started directly; a difference is
an error at the line of the file that has it. ``cutover new language`` writes both. No MkDocs imports: the file is
read as the YAML it is (its ``!ENV`` tags are kept as written, never resolved).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.catalog.yamlio import YamlFileError, read_yaml
from generator.errors import Problem, Severity
from generator.strings.files import MISSING, TODO

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Entry:
    """One language of the i18n plugin in mkdocs.yml."""

    locale: str
    default: bool
    line: int
    col: int
    site_name: tuple[str, int, int] | None = None  #: the header title in this language, where it is


@dataclass(frozen=True)
class I18nLanguages:
    entries: list[Entry]
    line: int  #: where the ``languages:`` list starts
    col: int
    node: SequenceNode | None


class ConfigError(Exception):
    """mkdocs.yml cannot be read: a located problem."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


def _get(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    return None


def read_languages(root: Path) -> I18nLanguages | None:
    """The i18n plugin's languages in ``root/mkdocs.yml``; None when the file or the plugin is not there."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return None
    text = path.read_text("utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise ConfigError(Problem(CONFIG_FILE, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                                  f"invalid YAML: {exc.problem}")) from None
    plugins = _get(node, "plugins") if node is not None else None
    i18n = None
    items = plugins.value if isinstance(plugins, SequenceNode) else [v for _, v in plugins.value] \
        if isinstance(plugins, MappingNode) else []
    if isinstance(plugins, MappingNode):
        i18n = _get(plugins, "i18n")
    for item in items if i18n is None else []:
        i18n = _get(item, "i18n") or i18n
    if i18n is None:
        return None
    languages = _get(i18n, "languages")
    if not isinstance(languages, SequenceNode):
        where = (languages or i18n).start_mark
        return I18nLanguages([], where.line + 1, where.column + 1, None)
    entries = []
    for item in languages.value:
        locale, default, name = _get(item, "locale"), _get(item, "default"), _get(item, "site_name")
        if isinstance(locale, ScalarNode):
            entries.append(Entry(locale.value, isinstance(default, ScalarNode) and default.value.lower() == "true",
                                 item.start_mark.line + 1, item.start_mark.column + 1,
                                 (name.value, name.start_mark.line + 1, name.start_mark.column + 1)
                                 if isinstance(name, ScalarNode) else None))
    return I18nLanguages(entries, languages.start_mark.line + 1, languages.start_mark.column + 1, languages)


def language_problems(root: Path, languages: list[str], site_line: int = 1) -> list[Problem]:
    """Errors where mkdocs.yml's languages differ from catalog/site.yaml's ``languages`` (at ``site_line``)."""
    try:
        found = read_languages(root)
    except ConfigError as exc:
        return [exc.problem]
    if found is None:
        if len(languages) > 1 and (root / CONFIG_FILE).is_file():
            return [Problem("catalog/site.yaml", site_line, 1, f"catalog/site.yaml lists {len(languages)} languages, "
                            "but mkdocs.yml does not enable the i18n plugin (mkdocs-static-i18n)",
                            "add the i18n plugin as in the kit's mkdocs.yml")]
        return []
    problems = []
    listed = {e.locale: e for e in found.entries}
    for entry in found.entries:
        if entry.locale not in languages:
            problems.append(Problem(CONFIG_FILE, entry.line, entry.col,
                                    f"language '{entry.locale}' is not in catalog/site.yaml (languages: {', '.join(languages)})",
                                    f"remove it here, or add it with 'cutover new language {entry.locale}'"))
    for lang in languages:
        if lang not in listed:
            problems.append(Problem(CONFIG_FILE, found.line, found.col,
                                    f"language '{lang}' of catalog/site.yaml is missing from the i18n plugin's languages",
                                    f"add '- locale: {lang}' with its name (cutover new language writes it)"))
    for entry in found.entries:
        if entry.site_name and TODO.match(entry.site_name[0]):
            problems.append(Problem(CONFIG_FILE, entry.site_name[1], entry.site_name[2],
                                    f"the {entry.locale} header title (site_name) is not translated yet",
                                    "replace the TODO with the site's name in that language", Severity.WARNING, MISSING))
    defaults = [e for e in found.entries if e.default]
    if languages and languages[0] in listed and [e.locale for e in defaults] != [languages[0]]:
        where = defaults[0] if defaults else listed[languages[0]]
        problems.append(Problem(CONFIG_FILE, where.line, where.col,
                                f"the default language must be '{languages[0]}', the first in catalog/site.yaml",
                                f"mark only '{languages[0]}' with 'default: true'"))
    return problems


def site_problems(root: Path) -> list[Problem]:
    """:func:`language_problems` for the project in ``root``, read from its catalog/site.yaml (none if unreadable:
    loading the project reports that)."""
    site = root / "catalog" / "site.yaml"
    try:
        doc = read_yaml(site, "catalog/site.yaml")
    except (YamlFileError, OSError):
        return []
    languages = doc.data.get("languages") if isinstance(doc.data, dict) else None
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        return []
    return language_problems(root, languages, doc.where(("languages",))[0])


def with_language(root: Path, locale: str, name: str, site_name: str) -> str:
    """mkdocs.yml's text with an entry for ``locale`` after the last language, in the style of the entries there;
    comments, order and everything else unchanged."""
    text = (root / CONFIG_FILE).read_text("utf-8")
    found = read_languages(root)
    if found is None or found.node is None or not found.node.value:
        raise ConfigError(Problem(CONFIG_FILE, found.line if found else 1, found.col if found else 1,
                                  "mkdocs.yml has no list of languages for the i18n plugin to add to",
                                  "add the i18n plugin with its languages as in the kit's mkdocs.yml"))
    last = found.node.value[-1]
    lines = text.split("\n")
    end_line = last.end_mark.line if last.end_mark.column else last.end_mark.line - 1  # the last line of the entry
    while end_line > last.start_mark.line and not lines[end_line].strip():
        end_line -= 1
    indent = " " * last.start_mark.column
    dash = " " * (last.start_mark.column - 2)
    if last.flow_style:
        entry = [f"{dash}- {{locale: {locale}, name: {_quoted(name)}, build: true, site_name: {_quoted(site_name)}}}"]
    else:
        entry = [f"{dash}- locale: {locale}", f"{indent}name: {_quoted(name)}", f"{indent}build: true",
                 f"{indent}site_name: {_quoted(site_name)}"]
    return "\n".join(lines[: end_line + 1] + entry + lines[end_line + 1:])


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)
