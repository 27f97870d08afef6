"""SCORM 1.2: the package's ``imsmanifest.xml`` and the schema files it names.

One organisation with one item (the role's training) launching one SCO (the player, ``index.html``) that lists
every file of the package. Title and description travel in the manifest's IMS metadata in the package's
language; ``adlcp:masteryscore`` is the quiz's pass mark, so the LMS judges passed/failed on the same line as the
quiz does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from generator.export.lms_descriptor import Descriptor

SCHEMA_DIR = Path(__file__).parent / "lms_schemas" / "scorm12"
#: The schema files a SCORM 1.2 package carries beside its manifest (SCORM 1.2 CAM, 2.3.3).
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")
MANIFEST = "imsmanifest.xml"

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def manifest(descriptor: Descriptor, files: list[str]) -> bytes:
    """The manifest of a package whose content files (every file but the manifest and the schemas) are ``files``."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("imsmd", IMSMD)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{IMSCP}}}manifest", {
        "identifier": descriptor.identifier, "version": "1.0",
        f"{{{XSI}}}schemaLocation": " ".join([IMSCP, "imscp_rootv1p1p2.xsd", IMSMD, "imsmd_rootv1p2p1.xsd", ADLCP, "adlcp_rootv1p2.xsd"])})
    metadata = _sub(root, IMSCP, "metadata")
    _sub(metadata, IMSCP, "schema", "ADL SCORM")
    _sub(metadata, IMSCP, "schemaversion", "1.2")
    general = _sub(_sub(metadata, IMSMD, "lom"), IMSMD, "general")
    _langstring(_sub(general, IMSMD, "title"), descriptor.title, descriptor.lang)
    _sub(general, IMSMD, "language", descriptor.lang)
    _langstring(_sub(general, IMSMD, "description"), descriptor.description, descriptor.lang)

    organizations = _sub(root, IMSCP, "organizations", default="organization")
    organization = _sub(organizations, IMSCP, "organization", identifier="organization")
    _sub(organization, IMSCP, "title", descriptor.title)
    item = _sub(organization, IMSCP, "item", identifier="item", identifierref="sco", isvisible="true")
    _sub(item, IMSCP, "title", descriptor.title)
    if descriptor.pass_mark is not None:
        _sub(item, ADLCP, "masteryscore", str(descriptor.pass_mark))

    resource = _sub(_sub(root, IMSCP, "resources"), IMSCP, "resource", identifier="sco", type="webcontent",
                    href=descriptor.launch, **{f"{{{ADLCP}}}scormtype": "sco"})
    for name in files:
        _sub(resource, IMSCP, "file", href=name)
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def schema_files() -> dict[str, bytes]:
    return {name: (SCHEMA_DIR / name).read_bytes() for name in SCHEMA_FILES}


def _sub(parent: ET.Element, namespace: str, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
    if text is not None:
        node.text = text
    return node


def _langstring(parent: ET.Element, text: str, lang: str) -> None:
    _sub(parent, IMSMD, "langstring", text, **{XML_LANG: lang})
