"""The ``feedback`` section of catalog/site.yaml: its checks (located in the file) and its place in the model.

Where feedback goes and the links that take it there are rendered by :mod:`generator.render.feedback`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.catalog.model import Feedback
from generator.catalog.yamlio import Document
from generator.errors import Problem

_EMAIL = re.compile(r"^[^@\s?&#<>\"'%/\\,;:()\[\]]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_CONTROL = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")


def is_address(value: object) -> bool:
    return isinstance(value, str) and bool(_EMAIL.match(value))


def url_problem(value: str) -> str | None:
    """Why ``value`` cannot be a form address, or None."""
    if _CONTROL.search(value):
        return "the address contains spaces, quotes or control characters"
    parts = urlsplit(value)
    if parts.scheme.lower() == "mailto":
        return "a mailto: address is not a form"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "only http:// and https:// addresses are allowed"
    if parts.fragment or value.endswith("#"):
        return "the address has a #fragment, which the fields would be appended to"
    return None


def check_settings(doc: Document) -> list[Problem]:
    """The ``feedback`` section's problems that a schema cannot express, located in catalog/site.yaml."""
    section = doc.data.get("feedback")
    if not isinstance(section, dict):
        return []
    problems = []
    email = section.get("email")
    if isinstance(email, str) and not is_address(email):
        problems.append(doc.problem(("feedback", "email"), f"feedback.email: '{email}' is not an e-mail address",
                                    "write one address, like phone-help@example.org"))
    for key in ("form", "survey_form"):
        value = section.get(key)
        reason = url_problem(value) if isinstance(value, str) else None
        if reason:
            hint = "put e-mail addresses under feedback.email" if "mailto" in reason else "write the full address, like https://forms.example.org/kb"
            problems.append(doc.problem(("feedback", key), f"feedback.{key}: {reason}", hint))
    channel = section.get("channel")
    if channel == "form" and not section.get("form"):
        problems.append(doc.problem(("feedback", "channel"), "feedback.channel is 'form' but no form address is set",
                                    "add feedback.form: https://…, or choose channel: email"))
    if channel == "email" and not section.get("email") and not is_address(_variable(doc.data, "helpdesk_email")):
        problems.append(doc.problem(("feedback", "channel"), "feedback.channel is 'email' but no address is set",
                                    "add feedback.email, or define the helpdesk_email variable"))
    return problems


def _variable(site: dict, name: str) -> object:
    variables = site.get("variables")
    return variables.get(name) if isinstance(variables, dict) else None


def build_settings(tree: dict | None) -> Feedback | None:
    if not tree:
        return None
    return Feedback(channel=tree.get("channel"), email=tree.get("email"), form=tree.get("form"),
                    parameters=dict(tree.get("parameters", {})), survey_form=tree.get("survey_form"),
                    contact=tree.get("contact"))
