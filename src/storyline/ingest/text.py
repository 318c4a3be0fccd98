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
AUTHOR_LINE = re.compile(r"^(?:By|BY|by)\s+(?P<author>[A-Z][\w.'-]+(?:\s+(?:and\s+)?[A-Z][\w.'-]+){0,5})"
                         r"(?:\s*[,|/–—-]\s*(?P<outlet>[^,|]{2,40}))?$")
#: "Published: 16 July 2024", "Updated July 16, 2024 3:45 PM EDT": a line that is mostly a date.
DATE_LINE = re.compile(r"^(?:(?:Published|Updated|Posted|Last updated|Date)\s*(?:on)?:?\s*)", re.I)
#: "SEOUL, July 16 (Reuters) -": a dateline opening the body; the agency is the outlet.
DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'’-]{2,40}),?\s+(?:(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*)?"
                      r"(?:\((?P<agency>[A-Za-z .]{2,30})\)\s*)?[-–—]+\s*")
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
#: A publication-date line has at most this many words.
MAX_DATE_LINE_WORDS = 10
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
        meta.outlet = meta.outlet or (author["outlet"].strip() if author["outlet"] else None)
        return True
    if _read_date_line(line, meta):
        return True
    if not _is_heading(line):
        return False
    if meta.outlet is None and meta.title is None and len(line.split()) <= MAX_OUTLET_WORDS:
        meta.outlet = line.strip()
    elif meta.title is None:
        meta.title = line.strip()
    return True


def _read_date_line(line: str, meta: _Meta) -> bool:
    """A short line that is a publication date ("Published: 16 July 2024")."""
    from storyline.timeline.resolver import resolve_expression

    words = line.split()
    if len(words) > MAX_DATE_LINE_WORDS or not (DATE_LINE.match(line) or re.search(r"\b\d{4}\b", line)):
        return False
    rest = DATE_LINE.sub("", line)
    resolved = resolve_expression(rest, None)
    if resolved is None or resolved.precision != "day" or len(re.findall(r"[a-z]{4,}", rest)) > 3:
        return False
    meta.published = meta.published or date.fromisoformat(resolved.date)
    return True


def strip_dateline(body: str, meta: _Meta) -> str:
    """Remove a wire dateline ("SEOUL, July 16 (Reuters) - ") from the first paragraph."""
    match = DATELINE.match(body)
    if not match or not (match["agency"] or match["when"]):
        return body
    if match["agency"] and meta.outlet is None:
        meta.outlet = match["agency"].strip()
    return body[match.end() :]


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
    text = strip_dateline(re.sub(r"\n{3,}", "\n\n", "\n".join(body)).strip(), meta)
    if not text and meta.title:
        text = meta.title  # a one-line article without a final period is its own text, not a title
    return Article(
        text=text,
        title=meta.title,
        outlet=meta.outlet,
        path=path,
        published=meta.published,
        author=meta.author,
    )
