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
    file: str  #: the source file, relative to the project root
    field: str  #: ``steps[2].desktop``, ``questions[dial-how].options[direct].text``
    source: str
    translation: str | None  #: None when missing (a TODO marker counts as missing)
    state: str
    line: int  #: where the source text is
    col: int
    where: tuple[str, int, int] | None  #: where the translation is (file, line, col), when it exists


def is_placeholder(value: str | None) -> bool:
    return value is None or bool(TODO_MARKER.match(value))


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
            recorded = lock.get(text.key)
            stale = recorded is not None and recorded[0] != fingerprint(source) and recorded[1] == fingerprint(value)
            state = STALE if stale else COMPLETE
        tor = text.origins.get(lang)
        where = (tor.path, tor.text_line or tor.line, tor.col) if tor and value is not None else None
        found.append(Entry(text.key, origin.path, text.key.split(":", 1)[1], source, value, state,
                           origin.text_line or origin.line, origin.col, where))
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
        result[lang] = [files[name] for name in sorted(files)]
    return result


def stale_warnings(project: Project, root: Path) -> list[Problem]:
    """A ``cutover check`` warning for each stale translation, located at the translation."""
    problems = []
    for lang in project.site.languages[1:]:
        for entry in entries(project, root, lang):
            if entry.state == STALE and entry.where:
                problems.append(Problem(*entry.where, f"the {lang} translation of {entry.field} is older than its source text "
                                        f"({entry.file}:{entry.line})",
                                        f"update it, then run 'cutover i18n mark-current --lang {lang}'",
                                        Severity.WARNING, STALE_CODE))
    return problems


def todo_errors(project: Project) -> list[Problem]:
    """An error for every text still holding a TODO marker left by ``cutover new``."""
    problems = []
    for text in _source_texts(project, project.site.default_language):
        for lang, value in text.values.items():
            origin = text.origins.get(lang)
            if origin and TODO_MARKER.match(value):
                field = text.key.split(":", 1)[1]
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


def mark_current(project: Project, root: Path, lang: str, files: set[str] | None = None) -> dict[str, tuple[str, str]]:
    """The lock entries after declaring every existing translation (of ``files``, or all) current."""
    lock = dict(read_lock(root, lang))
    for entry in entries(project, root, lang, lock):
        if entry.translation is not None and (files is None or entry.file in files):
            lock[entry.key] = (fingerprint(entry.source), fingerprint(entry.translation))
    return lock


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:57] + "…"
