"""Calendar arithmetic for resolved dates: periods (week, quarter, season, half), holidays,
spelled-out years ("nineteen ninety-six"), and choosing the year or week of an underspecified
date from the tense around it (HeidelTime's news mode)."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: A season is written as its first month (winter: the December that starts it).
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
            "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "thirtieth": 30}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
PAST, PRESENT, FUTURE = "past", "present", "future"
#: How far ahead of publication (days) a month, day or holiday with no tense around it may lie
#: and still be read as the coming one; further ahead it is the last one: news looks back more
#: than forward. TempEval-3 train value accuracy: 120 days 0.939; 90: 0.937; 150: 0.939; the
#: nearest occurrence (183): 0.937; 60: 0.934.
UNKNOWN_TENSE_REACH = 120


@dataclass(frozen=True)
class ResolvedDate:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD (a week: its Monday; a quarter or season: its first month)
    precision: str  # day, week, month, quarter, season, half, year, decade, century
    qualifier: str | None = None
    approximate: bool = False
    end: str | None = None  # the last period of a range ("2009-2010": end "2010"), same precision


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_of(day: date) -> ResolvedDate:
    return ResolvedDate((day - timedelta(days=day.weekday())).isoformat(), "week")


def quarter(year: int, number: int) -> ResolvedDate:
    return ResolvedDate(ym(year, 3 * (number - 1) + 1), "quarter")


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift(resolved: ResolvedDate, years: int = 0, months: int = 0, days: int = 0) -> ResolvedDate:
    """The same period moved by whole years, months or days (days only for day and week)."""
    parts = [int(p) for p in resolved.date.split("-")]
    if len(parts) == 3:
        index = (parts[0] + years) * 12 + parts[1] - 1 + months
        year, month = index // 12, index % 12 + 1
        moved = date(year, month, min(parts[2], monthrange(year, month)[1]))
        value = (moved + timedelta(days=days)).isoformat()
    elif len(parts) == 2:
        index = (parts[0] + years) * 12 + parts[1] - 1 + months
        value = ym(index // 12, index % 12 + 1)
    else:
        value = f"{parts[0] + years + months // 12:04d}"
    return replace(resolved, date=value, end=None)


def pick_occurrence(on: Callable[[int], date], ref: date, tense: str | None,
                    slack: int = 1) -> date:
    """Which year's occurrence of a yearly date (``on(year)``) is meant: the next one for the
    future tense, the last one for the past, the nearest for the present; without a tense the
    next one when it is at most ``UNKNOWN_TENSE_REACH`` days ahead, else the last one. ``slack``
    days after publication still count as past (wire copy and time zones)."""
    candidates = [on(ref.year - 1), on(ref.year), on(ref.year + 1)]
    if tense is None:
        soon = [c for c in candidates if slack < (c - ref).days <= UNKNOWN_TENSE_REACH]
        if soon:
            return soon[0]
    if tense == FUTURE:
        return next(c for c in candidates if c >= ref - timedelta(days=slack))
    if tense == PRESENT:
        return min(candidates, key=lambda c: (abs((c - ref).days), c))
    return [c for c in candidates if c <= ref + timedelta(days=slack)][-1]


def pick_year(month: int, day: int | None, ref: date, tense: str | None) -> int:
    """The year of a month (and day) written without one (see ``pick_occurrence``); for a bare
    month the current month is this year's."""
    if day is not None:
        last = 28 if month == 2 else 30
        return pick_occurrence(lambda y: date(y, month, min(day, last)), ref, tense).year
    if tense is None:
        return ref.year if month == ref.month else pick_occurrence(lambda y: date(y, month, 1), ref, None).year
    if tense == FUTURE:
        return ref.year if month >= ref.month else ref.year + 1
    if tense == PRESENT:
        return min((ref.year - 1, ref.year, ref.year + 1),
                   key=lambda y: (abs(y * 12 + month - ref.year * 12 - ref.month), y))
    return ref.year if month <= ref.month else ref.year - 1


def pick_weekday(weekday: int, ref: date, tense: str | None) -> date:
    """The day a bare weekday names: for the past or without a tense, from five days before
    publication to one day after (wire copy dated in another time zone reports "Tuesday" a day
    early); for the future, publication day and the six days after; for the present, the nearest."""
    windows = {PAST: range(1, -6, -1), FUTURE: range(0, 7), PRESENT: (0, -1, 1, -2, 2, -3, 3)}
    window = windows.get(tense or "", range(1, -6, -1))
    for delta in window:
        day = ref + timedelta(days=delta)
        if day.weekday() == weekday:
            return day
    return ref


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 for the last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda y: date(y, 1, 1), "new year's eve": lambda y: date(y, 12, 31),
    "valentine's day": lambda y: date(y, 2, 14), "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25), "christmas": lambda y: date(y, 12, 25),
    "boxing day": lambda y: date(y, 12, 26), "halloween": lambda y: date(y, 10, 31),
    "independence day": lambda y: date(y, 7, 4), "fourth of july": lambda y: date(y, 7, 4),
    "veterans day": lambda y: date(y, 11, 11), "armistice day": lambda y: date(y, 11, 11),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter sunday": easter, "easter": easter, "good friday": lambda y: easter(y) - timedelta(days=2),
}
HOLIDAY_PATTERN = "|".join(sorted((re.escape(h).replace("'", "['’]?") for h in HOLIDAYS), key=len, reverse=True))


def holiday(name: str, ref: date, tense: str | None, year: int | None = None) -> date:
    key = name.replace("’", "'")
    rule = HOLIDAYS.get(key) or HOLIDAYS[key.replace("s day", "'s day")]
    return rule(year) if year is not None else pick_occurrence(rule, ref, tense)


def _two_digits(words: list[str]) -> int | None:
    if len(words) == 1:
        return _TEENS.get(words[0], _TENS.get(words[0]))
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS:
        return _TENS[words[0]] + _UNITS[words[1]]
    if len(words) == 2 and words[0] in ("oh", "o") and words[1] in _UNITS:
        return _UNITS[words[1]]
    return None


_NUM = r"(?:" + "|".join(list(_TEENS) + list(_TENS) + list(_UNITS) + ["oh", "o", "hundred"]) + r")"
_YEAR_WORDS = re.compile(rf"\b(nineteen|eighteen|twenty)[ -]((?:{_NUM}[ -]?){{1,2}})\b"
                         rf"|\btwo thousand(?:(?: and)?[ -]((?:{_NUM}[ -]?){{1,2}}))?\b")


_COMPOUND = re.compile(r"\b(" + "|".join(_TENS) + r")[- ](" + "|".join(_UNITS) + r")\b")


def spelled_numbers(text: str) -> str:
    """ "twenty-five years ago" -> "25 years ago" (after ``spelled_years`` took the years)."""
    return _COMPOUND.sub(lambda m: str(_TENS[m[1]] + _UNITS[m[2]]), text)


def spelled_years(text: str) -> str:
    """ "nineteen ninety-six" -> "1996", "two thousand and one" -> "2001" (broadcast transcripts)."""
    def year(m: re.Match[str]) -> str:
        if m[1]:
            rest = m[2].replace("-", " ").split()
            if rest == ["hundred"]:
                low: int | None = 0
            elif len(rest) == 1 and rest[0] in _UNITS:
                low = None  # "twenty-five years": a number, not the year 2005
            else:
                low = _two_digits(rest)
            if low is None:
                return m[0]
            high = {"nineteen": 19, "eighteen": 18, "twenty": 20}[m[1]]
            return f"{high * 100 + low}" + (" " if m[0].endswith(" ") else "")
        rest = (m[3] or "").replace("-", " ").split()
        low = _two_digits(rest) if rest else 0
        if low is None and len(rest) == 1:
            low = _UNITS.get(rest[0])
        return m[0] if low is None else f"{2000 + low}" + (" " if m[0].endswith(" ") else "")

    return _YEAR_WORDS.sub(year, text) if re.search(r"nineteen|eighteen|twenty|thousand", text) else text
