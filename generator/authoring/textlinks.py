"""Links written in definitions' text fields, checked where the strict build checks them and located in the YAML.

A step, tip or answer may link to a page (``[Hold](../guides/hold.md#tips)``). Its text appears on several
generated pages — the guide, every role manual that includes the feature, in every language (the default
language's text where a translation is missing) — and the link is relative to each of them: MkDocs warns, and the
strict build fails, for every page where it leads nowhere, naming the generated page. Here every generated page's
links are checked the same way, against the staging plan, and each broken one is reported once at the definition
line of the text that holds it, with the pages it breaks.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from generator.authoring.pagelinks import anchor_index, check_target, links_in
from generator.catalog.model import Origin, Project
from generator.catalog.variables import substitute
from generator.errors import Problem

#: How many pages a problem names before "and N more".
_PAGES_NAMED = 3


def check_text_links(project: Project, files: dict[str, bytes], generated: dict[str, str],
                     unjudged: Callable[[str, str], bool] = lambda page, anchor: False) -> list[Problem]:
    """Problems for links in generated pages (``generated``: staged path -> its definition file) that lead
    nowhere in the staging plan ``files``. ``unjudged(page, anchor)``: a target whose page is unknown for now."""
    page_anchors = anchor_index(files)
    broken: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)  # (lang, target, message, hint) -> pages
    for rel in sorted(generated):
        if not rel.endswith(".md") or rel not in files:
            continue
        lang = rel.split("/", 1)[0]
        for _, _, target in links_in(files[rel].decode("utf-8", "replace")):
            found = check_target(rel, target, files, page_anchors, unjudged)
            if found and rel not in broken[(lang, target, *found)]:
                broken[(lang, target, *found)].append(rel)
    if not broken:
        return []
    where = _link_origins(project)
    located: dict[tuple[str, int, int, str, str], list[str]] = defaultdict(list)  # (file, line, col, message, hint) -> pages
    for (lang, target, message, hint), pages in broken.items():
        origins = where.get((lang, target))
        if not origins:  # not from a text field (a link the generator wrote): name the definition of the page
            located[(generated[pages[0]] or pages[0], 1, 1, message, hint)] += pages
            continue
        if not target.startswith(("../", "#")) and "there is no page" in message:
            hint += "; a text's link is relative to every page that shows it: '../guides/<id>.md' works from guides and role manuals alike"
        for origin, offset_lines in origins:
            located[(origin.path, (origin.text_line or origin.line) + offset_lines, origin.col, message, hint)] += pages
    problems = []
    for (path, line, col, message, hint), pages in sorted(located.items()):
        shown = ", ".join(pages[:_PAGES_NAMED]) + (f" and {len(pages) - _PAGES_NAMED} more" if len(pages) > _PAGES_NAMED else "")
        problems.append(Problem(path, line, col, f"{message} (on {shown})", hint, code="broken-link"))
    return problems


def _link_origins(project: Project) -> dict[tuple[str, str], set[tuple[Origin, int]]]:
    """(language, link target) -> where the texts shown in that language write it (origin, lines into the text)."""
    site = project.site
    default = site.default_language
    found: dict[tuple[str, str], set[tuple[Origin, int]]] = defaultdict(set)
    for text in project.texts():
        for lang in site.languages:
            shown_lang = lang if lang in text.values and lang in text.origins else default
            value, origin = text.values.get(shown_lang), text.origins.get(shown_lang)
            if not value or origin is None or "](" not in value and "]:" not in value:
                continue
            for version in {value, substitute(value, site.variables, lang, default, markdown=True)}:
                for line, _, target in links_in(version):
                    found[(lang, target)].add((origin, line - 1))
    return found
