"""The broken-input corpus: every writer's mistake gets a located error, exit 1, no traceback, nothing written.

Each case edits a fresh copy of the fixture project in one small way and names the first line a writer must
see: ``file:line:col: error: …``. ``cutover check`` runs in-process for every case (fast); a sample also runs
``cutover build`` as a real process, which must leave no site and no scratch folder behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from generator.catalog.yamlio import MAX_FILE_BYTES
from generator.cli import main

from support import FIXTURE, tree_snapshot

Change = Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Change:
    def change(root: Path) -> None:
        path = root / file
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return change


def write(file: str, content: str | bytes) -> Change:
    def change(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return change


def append(file: str, text: str) -> Change:
    def change(root: Path) -> None:
        with (root / file).open("a", encoding="utf-8") as f:
            f.write(text)
    return change


def delete(file: str) -> Change:
    return lambda root: (root / file).unlink()


def rename(file: str, new: str) -> Change:
    return lambda root: (root / file).rename(root / new)


def rename_id(folder: str, old: str, new: str, *references: tuple[str, str, str]) -> Change:
    """A definition (and its translations) under another id; ``references`` are (file, old, new) edits elsewhere."""
    def change(root: Path) -> None:
        for path in sorted((root / folder).glob(f"{old}.*yaml")):
            text = path.read_text("utf-8").replace(f"id: {old}\n", f"id: {new}\n", 1)
            path.unlink()
            (root / folder / path.name.replace(old, new, 1)).write_text(text, "utf-8")
        for file, before, after in references:
            replace(file, before, after)(root)
    return change


def both(*changes: Change) -> Change:
    def change(root: Path) -> None:
        for c in changes:
            c(root)
    return change


@dataclass(frozen=True)
class Case:
    name: str
    change: Change
    where: str  #: "path:line:col" of the first error a writer must see
    says: str  #: part of its message (or hint)
    build: bool = False  #: also run `cutover build` as a real process
    located: bool = True  #: False only where there is no line to name (a file that does not exist)


FEATURE = "catalog/features/hold.yaml"
DIAL = "catalog/features/dial.yaml"
ROLE = "catalog/roles/agent.yaml"
MANAGER = "catalog/roles/manager.yaml"
QUIZ = "quizzes/basics.yaml"
FAQS = "catalog/faqs/general.yaml"
SITE = "catalog/site.yaml"
PHASES = "catalog/phases.yaml"
GLOSSARY = "catalog/glossary.yaml"
HOLD_DE = "catalog/features/hold.de.yaml"
QUIZ_DE = "quizzes/basics.de.yaml"

BOMB = "a: &a [x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
BIG = b"id: hold\ntitle: " + b"x" * (MAX_FILE_BYTES + 1) + b"\n"
DEEP = "id: hold\ntitle: " + "[" * 5000 + "]" * 5000 + "\n"

CASES = [
    # --- YAML syntax and encoding (yamlio) ---
    Case("unclosed-bracket", replace(FEATURE, "summary: Pause a call.", "summary: [Pause a call."), FEATURE + ":4:9", "invalid YAML", build=True),
    Case("unclosed-quote", replace(FEATURE, "summary: Pause a call.", 'summary: "Pause a call.'), FEATURE + ":12:1", "invalid YAML"),
    Case("colon-in-plain-value", replace(FEATURE, "summary: Pause a call.", "summary: Pause: a call: now"), FEATURE + ":3:15", "invalid YAML"),
    Case("bad-indentation", replace(FEATURE, "  - text: Press **Hold**.", "  - text: Press **Hold**.\n   oops: x"), FEATURE + ":8:4", "invalid YAML"),
    Case("tab-indentation", replace(FEATURE, "  - text: Press **Hold**.", "\t- text: Press **Hold**."), FEATURE + ":7:1", "tab", build=True),
    Case("tab-in-translation", replace(HOLD_DE, "- text: Drücken", "-\ttext: Drücken"), HOLD_DE + ":5:2", "tab character"),
    Case("duplicate-key", replace(FEATURE, "summary: Pause a call.", "summary: Pause a call.\ntitle: Hold it"), FEATURE + ":4:1", "duplicate key 'title'", build=True),
    Case("duplicate-nested-key", replace(DIAL, "    result: It rings.", "    result: It rings.\n    mobile: Again."), DIAL + ":10:5", "duplicate key 'mobile'"),
    Case("duplicate-key-in-translation", replace(HOLD_DE, "title: Anruf halten", "title: Anruf halten\ntitle: Halten"), HOLD_DE + ":3:1", "duplicate key 'title'"),
    Case("duplicate-key-in-site", append(SITE, "languages: [en]\n"), SITE + ":11:1", "duplicate key 'languages'"),
    Case("alias", replace(FEATURE, "summary: Pause a call.", "summary: &s Pause a call.\nresult: *s"), FEATURE + ":4:9", "aliases"),
    Case("alias-bomb", write(FEATURE, BOMB), FEATURE + ":2:8", "aliases", build=True),
    Case("merge-key", replace(DIAL, "  - text: Speak.", "  - <<: {text: Speak.}"), DIAL + ":10:5", "merge keys"),
    Case("non-utf8", write(FEATURE, "id: hold\ntitle: Caf\xe9\n".encode("latin-1")), FEATURE + ":2:11", "not valid UTF-8", build=True),
    Case("utf16", write(FEATURE, "id: hold\n".encode("utf-16")), FEATURE + ":1:1", "UTF-8"),
    Case("huge-file", write(FEATURE, BIG), FEATURE + ":1:1", "allowed"),
    Case("deeply-nested", write(FEATURE, DEEP), FEATURE + ":2:57", "nested"),
    Case("control-character", replace(FEATURE, "summary: Pause a call.", "summary: Pause\x07 a call."), FEATURE + ":3:15", "U+0007"),
    Case("two-documents", append(FEATURE, "---\nid: other\n"), FEATURE + ":12:1", "expected a single document"),
    Case("list-instead-of-mapping", write(FEATURE, "- id: hold\n- title: Hold\n"), FEATURE + ":1:1", "must be a mapping"),
    Case("plain-text-file", write(FEATURE, "Hold a call\n"), FEATURE + ":1:1", "must be a mapping"),
    Case("empty-file", write(MANAGER, ""), MANAGER + ":1:1", "the file is empty"),
    Case("python-tag", replace(FEATURE, "summary: Pause a call.", "summary: !!python/object:os.system echo"), FEATURE + ":3:10", "tag"),
    Case("unknown-tag", replace(FEATURE, "summary: Pause a call.", "summary: !shout Pause a call."), FEATURE + ":3:10", "tag"),
    Case("binary-tag", replace(FEATURE, "summary: Pause a call.", "summary: !!binary aGVsbG8="), FEATURE + ":3:10", "'!!binary' are not supported"),
    Case("date-that-does-not-exist", replace(SITE, "cutover_date: 2027-03-10", "cutover_date: 2027-02-30"), SITE + ":9:17", "'2027-02-30' is not a valid date"),
    Case("number-with-tag-that-is-none", replace(DIAL, "minutes: 3", "minutes: !!int three"), DIAL + ":5:10", "'three' is not a valid whole number"),
    Case("nul-byte", replace(FEATURE, "summary: Pause a call.", "summary: Pause\x00 a call."), FEATURE + ":3:15", "U+0000"),
    Case("complex-key", replace(FEATURE, "summary: Pause a call.", "summary: Pause a call.\n? [a, b]\n: c"), FEATURE + ":4:3", "key"),
    # --- the format (schema) ---
    Case("unknown-key", replace(FEATURE, "summary: Pause a call.", "sumary: Pause a call."), FEATURE + ":3:1", "did you mean 'summary'", build=True),
    Case("unknown-nested-key", replace(DIAL, "    mobile: Tap **Call**.", "    mobil: Tap **Call**."), DIAL + ":8:5", "did you mean 'mobile'"),
    Case("unknown-site-key", replace(SITE, "languages:", "langauges:"), SITE + ":1:1", "did you mean 'languages'"),
    Case("unknown-quiz-key", replace(QUIZ, "pass_mark: 60", "passmark: 60"), QUIZ + ":5:1", "did you mean 'pass_mark'"),
    Case("title-is-a-list", replace(FEATURE, "title: Hold a call", "title: [Hold, a call]"), FEATURE + ":2:1", "title must be text, not a list"),
    Case("minutes-is-text", replace(DIAL, "minutes: 3", "minutes: three"), DIAL + ":5:1", "minutes must be a whole number"),
    Case("features-is-text", replace(MANAGER, "features: [dial]", "features: dial"), MANAGER + ":4:1", "features must be a list"),
    Case("correct-is-text", replace(QUIZ, "        correct: true\n        feedback: Yes.", '        correct: "yes"\n        feedback: Yes.'), QUIZ + ":13:9", "must be true or false"),
    Case("date-as-title", replace(FEATURE, "title: Hold a call", "title: 2027-03-10"), FEATURE + ":2:1", "title must be text, not a date"),
    Case("date-in-translation", replace(HOLD_DE, "title: Anruf halten", "title: 2027-03-10"), HOLD_DE + ":2:1", "title must be text, not a date"),
    Case("date-as-id-reference", replace(FEATURE, "category: calls", "category: 2027-03-10"), FEATURE + ":4:1", "category must be text, not a date"),
    Case("number-as-title", replace(FEATURE, "title: Hold a call", "title: 42"), FEATURE + ":2:1", "title must be text, not a number"),
    Case("answer-is-text", replace(QUIZ, "    answer: false", '    answer: "no"'), QUIZ + ":37:5", "answer must be true or false"),
    Case("empty-title", replace(FEATURE, "title: Hold a call", 'title: ""'), FEATURE + ":2:1", "title must not be empty"),
    Case("null-title", replace(FEATURE, "title: Hold a call", "title:"), FEATURE + ":2:1", "title must be text, not empty"),
    Case("missing-summary", replace(FEATURE, "summary: Pause a call.\n", ""), FEATURE + ":1:1", "missing the required key 'summary'"),
    Case("no-steps", replace(FEATURE, "steps:\n  - text: Press **Hold**.", "steps: []"), FEATURE + ":6:1", "steps must not be empty"),
    Case("empty-step", replace(FEATURE, "  - text: Press **Hold**.", "  - {}"), FEATURE + ":7:5", "must not be empty"),
    Case("invalid-id", replace(FEATURE, "id: hold", "id: Hold_It"), FEATURE + ":1:1", "not a valid id"),
    Case("id-with-dotdot", replace(FEATURE, "id: hold", "id: ../../etc"), FEATURE + ":1:1", "not a valid id", build=True),
    Case("id-with-slash", replace(FAQS, "- id: number", "- id: faq/number"), FAQS + ":4:5", "not a valid id"),
    Case("id-with-backslash", replace(QUIZ, "- id: dial-how", "- id: 'dial\\how'"), QUIZ + ":7:5", "not a valid id"),
    Case("category-with-dotdot", replace(FEATURE, "category: calls", "category: ../calls"), FEATURE + ":4:1", "not a valid id"),
    Case("unknown-platform", replace(DIAL, "minutes: 3", "minutes: 3\nplatforms: [desktop, mobil]"), DIAL + ":6:22", "did you mean 'mobile'"),
    Case("unknown-question-type", replace(QUIZ, "type: single", "type: singel"), QUIZ + ":8:5", "did you mean 'single'"),
    Case("options-on-true-false", replace(QUIZ, "    answer: false", "    answer: false\n    options: [{id: a, text: A}, {id: b, text: B}]"), QUIZ + ":34:5", "options does not belong"),
    Case("true-false-without-answer", replace(QUIZ, "    answer: false\n", ""), QUIZ + ":34:5", "missing the required key 'answer'"),
    Case("ordering-with-one-item", replace(QUIZ, "      - id: second\n        text: Second\n      - id: third\n        text: Third\n", ""), QUIZ + ":45:5", "items needs at least 2 entries, this one has 1"),
    Case("matching-with-one-pair", replace(QUIZ, "      - id: b\n        left: Left B\n        right: Right B\n", ""), QUIZ + ":57:5", "pairs needs at least 2 entries, this one has 1"),
    Case("matching-pairs-that-read-the-same", replace(QUIZ, "        left: Left B\n        right: Right B\n", "        left: left  a\n        right: Right A\n"), QUIZ + ":62:9", "pair 'b' reads the same as 'a' on the left"),
    Case("options-that-read-the-same", replace(QUIZ, "text: Dial 9 first", "text: Dial directly"), QUIZ + ":16:9", "option 'nine' reads the same as 'direct'"),
    Case("pass-mark-too-high", replace(QUIZ, "pass_mark: 60", "pass_mark: 150"), QUIZ + ":5:1", "150 is greater than the maximum"),
    Case("minutes-zero", replace(DIAL, "minutes: 3", "minutes: 0"), DIAL + ":5:1", "0 is less than the minimum"),
    Case("variable-is-a-list", replace(SITE, "  hours: weekdays", "  hours: [mon, tue]"), SITE + ":10:3", "must be text, a number"),
    Case("bad-variable-name", replace(SITE, "  hours: weekdays", "  Opening-Hours: weekdays"), SITE + ":10:3", "'Opening-Hours' is not a valid variable name"),
    Case("no-languages", replace(SITE, "languages: [en, de, es, sv]", "languages: []"), SITE + ":1:1", "languages must not be empty"),
    Case("malformed-language-code", replace(SITE, "languages: [en, de, es, sv]", "languages: [en, de, es, SV]"), SITE + ":1:25", "'SV' is not a valid language code"),
    Case("same-language-twice", replace(SITE, "languages: [en, de, es, sv]", "languages: [en, de, es, sv, de]"), SITE + ":1:1", "the same entry twice"),
    Case("unknown-language-code", replace(SITE, "languages: [en, de, es, sv]", "languages: [en, de, es, sv, xq]"), SITE + ":1:29", "unknown language code 'xq'"),
    # --- translations ---
    Case("structure-in-translation", replace(HOLD_DE, "title: Anruf halten", "title: Anruf halten\ncategory: calls"), HOLD_DE + ":3:1", "unknown key 'category'"),
    Case("misspelt-key-in-translation", replace(HOLD_DE, "summary:", "sumary:"), HOLD_DE + ":3:1", "did you mean 'summary'"),
    Case("empty-string-in-translation", replace(HOLD_DE, "title: Anruf halten", 'title: ""'), HOLD_DE + ":2:1", "title must not be empty"),
    Case("extra-steps-in-translation", replace(HOLD_DE, "- text: Drücken Sie **Halten**.", "- text: Drücken Sie **Halten**.\n- text: Noch einer."), HOLD_DE + ":6:3", "the source only 1"),
    Case("unknown-id-in-translation", replace(QUIZ_DE, "- id: mute", "- id: mutes"), QUIZ_DE + ":25:3", "'mutes' does not exist"),
    Case("translation-item-without-id", replace("catalog/glossary.de.yaml", "  - id: pbx\n    term: PBX", "  - term: PBX"), "catalog/glossary.de.yaml:2:5", "id"),
    Case("translation-id-differs", replace(HOLD_DE, "id: hold", "id: hold-it"), HOLD_DE + ":1:1", "differs from 'hold'"),
    Case("new-variable-in-translation", append("catalog/site.de.yaml", "  helpdesk: Hilfe\n"), "catalog/site.de.yaml:6:3", "'helpdesk' does not exist"),
    Case("translation-of-unknown-language", write("catalog/features/hold.fr.yaml", "title: Mettre en attente\n"), "catalog/features/hold.fr.yaml:1:1", "'fr' is not a configured language"),
    Case("translation-in-default-language", write("catalog/features/hold.en.yaml", "title: Hold\n"), "catalog/features/hold.en.yaml:1:1", "default language"),
    Case("translation-without-source", write("catalog/features/park.de.yaml", "title: Parken\n"), "catalog/features/park.de.yaml:1:1", "without a source file"),
    Case("translation-is-a-list", write(HOLD_DE, "- Anruf halten\n"), HOLD_DE + ":1:1", "must be a mapping"),
    # --- files and names ---
    Case("yml-extension", write("catalog/features/park.yml", "id: park\n"), "catalog/features/park.yml:1:1", "end in .yaml"),
    Case("file-name-differs-from-id", rename(MANAGER, "catalog/roles/boss.yaml"), "catalog/roles/boss.yaml:1:1", "does not match the file name"),
    Case("file-name-with-dots", write("catalog/features/call.park.yaml", "id: call-park\n"), "catalog/features/call.park.yaml:1:1", "not a definition file name"),
    Case("misspelt-catalog-file", write("catalog/glosary.yaml", "terms: []\n"), "catalog/glosary.yaml:1:1", "did you mean 'glossary'"),
    Case("catalog-translation-of-unknown-language", write("catalog/phases.fr.yaml", "phases: []\n"), "catalog/phases.fr.yaml:1:1", "'fr' is not a configured language"),
    Case("link-out-of-the-project", lambda root: ((root / FEATURE).unlink(), (root / FEATURE).symlink_to(FIXTURE / FEATURE)),
         FEATURE + ":1:1", "outside the project"),
    Case("page-linked-out-of-the-project", lambda root: ((root.parent / "private.md").write_text("secret"), (root / "docs/en/secret.md").symlink_to(root.parent / "private.md")),
         "docs/en/secret.md:1:1", "outside the project"),
    Case("missing-phases-file", both(delete(PHASES), *(delete(f"catalog/phases.{l}.yaml") for l in ("de", "es", "sv"))), PHASES + ": error: ", "not found", located=False),
    Case("hand-written-page-not-utf8", write("docs/en/about.md", "# About\n\nCaf\xe9\n".encode("latin-1")), "docs/en/about.md:3:4", "not valid UTF-8", build=True),
    Case("hand-written-page-collides", write("docs/en/faq.md", "# FAQ\n"), "docs/en/faq.md:1:1", "collides"),
    Case("hand-written-page-in-unknown-language", write("docs/fr/about.md", "# À propos\n"), "docs/fr/about.md:1:1", "'fr' is not a configured language"),
    Case("unknown-variable-in-page", replace("docs/en/about.md", "{{ hours }}", "{{ hour }}"), "docs/en/about.md:3:83", "did you mean 'hours'", build=True),
    # --- pages the site makes itself: an id or a page on their path or address would replace them ---
    Case("feature-id-index", rename_id("catalog/features", "hold", "index", (DIAL, "related: [hold]", "related: [index]"),
                                       (ROLE, "features: [dial, hold]", "features: [dial, index]"),
                                       ("catalog/scenarios/customer-waits-on-hold.yaml", "feature: hold", "feature: index"),
                                       (QUIZ, "learn_more: hold\n", "learn_more: index\n"), (QUIZ, "learn_more: hold#", "learn_more: index#")),
         "catalog/features/index.yaml:1:1", "the id 'index' would replace the generated page 'guides/index.md' (Guides)", build=True),
    Case("role-id-index", rename_id("catalog/roles", "manager", "index", ("catalog/scenarios/first-call-on-cutover-day.yaml", "manager", "index")),
         "catalog/roles/index.yaml:1:1", "would replace the generated page 'roles/index.md' (Roles)"),
    Case("quiz-id-results", rename_id("quizzes", "basics", "results", (ROLE, "quiz: basics", "quiz: results"),
                                      ("catalog/scenarios/customer-waits-on-hold.yaml", "quiz: basics", "quiz: results"),
                                      ("catalog/scenarios/customer-waits-on-hold.yaml", "quiz: basics", "quiz: results"),
                                      ("catalog/scenarios/first-call-on-cutover-day.yaml", "quiz: basics", "quiz: results")),
         "quizzes/results.yaml:1:1", "the id 'results' would replace the generated page 'quizzes/results.md' (Class results)"),
    Case("scenario-id-index", rename_id("catalog/scenarios", "first-call-on-cutover-day", "index"),
         "catalog/scenarios/index.yaml:1:1", "would replace the generated page 'scenarios/index.md'"),
    Case("page-on-the-glossary-address", write("docs/en/glossary/index.md", "# My glossary\n"), "docs/en/glossary/index.md:1:1",
         "published at 'glossary/', which is the address of the generated page 'en/glossary.md'", build=True),
    Case("page-on-a-language-home", write("docs/en/de.md", "# About Germany\n"), "docs/en/de.md:1:1",
         "published at 'de/', which is the address of the generated page 'de/index.md'"),
    Case("page-readme-on-a-generated-address", write("docs/en/faq/README.md", "# FAQ\n"), "docs/en/faq/README.md:1:1", "'faq/'"),
    # --- text that would be printed garbled ---
    Case("variable-uses-a-variable", replace(SITE, "  org_name: Fixture Ltd", '  org_name: "{{ org_alias }}"\n  org_alias: Fixture'), SITE + ":6:3",
         "the value of 'org_name' uses the variable '{{ org_alias }}'"),
    Case("variable-refers-to-itself", replace(SITE, "  hours: weekdays", '  hours: "{{ hours }} and weekends"'), SITE + ":10:3",
         "the value of 'hours' refers to itself"),
    Case("variables-refer-to-each-other", replace(SITE, "  hours: weekdays", '  hours: "{{ days }}"\n  days: "{{ hours }}"'), SITE + ":11:3",
         "the value of 'days' uses the variable '{{ hours }}'"),
    Case("unclosed-placeholder-in-title", replace(FEATURE, "title: Hold a call", "title: Hold a call at {{ org_name"), FEATURE + ":2:1",
         "the placeholder '{{ org_name' is not closed", build=True),
    Case("unclosed-placeholder-in-translation", replace(HOLD_DE, "title: Anruf halten", "title: Anruf halten bei {{ org_name }"), HOLD_DE + ":2:1",
         "the placeholder '{{ org_name' is not closed"),
    Case("unclosed-placeholder-in-variable", replace(SITE, "  hours: weekdays", '  hours: "weekdays at {{ org_name"'), SITE + ":10:3",
         "the placeholder '{{ org_name' is not closed"),
    Case("unclosed-placeholder-in-page", append("docs/en/about.md", "\nCall {{ helpdesk_phone today.\n"), "docs/en/about.md:6:6",
         "the placeholder '{{ helpdesk_phone' is not closed"),
    Case("nul-byte-in-page", append("docs/en/about.md", "\nA stray\x00byte.\n"), "docs/en/about.md:6:8", "control character U+0000", build=True),
    Case("control-character-in-page", append("docs/en/about.md", "\nA bell\x07.\n"), "docs/en/about.md:6:7", "control character U+0007"),
    Case("absolute-link-in-page", append("docs/en/about.md", "\nSee [the guide](/guides/hold.md).\n"), "docs/en/about.md:6:17",
         "link to '/guides/hold.md' is absolute"),
    Case("variable-link-to-a-missing-page", both(replace(SITE, "  hours: weekdays", "  hours: weekdays\n  portal: portal.md"),
                                                append("docs/en/about.md", "\nOpen the [portal]({{ portal }}).\n")),
         "docs/en/about.md:6:", "there is no page 'portal.md'"),
    # --- cross-references (references) ---
    Case("dangling-feature-in-role", replace(MANAGER, "features: [dial]", "features: [dail]"), MANAGER + ":4:12", "did you mean 'dial'", build=True),
    Case("dangling-role-in-feature", replace(DIAL, "minutes: 3", "minutes: 3\nroles: [agentt]"), DIAL + ":6:9", "unknown role 'agentt'"),
    Case("dangling-category", replace(FEATURE, "category: calls", "category: call"), FEATURE + ":4:1", "did you mean 'calls'"),
    Case("dangling-prerequisite", replace(FEATURE, "prerequisites: [dial]", "prerequisites: [dialling]"), FEATURE + ":5:17", "unknown feature 'dialling'"),
    Case("dangling-related", replace(DIAL, "related: [hold]", "related: [hodl]"), DIAL + ":14:11", "unknown feature 'hodl'"),
    Case("dangling-faq", replace(FEATURE, "faqs: [number]", "faqs: [numbers]"), FEATURE + ":11:8", "unknown FAQ 'numbers'"),
    Case("dangling-phase-in-tasks", append(MANAGER, "tasks:\n  go-live: [Test the phone.]\n"), MANAGER + ":6:3", "unknown phase 'go-live'"),
    Case("dangling-phase-in-faq", replace(FAQS, "phases: [cutover]", "phases: [golive]"), FAQS + ":8:14", "unknown phase 'golive'"),
    Case("dangling-quiz", replace(ROLE, "quiz: basics", "quiz: basic"), ROLE + ":11:1", "unknown quiz 'basic'"),
    Case("dangling-role-in-quiz", replace(QUIZ, "roles: [agent]", "roles: [agents]"), QUIZ + ":4:9", "unknown role 'agents'"),
    Case("dangling-learn-more", replace(QUIZ, "learn_more: hold\n", "learn_more: holding\n"), QUIZ + ":33:5", "unknown feature 'holding'"),
    Case("missing-guide-section", replace(QUIZ, "learn_more: dial#steps", "learn_more: dial#tips"), QUIZ + ":53:5", "no section '#tips'", build=True),
    Case("quiz-does-not-list-role", replace(MANAGER, "features: [dial]", "features: [dial]\nquiz: basics"), MANAGER + ":5:1", "does not list role 'manager'"),
    Case("duplicate-role-id", write("catalog/roles/chief.yaml", (FIXTURE / MANAGER).read_text("utf-8")), MANAGER + ":1:1", "duplicate role id 'manager' (also in catalog/roles/chief.yaml)"),
    Case("duplicate-faq-id-in-group", replace(FAQS, "- id: agents-only", "- id: number"), FAQS + ":9:5", "duplicate id 'number' (first used on line 4)"),
    Case("duplicate-faq-id-across-groups", write("catalog/faqs/more.yaml", "id: more\ntitle: More\nfaqs:\n  - id: number\n    question: Q?\n    answer: A.\n    roles: [all]\n"), "catalog/faqs/more.yaml:4:5", "duplicate FAQ id 'number'"),
    Case("duplicate-phase-id", replace(PHASES, "  - id: cutover", "  - id: parallel"), PHASES + ":5:5", "duplicate id 'parallel'"),
    Case("duplicate-term-id", replace(GLOSSARY, "  - id: hold", "  - id: pbx"), GLOSSARY + ":5:5", "duplicate id 'pbx'"),
    Case("duplicate-category-id", replace(SITE, "    name: Calls", "    name: Calls\n  - id: calls\n    name: More calls"), SITE + ":5:5", "duplicate id 'calls'"),
    Case("duplicate-question-id", replace(QUIZ, "  - id: hold-where", "  - id: dial-how"), QUIZ + ":20:5", "duplicate id 'dial-how' (first used on line 7)"),
    Case("duplicate-option-id", replace(QUIZ, "      - id: nine", "      - id: direct"), QUIZ + ":15:9", "duplicate id 'direct' (first used on line 11)"),
    Case("duplicate-pair-id", replace(QUIZ, "      - id: b\n", "      - id: a\n"), QUIZ + ":61:9", "duplicate id 'a'"),
    Case("duplicate-feature-in-role", replace(ROLE, "features: [dial, hold]", "features: [dial, hold, dial]"), ROLE + ":7:1", "the same entry twice"),
    Case("self-related", replace(DIAL, "related: [hold]", "related: [dial]"), DIAL + ":14:11", "refers to itself"),
    Case("self-prerequisite", replace(FEATURE, "prerequisites: [dial]", "prerequisites: [hold]"), FEATURE + ":5:17", "refers to itself"),
    Case("prerequisite-cycle", replace(DIAL, "minutes: 3", "minutes: 3\nprerequisites: [hold]"), DIAL + ":6:1", "cycle", build=True),
    Case("single-without-correct", replace(QUIZ, "        correct: true\n        feedback: Yes.", "        feedback: Yes."), QUIZ + ":10:5", "this one has 0"),
    Case("single-with-two-correct", replace(QUIZ, "        text: Dial 9 first\n", "        text: Dial 9 first\n        correct: true\n"), QUIZ + ":10:5", "this one has 2", build=True),
    Case("multiple-without-correct", both(replace(QUIZ, "        text: App\n        correct: true\n", "        text: App\n"),
                                          replace(QUIZ, "        text: Phone\n        correct: true\n", "        text: Phone\n")), QUIZ + ":23:5", "no option is marked correct"),
    Case("step-platform-not-listed", replace(DIAL, "minutes: 3", "minutes: 3\nplatforms: [desktop]"), DIAL + ":9:5", "device 'mobile'"),
    Case("unknown-variable", replace(FEATURE, "summary: Pause a call.", "summary: Pause a call on {{ new_sytem }}."), FEATURE + ":3:1", "did you mean 'new_system'", build=True),
    Case("unknown-variable-in-translation", replace(HOLD_DE, "title: Anruf halten", "title: Anruf halten in {{ neues_system }}"), HOLD_DE + ":2:1", "unknown variable"),
    Case("unknown-variable-in-second-line", replace(FAQS, "answer: Yes.", "answer: |\n      Yes.\n      Ask {{ helpdesk }}."), FAQS + ":13:5", "unknown variable '{{ helpdesk }}'"),
]


def _ids(cases: list[Case]) -> list[str]:
    return [c.name for c in cases]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def _broken_copy(case: Case, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    case.change(root)
    return root


def _assert_reported(output: str, case: Case) -> None:
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if ": error: " in line]
    assert errors, f"no error reported:\n{output}"
    located = [line for line in errors if line.startswith(case.where) and case.says in line]
    assert located, f"expected an error at {case.where} saying {case.says!r}, got:\n" + "\n".join(errors)
    # Every error names file:line:col, so editors and CI annotations can jump to it.
    for line in errors if case.located else []:
        where = line.split(": error: ", 1)[0]
        assert where.count(":") >= 2 and all(part.isdigit() for part in where.rsplit(":", 2)[1:]), line


def test_the_corpus_is_large_and_names_are_unique():
    assert len(CASES) >= 60
    assert len(set(_ids(CASES))) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_check_reports_the_mistake(case: Case, tmp_path: Path, runner: CliRunner):
    root = _broken_copy(case, tmp_path)
    before = tree_snapshot(root)
    result = runner.invoke(main, ["check", "-p", str(root)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    _assert_reported(result.stderr, case)
    assert tree_snapshot(root) == before


BUILD_CASES = [c for c in CASES if c.build]


@pytest.mark.parametrize("case", BUILD_CASES, ids=_ids(BUILD_CASES))
def test_build_refuses_and_writes_nothing(case: Case, tmp_path: Path):
    root = _broken_copy(case, tmp_path)
    before = tree_snapshot(root)
    out = tmp_path / "out" / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(root), "-d", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr
    _assert_reported(run.stderr, case)
    assert "Traceback" not in run.stdout
    assert not out.exists() and list((tmp_path / "out").iterdir()) == []
    assert tree_snapshot(root) == before


# --- Shown as text: not an error, because the site stays correct and safe, but `check` warns (and `--strict` fails) ---

@dataclass(frozen=True)
class Inert:
    name: str
    change: Change
    where: str  #: "path:line:" of the warning, or "" when nothing needs saying
    says: str
    payload: str  #: must not reach any staged page as written


INERT = [
    Inert("bold-tag-in-step", replace(FEATURE, "  - text: Press **Hold**.", "  - text: Press <b>Hold</b>."), FEATURE + ":7:", "raw HTML is shown as text", "<b>"),
    Inert("script-in-faq-answer", replace(FAQS, "answer: Yes.", "answer: Yes.<script>alert(1)</script>"), FAQS + ":11:", "raw HTML is shown as text, not interpreted: <script>", "<script>alert"),
    Inert("event-handler-in-translation", replace(HOLD_DE, "title: Anruf halten", "title: '<img src=x onerror=alert(1)>'"), HOLD_DE + ":2:", "raw HTML", "<img"),
    Inert("comment-in-glossary", replace(GLOSSARY, "definition: A paused call.", "definition: A paused call. <!-- hidden -->"), GLOSSARY + ":7:", "raw HTML", "<!--"),
    Inert("script-link-in-tip", replace(FEATURE, "faqs: [number]", "faqs: [number]\ntips: ['[Help](javascript:alert(1))']"), FEATURE + ":12:", "'javascript:' link", "javascript:"),
    Inert("data-link-in-answer", replace(FAQS, "answer: Yes.", "answer: '[x](data:text/html,x)'"), FAQS + ":11:", "'data:' link", "data:text"),
    Inert("attribute-list", replace(FEATURE, "summary: Pause a call.", "summary: 'Pause a call. {: onclick=\"alert(1)\" }'"), "", "", "{: onclick"),
    Inert("template-syntax", replace(FEATURE, "summary: Pause a call.", "summary: '{{ 7*7 }} {% include x %}'"), "", "", "{% include"),
    Inert("angle-brackets-as-meant", replace(FEATURE, "summary: Pause a call.", "summary: Press <Enter> when 1 < 2."), "", "", "<Enter>"),
]


@pytest.mark.parametrize("case", INERT, ids=[c.name for c in INERT])
def test_markup_is_shown_as_text_with_a_warning(case: Inert, tmp_path: Path, runner: CliRunner):
    from generator.catalog.load import Layout, load_project
    from generator.catalog.markup import RAW_HTML, UNSAFE_LINK
    from generator.catalog.translations import MISSING
    from generator.site.stage import plan

    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    case.change(root)
    result = runner.invoke(main, ["check", "-p", str(root)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line and "translat" not in line]
    if case.where:
        assert len(warnings) == 1 and warnings[0].startswith(case.where) and case.says in warnings[0], result.stderr
    else:
        assert warnings == []
    loaded = load_project(root)
    assert all(w.code in (RAW_HTML, UNSAFE_LINK) for w in loaded.warnings if w.code != MISSING)  # --strict fails on them
    files, _ = plan(loaded.project, Layout(root))
    pages = [data.decode("utf-8") for rel, data in files.items() if rel.endswith(".md")]
    assert not [page for page in pages if case.payload in page]


# --- Accepted as written: what editors and writers do that is not a mistake ---

def _build(root: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(root), "-d", str(out)],
                          capture_output=True, text=True, timeout=300)


def test_a_byte_order_mark_is_accepted_and_dropped(tmp_path: Path, runner: CliRunner):
    """Editors on Windows start UTF-8 files with a byte-order mark (CONTRIBUTING.md says it is accepted)."""
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    for rel in (FEATURE, HOLD_DE, SITE, "docs/en/about.md"):
        (root / rel).write_bytes(b"\xef\xbb\xbf" + (root / rel).read_bytes())
    page = root / "docs/en/extra.md"
    page.write_bytes(b"\xef\xbb\xbf---\ntitle: Extra page\n---\n\n# Extra\n")
    result = runner.invoke(main, ["check", "-p", str(root)])
    assert result.exit_code == 0 and "error" not in result.stderr.replace("0 error(s)", ""), result.stderr
    run = _build(root, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    guide = (tmp_path / "site/de/guides/hold/index.html").read_text("utf-8")
    assert "Anruf halten" in guide and "\ufeff" not in guide
    extra = (tmp_path / "site/extra/index.html").read_text("utf-8")
    assert "<title>Extra page - Fixture training</title>" in extra and "\ufeff" not in extra


def test_a_script_link_in_a_quiz_prompt_is_a_warning_and_the_site_builds(tmp_path: Path, runner: CliRunner):
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    replace(QUIZ, "prompt: How do you dial out?", "prompt: 'How [x](data:text/html,<script>alert(1)</script>) do you "
            "[y](<data:text/html,x y>) dial out?'")(root)
    result = runner.invoke(main, ["check", "-p", str(root)])
    assert result.exit_code == 0 and f"{QUIZ}:9:5: warning: a 'data:' link does not work on the site" in result.stderr
    run = _build(root, tmp_path / "site")
    assert run.returncode == 0, run.stderr  # the strict build used to fail on the junk anchors the old disarming left
    page = (tmp_path / "site/quizzes/basics/index.html").read_text("utf-8")
    assert "data:text" not in page and "<script>alert" not in page


def test_staging_folders_of_killed_builds_are_removed_by_the_next_build(tmp_path: Path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # its pid now names no process: a build killed with kill -9 leaves exactly this behind
    import tempfile

    left = Path(tempfile.gettempdir()) / f"cutover-0123456789ab-{dead.pid}"
    (left / "docs/en").mkdir(parents=True, exist_ok=True)
    (left / "docs/en/index.md").write_text("# Left over\n", "utf-8")
    alive = Path(tempfile.gettempdir()) / f"cutover-0123456789ab-{os.getpid()}"  # a running build's: kept
    alive.mkdir(exist_ok=True)
    try:
        run = _build(FIXTURE, tmp_path / "site")
        assert run.returncode == 0, run.stderr
        assert not left.exists() and alive.is_dir()
    finally:
        shutil.rmtree(left, ignore_errors=True)
        shutil.rmtree(alive, ignore_errors=True)


def test_build_names_a_rejected_link_by_the_writers_file_and_line(tmp_path: Path):
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    append("docs/en/about.md", "\nSee [the guide](/guides/hold.md).\n")(root)
    run = _build(root, tmp_path / "site")
    assert run.returncode == 1
    assert "docs/en/about.md:6:17: this page contains an absolute link '/guides/hold.md'" in run.stderr, run.stderr
    assert "Doc file 'en/about.md'" not in run.stderr and "Traceback" not in run.stderr
