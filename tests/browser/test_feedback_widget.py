"""Reader feedback in Chromium: the page links carry page, language and version; a configured form receives the
fields; the survey renders every question type and produces the expected e-mail, form request and file; without
a channel the page says whom to contact; nothing leaves the machine; axe finds no serious violation.

Two builds of the fixture project with the small survey of tests/fixtures/survey, shared by the whole module:
one with an e-mail channel built as mike builds version 2.0 (served under /2.0/), one with form addresses that
point at a loopback server started before the build.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import serve
from playwright.sync_api import Page, expect

from support import FIXTURE, edit

pytestmark = pytest.mark.browser
SURVEY_FILES = Path(__file__).parent.parent / "fixtures" / "survey"
PREFIX = {"en": "", "de": "de/", "es": "es/", "sv": "sv/"}
TITLES = {"en": "Hold a call", "de": "Anruf halten", "es": "Poner una llamada en espera", "sv": "Parkera ett samtal"}
HOSTILE = '<img src=x onerror="window.__pwned=1"> "quoted" & </script><script>window.__pwned=2</script>'


def _project(tmp: Path, settings: str) -> Path:
    root = tmp / "proj"
    shutil.copytree(FIXTURE, root)
    for file in SURVEY_FILES.glob("survey*.yaml"):
        shutil.copy(file, root / "catalog" / file.name)
    edit(root / "catalog/site.yaml", "variables:\n", f"{settings}\nvariables:\n")
    # hostile text in a survey option (every language falls back to it) must stay text
    edit(root / "catalog/survey.yaml", "      - id: desk-phone\n", f"      - id: hostile\n        text: '{HOSTILE}'\n      - id: desk-phone\n")
    return root


def _build(project: Path, out: Path, env: dict[str, str] | None = None) -> Path:
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)],
                         capture_output=True, text=True, timeout=900, env={**os.environ, **(env or {})})
    assert run.returncode == 0, run.stdout + run.stderr
    return out


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        if not self.path.startswith("/favicon"):  # the browser asks for one on its own
            type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"received")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def form_server():
    handler = type("Recorder", (_Recorder,), {"requests": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def email_site(tmp_path_factory):
    """E-mail channel, built as version 2.0 and served under /2.0/ as mike publishes it."""
    tmp = tmp_path_factory.mktemp("feedback-email")
    project = _project(tmp, "feedback:\n  email: kb@example.org")
    _build(project, tmp / "www" / "2.0", {"MIKE_DOCS_VERSION": "2.0"})
    server, url = serve(tmp / "www")
    yield url + "/2.0"
    server.shutdown()


@pytest.fixture(scope="module")
def form_site(tmp_path_factory, form_server):
    tmp = tmp_path_factory.mktemp("feedback-form")
    base = form_server[1]
    project = _project(tmp, f"feedback:\n  form: {base}/feedback?src=kb\n  parameters: {{answer: helpful}}\n"
                            f"  survey_form: {base}/survey")
    server, url = serve(_build(project, tmp / "site"))
    yield url
    server.shutdown()


def _mail(href: str) -> tuple[str, dict[str, str]]:
    address, _, query = href[len("mailto:"):].partition("?")
    return address, {k: unquote(v) for k, v in (p.split("=", 1) for p in query.split("&"))}


def _links(page: Page) -> dict[str, str]:
    return {a.get_attribute("data-answer"): a.get_attribute("href") for a in page.locator(".cutover-feedback a[data-answer]").all()}


@pytest.mark.parametrize("lang", PREFIX)
def test_email_links_carry_page_language_version_and_address(page: Page, email_site: str, lang: str, external_requests):
    page.goto(f"{email_site}/{PREFIX[lang]}guides/hold/#steps")
    expect(page.locator(".cutover-feedback h2")).to_be_visible()
    links = _links(page)
    assert set(links) == {"yes", "no", "problem"}
    for answer, href in links.items():
        address, fields = _mail(href)
        assert address == "kb@example.org"
        assert TITLES[lang] in fields["subject"]
        body = fields["body"]
        assert f"{TITLES[lang]}\n" in body and f"({lang})\n" in body and ": 2.0\n" in body
        assert f"{email_site}/{PREFIX[lang]}guides/hold/\n" in body  # the browser's address, without the #fragment
    assert external_requests == []


def test_hand_written_pages_have_the_widget_and_it_is_reached_by_keyboard(page: Page, email_site: str):
    page.goto(f"{email_site}/de/about/")
    yes = page.locator('.cutover-feedback a[data-answer="yes"]')
    expect(yes).to_have_text("Ja")
    for _ in range(200):  # Tab through the page until the link has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.dataset.answer") == "yes":
            break
    else:
        pytest.fail("the feedback link is not reachable by keyboard")
    assert f"{email_site}/de/about/" in _mail(yes.get_attribute("href"))[1]["body"]


def _opens_nothing(page: Page) -> None:
    """Record, for every click, whether the page let the browser follow the link (mailto: would open a program)."""
    page.evaluate("""() => { window.__followed = [];
        window.addEventListener("click", (e) => { const a = e.target.closest && e.target.closest("a");
            if (a) window.__followed.push(e.defaultPrevented ? "" : a.href); }); }""")


def test_the_configured_form_receives_the_vote_in_one_click(page: Page, form_site: str, form_server):
    recorder, base = form_server
    recorder.requests.clear()
    page.goto(f"{form_site}/es/guides/hold/")
    expect(page.locator(".cutover-feedback__note")).to_contain_text("formulario")
    _opens_nothing(page)
    page.locator('.cutover-feedback a[data-answer="no"]').focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cutover-feedback__thanks")).to_contain_text("Gracias por su respuesta.")
    assert page.url == f"{form_site}/es/guides/hold/" and page.evaluate("window.__followed") == [""]
    for _ in range(50):
        if recorder.requests:
            break
        page.wait_for_timeout(100)
    path = recorder.requests[-1]
    assert urlsplit(path).path == "/feedback"
    assert parse_qs(urlsplit(path).query, keep_blank_values=True) == {
        "src": ["kb"], "title": [TITLES["es"]], "language": ["es"], "version": [""],
        "url": [f"{form_site}/es/guides/hold/"], "helpful": ["no"]}
    # a comment is optional, and only then the form opens
    comment = page.get_by_role("link", name="Añadir un comentario (opcional)")
    assert "helpful=no" in comment.get_attribute("href")


@pytest.mark.parametrize("lang, thanks", [("en", "Thank you for your answer."), ("sv", "Tack för ditt svar.")])
def test_a_vote_shows_thanks_without_opening_any_other_program(page: Page, email_site: str, lang: str, thanks: str, external_requests):
    """Phones with no mail app: Yes records the answer in the browser and says thanks; no mailto: is followed."""
    page.goto(f"{email_site}/{PREFIX[lang]}guides/hold/")
    _opens_nothing(page)
    page.locator('.cutover-feedback a[data-answer="yes"]').click()
    expect(page.locator(".cutover-feedback__thanks")).to_contain_text(thanks)
    expect(page.locator('.cutover-feedback a[data-answer="yes"]')).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__followed") == [""] and page.url.startswith(f"{email_site}/{PREFIX[lang]}guides/hold/")
    votes = json.loads(page.evaluate("localStorage.getItem('cutover-feedback')"))
    assert votes[f"{email_site}/{PREFIX[lang]}guides/hold/"]["answer"] == "yes"
    comment = page.locator(".cutover-feedback__comment")
    assert comment.get_attribute("href").startswith("mailto:kb@example.org?")  # the comment, if wanted, opens mail
    assert external_requests == []
    # the vote travels with the survey
    page.goto(f"{email_site}/survey/")
    _answer_survey(page)
    page.get_by_role("button", name="Send by e-mail").click()
    body = _mail(page.locator(".cutover-survey__status a").get_attribute("href"))[1]["body"]
    assert f"Pages you rated:\n- Yes: {email_site}/{PREFIX[lang]}guides/hold/\n" in body


def _answer_survey(page: Page) -> None:
    page.locator('input[name="ease"][value="4"]').check()
    page.locator('input[name="quality"][value="2"]').check()
    page.locator('input[name="trained"][value="yes"]').check()
    page.locator('input[name="devices"][value="desktop"]').check()
    page.locator('input[name="devices"][value="desk-phone"]').check()
    page.locator('textarea[name="issues"]').fill("Voicemail & <b>transfer</b>")


def test_the_survey_renders_every_question_type_accessibly(page: Page, email_site: str):
    page.goto(f"{email_site}/sv/survey/")
    form = page.locator("form.cutover-survey")
    expect(form.get_by_role("group", name="1. Hur lätt är den nya telefonen att använda?").get_by_role("radio")).to_have_count(5)
    expect(form.get_by_role("group", name="2. Hur är samtalskvaliteten?").get_by_role("radio")).to_have_count(3)
    expect(form.get_by_role("radio", name="5 Lätt")).to_be_visible()
    expect(form.get_by_role("group", name="3. Har du fått utbildning?").get_by_role("radio", name="Ja")).to_be_visible()
    expect(form.get_by_role("group", name="4. Vilka enheter använder du?").get_by_role("checkbox")).to_have_count(4)
    expect(form.get_by_role("textbox", name="5. Vad fungerar fortfarande inte?")).to_be_visible()
    expect(form.get_by_role("textbox", name="Ditt namn (valfritt)")).to_be_empty()
    expect(form.get_by_role("button", name="Ladda ner svaren som en fil")).to_be_visible()
    # keyboard only: arrow keys move within a radio group, space ticks a box
    form.get_by_role("radio", name="1 Svår").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator('input[name="ease"][value="2"]')).to_be_checked()
    form.get_by_role("checkbox", name="Mobilappen").focus()
    page.keyboard.press("Space")
    expect(page.locator('input[name="devices"][value="mobile"]')).to_be_checked()
    assert page.evaluate("window.__pwned") is None
    expect(form.get_by_role("checkbox", name=HOSTILE)).to_have_count(1)


def test_the_survey_by_email_lists_the_answers_readably(page: Page, email_site: str, external_requests):
    page.goto(f"{email_site}/survey/")
    _answer_survey(page)
    page.get_by_role("button", name="Send by e-mail").click()
    link = page.locator(".cutover-survey__status a")
    expect(link).to_have_text("Open the pre-filled e-mail")
    address, fields = _mail(link.get_attribute("href"))
    assert address == "kb@example.org" and fields["subject"] == "Survey: Pulse check"
    assert fields["body"] == (
        "Survey: Pulse check\nLanguage: en\nVersion: 2.0\n\n"
        "1. How easy is the new phone to use?\n4 of 5\n\n"
        "2. How is the call quality?\n2 of 3\n\n"
        "3. Did you get training?\nYes\n\n"
        "4. Which devices do you use?\nDesktop app; Desk phone\n\n"
        "5. What is still not working?\nVoicemail & <b>transfer</b>\n\n"
        "Name: (anonymous)")
    expect(page.locator(".cutover-survey__thanks")).to_have_text("Thanks for your answers.")
    assert external_requests == []


def test_the_survey_downloads_as_a_file(page: Page, email_site: str):
    page.goto(f"{email_site}/de/survey/")
    _answer_survey(page)
    page.get_by_role("textbox", name="Ihr Name (optional)").fill("Kim")
    with page.expect_download() as info:
        page.get_by_role("button", name="Antworten als Datei herunterladen").click()
    download = info.value
    assert download.suggested_filename == "survey-pulse-de.json"
    data = json.loads(Path(download.path()).read_text("utf-8"))
    assert {k: data[k] for k in ("survey", "title", "language", "version", "name")} == {
        "survey": "pulse", "title": "Stimmungsbild", "language": "de", "version": "2.0", "name": "Kim"}
    assert [(a["id"], a["value"], a["text"]) for a in data["answers"]] == [
        ("ease", 4, "4 von 5"), ("quality", 2, "2 von 3"), ("trained", "yes", "Ja"),
        ("devices", ["desktop", "desk-phone"], "Desktop-App; Tischtelefon"),
        ("issues", "Voicemail & <b>transfer</b>", "Voicemail & <b>transfer</b>")]
    expect(page.locator(".cutover-survey__status")).to_have_text("Ihre Antworten wurden als survey-pulse-de.json gespeichert.")


def test_the_survey_form_receives_the_answers(page: Page, form_site: str, form_server):
    recorder, base = form_server
    recorder.requests.clear()
    page.goto(f"{form_site}/survey/")
    _answer_survey(page)
    page.get_by_role("button", name="Send answers").click()
    expect(page.locator("body")).to_have_text("received")
    parts = urlsplit(recorder.requests[-1])
    assert parts.path == "/survey"
    assert parse_qs(parts.query, keep_blank_values=True) == {
        "survey": ["pulse"], "language": ["en"], "version": [""], "ease": ["4"], "quality": ["2"], "trained": ["yes"],
        "devices": ["desktop", "desk-phone"], "issues": ["Voicemail & <b>transfer</b>"], "name": [""], "role": [""]}  # role: optional, for reports by role


@pytest.mark.parametrize("lang, words", [("en", "please contact your trainer or the helpdesk"),
                                         ("de", "wenden Sie sich bitte an Ihr Schulungsteam oder den Helpdesk"),
                                         ("es", "póngase en contacto con su formador o el servicio de asistencia"),
                                         ("sv", "kan du kontakta din utbildare eller servicedesk")])
def test_without_a_channel_the_page_says_whom_to_contact(page: Page, fixture_url: str, lang: str, words: str):
    page.goto(f"{fixture_url}/{PREFIX[lang]}guides/dial/")
    expect(page.locator(".cutover-feedback__contact")).to_contain_text(words)
    expect(page.locator(".cutover-feedback a")).to_have_count(0)


def _serious(page: Page) -> list[str]:
    result = Axe().run(page)
    return [f'{v["id"]} ({v["impact"]}): {v["nodes"][0]["target"]}' for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_finds_no_serious_violation(page: Page, email_site: str, lang: str):
    page.goto(f"{email_site}/{PREFIX[lang]}survey/")
    _answer_survey(page)
    assert _serious(page) == []
    page.goto(f"{email_site}/{PREFIX[lang]}guides/hold/")
    assert _serious(page) == []
