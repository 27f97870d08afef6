"""Verification results and how they are written: a readable summary, JSON and JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Failure:
    page: str  #: site-relative URL of the page, e.g. ``de/guides/call-park/``
    subject: str  #: the link, element or request concerned
    reason: str

    def format(self) -> str:
        return f"{self.page or '/'}: {self.subject}: {self.reason}" if self.subject else f"{self.page or '/'}: {self.reason}"


@dataclass
class Check:
    name: str  #: e.g. ``links``, ``quizzes``
    description: str
    checked: int = 0  #: how many items were checked
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    advisory: bool = False  #: its findings are reported, but do not fail the site (untranslated text)

    @property
    def passed(self) -> bool:
        return not self.failures or self.advisory


@dataclass
class Report:
    site: str
    checks: list[Check] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    def summary(self, limit: int = 50) -> str:
        lines = []
        for check in self.checks:
            mark = "FAIL" if not check.passed else "NOTE" if check.failures else "PASS"
            lines.append(f"{mark}  {check.name:<14} {check.checked:>5} checked, {len(check.failures)} "
                         f"{'found' if check.advisory else 'failed'} "
                         f"({check.seconds:.1f} s) — {check.description}")
            for failure in check.failures[:limit]:
                lines.append(f"      {failure.format()}")
            if len(check.failures) > limit:
                lines.append(f"      … and {len(check.failures) - limit} more (see --json)")
        failed = sum(len(c.failures) for c in self.checks if not c.advisory)
        lines.append(f"{'All checks passed' if self.passed else f'{failed} problem(s) found'} on {self.site}")
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {"site": self.site, "passed": self.passed,
                "checks": [{**asdict(c), "passed": c.passed} for c in self.checks]}
        return json.dumps(data, indent=2, ensure_ascii=False)

    def to_junit(self) -> str:
        suites = ET.Element("testsuites", name="cutover verify", tests=str(len(self.checks)),
                            failures=str(sum(not c.passed for c in self.checks)))
        suite = ET.SubElement(suites, "testsuite", name=self.site, tests=str(len(self.checks)),
                              failures=str(sum(not c.passed for c in self.checks)))
        for check in self.checks:
            case = ET.SubElement(suite, "testcase", classname="cutover.verify", name=check.name, time=f"{check.seconds:.3f}")
            if check.failures:
                failure = ET.SubElement(case, "failure", message=f"{len(check.failures)} problem(s): {check.description}")
                failure.text = "\n".join(f.format() for f in check.failures)
        ET.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
