"""A static file server on loopback, for the browser checks."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"  #: the URL path the site is served at
    error_page = False  #: answer a missing address with the site's 404.html, as web servers and static hosts do

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not self.error_page or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

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


def serve(directory: Path, prefix: str = "/", error_page: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on 127.0.0.1 and a free port at URL path ``prefix`` (e.g. "/kb/"), a missing address
    answered with the root 404.html when ``error_page``; return the server and the site's base URL (without a
    trailing slash)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = functools.partial(type("Handler", (_QuietHandler,), {"prefix": prefix, "error_page": error_page}),
                                directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
