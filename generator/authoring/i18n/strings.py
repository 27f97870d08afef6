"""Every translatable string of a project, with its state in each language: complete, missing or stale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.authoring.i18n.lock import fingerprint, read_lock
from generator.catalog.model import Project, Text
from generator.errors import Problem, Severity

#: A text that ``cutover new`` left for the writer or translator to fill in.
TODO_MARKER = re.compile(r"^\s*TODO\b")

COMPLETE, MISSING, STALE = "complete", "missing", "stale"
#: Problem code of a translation whose source changed after it was written.
STALE_CODE = "stale-translation"


@dataclass(frozen=True)
class Entry:
    """One translatable string in one language."""

    key: str  #: stable key: ``<source file>:<field path of ids and positions>``
    file: str  #: the source file, relative to the project root (a kit's file: ``kit:default/catalog/…``)
    field: str  #: ``steps[2].desktop``, ``questions[dial-how].options[direct].text``
    source: str
    translation: str | None  #: None when missing (a TODO marker counts as missing)
    state: str
    line: int  #: where the source text is
    col: int
    where: tuple[str, int, int] | None  #: where the translation is (file, line, col), when it exists
    target: str = ""  #: the project's file this language's text belongs in (a kit file's: the organisation's own)


def is_placeholder(value: str | None) -> bool:
    return value is None or bool(TODO_MARKER.match(value))


def is_stale(recorded: tuple[str, str] | None, source: str, translation: str) -> bool:
    """The source changed since the lock recorded it, and the translation did not change with it.

    A string recorded while it had no translation yet (``cutover init`` and ``mark-current`` record every string)
    counts as stale once it has one and its source changed: nothing says which text the translator saw.
    """
    if recorded is None or recorded[0] == fingerprint(source):
        return False
    return recorded[1] in ("", fingerprint(translation))


def translation_file(source_file: str, lang: str, kit_name: str | None) -> str:
    """The project file that holds ``lang``'s text of ``source_file``: beside it, or for a kit's file the same path
    in the organisation's own repository (the installed kit is never written)."""
    from generator.org.kit import own_translation_display

    own = own_translation_display(source_file, kit_name, lang) if kit_name else None
    if own:
        return own
    folder, _, name = source_file.rpartition("/")
    return (f"{folder}/" if folder else "") + f"{name.rsplit('.', 1)[0]}.{lang}.yaml"


def entries(project: Project, root: Path, lang: str, lock: dict[str, tuple[str, str]] | None = None) -> list[Entry]:
    """Every string of the project for ``lang`` (not the default language), in file and key order."""
    default = project.site.default_language
    lock = read_lock(root, lang) if lock is None else lock
    found = []
    for text in _source_texts(project, default):
        origin = text.origins[default]
        source = text.values[default]
        value = text.values.get(lang)
        if is_placeholder(value):
            value, state = None, MISSING
        else:
            state = STALE if is_stale(lock.get(text.key), source, value) else COMPLETE
        tor = text.origins.get(lang)
        where = (tor.path, tor.text_line or tor.line, tor.col) if tor and value is not None else None
        found.append(Entry(text.key, origin.path, text.field, source, value, state,
                           origin.text_line or origin.line, origin.col, where,
                           translation_file(origin.path, lang, project.site.kit)))
    return sorted(found, key=lambda e: (e.file, e.line, e.col, e.key))


def _source_texts(project: Project, default: str) -> list[Text]:
    seen: dict[str, Text] = {}
    for text in project.texts():
        if default in text.values and text.origins.get(default) and text.key not in seen:
            seen[text.key] = text
    return list(seen.values())


@dataclass
class FileStatus:
    file: str
    complete: int = 0
    missing: int = 0
    stale: int = 0

    @property
    def total(self) -> int:
        return self.complete + self.missing + self.stale


def status(project: Project, root: Path) -> dict[str, list[FileStatus]]:
    """language -> per-file counts, for every language but the default."""
    result: dict[str, list[FileStatus]] = {}
    for lang in project.site.languages[1:]:
        files: dict[str, FileStatus] = {}
        for entry in entries(project, root, lang):
            row = files.setdefault(entry.file, FileStatus(entry.file))
            setattr(row, entry.state, getattr(row, entry.state) + 1)
        interface = interface_status(project, lang)
        files[interface.file] = interface
        result[lang] = [files[name] for name in sorted(files)]
    return result


def interface_status(project: Project, lang: str) -> FileStatus:
    """The interface strings of ``lang``: how many are translated (in any layer), how many show in English."""
    from generator.strings.files import PROJECT_FOLDER, UiStrings, reference

    strings = project.ui or UiStrings.packaged()
    row = FileStatus(strings.own_file(lang) or f"{PROJECT_FOLDER}/{lang}.yaml")
    for key in reference():
        if strings.get(lang, key) is None:
            row.missing += 1
        else:
            row.complete += 1
    return row


def stale_warnings(project: Project, root: Path) -> list[Problem]:
    """A ``cutover check`` warning for each stale translation, located at the translation."""
    problems = []
    for lang in project.site.languages[1:]:
        for entry in entries(project, root, lang):
            if entry.state == STALE and entry.where:
                if entry.where[0].startswith("kit:"):  # the kit's own translation, after an upgrade of the kit
                    hint = (f"correct it in {entry.target} in your repository, or accept the kit's translation: "
                            f"'cutover i18n mark-current --lang {lang}'")
                else:
                    hint = f"update it, then run 'cutover i18n mark-current --lang {lang}'"
                problems.append(Problem(*entry.where, f"the {lang} translation of {entry.field} is older than its source text "
                                        f"({entry.file}:{entry.line})", hint, Severity.WARNING, STALE_CODE))
    return problems


def todo_errors(project: Project) -> list[Problem]:
    """An error for every text still holding a TODO marker left by ``cutover new``."""
    problems = []
    for text in _source_texts(project, project.site.default_language):
        for lang, value in text.values.items():
            origin = text.origins.get(lang)
            if origin and TODO_MARKER.match(value):
                field = text.field
                problems.append(Problem(origin.path, origin.text_line or origin.line, origin.col,
                                        f"{field} still holds the placeholder '{_short(value)}'",
                                        "replace the TODO with the real text" if lang == project.site.default_language
                                        else f"write the {lang} translation in place of the TODO", Severity.ERROR, "todo"))
    return problems


def todo_errors_in(documents, site) -> list[Problem]:
    """The same errors for files left out of the model for their shape (``cutover check`` still names their TODOs)."""
    from generator.catalog.references import document_strings

    problems = []
    for field, value, origin in document_strings(documents):
        if TODO_MARKER.match(value):
            lang = origin.path.rsplit("/", 1)[-1].split(".")
            lang = lang[1] if len(lang) == 3 and lang[1] in site.languages else site.default_language
            problems.append(Problem(origin.path, origin.text_line or origin.line, origin.col,
                                    f"{field} still holds the placeholder '{_short(value)}'",
                                    "replace the TODO with the real text" if lang == site.default_language
                                    else f"write the {lang} translation in place of the TODO", Severity.ERROR, "todo"))
    return problems


def variable_todos(root: Path, languages: list[str]) -> list[Problem]:
    """An error for every variable value in ``catalog/site.<lang>.yaml`` still holding a TODO (``cutover init`` and
    ``cutover new language`` write them for a language the kit is not written in)."""
    from generator.catalog.yamlio import YamlFileError, read_yaml

    problems = []
    for lang in languages[1:]:
        path = root / "catalog" / f"site.{lang}.yaml"
        try:
            doc = read_yaml(path, f"catalog/site.{lang}.yaml") if path.is_file() else None
        except YamlFileError:
            continue  # loading reports it
        variables = doc.data.get("variables") if doc and isinstance(doc.data, dict) else None
        for name, value in (variables or {}).items() if isinstance(variables, dict) else []:
            if isinstance(value, str) and TODO_MARKER.match(value):
                line, col = doc.where(("variables", name))
                problems.append(Problem(doc.display, line, col, f"variables.{name} still holds the placeholder '{_short(value)}'",
                                        f"write the {lang} value in place of the TODO", Severity.ERROR, "todo"))
    return problems


def mark_current(project: Project, root: Path, lang: str, files: set[str] | None = None,
                 base: dict[str, tuple[str, str]] | None = None) -> dict[str, tuple[str, str]]:
    """The lock entries after declaring every existing translation (of ``files``, or all) current.

    Strings without a translation are recorded too, with an empty translation fingerprint: a translation written
    later by hand is then stale as soon as its source changes, without anyone marking it first. ``base``: entries
    to keep as they are (a kit's own lock, so that what the kit knows to be stale stays stale).
    """
    lock = dict(read_lock(root, lang))
    for entry in entries(project, root, lang, lock):
        if files is not None and entry.file not in files:
            continue
        kept = (base or {}).get(entry.key)
        if kept is not None:
            lock[entry.key] = kept
        elif entry.translation is not None:
            lock[entry.key] = (fingerprint(entry.source), fingerprint(entry.translation))
        else:
            lock[entry.key] = (fingerprint(entry.source), "")
    return lock


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:57] + "…"
