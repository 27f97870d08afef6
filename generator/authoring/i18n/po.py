"""gettext PO export and import of one language's translations (polib).

msgctxt is the string's stable key (``<source file>:<field path>``), msgid the source text, msgstr the
translation; a translator comment says on which page and in which field the string appears; stale translations
are marked fuzzy. Import writes changed translations into ``<name>.<lang>.yaml`` through :mod:`.yamledit`, so
comments, key order and untouched files stay byte-identical, and updates the language's lock file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from generator.authoring.i18n.lock import fingerprint, read_lock, write_lock
from generator.authoring.i18n.strings import MISSING, STALE, Entry, entries
from generator.authoring.i18n.yamledit import EditError, field_steps, set_string
from generator.catalog.model import Project
from generator.catalog.schema import translation_schema, validate
from generator.catalog.yamlio import YamlFileError, parse_yaml, read_yaml
from generator.errors import CutoverError, Problem, relative

#: Source file (relative, without extension) -> the page it appears on.
_PAGES = [(re.compile(r"^catalog/features/(.+)\.yaml$"), r"guides/\1.md"),
          (re.compile(r"^catalog/roles/(.+)\.yaml$"), r"roles/\1.md"), (re.compile(r"^catalog/scenarios/(.+)\.yaml$"), r"scenarios/\1.md"), (re.compile(r"^quizzes/(.+)\.yaml$"), r"quizzes/\1.md"),
          (re.compile(r"^catalog/faqs/.+\.yaml$"), "faq.md"), (re.compile(r"^catalog/phases\.yaml$"), "timeline.md"),
          (re.compile(r"^catalog/glossary\.yaml$"), "glossary.md"), (re.compile(r"^catalog/survey\.yaml$"), "survey.md"), (re.compile(r"^catalog/site\.yaml$"), "index.md")]


#: A kit's file as the loader names it: ``kit:<name>/`` before the path inside the kit.
_KIT_PREFIX = re.compile(r"^kit:.*?/(?=(?:catalog|quizzes)/)")


def page_of(file: str) -> str | None:
    """The generated page a source file's strings appear on (None when unknown)."""
    file = _KIT_PREFIX.sub("", file)
    for pattern, page in _PAGES:
        if pattern.match(file):
            return pattern.sub(page, file)
    return None


def export_po(project: Project, root: Path, lang: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": "cutover", "Language": lang, "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                   "X-Source-Language": project.site.default_language}
    for entry in entries(project, root, lang):
        po.append(polib.POEntry(
            msgctxt=entry.key, msgid=entry.source, msgstr=entry.translation or "",
            tcomment=f"Page {page_of(entry.file) or entry.file}, field {entry.field}",
            occurrences=[(entry.file, str(entry.line))], flags=["fuzzy"] if entry.state == STALE else []))
    return po


@dataclass
class ImportResult:
    language: str
    changed: dict[str, int] = field(default_factory=dict)  #: translation file -> strings written
    lock_updated: bool = False


def import_po(project: Project, root: Path, po_file: Path, lang: str | None = None) -> ImportResult:
    """Write the PO file's translations back; raise :class:`CutoverError` (nothing written) on any problem."""
    display = relative(po_file, root) if po_file.is_absolute() else po_file.as_posix()
    po = _read_po(po_file, display)
    site = project.site
    header = po.metadata.get("Language", "").strip().replace("_", "-")
    target = lang or header
    if not target:
        raise CutoverError([Problem(display, 1, 1, "the PO file does not say its language (no 'Language' header)",
                                    "pass --lang, or export the file again with 'cutover i18n export'")])
    if lang and header and header != lang:
        raise CutoverError([Problem(display, 1, 1, f"the PO file is for '{header}', not '{lang}'",
                                    f"import it with --lang {header}, or choose the {lang} file")])
    if target not in site.languages[1:]:
        hint = (f"'{target}' is the default language: its text lives in the definitions" if target == site.default_language
                else f"add it to languages in catalog/site.yaml ({', '.join(site.languages)})")
        raise CutoverError([Problem(display, 1, 1, f"'{target}' is not a language to translate into", hint)])

    known = {e.key: e for e in entries(project, root, target)}
    lock = dict(read_lock(root, target))
    problems: list[Problem] = []
    edits: dict[str, list[tuple[polib.POEntry, Entry]]] = {}
    for po_entry in po:
        if po_entry.obsolete:
            continue
        entry = known.get(po_entry.msgctxt or "")
        if entry is None:
            from generator.errors import did_you_mean
            problems.append(Problem(display, po_entry.linenum, 1, f"unknown string '{po_entry.msgctxt or po_entry.msgid[:40]}'",
                                    did_you_mean(po_entry.msgctxt or "", known) or
                                    "export the file again: the definitions changed since it was made"))
            continue
        if not po_entry.msgstr:
            continue
        edits.setdefault(entry.file, []).append((po_entry, entry))
    if problems:
        raise CutoverError(problems)

    result = ImportResult(target)
    new_texts: dict[Path, bytes] = {}
    kit_dir = _kit_folder(project, root)
    for file, file_edits in sorted(edits.items()):
        inside_kit = _KIT_PREFIX.sub("", file)
        source_path = kit_dir / inside_kit if inside_kit != file and kit_dir else root / file
        tpath = root / file_edits[0][1].target  # a kit file's translation goes into the organisation's repository
        source_doc = read_yaml(source_path, file)
        original = tpath.read_text("utf-8-sig") if tpath.is_file() else ""  # a byte-order mark is dropped on write
        text, count = original, 0
        for po_entry, entry in file_edits:
            value = po_entry.msgstr
            fuzzy = "fuzzy" in po_entry.flags
            if value != entry.translation:
                try:
                    text = set_string(text, field_steps(entry.field, source_doc.data), value,
                                      header=_header(tpath, _kind(file), source_doc.data, root, bool(project.site.kit)))
                except EditError as exc:
                    problems.append(Problem(display, po_entry.linenum, 1, f"cannot write {entry.key}: {exc}"))
                    continue
                count += 1
            if fuzzy:
                if value != entry.translation:  # changed but not confirmed: still stale
                    old = lock.get(entry.key, ("-", ""))[0]
                    lock[entry.key] = (old if old != fingerprint(entry.source) else "-", fingerprint(value))
            elif value != entry.translation or entry.state in (STALE, MISSING):
                lock[entry.key] = (fingerprint(po_entry.msgid), fingerprint(value))
        if text != original:
            tdisplay = relative(tpath, root)
            try:
                doc = parse_yaml(text, tpath, tdisplay)
            except YamlFileError as exc:  # pragma: no cover - every edit is read back already
                problems.append(exc.problem)
                continue
            kind = _kind(file)
            found = [p for p in validate(doc, translation_schema(kind)) if p.severity.value == "error"]
            for p in found:
                problems.append(Problem(display, 1, 1, f"the translation would make {tdisplay} invalid: {p.message}",
                                        p.hint or "correct the string in the PO file"))
            new_texts[tpath] = text.encode("utf-8")
            result.changed[tdisplay] = count
    if problems:
        raise CutoverError(problems)
    for path, data in new_texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)  # an organisation's first translation in a kit's folder
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    result.lock_updated = write_lock(root, target, lock) if lock != read_lock(root, target) else False
    return result


def _read_po(path: Path, display: str) -> polib.POFile:
    if not path.is_file():
        raise CutoverError([Problem(display, 0, 0, "file not found", "pass the path of a .po file")])
    try:
        return polib.pofile(str(path), encoding="utf-8", check_for_duplicates=True, wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        match = re.search(r"\(line (\d+)\)", str(exc))
        what = "syntax error" if match else str(exc).replace(str(path), display)
        raise CutoverError([Problem(display, int(match.group(1)) if match else 1, 1, f"not a valid PO file: {what}",
                                    "fix the syntax in a PO editor, or export the file again")]) from None


def _kit_folder(project: Project, root: Path) -> Path | None:
    if not project.site.kit:
        return None
    from generator.org.kit import KitNotFound, kit_root

    try:
        return kit_root(project.site.kit, root)
    except KitNotFound:  # pragma: no cover - the project loaded, so its kit exists
        return None


def _kind(file: str) -> str:
    file = _KIT_PREFIX.sub("", file)
    if file.startswith("quizzes/"):
        return "quiz"
    parts = file.split("/")
    if len(parts) == 3:
        return {"roles": "role", "features": "feature", "faqs": "faqs", "scenarios": "scenario"}[parts[1]]
    return parts[-1].removesuffix(".yaml")


def _header(tpath: Path, kind: str, data: object, root: Path, organisation: bool) -> str:
    """The first lines of a new translation file: its schema for editors, and the id it translates.

    The kit names the schema beside it; an organisation's repository has no generator folder, so it names the
    schema's address (as its site.yaml does)."""
    name = f"{kind}.translation.schema.json"
    depth = len(tpath.relative_to(root).parts) - 1
    schema = f"https://cutover.example/schemas/{name}" if organisation else "../" * depth + f"generator/schemas/{name}"
    lines = [f"# yaml-language-server: $schema={schema}"]
    if isinstance(data, dict) and "id" in data:
        lines.append(f"id: {data['id']}")
    return "\n".join(lines) + "\n"
