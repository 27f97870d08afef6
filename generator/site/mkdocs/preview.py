"""``cutover serve`` while a change is broken: the last good site stays served, with a banner that says why.

MkDocs' live-reload server waits for a rebuild to succeed before it answers any request, so one broken save
left every page loading forever. Here a failed rebuild counts as done: browsers reload (their pages were not
touched: loading fails before MkDocs writes anything) and every HTML page carries a banner with the errors until a
rebuild succeeds. The terminal gets the same errors once, without a traceback.
"""

from __future__ import annotations

import html
import logging
import re
import socket
import traceback
from typing import Callable

from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.render.localize import Localizer
from generator.strings.files import package_layer

log = logging.getLogger("mkdocs.plugins.cutover")

#: Failures a writer causes (definitions, pages, configuration): reported as they are, without a traceback.
_EXPECTED = (PluginError, ConfigurationError, Abort)
_HTML_LANG = re.compile(rb"<html[^>]*\blang=\"([^\"]+)\"")


class PortInUse(Exception):
    """The preview's address is taken; the message says which address to use instead."""


def check_port(dev_addr: str) -> None:
    """Raise :class:`PortInUse` when ``host:port`` cannot be served on, before any building starts."""
    host, _, port_text = dev_addr.rpartition(":")
    if not host or not port_text.isdigit():
        return  # MkDocs reports a malformed address itself
    host = host.strip("[]")
    port = int(port_text)
    if _free(host, port):
        return
    other = next((p for p in range(port + 1, min(port + 50, 65536)) if _free(host, p)), None)
    fix = f"serve on another port: cutover serve -a {host}:{other}" if other else "choose a free port with -a HOST:PORT"
    raise PortInUse(f"{host}:{port} is already in use (another 'cutover serve' or 'mkdocs serve'?); {fix}")


def _free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is no obstacle
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


class _ErrorRecords(logging.Handler):
    """The error messages logged during one build (the banner shows them)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith("cutover: the change could not be built"):
            self.messages.append(message)


class LastGoodSite:
    """Wraps a LiveReloadServer's builder and page injection (``keep(server)``)."""

    def __init__(self, project: Callable[[], object]):
        self._project = project  #: the model of the last good build, for the banner's language
        self.error: str | None = None

    def keep(self, server) -> None:
        build, inject = server.builder, server._inject_js_into_html

        def builder(*args, **kwargs) -> None:
            errors = _ErrorRecords()
            logging.getLogger("mkdocs").addHandler(errors)
            try:
                build(*args, **kwargs)
            except _EXPECTED as exc:  # MkDocs logged the reason ("Aborted with a BuildError!" is all exc says)
                self._failed("\n".join(errors.messages) or str(exc))
            except Exception:  # a bug, not the writer's input: the traceback helps whoever fixes it
                log.error(traceback.format_exc())
                self._failed("\n".join(errors.messages + [traceback.format_exc().strip().splitlines()[-1]]))
            else:
                if self.error is not None:
                    log.info("cutover: the site builds again")
                self.error = None
            finally:
                logging.getLogger("mkdocs").removeHandler(errors)

        server.builder = builder
        server._inject_js_into_html = lambda content, epoch: inject(self.banner(content), epoch)

    def _failed(self, message: str) -> None:
        self.error = message.strip()
        log.error("cutover: the change could not be built (above); still serving the last good site, with the errors "
                  "on every page, until it builds again")

    def banner(self, content: bytes) -> bytes:
        if self.error is None:
            return content
        found = _HTML_LANG.search(content)
        text = self._notice(found.group(1).decode() if found else "en")
        block = (f'<div role="alert" class="cutover-build-error" style="position:relative;z-index:1000;'
                 f'background:#b00020;color:#fff;padding:.8rem 1rem;font:16px/1.4 system-ui,sans-serif">'
                 f'<strong>{html.escape(text)}</strong><pre style="white-space:pre-wrap;margin:.5rem 0 0;'
                 f'font-size:13px;max-height:40vh;overflow:auto">{html.escape(self.error)}</pre></div>').encode()
        at = re.search(rb"<body[^>]*>", content)
        return content[:at.end()] + block + content[at.end():] if at else block + content

    def _notice(self, lang: str) -> str:
        project = self._project()
        if project is None:  # no good build yet: the server only starts after one
            entry = package_layer("en").get("notice.build_failed")
            return entry.value if entry else ""
        known = lang if lang in project.site.languages else project.site.default_language
        return Localizer(project, known).ui("notice.build_failed")
