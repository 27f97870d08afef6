"""cmi5: the package's course structure, ``cmi5.xml``.

One course with one assignable unit (the player, ``index.html``). With a quiz the unit moves on when the manual
is completed and the quiz passed (``CompletedAndPassed``, ``masteryScore`` the pass mark as a fraction);
without one, when the manual is completed. ``launchMethod="AnyWindow"``: the player works in the LMS's frame and
in a window of its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from generator.export.lms_descriptor import Descriptor

COURSE_STRUCTURE = "cmi5.xml"
NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
#: Not shipped (cmi5 packages need no schema file); the tests validate every course structure against it.
SCHEMA = Path(__file__).parent / "lms_schemas" / "cmi5" / "CourseStructure.xsd"


def course_structure(descriptor: Descriptor) -> bytes:
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}courseStructure")
    course = _sub(root, "course", id=descriptor.course_id)
    _text(course, "title", descriptor.title, descriptor.lang)
    _text(course, "description", descriptor.description, descriptor.lang)
    attributes = {"id": descriptor.au_id, "launchMethod": "AnyWindow"}
    if descriptor.pass_mark is None:
        attributes["moveOn"] = "Completed"
    else:
        attributes |= {"moveOn": "CompletedAndPassed", "masteryScore": f"{descriptor.pass_mark / 100:.4f}".rstrip("0").rstrip(".")}
    au = _sub(root, "au", **attributes)
    _text(au, "title", descriptor.title, descriptor.lang)
    _text(au, "description", descriptor.description, descriptor.lang)
    _sub(au, "url").text = descriptor.launch
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def _sub(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attributes)


def _text(parent: ET.Element, tag: str, text: str, lang: str) -> None:
    _sub(_sub(parent, tag), "langstring", lang=lang).text = text
