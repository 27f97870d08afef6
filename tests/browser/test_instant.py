"""The runtime mounts once per page with material's instant navigation too."""

import shutil

import pytest
from conftest import build_site, serve
from playwright.sync_api import Page, expect

from support import FIXTURE, edit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def instant_url(tmp_path_factory):
    project = tmp_path_factory.mktemp("instant") / "proj"
    shutil.copytree(FIXTURE, project)
    edit(project / "mkdocs.yml", "features: [content.action.edit", "features: [content.action.edit, navigation.instant")
    # static-i18n warns that its contextual language links do not follow instant navigation: not strict here.
    server, url = serve(build_site(project, tmp_path_factory.mktemp("instant-site") / "site", "--no-strict"))
    yield url
    server.shutdown()


def test_quiz_mounts_after_instant_navigation(page: Page, instant_url: str):
    page.goto(f"{instant_url}/quizzes/")
    page.locator("article a[href$='basics/']").first.click()
    expect(page).to_have_url(f"{instant_url}/quizzes/basics/")
    expect(page.locator(".cq-toolbar")).to_have_count(1)
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # no full page load
    page.locator("article a[href$='roles/agent/']:visible").first.click()
    expect(page).to_have_url(f"{instant_url}/roles/agent/")
    page.go_back()
    expect(page.locator(".cq-toolbar")).to_have_count(1)
    page.locator('.cq-mode input[value="exam"]').check()
    expect(page.locator(".cq-submit")).to_be_visible()
