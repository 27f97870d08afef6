"""Where readers' feedback goes, and the links that take it there — no server of our own.

The organisation chooses the channel in the ``feedback`` section of catalog/site.yaml: a pre-filled e-mail
(by default to the ``helpdesk_email`` variable), or a form or ticket URL that receives the fields as query
parameters. With neither, pages say whom to contact instead. Nothing is sent anywhere else.

A link is described once, as a :class:`LinkTemplate` whose values may contain two fields known only in the
reader's browser (the page's address and the published version). The build fills them with what it knows, so
the links work without JavaScript; ``assets/feedback.js`` fills them again from the same template at click time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

from generator.catalog.feedback import is_address
from generator.catalog.model import Feedback, Project
from generator.render import escape
from generator.render.localize import Localizer, language_name

#: Our names of the form fields; ``feedback.parameters`` may rename each.
FORM_FIELDS = ("title", "language", "version", "url", "answer")
#: The answers a page's links send.
ANSWERS = ("yes", "no", "problem")
#: Fields that only the browser knows exactly; the build fills in its best guess.
RUNTIME_FIELDS = ("url", "version")
#: Shown in an e-mail for a page that was not published as a version.
NO_VERSION = "–"


Segment = Union[str, dict]  #: literal text, or {"f": "url"} / {"f": "version"}


@dataclass(frozen=True)
class Channel:
    kind: str  #: email, form or none
    target: str = ""  #: the address or the form's URL
    parameters: dict[str, str] = field(default_factory=dict)


@dataclass
class LinkTemplate:
    base: str  #: ``mailto:address`` or the form URL (with its own query, if any)
    params: list[tuple[str, list[Segment]]]

    def href(self, values: dict[str, str]) -> str:
        """The link with ``values`` for the runtime fields; encoded exactly as the browser's encodeURIComponent."""
        query = "&".join(f"{_encode(name)}={_encode(fill(segments, values))}" for name, segments in self.params)
        if not query:
            return self.base
        return self.base + ("&" if "?" in self.base else "?") + query

    def data(self) -> dict:
        return {"base": self.base, "params": [[name, segments] for name, segments in self.params]}


def fill(segments: list[Segment], values: dict[str, str]) -> str:
    return "".join(s if isinstance(s, str) else values.get(s["f"], "") for s in segments)


def _encode(text: str) -> str:
    return quote(text, safe="!~*'()")  # the characters encodeURIComponent leaves alone


def _helpdesk_email(project: Project, lang: str) -> str | None:
    values = project.site.variables.get("helpdesk_email", {})
    value = values.get(lang, values.get("*", values.get(project.site.default_language)))
    return value if is_address(value) else None


def page_channel(project: Project, lang: str) -> Channel:
    """Where this language's "Was this page helpful?" and "Report a problem" links go."""
    settings = project.site.feedback or Feedback()
    email = settings.email or _helpdesk_email(project, lang)
    kind = settings.channel or ("form" if settings.form else "email" if email else "none")
    if kind == "form" and settings.form:
        return Channel("form", settings.form, dict(settings.parameters))
    if kind == "email" and email:
        return Channel("email", email)
    return Channel("none")


def survey_channel(project: Project, lang: str) -> Channel:
    """Where the survey's answers go: the survey form, else e-mail when an address is known (never the page form)."""
    settings = project.site.feedback or Feedback()
    if settings.survey_form:
        return Channel("form", settings.survey_form)
    email = settings.email or _helpdesk_email(project, lang)
    if email and settings.channel != "none":
        return Channel("email", email)
    return Channel("none")


# --- the per-page widget ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageInfo:
    title: str  #: plain text
    url: str  #: the build's best guess; the browser's address replaces it
    lang: str
    version: str = ""  #: mike's version while publishing, else empty


def page_links(channel: Channel, page: PageInfo, loc: Localizer) -> dict[str, LinkTemplate]:
    """The yes, no and problem links of one page."""
    if channel.kind == "form":
        names = {name: channel.parameters.get(name, name) for name in FORM_FIELDS}
        base = channel.target
        return {answer: LinkTemplate(base, [(names["title"], [page.title]), (names["language"], [page.lang]),
                                            (names["version"], [{"f": "version"}]), (names["url"], [{"f": "url"}]),
                                            (names["answer"], [answer])])
                for answer in ANSWERS}
    if channel.kind != "email":
        return {}
    details = [f"{loc.ui('feedback.field_page')}: {page.title}\n",
               f"{loc.ui('feedback.field_language')}: {language_name(page.lang, loc.lang)} ({page.lang})\n",
               f"{loc.ui('feedback.field_version')}: ", {"f": "version"}, "\n",
               f"{loc.ui('feedback.field_address')}: ", {"f": "url"}, "\n"]
    links = {}
    for answer in ANSWERS:
        subject = loc.ui(f"feedback.subject_{answer}", title=page.title)
        opening = [] if answer == "problem" else [f"{loc.ui('feedback.question')} {loc.ui('feedback.' + answer)}\n\n"]
        body = opening + details + [f"\n{loc.ui('feedback.prompt_' + answer)}\n\n"]
        links[answer] = LinkTemplate(f"mailto:{channel.target}", [("subject", [subject]), ("body", _merge(body))])
    return links


def _merge(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for s in segments:
        if isinstance(s, str) and out and isinstance(out[-1], str):
            out[-1] += s
        else:
            out.append(s)
    return out


def build_values(channel: Channel, page: PageInfo) -> dict[str, str]:
    """The runtime fields as the build knows them (the e-mail names a missing version; a form gets it empty)."""
    version = page.version or (NO_VERSION if channel.kind == "email" else "")
    return {"url": page.url, "version": version}


def contact_html(project: Project, loc: Localizer) -> str:
    """Whom to contact when no channel is configured, as inert HTML."""
    from generator.render.quizdata import html as inline_html  # Markdown to inert HTML, as quiz texts

    settings = project.site.feedback
    if settings and settings.contact:
        return inline_html(loc.text(settings.contact))
    variables = project.site.variables
    if "helpdesk_phone" in variables:
        phone = loc.fill("{{ helpdesk_phone }}")
        if "helpdesk_hours" in variables:
            return inline_html(loc.ui("feedback.contact_phone_hours", phone=phone, hours=loc.fill("{{ helpdesk_hours }}")))
        return inline_html(loc.ui("feedback.contact_phone", phone=phone))
    return escape.html_text(loc.ui("feedback.contact_default"))


def widget_html(project: Project, page: PageInfo, loc: Localizer) -> str:
    """The widget at the end of a page: real links (they work by keyboard and without JavaScript) and their data."""
    channel = page_channel(project, page.lang)
    # Links and their templates are addresses and e-mail text: unmarked. What the page shows is marked (loc).
    links = page_links(channel, page, Localizer(project, loc.lang))
    esc, attr = escape.html_text, escape.html_attribute
    heading = f'<h2 class="cutover-feedback__title" id="cutover-feedback-title">{esc(loc.ui("feedback.question"))}</h2>'
    parts = [f'<aside class="cutover-feedback" aria-labelledby="cutover-feedback-title" data-channel="{channel.kind}">']
    if not links:
        parts += [heading, f'<p class="cutover-feedback__contact">{loc.ui("feedback.fallback", contact=contact_html(project, loc))}</p>',
                  "</aside>"]
        return "\n".join(parts)
    values = build_values(channel, page)
    data = {"channel": channel.kind, "version": page.version, "noVersion": NO_VERSION if channel.kind == "email" else "",
            "links": {answer: template.data() for answer, template in links.items()},
            "recorded": loc.ui("feedback.recorded_" + channel.kind)}
    parts.append(escape.json_script(data, "cutover-feedback-data"))
    parts.append(heading)
    parts.append('<p class="cutover-feedback__answers">' + " ".join(
        f'<a class="cutover-feedback__link md-button" data-answer="{answer}" href="{attr(links[answer].href(values))}">'
        f'{esc(loc.ui("feedback." + answer))}</a>' for answer in ("yes", "no")) + "</p>")
    # One click records the answer (feedback.js): the thanks, then an optional comment through the channel's own link.
    parts.append(f'<div class="cutover-feedback__thanks" role="status" hidden><p>{esc(loc.ui("feedback.thanks"))}</p>'
                 f'<p><a class="cutover-feedback__comment" href="{attr(links["no"].href(values))}">{esc(loc.ui("feedback.comment"))}</a></p></div>')
    parts.append(f'<p class="cutover-feedback__report"><a class="cutover-feedback__link" data-answer="problem" '
                 f'href="{attr(links["problem"].href(values))}">{esc(loc.ui("feedback.problem"))}</a></p>')
    parts.append(f'<p class="cutover-feedback__note">{esc(loc.ui("feedback.note_" + channel.kind))}</p>')
    parts.append("</aside>")
    return "\n".join(parts)


def page_widget(project: Project, lang: str, title: str, url: str, version: str = "") -> str:
    """The widget of one page: ``title`` as the theme has it (HTML), ``url`` the build's best guess of its address,
    ``version`` mike's version while publishing."""
    return widget_html(project, PageInfo(plain_title(title), url, lang, version), Localizer(project, lang, marked=True))


def widget_settings(project: Project) -> str:
    """Everything the widget of every page depends on besides the page (``cutover serve`` rebuilds all pages when it changes)."""
    variables = {name: value for name, value in project.site.variables.items() if name.startswith("helpdesk_")}
    return repr((project.site.feedback, sorted(variables.items())))


def plain_title(title: str) -> str:
    """A page title as MkDocs hands it over (it may hold tags and entities), as plain text."""
    return escape.text_of_html(title)


def form_query(url: str) -> tuple[str, list[tuple[str, str]]]:
    """A form address without its query, and that query's fields: a GET form replaces the action's query."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), parse_qsl(parts.query, keep_blank_values=True)
