"""LMS packages played as an LMS plays them, in Chromium.

SCORM 1.2: the package runs in a frame whose parent holds scorm-again's SCORM 1.2 run-time as window.API
(vendored under tests/browser/vendor/, test only). cmi5: the package is launched with cmi5 launch parameters that
point at a loopback learning record store in this module, which answers the fetch URL and the state API and
records every statement. Outside an LMS, served or from file://, the pages just work.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
import threading
import uuid
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import FrameLocator, Page, expect

from generator.verify.server import serve

from quizkit import answer, quiz_data
from support import FIXTURE

pytestmark = pytest.mark.browser
VENDOR = Path(__file__).parent / "vendor" / "scorm-again"
LMS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm-again/scorm12.min.js"></script>
<script>
  const query = new URLSearchParams(location.search);
  window.API = new Scorm12API({ logLevel: 5 });
  if (query.get("mode")) window.API.loadFromJSON({ core: { lesson_mode: query.get("mode") } });
  window.calls = [];
  window.sets = [];
  for (const name of ["LMSInitialize", "LMSCommit", "LMSFinish"]) window.API.on(name, () => window.calls.push(name));
  window.API.on("LMSSetValue.cmi.*", (element, value) => window.sets.push([element, String(value)]));
</script></head>
<body><iframe id="sco" title="Course" style="width:1200px;height:700px;border:0"></iframe>
<script>document.getElementById("sco").src = query.get("package") + "/index.html";</script>
</body></html>
"""
STRINGS = {"en": {"connected": "Your learning platform records your progress in this training.",
                  "passed": "Result: 100 %, passed.", "failed": "Result: 40 %, not passed yet (pass mark: 60 %)."},
           "de": {"connected": "Ihre Lernplattform zeichnet Ihren Fortschritt in dieser Schulung auf.",
                  "passed": "Ergebnis: 100 %, bestanden.", "failed": "Ergebnis: 40 %, noch nicht bestanden (Bestehensgrenze: 60 %)."}}
WRONG = ("hold-where", "order", "match")  # three of five questions wrong: 40 %, under the pass mark of 60 %


def cutover(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def lms_root(tmp_path_factory) -> Path:
    """Every package of the fixture project, unzipped side by side (agent-en-scorm12/, …), and the test LMS page."""
    root = tmp_path_factory.mktemp("lms-root")
    site = root.parent / "lms-offline-site"
    run = cutover("build", "-p", str(FIXTURE), "--offline", "-d", str(site))
    assert run.returncode == 0, run.stdout + run.stderr
    for fmt in ("scorm12", "cmi5"):
        zips = root.parent / f"lms-zips-{fmt}"
        run = cutover("export-lms", "-p", str(FIXTURE), "--format", fmt, "--site", str(site), "-o", str(zips))
        assert run.returncode == 0, run.stdout + run.stderr
        for package in zips.glob("*.zip"):
            with zipfile.ZipFile(package) as archive:
                archive.extractall(root / package.stem)
    shutil.copytree(VENDOR, root / "scorm-again")
    (root / "lms.html").write_text(LMS_PAGE, "utf-8")
    return root


@pytest.fixture(scope="module")
def lms_url(lms_root):
    server, url = serve(lms_root)
    yield url
    server.shutdown()


def content(page: Page, in_lms: bool = True) -> FrameLocator:
    player = page.frame_locator("#sco") if in_lms else page
    return player.frame_locator("iframe.cutover-lms-frame")


def take_quiz(frame: FrameLocator, wrong: tuple[str, ...] = (), by_navigation: bool = False) -> None:
    """From the manual to the quiz, by the link in its last section (which reaches that section) or by the
    package's navigation (wide windows show it); exam mode; answers from the key but for ``wrong``."""
    if by_navigation:
        frame.locator('nav.md-nav--primary a.md-nav__link[href$="quizzes/basics.html"]').click()
    else:
        frame.locator('article a[href$="quizzes/basics.html"]').click()
    expect(frame.locator(".cq-toolbar")).to_be_visible()
    frame.locator('.cq-mode input[value="exam"]').check()
    submit(frame, wrong)


def submit(frame: FrameLocator, wrong: tuple[str, ...] = ()) -> None:
    for q in quiz_data(frame)["questions"]:
        answer(frame, q, wrong=q["id"] in wrong)
    frame.locator(".cq-submit").click()


def api(page: Page, element: str) -> str:
    return page.evaluate(f"String(window.API.cmi.{element})")


def finish_in_lms(page: Page) -> None:
    """The LMS closes the course: its frame goes away, which ends the player's page."""
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("window.calls.includes('LMSFinish')")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_scorm_answer_key_passes_with_100(page: Page, lms_url: str, lang: str, external_requests):
    page.goto(f"{lms_url}/lms.html?package=agent-{lang}-scorm12")
    status = page.frame_locator("#sco").locator(".cutover-lms-status")
    expect(status).to_have_text(STRINGS[lang]["connected"])
    assert api(page, "core.lesson_status") == "incomplete"
    take_quiz(content(page))
    expect(status).to_contain_text(STRINGS[lang]["passed"])
    assert api(page, "core.lesson_status") == "passed"
    assert (api(page, "core.score.raw"), api(page, "core.score.min"), api(page, "core.score.max")) == ("100", "0", "100")
    finish_in_lms(page)
    sets = dict(page.evaluate("window.sets"))
    assert re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", sets["cmi.core.session_time"]), sets
    assert sets["cmi.core.exit"] == ""
    assert page.evaluate("window.calls") [:1] == ["LMSInitialize"] and page.evaluate("window.calls").count("LMSFinish") == 1
    assert "LMSCommit" in page.evaluate("window.calls")
    assert external_requests == []


def test_scorm_wrong_answers_fail_with_their_score_and_a_retake_passes(page: Page, lms_url: str):
    page.goto(f"{lms_url}/lms.html?package=agent-en-scorm12")
    status = page.frame_locator("#sco").locator(".cutover-lms-status")
    frame = content(page)
    take_quiz(frame, wrong=WRONG)
    expect(status).to_have_text(STRINGS["en"]["failed"] + " You can try again.")
    assert (api(page, "core.lesson_status"), api(page, "core.score.raw")) == ("failed", "40")
    frame.locator(".cq-retake").click()
    submit(frame)
    expect(status).to_contain_text(STRINGS["en"]["passed"])
    assert (api(page, "core.lesson_status"), api(page, "core.score.raw")) == ("passed", "100")
    frame.locator(".cq-retake").click()  # a worse attempt later keeps the best score and the pass
    submit(frame, wrong=WRONG)
    expect(status).to_contain_text("40 %")
    assert (api(page, "core.lesson_status"), api(page, "core.score.raw")) == ("passed", "100")


@pytest.mark.parametrize("how", ["last section", "checklist"])
def test_scorm_manual_completes_by_its_last_section_or_the_checklist(page: Page, lms_url: str, how: str):
    page.goto(f"{lms_url}/lms.html?package=manager-en-scorm12" if how == "last section" else
              f"{lms_url}/lms.html?package=agent-en-scorm12")
    status = page.frame_locator("#sco").locator(".cutover-lms-status")
    expect(status).to_have_text(STRINGS["en"]["connected"])
    frame = content(page)
    if how == "last section":
        frame.locator("article h2[id]").last.scroll_into_view_if_needed()
    else:
        assert api(page, "core.lesson_status") == "incomplete"
        frame.locator("details:has(li[data-task])").evaluate_all("ds => ds.forEach((d) => { d.open = true; })")  # phase blocks
        tasks = frame.locator("li[data-task] input[type=checkbox]")
        for i in range(tasks.count()):
            tasks.nth(i).check()
    expect(status).to_have_text("Your learning platform now shows this training as completed.")
    assert api(page, "core.lesson_status") == "completed"
    finish_in_lms(page)
    assert dict(page.evaluate("window.sets"))["cmi.core.exit"] == ""


def test_scorm_review_launch_records_nothing(page: Page, lms_url: str):
    page.goto(f"{lms_url}/lms.html?package=agent-en-scorm12&mode=review")
    status = page.frame_locator("#sco").locator(".cutover-lms-status")
    expect(status).to_have_text("Review mode: your learning platform records nothing this time.")
    take_quiz(content(page))
    expect(content(page).locator(".cq-passed")).to_be_visible()
    assert not [s for s in page.evaluate("window.sets") if s[0] != "cmi.core.session_time"]


def test_outside_an_lms_the_pages_just_work(page: Page, lms_url: str, external_requests):
    failed: list[str] = []
    errors: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{lms_url}/agent-de-scorm12/index.html")
    frame = content(page, in_lms=False)
    expect(frame.locator("h1")).to_have_text("Agent")
    expect(page.locator(".cutover-lms-bar")).to_be_hidden()
    take_quiz(frame)
    expect(frame.locator(".cq-passed")).to_be_visible()
    expect(page).to_have_title(re.compile("Grundlagen"))
    assert (failed, errors, external_requests) == ([], [], [])


def test_player_and_package_pages_have_no_serious_accessibility_problem(page: Page, lms_url: str):
    """axe on the player with the LMS's status showing, and on the manual and the quiz inside the package."""
    page.goto(f"{lms_url}/lms.html?package=agent-sv-scorm12")
    expect(page.frame_locator("#sco").locator(".cutover-lms-status")).to_be_visible()
    found = {}
    for target in ("index.html", "sv/roles/agent.html", "sv/quizzes/basics.html"):
        page.goto(f"{lms_url}/agent-sv-scorm12/{target}")
        result = Axe().run(page)
        problems = [f'{v["id"]} ({v["impact"]})' for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        if problems:
            found[target] = problems
    assert found == {}
    page.goto(f"{lms_url}/agent-sv-scorm12/index.html")
    assert page.locator("main h1").text_content() == "Agent – Fixture training"
    expect(page.locator("iframe")).to_have_attribute("title", "Agent - Fixture training")  # the framed page's own title
    expect(page).to_have_title("Agent - Fixture training")


def test_a_package_opened_from_disk_works(page: Page, lms_root: Path):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((lms_root / "agent-en-cmi5" / "index.html").as_uri())
    frame = content(page, in_lms=False)
    expect(frame.locator("h1")).to_have_text("Agent")
    take_quiz(frame, wrong=WRONG)
    expect(frame.locator(".cq-failed")).to_be_visible()
    assert errors == []


# ---------------------------------------------------------------- cmi5

class Lrs:
    """A learning record store on loopback that knows one launch: it answers the fetch URL once, serves
    LMS.LaunchData, keeps state documents and records statements in the order they arrive."""

    def __init__(self, launch_mode: str = "Normal"):
        self.token = base64.b64encode(b"learner:secret").decode()
        self.session = str(uuid.uuid4())
        self.registration = str(uuid.uuid4())
        self.activity = "urn:cutover:fixture-training:agent:en:au"
        self.actor = {"objectType": "Agent", "account": {"homePage": "https://lms.example.org", "name": "learner-1"}}
        self.statements: list[dict] = []
        self.states: dict[str, str] = {}
        self.fetches = 0
        self.bad_auth: list[str] = []
        self.launch_mode = launch_mode
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status: int, body: object = None, kind: str = "application/json"):
                data = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
                self.send_response(status)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version")
                self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def checked(self) -> bool:
                if self.headers.get("Authorization") != f"Basic {lrs.token}" or self.headers.get("X-Experience-API-Version") != "1.0.3":
                    lrs.bad_auth.append(self.path)
                    self.reply(401, {"error": "unauthorised"})
                    return False
                return True

            def body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_OPTIONS(self):
                self.reply(204)

            def do_GET(self):
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/returned":
                    return self.reply(200, b"<!doctype html><title>Back in the LMS</title>", "text/html")
                if not url.path.startswith("/xapi/"):
                    return self.reply(404, {"error": "not found"})
                if not self.checked():
                    return
                if url.path == "/xapi/activities/state":
                    assert json.loads(query["agent"]) == lrs.actor and query["registration"] == lrs.registration
                    if query["stateId"] == "LMS.LaunchData":
                        return self.reply(200, lrs.launch_data())
                    if query["stateId"] in lrs.states:
                        return self.reply(200, lrs.states[query["stateId"]].encode())
                self.reply(404, {"error": "not found"})

            def do_PUT(self):
                url = urlsplit(self.path)
                if not self.checked():
                    return
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                lrs.states[query["stateId"]] = self.body().decode()
                self.reply(204)

            def do_POST(self):
                url = urlsplit(self.path)
                if url.path == "/fetch":
                    lrs.fetches += 1
                    self.body()
                    if lrs.fetches > 1:
                        return self.reply(200, {"error-code": "1", "error-text": "The authorization token has already been returned."})
                    return self.reply(200, {"auth-token": lrs.token})
                if not self.checked():
                    return
                sent = json.loads(self.body())
                sent = sent if isinstance(sent, list) else [sent]
                lrs.statements += sent
                self.reply(200, [s["id"] for s in sent])

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def launch_data(self) -> dict:
        return {"contextTemplate": {"contextActivities": {"grouping": [{"objectType": "Activity", "id": self.activity}]},
                                    "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": self.session}},
                "launchMode": self.launch_mode, "moveOn": "CompletedAndPassed", "masteryScore": 0.6,
                "returnURL": f"{self.url}/returned"}

    def launch(self, package_url: str) -> str:
        return f"{package_url}/index.html?" + urlencode({"endpoint": f"{self.url}/xapi/", "fetch": f"{self.url}/fetch",
                                                         "actor": json.dumps(self.actor), "registration": self.registration,
                                                         "activityId": self.activity})

    def verbs(self) -> list[str]:
        return [s["verb"]["id"].rsplit("/", 1)[-1] for s in self.statements]


@pytest.fixture
def lrs():
    store = Lrs()
    yield store
    store.server.shutdown()


def wait_for_verbs(page: Page, lrs: Lrs, count: int) -> None:
    for _ in range(100):
        if len(lrs.statements) >= count:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"the LRS has {lrs.verbs()}, expected {count} statements")


def check_cmi5_statement(lrs: Lrs, statement: dict) -> None:
    """What cmi5 asks of every statement an assignable unit makes."""
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", statement["id"])
    assert statement["actor"] == lrs.actor and statement["object"] == {"id": lrs.activity, "objectType": "Activity"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", statement["timestamp"])
    context = statement["context"]
    assert context["registration"] == lrs.registration
    assert context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] == lrs.session
    assert context["contextActivities"]["grouping"] == [{"objectType": "Activity", "id": lrs.activity}]
    categories = [c["id"] for c in context["contextActivities"]["category"]]
    assert "https://w3id.org/xapi/cmi5/context/categories/cmi5" in categories
    judged = "result" in statement and ({"success", "completion"} & set(statement["result"]))
    assert ("https://w3id.org/xapi/cmi5/context/categories/moveon" in categories) == bool(judged)
    if statement["verb"]["id"].endswith(("/passed", "/failed", "/completed", "/terminated")):
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?\d+(\.\d+)?S", statement["result"]["duration"])


def test_cmi5_statements_in_order_with_the_cmi5_context(page: Page, lms_url: str, lrs: Lrs, external_requests):
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(lrs.launch(f"{lms_url}/agent-en-cmi5"))
    status = page.locator(".cutover-lms-status")
    expect(status).to_have_text(STRINGS["en"]["connected"])
    wait_for_verbs(page, lrs, 1)
    frame = content(page, in_lms=False)
    take_quiz(frame, by_navigation=True)
    expect(status).to_contain_text(STRINGS["en"]["passed"])
    wait_for_verbs(page, lrs, 2)
    frame.locator('article a[href$="roles/agent.html"]').first.click()
    frame.locator("article h2[id]").last.scroll_into_view_if_needed()
    expect(status).to_have_text("Your learning platform now shows this training as completed.")
    wait_for_verbs(page, lrs, 3)
    page.locator(".cutover-lms-exit").click()
    expect(page).to_have_url(f"{lrs.url}/returned")
    wait_for_verbs(page, lrs, 4)
    assert lrs.verbs() == ["initialized", "passed", "completed", "terminated"]
    for statement in lrs.statements:
        check_cmi5_statement(lrs, statement)
    passed = lrs.statements[1]
    assert passed["result"]["score"] == {"scaled": 1, "raw": 100, "min": 0, "max": 100} and passed["result"]["success"] is True
    assert passed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == 0.6
    assert lrs.statements[2]["result"]["completion"] is True
    assert [s["timestamp"] for s in lrs.statements] == sorted(s["timestamp"] for s in lrs.statements)
    assert len({s["id"] for s in lrs.statements}) == 4
    assert (lrs.fetches, lrs.bad_auth) == (1, [])
    assert json.loads(lrs.states["cutover.progress"]) == {"passed": True, "completed": True}
    assert [u for u in external_requests if not u.startswith(lrs.url)] == []


def test_cmi5_failed_is_sent_when_the_session_ends_without_a_pass(page: Page, lms_url: str, lrs: Lrs):
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(lrs.launch(f"{lms_url}/agent-en-cmi5"))
    status = page.locator(".cutover-lms-status")
    expect(status).to_have_text(STRINGS["en"]["connected"])
    take_quiz(content(page, in_lms=False), wrong=WRONG, by_navigation=True)
    expect(status).to_contain_text(STRINGS["en"]["failed"])
    page.wait_for_timeout(300)
    assert lrs.verbs() == ["initialized"]  # the learner may still retry and pass in this session
    page.locator(".cutover-lms-exit").click()
    expect(page).to_have_url(f"{lrs.url}/returned")
    wait_for_verbs(page, lrs, 3)
    assert lrs.verbs() == ["initialized", "failed", "terminated"]
    failed = lrs.statements[1]
    check_cmi5_statement(lrs, failed)
    assert failed["result"]["success"] is False and failed["result"]["score"] == {"scaled": 0.4, "raw": 40, "min": 0, "max": 100}


def test_cmi5_browse_launch_sends_only_initialized_and_terminated(page: Page, lms_url: str):
    lrs = Lrs(launch_mode="Browse")
    try:
        page.goto(lrs.launch(f"{lms_url}/agent-en-cmi5"))
        expect(page.locator(".cutover-lms-status")).to_have_text("Review mode: your learning platform records nothing this time.")
        take_quiz(content(page, in_lms=False))
        expect(content(page, in_lms=False).locator(".cq-passed")).to_be_visible()
        page.close(run_before_unload=True)
        for _ in range(100):
            if len(lrs.statements) >= 2:
                break
            threading.Event().wait(0.05)
        assert lrs.verbs() == ["initialized", "terminated"]
    finally:
        lrs.server.shutdown()
