"""The Content-Security-Policy: the theme's scripts are hashed, anything else is not, and the policy is complete."""

import base64
import hashlib
import re
from pathlib import Path

from generator.catalog.load import load_project
from generator.site import csp

from support import FIXTURE


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(page: str) -> str:
    return re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)


TEMPLATE = ('<html><head><meta charset="utf-8"><title>{title}</title><script>var theme = 1;</script></head>'
            '<body><script type="application/json" id="__config">{{"a": 1}}</script>{content}'
            '<script src="assets/x.js"></script></body></html>')


def test_only_the_templates_scripts_get_hashes():
    template = csp.mark_scripts(TEMPLATE)  # as the adapter loads every template
    page = template.format(title="</title><script>hit(1)</script>", content="<script>hit(2)</script>")
    out = csp.apply(page, csp.Policy())
    assert "data-cutover-" not in out
    policy = policy_of(out)
    assert sha("var theme = 1;") in policy
    assert sha("hit(1)") not in policy and sha("hit(2)") not in policy
    assert sha('{"a": 1}') not in policy  # data, not script
    assert out.index("Content-Security-Policy") < out.index("<title>") and out.startswith('<html><head><meta charset="utf-8">\n<meta')


def test_a_forged_tag_does_not_earn_a_hash():
    page = csp.mark_scripts(TEMPLATE).format(title="x", content="<script data-cutover-0123456789abcdef>hit(3)</script>")
    assert sha("hit(3)") not in policy_of(csp.apply(page, csp.Policy()))


def test_policy_directives():
    policy = csp.Policy(form_targets=("https://forms.example.org",), mail_forms=True, hosts=("https://video.example",)).render(["abc"], [])
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["script-src"] == "'self' 'report-sample' 'sha256-abc'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["form-action"] == "'self' https://forms.example.org mailto:"
    assert directives["img-src"] == "'self' data: https://video.example" and directives["frame-src"] == "'self' https://video.example"
    assert directives["connect-src"] == "'self'" and directives["style-src"] == "'self'"


def test_aligned_table_columns_are_the_only_inline_styles_allowed():
    page = csp.mark_scripts(TEMPLATE).format(title="x", content='<td style="text-align: right;">1</td>')
    style = dict(d.split(" ", 1) for d in policy_of(csp.apply(page, csp.Policy())).split("; "))["style-src"]
    assert style == f"'self' 'unsafe-hashes' {sha('text-align: right;')}"


def test_site_policy_names_the_configured_form_hosts(project: Path):
    site = project / "catalog/site.yaml"
    site.write_text(site.read_text("utf-8") + "feedback:\n  form: https://tickets.example.org/new?queue=kb\n"
                    "  survey_form: https://forms.example.net/s/1\n", "utf-8")
    policy = csp.site_policy(load_project(project).project)
    assert policy.form_targets == ("https://forms.example.net", "https://tickets.example.org") and policy.mail_forms


def test_audit_finds_missing_late_lax_and_unhashed_policies():
    good = csp.apply(csp.mark_scripts(TEMPLATE).format(title="x", content=""), csp.Policy())
    assert csp.audit(good) == []
    assert csp.audit(TEMPLATE.format(title="x", content="")) == ["no Content-Security-Policy meta tag"]
    planted = good.replace("</body>", "<script>hit(4)</script></body>")
    assert csp.audit(planted) == ["an inline script has no hash in the policy and will not run: hit(4)"]
    lax = good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert any("allows any inline script" in p for p in csp.audit(lax))


def test_offline_pages_allow_the_search_shims_bootstrap():
    page = csp.mark_scripts(TEMPLATE).replace('{{"a": 1}}', '{{"search": "../assets/javascripts/workers/search.js"}}')
    page = page.format(title="x", content="")
    online, offline = csp.apply(page, csp.Policy()), csp.apply(page, csp.Policy(offline=True))
    extra = set(policy_of(offline).split()) - set(policy_of(online).split())
    bootstrap = csp._shim_bootstrap("../assets/javascripts/workers/search.js")
    assert bootstrap.startswith("postMessage=function c(s,n){parent.postMessage(s,n||\"*\")};importScripts=function d(")
    assert 'filename:"../assets/javascripts/workers/search.js"' in bootstrap
    assert extra == {sha(bootstrap)}


def test_fixture_pages_all_carry_a_sound_policy(tmp_path: Path):
    import subprocess
    import sys

    out = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(FIXTURE), "-d", str(out)], check=True,
                   capture_output=True)
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 80 and (out / "404.html") in pages
    assert {str(p.relative_to(out)): csp.audit(p.read_text("utf-8")) for p in pages if csp.audit(p.read_text("utf-8"))} == {}
    assert not any("data-cutover-" in p.read_text("utf-8") for p in pages)


def test_audit_leaves_mikes_redirect_pages_alone():
    redirect = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Redirecting</title><noscript>'
                '<meta http-equiv="refresh" content="1; url=2.0/" /></noscript><script>window.location.replace("2.0/")</script>'
                '</head><body>Redirecting to <a href="2.0/">2.0/</a>...</body></html>')
    assert csp.audit(redirect) == []


def test_scripts_may_send_page_votes_to_the_feedback_form_host_only(project: Path):
    site = project / "catalog/site.yaml"
    site.write_text(site.read_text("utf-8") + "feedback:\n  form: https://tickets.example.org/new?queue=kb\n"
                    "  survey_form: https://forms.example.net/s/1\n", "utf-8")
    rendered = csp.site_policy(load_project(project).project).render([], [])
    assert "connect-src 'self' https://tickets.example.org;" in rendered
    assert "forms.example.net" not in rendered.split("connect-src")[1].split(";")[0]
