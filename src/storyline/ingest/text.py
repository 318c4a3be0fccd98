"""Plain-text articles: a body with optional ` date YYYY-MM-DD` header and metadata lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from storyline.records import Article

DATE_HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
BYLINE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<month>{_MONTHS})\.?\s+"
    r"(?P<day>\d{1,2}),?\s+(?P<year>\d{4})(?:\s*(?:by|By|BY)\s+(?P<author>.+))?$"
)
AUTHOR_LINE = re.compile(r"^(?:By|BY|by)\s+(?P<author>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})$")
BOILERPLATE = re.compile(
    r"click here|follow us|subscribe|sign up for|all rights reserved|^©|copyright \d{4}|"
    r"description not available|contributed to this report|read more:|advertisement$",
    re.IGNORECASE,
)
#: A short unpunctuated line that still reads as prose (a year, or four lower-case words in a
#: row) is story text, not a section heading.
PROSE_IN_LINE = re.compile(r"\d{4}|[a-z]{3,}\s[a-z]{3,}\s[a-z]{3,}\s[a-z]{3,}")
#: A line this short with no sentence-ending punctuation near the top is metadata or a title.
MAX_META_WORDS = 14
#: A first line this short (a site name, "Newser (AP)") names the outlet.
MAX_OUTLET_WORDS = 4


@dataclass
class _Meta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None


def _month_number(name: str) -> int:
    return _MONTHS.split("|").index(name.capitalize()) + 1


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_META_WORDS and not re.search(r"[.!?:;\"”’]\s*$", line)


def _read_meta_line(line: str, meta: _Meta) -> bool:
    """Consume one top-of-article line if it is metadata; return True when consumed."""
    byline = BYLINE.match(line)
    if byline:
        meta.published = meta.published or date(
            int(byline["year"]), _month_number(byline["month"]), int(byline["day"])
        )
        if byline["author"]:
            meta.author = byline["author"].strip()
        return True
    author = AUTHOR_LINE.match(line)
    if author:
        meta.author = author["author"]
        return True
    if not _is_heading(line):
        return False
    if meta.outlet is None and meta.title is None and len(line.split()) <= MAX_OUTLET_WORDS:
        meta.outlet = line.strip()
    elif meta.title is None:
        meta.title = line.strip()
    return True


def clean_body(lines: list[str], title: str | None) -> list[str]:
    """Drop boilerplate lines, repeated lines and repeats of the title."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        key = line.strip()
        if not key:
            kept.append("")
            continue
        if BOILERPLATE.search(key) or key in seen or (title and key == title):
            continue
        if _is_heading(key) and not PROSE_IN_LINE.search(key):
            continue  # a section heading ("Reasons Behind the Defection"), not story text
        seen.add(key)
        kept.append(key)
    return kept


def parse_text(raw: str, path: str | None = None) -> Article:
    """Read one plain-text article per the contract."""
    meta = _Meta()
    header = DATE_HEADER.match(raw)
    if header:
        meta.published = date(int(header[1]), int(header[2]), int(header[3]))
        raw = raw[header.end() :]
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body_start = 0
    for i, line in enumerate(lines[:12]):
        stripped = line.strip()
        if not stripped or BOILERPLATE.search(stripped):
            body_start = i + 1
            continue
        if not _read_meta_line(stripped, meta):
            break
        body_start = i + 1
    body = clean_body(lines[body_start:], meta.title)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(body)).strip()
    return Article(
        text=text,
        title=meta.title,
        outlet=meta.outlet,
        path=path,
        published=meta.published,
        author=meta.author,
    )
