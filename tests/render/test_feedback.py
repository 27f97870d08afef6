"""Per-page feedback: the channel from catalog/site.yaml, the links it gives, the settings' errors, inert text."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from click.testing import CliRunner

from generator.catalog.load import load_project
from generator.cli import main
from generator.errors import CutoverError
from generator.render import feedback
from generator.render.localize import Localizer

from support import FIXTURE, edit

LANGUAGES = ("en", "de", "es", "sv")
SUBJECTS = {"de": "Feedback zur Seite „Put a call on hold“: hilfreich", "es": "Comentario sobre la página «Put a call on hold»: útil",
            "sv": "Synpunkter på sidan ”Put a call on hold”: till hjälp", "en": "Feedback on the page “Put a call on hold”: helpful"}


def configure(root: Path, settings: str) -> None:
    edit(root / "catalog/site.yaml", "variables:\n", f"{settings}\nvariables:\n")


def page_info(lang: str, title: str = "Put a call on hold", version: str = "") -> feedback.PageInfo:
    return feedback.PageInfo(title, f"{'' if lang == 'en' else lang + '/'}guides/hold/", lang, version)


def hrefs(widget: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'data-answer="(\w+)" href="([^"]*)"', widget)}


def mail_parts(href: str) -> tuple[str, str, str]:
    address, _, query = href[len("mailto:"):].partition("?")
    fields = {k: unquote(v) for k, v in (p.split("=", 1) for p in query.split("&"))}
    return address, fields["subject"], fields["body"]


def test_without_settings_the_helpdesk_email_variable_is_the_channel(project: Path):
    edit(project / "catalog/site.yaml", "variables:\n", "variables:\n  helpdesk_email: help@example.org\n")
    p = load_project(project).project
    assert feedback.page_channel(p, "de") == feedback.Channel("email", "help@example.org")
    assert feedback.survey_channel(p, "de") == feedback.Channel("email", "help@example.org")


def test_without_any_address_there_is_no_channel():
    p = load_project(FIXTURE).project
    assert feedback.page_channel(p, "en").kind == "none" and feedback.survey_channel(p, "en").kind == "none"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_email_links_carry_page_language_version_and_address_in_every_language(project: Path, lang: str):
    configure(project, "feedback:\n  email: kb@example.org")
    p = load_project(project).project
    widget = feedback.widget_html(p, page_info(lang, version="2.0"), Localizer(p, lang))
    links = hrefs(widget)
    assert set(links) == {"yes", "no", "problem"}
    assert mail_parts(links["yes"])[1] == SUBJECTS[lang]
    for answer, href in links.items():
        address, subject, body = mail_parts(href)
        assert address == "kb@example.org" and "Put a call on hold" in subject
        assert "Put a call on hold" in body and f"({lang})" in body and "2.0" in body
        assert f"{'' if lang == 'en' else lang + '/'}guides/hold/" in body
    loc = Localizer(p, lang)
    assert loc.ui("feedback.yes") in mail_parts(links["yes"])[2] and loc.ui("feedback.no") in mail_parts(links["no"])[2]
    assert loc.ui("feedback.question") in widget


def test_an_unpublished_page_says_so_in_the_email(project: Path):
    configure(project, "feedback:\n  email: kb@example.org")
    p = load_project(project).project
    body = mail_parts(hrefs(feedback.widget_html(p, page_info("en"), Localizer(p, "en")))["no"])[2]
    assert "Version: –" in body


def test_form_links_carry_the_fields_as_query_parameters(project: Path):
    configure(project, "feedback:\n  form: https://forms.example.org/kb?usp=pp_url\n"
                       "  parameters: {title: entry.1, answer: entry.5}")
    p = load_project(project).project
    links = hrefs(feedback.widget_html(p, page_info("es", version="1.1"), Localizer(p, "es")))
    for answer, href in links.items():
        parts = urlsplit(href)
        assert parts.netloc == "forms.example.org" and parts.path == "/kb"
        assert parse_qs(parts.query) == {"usp": ["pp_url"], "entry.1": ["Put a call on hold"], "language": ["es"],
                                         "version": ["1.1"], "url": ["es/guides/hold/"], "entry.5": [answer]}
    # the survey does not go to the page form: it has its own address, else e-mail, else nothing
    assert feedback.survey_channel(p, "es").kind == "none"


def test_channel_none_shows_whom_to_contact_from_the_variables(project: Path):
    edit(project / "catalog/site.yaml", "variables:\n",
         "feedback:\n  channel: none\nvariables:\n  helpdesk_email: help@example.org\n  helpdesk_phone: '4357'\n")
    p = load_project(project).project
    for lang, words in {"en": "the helpdesk on 4357", "de": "den Helpdesk unter 4357", "sv": "servicedesk på 4357"}.items():
        widget = feedback.widget_html(p, page_info(lang), Localizer(p, lang))
        assert hrefs(widget) == {} and "mailto:" not in widget and words in widget


def test_a_translated_contact_text_replaces_the_default(project: Path):
    configure(project, "feedback:\n  contact: your team leader")
    edit(project / "catalog/site.de.yaml", "categories:", "feedback:\n  contact: Ihre Teamleitung\ncategories:")
    p = load_project(project).project
    assert "Ihre Teamleitung" in feedback.widget_html(p, page_info("de"), Localizer(p, "de"))
    assert "your team leader" in feedback.widget_html(p, page_info("en"), Localizer(p, "en"))


@pytest.mark.parametrize("settings, message, line", [
    ("feedback:\n  email: not an address", "feedback.email: 'not an address' is not an e-mail address", 6),
    ("feedback:\n  form: javascript:alert(1)", "feedback.form: only http:// and https:// addresses are allowed", 6),
    ("feedback:\n  form: mailto:kb@example.org", "feedback.form: a mailto: address is not a form", 6),
    ("feedback:\n  survey_form: https://x.example.org/a b", "feedback.survey_form: the address contains spaces", 6),
    ("feedback:\n  channel: form", "feedback.channel is 'form' but no form address is set", 6),
    ("feedback:\n  channel: email", "feedback.channel is 'email' but no address is set", 6),
    ("feedback:\n  chanel: email", "unknown key 'chanel'", 6),
    ("feedback:\n  channel: web", "'web' is not one of: email, form, none", 6),
])
def test_bad_settings_are_located_errors(project: Path, settings: str, message: str, line: int):
    configure(project, settings)
    with pytest.raises(CutoverError) as info:
        load_project(project)
    problem = info.value.problems[0]
    assert (problem.path, problem.line) == ("catalog/site.yaml", line) and message in problem.message
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 1 and "Traceback" not in result.output and f"catalog/site.yaml:{line}:" in result.output


def test_encoding_matches_the_browsers_encodeURIComponent():
    template = feedback.LinkTemplate("mailto:a@example.org", [("body", ["a b&c=d/é!'()*~\n", {"f": "url"}])])
    assert template.href({"url": "x?y#z"}) == "mailto:a@example.org?body=a%20b%26c%3Dd%2F%C3%A9!'()*~%0Ax%3Fy%23z"


def test_hostile_titles_stay_inert(project: Path):
    configure(project, "feedback:\n  email: kb@example.org")
    p = load_project(project).project
    hostile = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>{url}'
    widget = feedback.widget_html(p, page_info("en", title=hostile), Localizer(p, "en"))
    assert "<script>alert" not in widget and "<img" not in widget and "</script><" not in widget.split("</script>", 1)[1]
    assert widget.count("<script") == 1 and widget.count("</script>") == 1
    assert hostile in mail_parts(hrefs(widget)["yes"])[1]  # the subject keeps the title literally


def test_plain_title_removes_tags_and_entities():
    assert feedback.plain_title("Hold &amp; <code>resume</code>") == "Hold & resume"
