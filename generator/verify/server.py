"""A static file server on loopback, for the browser checks."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"  #: the URL path the site is served at

    def log_message(self, *args):  # the report says what matters
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return "/nonexistent/\0"  # outside the served sub-path: 404
        return super().translate_path("/" + path[len(self.prefix):])


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a browser closing a tab mid-request is normal
        pass


def serve(directory: Path, prefix: str = "/") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on 127.0.0.1 and a free port at URL path ``prefix`` (e.g. "/kb/");
    return the server and the site's base URL (without a trailing slash)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = functools.partial(type("Handler", (_QuietHandler,), {"prefix": prefix}), directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
