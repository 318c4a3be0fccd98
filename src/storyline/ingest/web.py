"""Fetching http(s) URLs with timeouts, a size cap, capped redirects and a content-type check."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from storyline.errors import InputError

TIMEOUT_SECONDS = 15
MAX_REDIRECTS = 5
ALLOWED_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss",
                 "application/atom", "application/json", "application/x-ndjson")
USER_AGENT = "storyline/0.1 (+offline news cross-checker)"


def human_size(n: int) -> str:
    """1234567 -> '1.2 MB'."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return f"{n} bytes"


class _CappedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


@dataclass(frozen=True)
class Fetched:
    """A fetched body with what a later conditional GET sends back (ETag, Last-Modified)."""

    body: bytes
    content_type: str
    url: str
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, max_bytes: int, headers: dict[str, str] | None = None) -> Fetched | None:
    """GET ``url`` (with extra request ``headers``); None when the server answers 304 Not Modified.
    Raises ``InputError`` with the reason when the URL cannot be read."""
    opener = urllib.request.build_opener(_CappedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            content_type = response.headers.get("Content-Type", "").lower()
            if content_type and not content_type.startswith(ALLOWED_TYPES):
                raise InputError(url, f"unsupported content type {content_type.split(';')[0]}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(url, f"response larger than the {human_size(max_bytes)} limit "
                                      f"({human_size(int(declared))})")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputError(url, f"response larger than the {human_size(max_bytes)} limit")
            return Fetched(body, content_type, response.geturl(), response.headers.get("ETag"),
                           response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None
        reason = "too many redirects" if exc.code in (301, 302, 303, 307, 308) else f"HTTP {exc.code}"
        raise InputError(url, reason) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        cause = getattr(exc, "reason", None) or exc
        raise InputError(url, f"could not fetch ({cause})") from None


def fetch_url(url: str, max_bytes: int) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL) or raise ``InputError`` with the reason."""
    fetched = fetch(url, max_bytes)
    if fetched is None:  # only a conditional request can be answered 304
        raise InputError(url, "HTTP 304 to an unconditional request")
    return fetched.body, fetched.content_type, fetched.url
