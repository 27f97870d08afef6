"""`cutover export-lms`: SCORM 1.2 and cmi5 packages per role and language, read back as an LMS would.

Manifests are validated with xmlschema against the schema files each SCORM zip carries and against the cmi5
course-structure schema; the pages inside must not lead out of the package; bad requests write nothing.
"""

from __future__ import annotations

import json
import pathlib
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from generator.export import cmi5, scorm
from generator.export.lms_pages import element_span

from support import FIXTURE, REPO, edit

ROLES, LANGUAGES = ("agent", "manager"), ("en", "de", "es", "sv")
MANAGER = {"en": "Manager", "de": "Führungskraft", "es": "Responsable", "sv": "Chef"}
IMSCP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
XML_XSD = pathlib.Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml_minimal.xsd"


def cutover(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("lms-site") / "site"
    run = cutover("build", "-p", str(FIXTURE), "--offline", "-d", str(site))
    assert run.returncode == 0, run.stdout + run.stderr
    return site


@pytest.fixture(scope="module")
def exported(offline_site, tmp_path_factory) -> dict[str, tuple[Path, subprocess.CompletedProcess]]:
    out = {}
    for fmt in ("scorm12", "cmi5"):
        target = tmp_path_factory.mktemp(f"lms-{fmt}")
        run = cutover("export-lms", "-p", str(FIXTURE), "--format", fmt, "--site", str(offline_site), "-o", str(target))
        assert run.returncode == 0, run.stdout + run.stderr
        out[fmt] = target, run
    return out


def members(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def scorm_schema(files: dict[str, bytes], where: Path) -> xmlschema.XMLSchema10:
    """The schema built from the XSD files the package itself carries.

    The 2001 IMS files need two allowances every validator makes (see generator/export/lms_schemas/README.md):
    the W3C xml.xsd for the reserved XML namespace, and a lenient build for imsmd's non-deterministic models."""
    where.mkdir(parents=True, exist_ok=True)
    for name in scorm.SCHEMA_FILES:
        (where / name).write_bytes(files[name])
    return xmlschema.XMLSchema10([str(where / name) for name in scorm.SCHEMA_FILES[:3]], validation="lax",
                                 uri_mapper=lambda url: XML_XSD.as_uri() if url.endswith("/ims_xml.xsd") else url)


def test_one_package_per_role_and_language_with_its_size(exported):
    for fmt, (out, run) in exported.items():
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{r}-{lang}-{fmt}.zip" for r in ROLES for lang in LANGUAGES)
        for role in ROLES:
            assert re.search(rf"^{role}-de-{fmt}\.zip: \d+ files, \d+ KiB$", run.stdout, re.M), run.stdout
        assert f"8 {fmt} packages written" in run.stdout


def test_scorm_manifests_validate_against_the_schema_files_in_the_zip(exported, tmp_path: Path):
    out, _ = exported["scorm12"]
    for role in ROLES:
        for lang in LANGUAGES:
            files = members(out / f"{role}-{lang}-scorm12.zip")
            assert all(files[name] == (scorm.SCHEMA_DIR / name).read_bytes() for name in scorm.SCHEMA_FILES)
            schema = scorm_schema(files, tmp_path / f"{role}-{lang}")
            text = files["imsmanifest.xml"].decode("utf-8")
            schema.validate(text)
            root = ET.fromstring(text)
            resource = root.find(f"{IMSCP}resources/{IMSCP}resource")
            listed = {f.get("href") for f in resource.iter(f"{IMSCP}file")}
            assert listed == set(files) - {"imsmanifest.xml", *scorm.SCHEMA_FILES}
            assert resource.get("href") == "index.html" and "index.html" in files
            item = root.find(f"{IMSCP}organizations/{IMSCP}organization/{IMSCP}item")
            assert item.get("identifierref") == resource.get("identifier")
            mastery = item.find("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore")
            assert (mastery.text if mastery is not None else None) == ("60" if role == "agent" else None)
    # The validator is not vacuous: a wrong SCORM type and an unknown metadata element are refused.
    schema = scorm_schema(files, tmp_path / "check")
    assert not schema.is_valid(text.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'))
    assert not schema.is_valid(text.replace("<imsmd:language>", "<imsmd:bogus /><imsmd:language>"))


def test_cmi5_course_structures_validate_against_the_cmi5_schema(exported):
    out, _ = exported["cmi5"]
    schema = xmlschema.XMLSchema10(str(cmi5.SCHEMA))
    for role in ROLES:
        for lang in LANGUAGES:
            files = members(out / f"{role}-{lang}-cmi5.zip")
            assert not any(name.endswith(".xsd") or name == "imsmanifest.xml" for name in files)
            text = files["cmi5.xml"].decode("utf-8")
            schema.validate(text)
            au = ET.fromstring(text).find(f"{CMI5}au")
            assert au.find(f"{CMI5}url").text == "index.html" and "index.html" in files
            if role == "agent":
                assert (au.get("moveOn"), au.get("masteryScore")) == ("CompletedAndPassed", "0.6")
            else:
                assert (au.get("moveOn"), au.get("masteryScore")) == ("Completed", None)
            assert au.get("id").startswith("urn:cutover:fixture-training:") and au.get("id").endswith(f":{role}:{lang}:au")
    assert not schema.is_valid(text.replace('moveOn="Completed"', 'moveOn="Finished"'))


@pytest.mark.parametrize("fmt", ["scorm12", "cmi5"])
def test_titles_and_descriptions_come_from_the_role_in_the_package_language(exported, fmt: str):
    out, _ = exported[fmt]
    for lang in LANGUAGES:
        files = members(out / f"manager-{lang}-{fmt}.zip")
        manifest = files["imsmanifest.xml" if fmt == "scorm12" else "cmi5.xml"].decode("utf-8")
        assert f"{MANAGER[lang]} – Fixture training" in manifest
        assert f'lang="{lang}"' in manifest
        player = files["index.html"].decode("utf-8")
        assert f'<html lang="{lang}"' in player and f"<title>{MANAGER[lang]} – Fixture training</title>" in player
    de = members(out / f"agent-de-{fmt}.zip")
    manifest = de["imsmanifest.xml" if fmt == "scorm12" else "cmi5.xml"].decode("utf-8")
    assert "Personen, die Anrufe annehmen. Rollenhandbuch und Quiz „Grundlagen“ (Bestehensgrenze: 60 %)." in manifest
    data = json.loads(re.search(r'id="cutover-lms-data">(.*?)</script>', de["index.html"].decode("utf-8")).group(1))
    assert data["strings"]["passed"].startswith("Ergebnis:") and ">Beenden</button>" in de["index.html"].decode("utf-8")
    assert (data["format"], data["quiz"], data["passMark"]) == (fmt, "basics", 60)


def test_package_pages_lead_nowhere_outside_the_package(exported):
    out, _ = exported["scorm12"]
    for lang, prefix in (("en", ""), ("sv", "sv/")):
        files = members(out / f"agent-{lang}-scorm12.zip")
        manual, quiz = f"{prefix}roles/agent.html", f"{prefix}quizzes/basics.html"
        assert {name for name in files if name.endswith(".html")} == {"index.html", manual, quiz}
        anchors = {page: set(re.findall(r'\bid="([^"]+)"', files[page].decode("utf-8"))) for page in (manual, quiz)}
        for page in (manual, quiz):
            text = files[page].decode("utf-8")
            for bad in ("hreflang=", 'class="md-search"', "md-content__button", "md-footer__inner", "iframe-worker.js",
                        "search-lang.js", 'rel="edit"'):
                assert bad not in text, (page, bad)
            assert f'src="{posixpath.relpath("lms/page.js", posixpath.dirname(page))}"' in text
            for attribute, ref in re.findall(r'\b(href|src)="([^"]+)"', text):
                if ref.startswith("#"):
                    assert ref[1:] in anchors[page], (page, ref)
                    continue
                if re.match(r"^[a-z]+:", ref):
                    assert attribute == "href", (page, ref)  # a link out is allowed; loading something from outside is not
                    continue
                target, _, fragment = posixpath.normpath(posixpath.join(posixpath.dirname(page), ref)).partition("#")
                assert target in files, (page, ref)
                if fragment:
                    assert fragment in anchors.get(target, set()), (page, ref)
            nav = text[slice(*element_span(text, text.index('<nav class="md-nav md-nav--primary"')))]
            linked = {posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
                      for href in re.findall(r'href="([^"#]+)"', nav)}
            assert linked == {manual, quiz}, (page, linked)
            assert "guides/" not in re.sub(r'<script type="application/json" class="cq-data">.*?</script>', "", text, flags=re.S)
        quiz_text = files[quiz].decode("utf-8")
        assert 'href="../roles/agent.html#feature-hold"' in quiz_text  # learn more: the manual's own section
        manual_text = files[manual].decode("utf-8")
        assert "cards/agent.html" not in manual_text and "Open the full guide" not in manual_text


def test_the_same_site_gives_byte_identical_packages(exported, offline_site, tmp_path: Path):
    again = tmp_path / "again"
    run = cutover("export-lms", "-p", str(FIXTURE), "--format", "scorm12", "--site", str(offline_site), "--role", "agent",
                  "--lang", "de", "-o", str(again))
    assert run.returncode == 0, run.stderr
    first, _ = exported["scorm12"]
    assert (again / "agent-de-scorm12.zip").read_bytes() == (first / "agent-de-scorm12.zip").read_bytes()
    assert [p.name for p in again.iterdir()] == ["agent-de-scorm12.zip"]


@pytest.mark.parametrize("args, message", [
    (["--role", "nobody"], "Error: unknown role 'nobody'; known: agent, manager"),
    (["--lang", "fr"], "Error: unknown language 'fr'; known: en, de, es, sv"),
])
def test_unknown_role_or_language_is_one_clear_line_and_writes_nothing(tmp_path: Path, args: list[str], message: str):
    out = tmp_path / "out"
    run = cutover("export-lms", "-p", str(FIXTURE), "--format", "scorm12", *args, "-o", str(out))
    assert run.returncode == 1
    assert run.stderr.strip() == message
    assert not out.exists()


@pytest.mark.parametrize("fmt, name", [("scorm12", "SCORM 1.2"), ("cmi5", "cmi5")])
def test_a_quiz_without_a_pass_mark_is_refused(project: Path, tmp_path: Path, fmt: str, name: str):
    edit(project / "quizzes/basics.yaml", "pass_mark: 60\n", "")
    out = tmp_path / "out"
    run = cutover("export-lms", "-p", str(project), "--format", fmt, "-o", str(out))
    assert run.returncode == 1
    assert run.stderr.strip() == (f"Error: quizzes/basics.yaml: quiz 'basics' of role 'agent' sets no pass_mark, which {name} "
                                  "records passed or failed against: add one, e.g. 'pass_mark: 80' (percent)")
    assert not out.exists() and "Building" not in run.stderr
    # A role without a quiz needs none: the manager's package is made.
    run = cutover("export-lms", "-p", str(project), "--format", fmt, "--role", "manager", "--lang", "en", "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert [p.name for p in out.iterdir()] == [f"manager-en-{fmt}.zip"]


def test_a_site_built_without_offline_is_refused(tmp_path: Path):
    site = tmp_path / "site"
    assert cutover("build", "-p", str(FIXTURE), "--lang", "en", "-d", str(site)).returncode == 0
    out = tmp_path / "out"
    run = cutover("export-lms", "-p", str(FIXTURE), "--format", "cmi5", "--site", str(site), "--lang", "en", "-o", str(out))
    assert run.returncode == 1
    assert "was built without --offline" in run.stderr and "cutover build --offline" in run.stderr
    assert not out.exists()


def test_the_bridge_stays_out_of_the_normal_site(offline_site: Path):
    assert not (offline_site / "lms").exists()
    assert not any("lms/page.js" in page.read_text("utf-8") for page in offline_site.rglob("*.html"))


def test_zip_entries_are_plain_files_with_fixed_dates(exported):
    out, _ = exported["cmi5"]
    with zipfile.ZipFile(out / "agent-en-cmi5.zip") as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert all(not i.filename.startswith(("/", "..")) and not i.is_dir() for i in infos)
        assert archive.testzip() is None


@pytest.mark.slow  # builds the whole shipped kit (a minute on a busy machine)
def test_the_readme_walk_through_makes_the_package_it_uploads(tmp_path: Path):
    """README, *Uploading to Moodle*: step 1's command, run as written in a folder of its own on the shipped kit;
    step 2 uploads the file it names, whose title is the README's example."""
    readme = (REPO / "README.md").read_text("utf-8")
    walk = readme.split("**Uploading to Moodle (SCORM 1.2):**", 1)[1]
    command = re.search(r"1\. `(cutover export-lms [^`]+)`", walk).group(1).split()
    upload = re.search(r"drop\s+`([^`]+)`", walk).group(1)
    run = subprocess.run([sys.executable, "-m", "generator.cli", *command[1:], "-p", str(REPO)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    files = members(tmp_path / upload)
    manifest = files["imsmanifest.xml"].decode("utf-8")
    scorm_schema(files, tmp_path / "schemas").validate(manifest)
    assert "<title>Empfang und Zentrale – Schulung zum neuen Telefonsystem</title>" in manifest
    assert "Empfang und Zentrale – Schulung zum neuen Telefonsystem" in readme
