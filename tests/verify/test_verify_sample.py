"""Which pages `cutover verify` opens in the browser, and which of them get axe: one page per template, language and
version, every other page, and a version's alias only when it is not a copy of the version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.verify.sample import axe_sample, browser_pages
from generator.verify.sitemap import read_site

#: Pages of one language of a small site: generated pages of several kinds, single generated pages, hand-written ones.
PAGES = ["", "guides/", "guides/hold/", "guides/park/", "roles/agent/", "roles/manager/", "quizzes/basics/",
         "quizzes/keys/basics/", "quizzes/keys/advanced/", "day-one/", "day-one/agent/", "day-one/manager/",
         "project/posters/go-live/", "project/posters/help/", "project/runbook/", "surveys/readiness/",
         "surveys/pulse/", "welcome/", "contact/"]


def write_site(root: Path, languages=("en", "de")) -> Path:
    for lang in languages:
        prefix = "" if lang == "en" else f"{lang}/"
        for page in PAGES:
            quiz = '<div class="cq-mount"></div>' if page == "quizzes/basics/" else ""
            (root / prefix / page).mkdir(parents=True, exist_ok=True)
            (root / prefix / page / "index.html").write_text(f'<html lang="{lang}"><h1>{page or "Home"}</h1>{quiz}</html>', "utf-8")
        (root / prefix / "404.html").write_text(f'<html lang="{lang}"><h1>Not found</h1></html>', "utf-8")
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "site.css").write_text("body {}", "utf-8")
    return root


def sampled(site: Path, all_pages: bool = False) -> list[str]:
    return sorted(page.url for page in axe_sample(browser_pages(site, read_site(site)), all_pages))


def test_one_page_per_template_and_language_and_every_other_page(tmp_path: Path):
    site = write_site(tmp_path / "site")
    per_language = ["", "contact/", "day-one/", "day-one/agent/", "guides/", "guides/hold/", "project/posters/go-live/",
                    "project/runbook/", "quizzes/basics/", "quizzes/keys/advanced/", "roles/agent/", "surveys/pulse/",
                    "welcome/"]
    assert sampled(site) == sorted(per_language + [f"de/{page}" for page in per_language])
    # --all: every page but the error pages (served for any missing address, checked statically)
    assert sampled(site, all_pages=True) == sorted(PAGES + [f"de/{page}" for page in PAGES])


def test_an_alias_that_copies_its_version_is_opened_once(tmp_path: Path):
    tree = tmp_path / "www"
    write_site(tree / "1.0")
    write_site(tree / "2.0")
    (tree / "1.0" / "welcome" / "index.html").write_text('<html lang="en"><h1>Welcome to 1.0</h1></html>', "utf-8")
    shutil.copytree(tree / "2.0", tree / "latest")
    (tree / "versions.json").write_text(json.dumps([{"version": "2.0", "title": "2.0", "aliases": ["latest"]},
                                                    {"version": "1.0", "title": "1.0", "aliases": []}]), "utf-8")
    pages = read_site(tree)
    opened = browser_pages(tree, pages)
    assert {page.version for page in opened.values()} == {"1.0", "2.0"}  # every version, even one with the same pages
    assert len(opened) == len(pages) - len(PAGES) * 2 - 2  # latest/: every page and error page left out
    assert {p.version for p in axe_sample(opened)} == {"1.0", "2.0"} and len(axe_sample(opened)) == 2 * 2 * 13

    # An alias whose files differ from its version's in any way (here a stylesheet) is a site of its own: opened too.
    (tree / "latest" / "assets" / "site.css").write_text("body { color: red }", "utf-8")
    assert {page.version for page in browser_pages(tree, read_site(tree)).values()} == {"1.0", "2.0", "latest"}


def test_a_site_without_versions_is_opened_whole(tmp_path: Path):
    site = write_site(tmp_path / "site")
    (site / "versions.json").write_text("not json", "utf-8")
    assert browser_pages(site, read_site(site)) == read_site(site)
