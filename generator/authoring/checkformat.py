"""How ``cutover check`` prints its problems: text for people, JSON for tools, GitHub workflow annotations for PRs."""

from __future__ import annotations

import dataclasses
import json
from typing import Iterable

from generator.errors import Problem, Severity

FORMATS = ("text", "json", "github")


def promote(problems: Iterable[Problem]) -> list[Problem]:
    """``--strict``: every warning becomes an error, so it is reported (and annotated) as one."""
    return [dataclasses.replace(p, severity=Severity.ERROR) for p in problems]


def counts(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    return errors, len(problems) - errors


def as_json(problems: list[Problem], summary: str) -> str:
    errors, warnings = counts(problems)
    return json.dumps({"ok": errors == 0, "errors": errors, "warnings": warnings, "summary": summary,
                       "problems": [{"file": p.path, "line": p.line, "col": p.col, "severity": p.severity.value,
                                     "code": p.code, "message": p.message, "hint": p.hint} for p in problems]},
                      ensure_ascii=False, indent=2)


def as_github(problems: list[Problem]) -> str:
    """One ``::error file=…,line=…,col=…::message`` line per problem (GitHub shows them on the PR's diff)."""
    lines = []
    for p in problems:
        props = [f"file={_prop(p.path)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.col or 1}"]
        props.append(f"title={_prop('cutover check' + (f' ({p.code})' if p.code else ''))}")
        message = p.message + (f" ({p.hint})" if p.hint else "")
        lines.append(f"::{p.severity.value} {','.join(props)}::{_data(message)}")
    return "\n".join(lines)


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
