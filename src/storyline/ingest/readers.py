"""Dispatch: files, folders, globs, ``-`` (JSON Lines on stdin) and http(s) URLs."""

from __future__ import annotations

import glob
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.parquet import iter_parquet
from storyline.ingest.structured import (
    MIN_ARTICLE_CHARS,
    iter_feed,
    iter_json,
    iter_json_lines,
    parse_html,
)
from storyline.ingest.text import parse_text
from storyline.ingest.web import fetch_url, human_size
from storyline.records import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass
class ReadResult:
    """Articles read, and one line per input that was rejected."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set, repr=False)

    def add(self, item: Article | InputError) -> bool:
        """Keep an article once (the same text from two places is one article); True when
        ``item`` is a new article."""
        if isinstance(item, InputError):
            self.errors.append(item)
        elif item.id not in self._ids:
            self._ids.add(item.id)
            self.articles.append(item)
            return True
        return False


def decode(data: bytes, source: str) -> str:
    """UTF-8 (BOM allowed) or BOM-marked UTF-16; anything else is refused with the reason."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save it as UTF-8",
        ) from None


def sniff_kind(suffix: str, head: str) -> str:
    """Which reader to use: 'json', 'html', 'feed' or 'text'."""
    lowered = head[:2048].lstrip().lower()
    if suffix in JSON_SUFFIXES or lowered.startswith(("{", "[")):
        return "json"
    if suffix in FEED_SUFFIXES or (
        lowered.startswith("<?xml") and ("<rss" in lowered or "<feed" in lowered)
    ):
        return "feed"
    if suffix in HTML_SUFFIXES or lowered.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def parse_bytes(data: bytes, source: str, suffix: str = "", url: str | None = None) -> Iterator[Article | InputError]:
    """Every article in one input's bytes (a feed or JSON file may hold many)."""
    try:
        text = decode(data, source)
        kind = sniff_kind(suffix, text)
        if kind == "json":
            yield from iter_json(text, source)
        elif kind == "feed":
            yield from iter_feed(text.encode("utf-8"), source)
        elif kind == "html":
            yield parse_html(text, source, url=url)
        else:
            article = parse_text(text, path=source)
            if len(article.text) < MIN_ARTICLE_CHARS:
                raise InputError(source, "no article text (fewer than 80 characters of body)")
            yield article
    except InputError as exc:
        yield exc


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Folders (recursively, sorted), globs and plain names, in a stable order."""
    for raw in paths:
        if raw == "-" or raw.startswith(("http://", "https://")):
            yield raw
        elif os.path.isdir(raw):
            for root, dirs, files in os.walk(raw):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name not in SKIP_NAMES:
                        yield os.path.join(root, name)
        elif any(ch in raw for ch in "*?[") and not os.path.exists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            yield from (m for m in matches if os.path.isfile(m)) if matches else [raw]
        else:
            yield raw


def _stream_lines(path: Path, source: str, max_bytes: int) -> Iterator[Article | InputError] | None:
    """A JSON Lines file read line by line (never whole; ``max_bytes`` bounds each line), or
    None when the file is not JSON Lines in UTF-8 (a JSON array, UTF-16, binary)."""
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        return None
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None

    def lines() -> Iterator[Article | InputError]:
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                yield from iter_json_lines(fh, source, max_bytes)
        except UnicodeDecodeError as exc:
            yield InputError(source, f"not valid UTF-8 after the lines read ({exc.reason}); re-save it as UTF-8")

    return lines()


def read_one(source: str, max_bytes: int) -> Iterator[Article | InputError]:
    if source == "-":
        first = sys.stdin.readline()
        if first.lstrip().startswith("["):
            yield from iter_json(first + sys.stdin.read(), "<stdin>")
        else:
            yield from iter_json_lines(itertools.chain([first], sys.stdin), "<stdin>", max_bytes)
        return
    if source.startswith(("http://", "https://")):
        try:
            data, content_type, final_url = fetch_url(source, max_bytes)
        except InputError as exc:
            yield exc
            return
        suffix = ".html" if "html" in content_type else ".xml" if "xml" in content_type else ""
        suffix = ".json" if "json" in content_type else suffix
        yield from parse_bytes(data, source, suffix, url=final_url)
        return
    if source.lower().endswith(".parquet") and os.path.isfile(source):
        yield from iter_parquet(source, source)  # streamed in record batches: no size limit
        return
    path = Path(source)
    try:
        streamed = _stream_lines(path, source, max_bytes) if path.suffix.lower() in JSON_SUFFIXES else None
        if streamed is not None:
            yield from streamed
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"file too large ({human_size(size)}; the limit is {human_size(max_bytes)})")
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputError(source, "no such file or folder")
        return
    except IsADirectoryError:
        yield InputError(source, "is a folder")
        return
    except PermissionError:
        yield InputError(source, "permission denied")
        return
    except InputError as exc:
        yield exc
        return
    yield from parse_bytes(data, source, path.suffix.lower())


def stream_sources(paths: Iterable[str], result: ReadResult,
                   max_bytes: int = 10_000_000) -> Iterator[Article]:
    """Every new article of the inputs, one at a time (a JSON Lines file is never read
    whole); ``result`` keeps the articles and one error per rejected input."""
    for source in expand(paths):
        for item in read_one(source, max_bytes):
            if result.add(item) and isinstance(item, Article):
                yield item


def read_sources(paths: Iterable[str], max_bytes: int = 10_000_000) -> ReadResult:
    """Read every input; each bad one becomes an error line, the rest are kept."""
    result = ReadResult()
    for _ in stream_sources(paths, result, max_bytes):
        pass
    return result
