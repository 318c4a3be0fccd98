"""Resolve date expressions ("last November", "mid-last year", "said Tuesday", "the late
1990s", "the third quarter", "a year earlier") against a reference date, with a precision.
Expressions that carry their own year are read here; the rest (relative to publication, to
the tense, or to the last date the article mentioned) in ``relative``. dateparser is only a
fallback: it is weak on exactly the relative forms news copy is full of."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storyline.timeline.calendar import (
    HOLIDAY_PATTERN,
    MONTHS,
    ORDINALS,
    SEASONS,
    ResolvedDate,
    holiday,
    quarter,
    spelled_numbers,
    spelled_years,
    week_of,
    ym,
)

__all__ = ["MONTHS", "NUMBER_WORDS", "ResolvedDate", "resolve_expression"]

_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3,
                "twenty": 20, "thirty": 30, "fifty": 50, "a couple of": 2}
MODIFIERS = r"(?P<mod>early|mid|late|the end of|end of|the beginning of|beginning of|the middle of|middle of|the start of|start of)"
M = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
     r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DAY = r"(?P<day>\d{1,2}|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)"
QUARTER_NTH = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter"
HALF = r"(?P<h>first|second|last|1st|2nd)[- ]half"
SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"


def month_number(name: str) -> int:
    name = name.lower()
    return _MONTH_ABBR[name[:4] if name.startswith("sept") else name[:3]]


def day_number(word: str) -> int:
    return int(word) if word.isdigit() else ORDINALS[word]


def qualifier_of(mod: str | None) -> str | None:
    if not mod:
        return None
    mod = mod.replace("the ", "")
    return {"end of": "late", "beginning of": "early", "start of": "early",
            "middle of": "mid"}.get(mod, mod)


def _day(year: str | int, month: str, day: str) -> ResolvedDate | None:
    try:
        return ResolvedDate(date(int(year), month_number(month), day_number(day)).isoformat(), "day")
    except ValueError:
        return None


def _full_year(digits: str) -> int:
    """A year written with two digits ("FY24", "'98") in this century below 50, else the last."""
    if len(digits) == 4:
        return int(digits)
    return 2000 + int(digits) if int(digits) < 50 else 1900 + int(digits)


def _periods(text: str) -> ResolvedDate | None:
    """Quarters, halves, seasons and holidays of a named year; fiscal years."""
    m = re.search(rf"{QUARTER_NTH}\s+(?:of\s+)?(?:fiscal\s+)?{YEAR}\b", text) or \
        re.search(rf"{YEAR}(?:['’]s)?\s+(?:fiscal\s+)?{QUARTER_NTH}", text)
    if m:
        return quarter(int(m["year"]), ORDINALS[m["q"]])
    m = re.search(r"\bq([1-4])\s*(?:fy\s*)?['’]?(\d{4}|\d{2})\b|\b([1-4])q\s*['’]?(\d{4}|\d{2})\b", text)
    if m:  # "Q3 2023", "Q3 FY24", "3Q23"
        return quarter(_full_year(m[2] or m[4]), int(m[1] or m[3]))
    m = re.search(rf"\b(?:{HALF}|first two quarters)\s+(?:of\s+)?(?:fiscal\s+)?{YEAR}\b", text) or \
        re.search(rf"{YEAR}['’]s\s+(?:fiscal\s+)?{HALF}", text)
    if m:
        return ResolvedDate(ym(int(m["year"]), 1 if m["h"] in (None, "first", "1st") else 7), "half")
    m = re.search(rf"{SEASON}\s+(?:of\s+)?{YEAR}\b", text) or re.search(rf"{YEAR}\s+{SEASON}", text)
    if m:
        return ResolvedDate(ym(int(m["year"]), SEASONS[m["season"]]), "season")
    m = re.search(r"\b(?:fy|fiscal(?: year)?)\s*['’]?(\d{4}|\d{2})\b(?![.,]\d)", text)
    if m:  # "FY2024", "FY24", "fiscal 97"
        return ResolvedDate(f"{_full_year(m[1]):04d}", "year")
    m = re.search(rf"(?P<name>{HOLIDAY_PATTERN})\s*,?\s*{YEAR}\b", text)
    if m:
        return ResolvedDate(holiday(m["name"], date(int(m["year"]), 6, 1), None,
                                    int(m["year"])).isoformat(), "day")
    return None


def _absolute(text: str) -> ResolvedDate | None:
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        return ResolvedDate(f"{m[1]}-{m[2]}-{m[3]}", "day")
    m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", text)
    if m and int(m[1]) <= 12:
        year = int(m[3]) + (0 if len(m[3]) == 4 else 1900 if int(m[3]) > 30 else 2000)
        return _day(year, MONTHS[int(m[1]) - 1], m[2])
    m = re.search(rf"(?:{MODIFIERS}[- ]+)?{M}\s+{DAY},?\s+{YEAR}", text) or \
        re.search(rf"{DAY}\s+(?:of\s+)?{M},?\s+{YEAR}", text)
    if m:
        return _day(m["year"], m["month"], m["day"])
    found = _periods(text)
    if found:
        return found
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{M},?\s+(?:of\s+)?{YEAR}\b", text)
    if m:
        return ResolvedDate(ym(int(m["year"]), month_number(m["month"])), "month", qualifier_of(m["mod"]))
    return _years(text)


def _years(text: str) -> ResolvedDate | None:
    """Ranges of years, decades, centuries and single years."""
    m = re.search(r"\b(?P<a>1[0-9]\d\d|20\d\d)\s*(?:-|/|to|through|and)\s*(?P<b>\d{4}|\d{2})\b(?!\s*(?:-|/)\d)", text)
    if m and not re.search(rf"\b{M}", text):
        end = m["b"] if len(m["b"]) == 4 else m["a"][:2] + m["b"]
        if end > m["a"]:
            return ResolvedDate(m["a"], "year", end=end)
    m = re.search(rf"(?:{MODIFIERS}[- ]+)?(?:the\s+)?(?P<decade>\d{{3}}0|(?<!\w)['’]\d0)['’]?s\b", text) or \
        re.search(rf"\bthe\s+(?:{MODIFIERS}[- ]*)?(?P<decade>(?<![\w'’])\d0)s\b", text)
    if m:  # "the 1990s", "the late '80s", "the mid-80s" (not "in his 80s": an age)
        decade = m["decade"] if len(m["decade"]) == 4 else f"{_full_year(m['decade'][-2:]):04d}"
        return ResolvedDate(decade, "decade", qualifier_of(m["mod"]))
    m = re.search(r"\bthe\s+(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", text)
    if m:
        tens = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties").index(m["d"]) + 2
        return ResolvedDate(f"19{tens}0", "decade")
    m = re.search(r"\b(?P<n>1\d|2[01])(?:st|nd|rd|th)[- ]century\b", text)
    if m:
        return ResolvedDate(f"{int(m['n']) - 1:02d}00", "century")
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?(?<![\d.,$])\b{YEAR}\b(?![.,]\d)", text)
    if m:
        return ResolvedDate(m["year"], "year", qualifier_of(m["mod"]))
    return None


def _fallback(text: str, ref: date | None) -> ResolvedDate | None:
    """dateparser, for forms the rules do not know; only when a month or digit is present."""
    if not re.search(r"\b(?:1[89]|20)\d\d\b|\d{1,2}/\d{1,2}|" + "|".join(MONTHS), text):
        return None  # only forms with a month or a year are worth dateparser's time
    import datetime

    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["year"] if not ref else []}
    if ref:
        settings["RELATIVE_BASE"] = datetime.datetime(ref.year, ref.month, ref.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None or not 1800 <= parsed.year <= (ref.year + 5 if ref else 2100):
        return None
    precision = "day" if re.search(r"\b\d{1,2}\b", text) else "month"
    value = parsed.date().isoformat() if precision == "day" else ym(parsed.year, parsed.month)
    return ResolvedDate(value, precision)


def normalise(expression: str) -> str:
    text = " ".join(expression.lower().replace("–", "-").replace("—", "-").split()).strip(" ,.")
    text = re.sub(r"\s+or so\b", "", text)  # "a week or so ago"
    return spelled_numbers(spelled_years(text))


NOT_DATES = re.compile(r"\d{1,3}-year-old|\d+ (?:hours?|minutes?|seconds?)|(?:just|recent|many|few|several) \w+")


def resolve_expression(expression: str, ref: date | None, context: str = "", tense: str | None = None,
                       anchor: ResolvedDate | None = None,
                       quarter_anchor: ResolvedDate | None = None) -> ResolvedDate | None:
    """Resolve one date expression. ``context`` is the text just before it ("since", "in");
    ``tense`` the tense around it (past, present, future); ``anchor`` the last date the
    article mentioned, for "that day", "the following week"; ``quarter_anchor`` the last
    quarter it named, for the year-earlier period of quarterly results ("a year ago")."""
    from storyline.timeline.ranges import resolve_range
    from storyline.timeline.relative import resolve_relative, year_of_anchor

    text = normalise(expression)
    if NOT_DATES.fullmatch(text):
        return None
    try:
        resolved = year_of_anchor(text, quarter_anchor) or resolve_range(text, ref, tense) or _absolute(text)
        if resolved is None and ref is not None:
            resolved = resolve_relative(text, ref, tense, anchor, quarter_anchor)
    except (ValueError, OverflowError):  # a calendar day that does not exist, a year out of range
        return None
    if resolved is None:
        resolved = _fallback(text, ref)
    if resolved is None:
        return None
    if resolved.precision == "day" and re.match(r"(?:the )?week (?:of|ended|ending)\b", text):
        resolved = week_of(date.fromisoformat(resolved.date))
    lead = re.search(r"\b(since|until|till|before|after|by|from)\s*$", context.lower())
    if lead and resolved.qualifier is None:
        resolved = replace(resolved, qualifier=lead[1])
    if re.search(r"\b(about|around|nearly|almost|some|roughly)\b", context.lower()[-12:] + " " + text):
        resolved = replace(resolved, approximate=True)
    return resolved
