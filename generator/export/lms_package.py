"""``cutover export-lms``: one SCORM 1.2 or cmi5 package (a zip) per role and language.

A package is cut from a site built with ``--offline`` (links to ``.html`` files, so it works from an LMS's file
server and from ``file://``): the role's manual and quiz as the site shows them (:mod:`generator.export.lms_pages`),
the site's assets those pages use, the player the LMS launches with its bridge to the LMS (``lms_runtime/``), and
the manifest (:mod:`generator.export.scorm`, :mod:`generator.export.cmi5`). Packages are byte-identical for the
same site, and appear only once every one of them was made.
"""

from __future__ import annotations

import enum
import html
import io
import json
import re
import shutil
import string
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.catalog import markup
from generator.catalog.model import Project, Quiz
from generator.export import cmi5, scorm
from generator.export.lms_descriptor import Descriptor
from generator.export.lms_pages import PAGE_SCRIPT, PackagePages, package_page, relative, resolve
from generator.render.common import quiz_path, role_path
from generator.render.localize import Localizer

RUNTIME_DIR = Path(__file__).parent / "lms_runtime"
PLAYER = "index.html"
#: Strings the player shows, under ``lms.`` in generator/locales/<lang>.yaml.
PLAYER_STRINGS = ("connected", "review", "passed", "failed", "completed", "error")

_REFERENCE = re.compile(r'\b(?:href|src)="([^"]+)"')
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
_SITE_NAME = re.compile(r'<div class="md-header__topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
_BODY_DIR = re.compile(r'<body\b[^>]*\bdir="(ltr|rtl)"')
#: 1980-01-01, the earliest time a zip can hold: the same site always gives the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class PackageFormat(str, enum.Enum):
    SCORM12 = "scorm12"  #: SCORM 1.2: every LMS imports it
    CMI5 = "cmi5"  #: cmi5, xAPI-based successor of SCORM


class PackageError(Exception):
    """A problem with the request or the site, explained in one line for the reader."""


@dataclass(frozen=True)
class Package:
    role: str
    lang: str
    path: Path
    size: int  #: bytes of the zip
    files: int  #: files in it


def file_name(role: str, lang: str, fmt: PackageFormat) -> str:
    return f"{role}-{lang}-{fmt.value}.zip"


def plan(project: Project, fmt: PackageFormat, roles: list[str] | None = None,
         languages: list[str] | None = None) -> list[tuple[str, str]]:
    """The (role, language) pairs to package, checked before anything is built or written.

    Raises :class:`PackageError` for an unknown role or language, and for a role whose quiz sets no pass mark:
    the LMS records passed or failed against it, so it must be one the writers chose.
    """
    known_roles, known_languages = list(project.roles), project.site.languages
    for value, known, what in [(r, known_roles, "role") for r in roles or []] + [(lang, known_languages, "language") for lang in languages or []]:
        if value not in known:
            raise PackageError(f"unknown {what} '{value}'; known: {', '.join(known)}")
    chosen = list(dict.fromkeys(roles or known_roles))
    for role_id in chosen:
        quiz = _quiz(project, role_id)
        if quiz is not None and not quiz.pass_mark_given:
            raise PackageError(f"{quiz.source or 'quizzes/' + quiz.id + '.yaml'}: quiz '{quiz.id}' of role '{role_id}' sets no "
                               f"pass_mark, which {_format_name(fmt)} records passed or failed against: add one, "
                               "e.g. 'pass_mark: 80' (percent)")
    return [(role_id, lang) for lang in dict.fromkeys(languages or known_languages) for role_id in chosen]


def write_packages(project: Project, site_dir: Path, out_dir: Path, fmt: PackageFormat, pairs: list[tuple[str, str]],
                   id_base: str | None = None) -> list[Package]:
    """Make every package in ``pairs`` from the built site; the zips appear in ``out_dir`` only when all were made
    (other files there stay as they are)."""
    site_dir, out_dir = site_dir.resolve(), out_dir.resolve()
    contents = {pair: package_files(project, site_dir, fmt, *pair, id_base=id_base) for pair in pairs}
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))  # same disk: files move, not copy
    try:
        made = []
        for (role_id, lang), files in contents.items():
            target = scratch / file_name(role_id, lang, fmt)
            target.write_bytes(zip_bytes(files))
            made.append((role_id, lang, target, len(files)))
        out_dir.mkdir(parents=True, exist_ok=True)
        packages = []
        for role_id, lang, built, count in made:
            size = built.stat().st_size
            built.replace(out_dir / built.name)
            packages.append(Package(role_id, lang, out_dir / built.name, size, count))
        return packages
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def package_files(project: Project, site_dir: Path, fmt: PackageFormat, role_id: str, lang: str,
                  id_base: str | None = None) -> dict[str, bytes]:
    """Every file of one package, by its path in the zip."""
    role = project.roles[role_id]
    quiz = _quiz(project, role_id)
    loc = Localizer(project, lang)
    prefix = "" if lang == project.site.default_language else f"{lang}/"
    pages = PackagePages(
        manual=_built(site_dir, prefix + role_path(role_id)), manual_title=markup.plain(loc.text(role.name)),
        quiz=_built(site_dir, prefix + quiz_path(quiz.id)) if quiz else None,
        quiz_title=markup.plain(loc.text(quiz.title)) if quiz else None,
        home=f"{prefix}index.html", features=tuple(role.features), guides_dir=f"{prefix}guides")
    files: dict[str, bytes] = {}
    for page in pages.paths:
        text = package_page((site_dir / page).read_text("utf-8"), page, pages)
        files[page] = text.encode("utf-8")
        for asset in _assets(site_dir, page, text):
            files.setdefault(asset, (site_dir / asset).read_bytes())
    manual_html = (site_dir / pages.manual).read_text("utf-8")
    descriptor = _descriptor(project, loc, role_id, quiz, manual_html, _site_slug(project, site_dir, role_id), id_base)
    files[PAGE_SCRIPT] = (RUNTIME_DIR / "page.js").read_bytes()
    for name in ("player.js", "player.css", f"{fmt.value}.js"):
        files[f"lms/{name}"] = (RUNTIME_DIR / name).read_bytes()
    files[PLAYER] = _player(loc, fmt, descriptor, pages, quiz, manual_html).encode("utf-8")
    if fmt is PackageFormat.SCORM12:
        content = sorted(files)
        files |= scorm.schema_files()
        files[scorm.MANIFEST] = scorm.manifest(descriptor, content)
    else:
        files[cmi5.COURSE_STRUCTURE] = cmi5.course_structure(descriptor)
    return dict(sorted(files.items()))


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` that depends on nothing but their names and bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def _quiz(project: Project, role_id: str) -> Quiz | None:
    role = project.roles[role_id]
    return project.quizzes.get(role.quiz) if role.quiz else None


def _format_name(fmt: PackageFormat) -> str:
    return "SCORM 1.2" if fmt is PackageFormat.SCORM12 else "cmi5"


def _built(site_dir: Path, source: str) -> str:
    """The built page of a generated page (``roles/agent.md`` -> ``roles/agent.html``), which must exist."""
    stem = source[: -len(".md")]
    if (site_dir / f"{stem}.html").is_file():
        return f"{stem}.html"
    if (site_dir / stem / "index.html").is_file():
        raise PackageError(f"{site_dir} was built without --offline (it has {stem}/index.html): packages need links to "
                           ".html files; build it with 'cutover build --offline' or leave out --site")
    raise PackageError(f"{site_dir / stem}.html is missing: build the site again with 'cutover build --offline' "
                       "or leave out --site")


def _assets(site_dir: Path, page: str, text: str) -> list[str]:
    """The site's files a package page uses (stylesheets, scripts, images, downloads, and what the stylesheets
    use in turn), as paths from the site root; pages are not among them."""
    found: list[str] = []
    pending = [(page, ref) for ref in _REFERENCE.findall(text)]
    while pending:
        base, ref = pending.pop(0)
        path = resolve(html.unescape(ref), base)
        if not path or path in found or path.endswith(".html") or not (site_dir / path).is_file():
            continue
        found.append(path)
        if path.endswith(".css"):
            css = (site_dir / path).read_text("utf-8", errors="replace")
            pending += [(path, url) for url in _CSS_URL.findall(css) if not url.startswith("data:")]
    return found


def _site_slug(project: Project, site_dir: Path, role_id: str) -> str:
    """The default language's site name as an identifier part ("Phone system training" -> phone-system-training)."""
    default_page = site_dir / role_path(role_id).replace(".md", ".html")
    match = _SITE_NAME.search(default_page.read_text("utf-8")) if default_page.is_file() else None
    name = html.unescape(match.group(1)) if match else "site"
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "site"


def _descriptor(project: Project, loc: Localizer, role_id: str, quiz: Quiz | None, manual_html: str, slug: str,
                id_base: str | None) -> Descriptor:
    role = project.roles[role_id]
    match = _SITE_NAME.search(manual_html)
    site_name = " ".join(html.unescape(match.group(1)).split()) if match else ""
    role_name = markup.plain(loc.text(role.name))
    title = loc.ui("lms.title", role=role_name, site=site_name) if site_name else role_name
    description = markup.plain(loc.text(role.audience))
    if quiz is not None:
        description += " " + loc.ui("lms.description_quiz", quiz=markup.plain(loc.text(quiz.title)), percent=quiz.pass_mark)
    if id_base:
        course = f"{id_base.rstrip('/')}/{role_id}/{loc.lang}"
        au = f"{course}/au"
    else:
        course = f"urn:cutover:{slug}:{role_id}:{loc.lang}"
        au = f"{course}:au"
    identifier = re.sub(r"[^A-Za-z0-9_.-]", "-", f"cutover-{role_id}-{loc.lang}")
    return Descriptor(identifier=identifier, course_id=course, au_id=au, title=title, description=description,
                      lang=loc.lang, launch=PLAYER, pass_mark=quiz.pass_mark if quiz else None)


def _player(loc: Localizer, fmt: PackageFormat, descriptor: Descriptor, pages: PackagePages, quiz: Quiz | None,
            manual_html: str) -> str:
    data = {"format": fmt.value, "quiz": quiz.id if quiz else None, "passMark": quiz.pass_mark if quiz else None,
            "strings": {key: loc.ui(f"lms.{key}") for key in PLAYER_STRINGS}}
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    direction = _BODY_DIR.search(manual_html)
    template = string.Template((RUNTIME_DIR / "player.html").read_text("utf-8"))
    return template.substitute(lang=html.escape(loc.lang), dir=direction.group(1) if direction else "ltr",
                               title=html.escape(descriptor.title), start=html.escape(relative(pages.manual, PLAYER)),
                               exit=html.escape(loc.ui("lms.exit")), data=payload, format=fmt.value)
