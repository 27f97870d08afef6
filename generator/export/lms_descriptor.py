"""What an LMS shows of a package, in the package's language: the manifests of both formats are made from it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Descriptor:
    identifier: str  #: an XML ID for SCORM, e.g. ``cutover-agent-de``
    course_id: str  #: IRIs for cmi5: the course's
    au_id: str  #: and its assignable unit's
    title: str
    description: str
    lang: str
    launch: str  #: the page the LMS starts, from the package root (``index.html``)
    pass_mark: int | None  #: percent; None when the role has no quiz
