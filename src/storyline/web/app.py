"""``storyline serve``: a read-only story desk over the store, on the standard library's
threading HTTP server. Every page has a ``.json`` twin built by the same function."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from storyline.store.db import Store
from storyline.web.pages import article_page, index_page, story_page
from storyline.web.views import render

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
ROUTES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^/(?:index)?(?P<json>\.json)?$"), "index"),
    (re.compile(r"^/story/(?P<id>s[0-9a-f]{6,40})(?P<json>\.json)?$"), "story"),
    (re.compile(r"^/article/(?P<id>a[0-9a-f]{6,40})(?P<json>\.json)?$"), "article"),
]


class NotFound(Exception):
    pass


def resolve(store: Store, path: str, query: dict[str, list[str]]) -> tuple[str, dict[str, Any], bool]:
    """(template, page data, wants JSON) for a path, or raise NotFound."""
    for pattern, name in ROUTES:
        match = pattern.match(path)
        if not match:
            continue
        wants_json = bool(match["json"])
        if name == "index":
            return "index.html", index_page(store, (query.get("q") or [""])[0][:200]), wants_json
        builder: Callable[[Store, str], dict[str, Any] | None] = story_page if name == "story" else article_page
        page = builder(store, match["id"])
        if page is None:
            raise NotFound(f"No {name} with id {match['id']} in this store.")
        return f"{name}.html", page, wants_json
    raise NotFound("There is no page at this address.")


def make_handler(db: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "storyline"
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            url = urlsplit(self.path)
            try:
                with Store(db, readonly=True) as store:
                    template, page, wants_json = resolve(store, url.path, parse_qs(url.query))
                if wants_json:
                    self._send(HTTPStatus.OK, json.dumps(page, ensure_ascii=False, indent=2), "application/json")
                else:
                    self._send(HTTPStatus.OK, render(template, page=page), "text/html")
            except NotFound as exc:
                self._error(HTTPStatus.NOT_FOUND, str(exc), url.path.endswith(".json"))
            except Exception as exc:  # noqa: BLE001 - no traceback reaches the browser
                print(f"storyline serve: {url.path}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "Something went wrong reading the store.",
                            url.path.endswith(".json"))

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def _refuse(self) -> None:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "This server is read-only.", False)

        do_POST = do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

        def _error(self, status: HTTPStatus, message: str, wants_json: bool) -> None:
            if wants_json:
                self._send(status, json.dumps({"error": message, "status": status.value}), "application/json")
            else:
                body = render("error.html", status=status.value, title=status.phrase, message=message)
                self._send(status, body, "text/html")

        def _send(self, status: HTTPStatus, body: str, content_type: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in SECURITY_HEADERS.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            if getattr(self.server, "verbose", False):
                super().log_message(format, *args)

    return Handler


def make_server(db: str, host: str = "127.0.0.1", port: int = 8000, verbose: bool = False) -> ThreadingHTTPServer:
    """A server ready to ``serve_forever()``; port 0 picks a free port (see ``server_address``)."""
    Store(db, readonly=True).close()  # fail early, with a clear message, on a missing store
    server = ThreadingHTTPServer((host, port), make_handler(db))
    server.daemon_threads = True
    server.verbose = verbose  # type: ignore[attr-defined]
    return server
