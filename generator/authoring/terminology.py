"""The term lists as a check: each language's preferred terms, and warnings where a forbidden variant is written.

``catalog/terminology/<lang>.yaml`` holds a language's term list (preferred term, forbidden variants, notes); an
organisation's own list in its repository is layered over its kit's, entry by entry (the same ``term`` replaces the
kit's entry). ``cutover check`` reads every text of that language — definitions and translations, site variables
and their forms, hand-written pages, the interface strings — and warns at file:line:col where a forbidden variant
stands, with the preferred term as the hint (Vale's substitution rules and Weblate's glossary checks are the model;
no second tool to install). ``--strict`` makes the warnings errors.

How a variant matches: whole words, ignoring case (unless the entry is ``case_sensitive``); spaces match any white
space, line breaks included. ``*`` at a variant's end allows endings — inflections and the tail of a compound
(``Warteschleife*``: Warteschleifen, Warteschleifenmusik) —, ``*`` at its start a compound's head
(``*warteschleife``: Telefonwarteschleife). Without a star a variant never matches inside a longer word, so
German compounds are opted into per variant; a hyphen always separates words (``Telefon-Warteschleife`` contains
``Warteschleife``). ``exceptions`` name phrases in which a variant is right (a definition that names the old word).

Each list also renders as a readable page, ``catalog/terminology/<lang>.md`` (``python -m
generator.authoring.terminology`` rewrites them; a test keeps them current).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import yaml

from generator.authoring.prose import line_starts, masked, position, scalar_spans
from generator.catalog.model import Project
from generator.catalog.schema import source_schema, validate
from generator.catalog.yamlio import Document, YamlFileError, read_bytes, read_yaml
from generator.errors import Problem, Severity, relative

#: Problem code of a forbidden variant, and of a time written in another format than the list's.
TERM_CODE = "terminology"
TIME_CODE = "time-format"
_TIME = re.compile(r"(?<![\d.,:])(\d{1,2})([:.])([0-5]\d)(?!\d|[.,]\d)")
PACKAGE_LOCALES = Path(__file__).resolve().parent.parent / "locales"
REPO_ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class Entry:
    term: str
    forbidden: list[str] = field(default_factory=list)
    english: str = ""
    note: str = ""
    exceptions: list[str] = field(default_factory=list)
    case_sensitive: bool = False
    where: str = ""  #: file:line of the entry, for the hint

    @property
    def preferred(self) -> str:
        """The term as plain text (the list writes UI labels in bold)."""
        return self.term.replace("**", "")

    @functools.cached_property
    def patterns(self) -> list[tuple[str, re.Pattern]]:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return [(variant, re.compile(variant_regex(variant), flags)) for variant in self.forbidden]

    @functools.cached_property
    def exception_patterns(self) -> list[re.Pattern]:
        return [re.compile(r"\s+".join(map(re.escape, phrase.split())), re.IGNORECASE) for phrase in self.exceptions]


@dataclass
class Section:
    title: str
    intro: str = ""
    entries: list[Entry] = field(default_factory=list)


@dataclass
class TermList:
    lang: str
    title: str = ""
    intro: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    time_format: str = ""  #: "HH:MM", "H:MM", "HH.MM" or "H.MM"; "" for no rule
    sections: list[Section] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  #: the files layered into it, kit first

    def entries(self) -> list[Entry]:
        """Every entry that checks something, an organisation's replacing the kit's with the same term."""
        found: dict[str, Entry] = {}
        for section in self.sections:
            for entry in section.entries:
                found.pop(entry.term, None)  # a later list's entry replaces the earlier, and takes its place
                found[entry.term] = entry
        return list(found.values())


def variant_regex(variant: str) -> str:
    """A forbidden variant as a regular expression: whole words, ``*`` for endings or a compound's head."""
    words = []
    for word in variant.split():
        head, tail = word.startswith("*"), word.endswith("*") and len(word) > 1
        core = re.escape(word.strip("*"))
        words.append((r"\w*" if head else "") + core + (r"\w*" if tail else ""))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


# --- reading the lists -----------------------------------------------------------------------------------------

def list_files(root: Path, kit_root: Path | None, lang: str) -> list[Path]:
    """The term list files for ``lang``: the kit's first, then the project's own."""
    folders = ([kit_root] if kit_root else []) + [root]
    return [f / "catalog" / "terminology" / f"{lang}.yaml" for f in folders if (f / "catalog" / "terminology" / f"{lang}.yaml").is_file()]


def read_list(path: Path, display: str, problems: list[Problem]) -> TermList | None:
    try:
        doc = read_yaml(path, display, read_bytes(path))
    except YamlFileError as exc:
        problems.append(exc.problem)
        return None
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "a term list is a mapping with sections or terms", "see catalog/terminology/de.yaml"))
        return None
    found = validate(doc, source_schema("terminology"))
    problems.extend(found)
    if found:
        return None
    data = doc.data
    result = TermList(lang=path.stem, title=data.get("title", ""), intro=data.get("intro", ""), labels=data.get("labels", {}),
                      time_format=data.get("time_format", ""), sources=[display])
    if data.get("terms"):
        result.sections.append(Section("", "", _entries(doc, ("terms",), data["terms"], problems)))
    for i, section in enumerate(data.get("sections", [])):
        result.sections.append(Section(section["title"], section.get("intro", ""),
                                       _entries(doc, ("sections", i, "terms"), section.get("terms", []), problems)))
    return result


def _entries(doc: Document, at: tuple, items: list[dict], problems: list[Problem]) -> list[Entry]:
    entries = []
    for i, item in enumerate(items):
        line, _ = doc.where(at + (i,))
        entry = Entry(term=item["term"], forbidden=list(item.get("forbidden", [])), english=item.get("english", ""),
                      note=item.get("note", ""), exceptions=list(item.get("exceptions", [])),
                      case_sensitive=bool(item.get("case_sensitive")), where=f"{doc.display}:{line}")
        for j, (variant, pattern) in enumerate(entry.patterns):
            if pattern.search(entry.preferred) and not any(e.search(entry.preferred) for e in entry.exception_patterns):
                problems.append(doc.problem(at + (i, "forbidden", j), f"the forbidden variant '{variant}' matches the preferred "
                                            f"term '{entry.preferred}' itself", "make the variant more precise or add an exception"))
        entries.append(entry)
    return entries


def load_lists(root: Path, kit_root: Path | None, kit_name: str | None, languages: list[str],
               problems: list[Problem]) -> dict[str, TermList]:
    """Each language's list, the project's own layered over its kit's."""
    lists = {}
    for lang in languages:
        merged: TermList | None = None
        for path in list_files(root, kit_root, lang):
            from_kit = kit_root is not None and path.is_relative_to(kit_root)
            display = f"kit:{kit_name}/{path.relative_to(kit_root).as_posix()}" if from_kit else relative(path, root)
            found = read_list(path, display, problems)
            if found is None:
                continue
            if merged is None:
                merged = found
            else:
                merged.sections += found.sections
                merged.sources += found.sources
                merged.time_format = found.time_format or merged.time_format
        if merged:
            lists[lang] = merged
    return lists


# --- what is checked: every text of a language, located in its file ---------------------------------------------

@dataclass
class Source:
    """One file to check in one language, and which of its regions are prose."""

    path: Path
    display: str
    lang: str
    kind: str  #: "yaml" (only ``anchors`` or ``paths`` count) or "markdown" (the whole page)
    anchors: set[tuple[int, int]] = field(default_factory=set)
    everything: bool = False  #: every string scalar of the YAML (interface strings)
    under: tuple = ()  #: only scalars below this path (site variables)


def sources(project: Project, root: Path, kit_root: Path | None) -> list[Source]:
    """Every file that holds text of the project's languages, with where its texts are."""
    site = project.site
    found: dict[tuple[str, str], Source] = {}

    kit_prefix = f"kit:{site.kit}/"

    def resolve(display: str) -> Path | None:
        if display.startswith(kit_prefix) and kit_root:
            return kit_root / display[len(kit_prefix):]
        path = root / display
        return path if path.is_file() else None

    for text in project.texts():
        for lang, origin in text.origins.items():
            path = resolve(origin.path)
            if path is None:
                continue
            source = found.setdefault((origin.path, lang), Source(path, origin.path, lang, "yaml"))
            source.anchors.add((origin.line, origin.col))
    # Site variables (plain values and their forms) are no Texts of the model: their file says their language.
    for folder, prefix in ((root, ""), (kit_root, kit_prefix)):
        if folder is None:
            continue
        for lang in site.languages:
            path = folder / "catalog" / ("site.yaml" if lang == site.default_language else f"site.{lang}.yaml")
            if path.is_file():
                display = prefix + path.relative_to(folder).as_posix() if prefix else relative(path, root)
                found[(display + "#variables", lang)] = Source(path, display, lang, "yaml", under=("variables",))
    docs = root / "docs"
    if docs.is_dir():
        for page in sorted(docs.rglob("*.md")):
            rel = page.relative_to(docs).as_posix()
            lang = rel.split("/", 1)[0] if "/" in rel and rel.split("/", 1)[0] in site.languages else site.default_language
            found[(relative(page, root), lang)] = Source(page, relative(page, root), lang, "markdown")
    for lang in site.languages:
        strings = PACKAGE_LOCALES / f"{lang}.yaml"
        if strings.is_file():
            display = relative(strings, root) if strings.is_relative_to(root.resolve()) else f"generator/locales/{lang}.yaml"
            found[(display, lang)] = Source(strings, display, lang, "yaml", everything=True)
    return list(found.values())


def _regions(source: Source, text: str) -> Iterator[tuple[int, int]]:
    if source.kind == "markdown":
        yield 0, len(text)
        return
    for anchor, path, start, end in scalar_spans(text):
        if (source.everything or (source.under and path[: len(source.under)] == source.under and len(path) > 1)
                or (not source.under and anchor in source.anchors and path[-1:] != ("id",))):
            yield start, end


def findings(text: str, regions: list[tuple[int, int]], entries: list[Entry]) -> Iterator[tuple[int, str, Entry]]:
    """(offset, the words found, entry) for each forbidden variant in the prose of ``regions`` of ``text``."""
    prose = masked(text)
    regions = sorted(regions)
    starts = [start for start, _ in regions]

    def inside(begin: int, end: int) -> bool:
        i = bisect.bisect_right(starts, begin) - 1
        return i >= 0 and regions[i][0] <= begin and end <= regions[i][1]

    for entry in entries:
        excepted = [(e.start(), e.end()) for x in entry.exception_patterns for e in x.finditer(prose)]
        for _, pattern in entry.patterns:
            for match in pattern.finditer(prose):
                if not inside(match.start(), match.end()):
                    continue
                if any(begin <= match.start() and match.end() <= end for begin, end in excepted):
                    continue
                yield match.start(), match.group(0), entry


def time_findings(text: str, regions: list[tuple[int, int]], time_format: str) -> Iterator[tuple[int, str, str]]:
    """(offset, the time as written, as the list wants it) for each clock time written in another format."""
    if not time_format:
        return
    separator, padded = time_format[-3], time_format.startswith("HH")
    prose = masked(text)
    for start, end in regions:
        for match in _TIME.finditer(prose, start, end):
            hour, minutes = int(match.group(1)), match.group(3)
            if hour > 24:
                continue
            wanted = f"{hour:02d}" if padded else str(hour)
            wanted += separator + minutes
            if match.group(0) != wanted:
                yield match.start(), match.group(0), wanted


def check_terminology(project: Project, root: Path) -> list[Problem]:
    """Warnings for every forbidden variant in every language that has a term list; problems of the lists."""
    from generator.org.kit import kit_root as find_kit

    problems: list[Problem] = []
    kit_root = find_kit(project.site.kit, root) if project.site.kit else None
    lists = load_lists(root, kit_root, project.site.kit, project.site.languages, problems)
    if not lists:
        return problems
    for source in sources(project, root, kit_root):
        term_list = lists.get(source.lang)
        if term_list is None:
            continue
        entries = [e for e in term_list.entries() if e.forbidden]
        try:
            text = source.path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # unreadable files are reported by loading and staging
        starts = line_starts(text)
        try:
            regions = list(_regions(source, text))
        except yaml.YAMLError:
            continue
        for offset, found, wanted in time_findings(text, regions, term_list.time_format):
            line, col = position(starts, offset)
            problems.append(Problem(source.display, line, col, f"'{found}': write '{wanted}'",
                                    f"times are written {term_list.time_format} ({term_list.sources[0]})", Severity.WARNING, TIME_CODE))
        for offset, found, entry in findings(text, regions, entries):
            line, col = position(starts, offset)
            hint = f"term list {entry.where}" + (f": {_plain(entry.note)}" if entry.note else "")
            problems.append(Problem(source.display, line, col, f"'{' '.join(found.split())}': use '{entry.preferred}'", hint,
                                    Severity.WARNING, TERM_CODE))
    return problems


def _plain(markdown: str) -> str:
    return " ".join(markdown.replace("**", "").split())


# --- the readable page -------------------------------------------------------------------------------------------

_DEFAULT_LABELS = {"english": "English", "term": "Term", "note": "Note", "forbidden": "Not", "time": "Clock times"}
_TIME_EXAMPLES = {"HH:MM": "08:30, 22:00", "H:MM": "8:30, 22:00", "HH.MM": "08.30, 22.00", "H.MM": "8.30, 22.00"}


def render_markdown(term_list: TermList) -> str:
    """The list as the Markdown page writers read (``catalog/terminology/<lang>.md``)."""
    labels = {**_DEFAULT_LABELS, **term_list.labels}
    out = ["<!-- Generated from " + term_list.lang + ".yaml by `python -m generator.authoring.terminology`: edit the YAML. -->", ""]
    if term_list.title:
        out += [f"# {term_list.title}", ""]
    if term_list.intro:
        out += [term_list.intro.rstrip(), ""]
    if term_list.time_format:
        out += [f"**{labels['time']}:** {_TIME_EXAMPLES[term_list.time_format]} (`{term_list.time_format}`)", ""]
    for section in term_list.sections:
        if section.title:
            out += [f"## {section.title}", ""]
        if section.intro:
            out += [section.intro.rstrip(), ""]
        if section.entries:
            out += _table(section.entries, labels) + [""]
    return "\n".join(out).rstrip() + "\n"


def _table(entries: list[Entry], labels: dict[str, str]) -> list[str]:
    columns = [("english", lambda e: e.english)] if any(e.english for e in entries) else []
    columns.append(("term", lambda e: e.term))
    if any(e.forbidden for e in entries):
        columns.append(("forbidden", lambda e: ", ".join(f"~~{v}~~" for v in e.forbidden)))
    if any(e.note for e in entries):
        columns.append(("note", lambda e: e.note))
    cell = lambda value: " ".join(value.split()).replace("|", "\\|")
    rows = ["| " + " | ".join(labels[name] for name, _ in columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    rows += ["| " + " | ".join(cell(get(e)) for _, get in columns) + " |" for e in entries]
    return rows


def write_pages(root: Path = REPO_ROOT) -> list[str]:
    """Rewrite ``catalog/terminology/<lang>.md`` from each ``<lang>.yaml``."""
    written = []
    for path in sorted((root / "catalog" / "terminology").glob("*.yaml")):
        problems: list[Problem] = []
        term_list = read_list(path, relative(path, root), problems)
        if term_list is None:
            raise SystemExit("\n".join(p.format() for p in problems))
        path.with_suffix(".md").write_text(render_markdown(term_list), "utf-8")
        written.append(path.with_suffix(".md").name)
    return written


if __name__ == "__main__":  # python -m generator.authoring.terminology
    print("\n".join(write_pages()))
