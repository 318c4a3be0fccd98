"""``storyline serve``: a read-only story desk over the store. The standard library's HTTP server
with a fixed pool of worker threads (each keeps its own read-only SQLite connection), a deep
listen backlog, and a page cache that a write to the store invalidates. Every page has a
``.json`` twin built by the same function; a story's items export as CSV and JSON."""

from __future__ import annotations

import json
import re
import sys
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from storyline.errors import QueryError, StoreError
from storyline.store.db import Store, latest_version
from storyline.web.exports import export
from storyline.web.pages import article_page, index_page, story_page
from storyline.web.views import FAVICON, render

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_STORY = r"(?P<id>s[0-9a-f]{6,40})"
ROUTES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^/(?:index)?(?P<json>\.json)?$"), "index"),
    (re.compile(rf"^/story/{_STORY}(?P<json>\.json)?$"), "story"),
    (re.compile(rf"^/story/{_STORY}/(?P<table>claims|conflicts|quotes|timeline)\.(?P<fmt>csv|json)$"), "export"),
    (re.compile(r"^/article/(?P<id>a[0-9a-f]{6,40})(?P<json>\.json)?$"), "article"),
    (re.compile(r"^/favicon\.(?:ico|svg)$"), "favicon"),
]
#: Worker threads answering requests; more only add GIL contention on 2 cores (benchmarks/load.py).
WORKERS = 16
#: Connections the kernel queues while every worker is busy (the old server queued 5).
BACKLOG = 1024
#: Bytes of rendered pages kept (least recently used go first); a write to the store (see
#: store_state.generation) or to a page's story makes its cached copy stale.
CACHE_BYTES = 64_000_000


class NotFound(Exception):
    pass


@dataclass
class Response:
    status: HTTPStatus
    body: str
    content_type: str


def route(path: str) -> tuple[str, re.Match[str]]:
    """The route's name and match for ``path``, or raise NotFound."""
    for pattern, name in ROUTES:
        match = pattern.match(path)
        if match:
            return name, match
    raise NotFound("There is no page at this address.")


def _params(query: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(query).items() if v}


class Desk:
    """The application: a path and query in, a Response out. Thread-safe."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.local = threading.local()
        self.cache: OrderedDict[tuple[str, str, str], Response] = OrderedDict()
        self.cached_bytes = 0
        self.lock = threading.Lock()

    def store(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.db, readonly=True)
        return store

    def _version(self, store: Store, name: str, ident: str | None) -> str:
        """What a cached page depends on: its story's last update, or the whole store's generation."""
        conn = store.conn
        if name == "article" and ident:
            row = conn.execute("SELECT story_id FROM story_articles WHERE article_id=?", (ident,)).fetchone()
            ident, name = (row[0] if row else None), "story"
        if name in ("story", "export") and ident:
            row = conn.execute("SELECT updated_at FROM stories INDEXED BY stories_updated WHERE id=?",
                               (ident,)).fetchone()
            return f"s:{row[0] if row else ''}"
        return f"g:{conn.execute('SELECT generation FROM store_state').fetchone()[0]}"

    def respond(self, path: str, query: str) -> Response:
        name, match = route(path)
        if name == "favicon":
            return Response(HTTPStatus.OK, FAVICON, "image/svg+xml")
        store = self.store()
        key = (path, query, self._version(store, name, match.groupdict().get("id")))
        with self.lock:
            if key in self.cache:
                self.cache.move_to_end(key)
                return self.cache[key]
        store.conn.execute("BEGIN")  # one snapshot for every query of the page
        try:
            response = self._build(store, name, match, _params(query))
        finally:
            store.conn.execute("COMMIT")
        with self.lock:
            if key not in self.cache:
                self.cache[key] = response
                self.cached_bytes += len(response.body)
            while self.cached_bytes > CACHE_BYTES and self.cache:
                self.cached_bytes -= len(self.cache.popitem(last=False)[1].body)
        return response

    def _build(self, store: Store, name: str, match: re.Match[str], params: dict[str, str]) -> Response:
        wants_json = bool(match.groupdict().get("json"))
        if name == "index":
            page: dict[str, Any] | None = index_page(store, params)
        elif name == "article":
            page = article_page(store, match["id"])
        else:
            page = story_page(store, match["id"], all_rows=params.get("rows") == "all")
        if page is None:
            raise NotFound(f"No {name if name != 'export' else 'story'} with id {match['id']} in this store.")
        if name == "export":
            body, ctype = export(page, match["table"], match["fmt"])
            return Response(HTTPStatus.OK, body, ctype)
        if wants_json:
            return Response(HTTPStatus.OK, json.dumps(page, ensure_ascii=False, indent=1), "application/json")
        return Response(HTTPStatus.OK, render(f"{name}.html", page=page), "text/html")

    def error(self, status: HTTPStatus, message: str, path: str, query: str) -> Response:
        if path.endswith(".json"):
            return Response(status, json.dumps({"error": message, "status": status.value}), "application/json")
        if status == HTTPStatus.BAD_REQUEST and path in ("/", "/index"):
            params = _params(query)
            page = {"query": params.get("q", "")[:200], "error": message, "stories": [], "count": 0,
                    "params": params, "facet_links": {"outlet": [], "date": []}, "sort_links": []}
            return Response(status, render("index.html", page=page), "text/html")
        return Response(status, render("error.html", status=status.value, title=status.phrase, message=message),
                        "text/html")


def make_handler(desk: Desk) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "storyline"
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            url = urlsplit(self.path)
            try:
                response = desk.respond(url.path, url.query)
            except NotFound as exc:
                response = desk.error(HTTPStatus.NOT_FOUND, str(exc), url.path, url.query)
            except QueryError as exc:
                response = desk.error(HTTPStatus.BAD_REQUEST, str(exc), url.path, url.query)
            except Exception as exc:  # noqa: BLE001 - no traceback reaches the browser
                print(f"storyline serve: {url.path}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
                response = desk.error(HTTPStatus.INTERNAL_SERVER_ERROR, "Something went wrong reading the store.",
                                      url.path, url.query)
            self._send(response)

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def _refuse(self) -> None:
            self._send(desk.error(HTTPStatus.METHOD_NOT_ALLOWED, "This server is read-only.", "", ""))

        do_POST = do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

        def _send(self, response: Response) -> None:
            data = response.body.encode("utf-8")
            self.send_response(response.status)
            self.send_header("Content-Type", f"{response.content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if response.content_type == "image/svg+xml":
                self.send_header("Cache-Control", "max-age=86400")
            for key, value in SECURITY_HEADERS.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            if getattr(self.server, "verbose", False):
                super().log_message(format, *args)

    return Handler


class PooledHTTPServer(HTTPServer):
    """An HTTPServer whose requests run on a fixed pool of threads (so each thread's SQLite
    connection is reused) behind a deep listen backlog."""

    request_queue_size = BACKLOG
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], verbose: bool) -> None:
        super().__init__(address, handler)
        self.verbose = verbose
        self.pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="desk")

    def process_request(self, request: Any, client_address: Any) -> None:
        self.pool.submit(self._work, request, client_address)

    def _work(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_server(db: str, host: str = "127.0.0.1", port: int = 8000, verbose: bool = False) -> PooledHTTPServer:
    """A server ready to ``serve_forever()``; port 0 picks a free port (see ``server_address``).
    A store written by an older storyline is upgraded (migrated) once before serving."""
    with Store(db, readonly=True) as store:  # fail early, with a clear message, on a missing store
        old = store.version() < latest_version()
    if old:
        try:
            Store(db).close()
        except StoreError as exc:
            raise StoreError(f"{exc}; run 'storyline ingest' once with write access to upgrade it") from None
    return PooledHTTPServer((host, port), make_handler(Desk(db)), verbose)
