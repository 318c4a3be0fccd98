"""Resolve date expressions ("last November", "mid-last year", "said Tuesday", "the late
1990s") against a reference date, with a precision. dateparser is only a fallback: it is weak
on exactly the relative forms news copy is full of."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3,
                "twenty": 20, "thirty": 30, "fifty": 50, "a couple of": 2}
#: A weekday names a day within this window around publication: up to six days before, and
#: one day after (wire copy dated in one time zone reports "Tuesday" in another).
WEEKDAY_WINDOW = (-6, 1)
MODIFIERS = r"(?P<mod>early|mid|late|the end of|end of|the beginning of|beginning of|the middle of)"
_M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_REL = r"(?P<rel>last|this|next|previous|past|the previous|the following)"


@dataclass(frozen=True)
class ResolvedDate:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str  # day, month, year, decade
    qualifier: str | None = None
    approximate: bool = False


def _month(name: str) -> int:
    return _MONTH_ABBR[name.lower()[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _qualifier(mod: str | None) -> str | None:
    if not mod:
        return None
    mod = mod.replace("the ", "")
    return {"end of": "late", "beginning of": "early", "middle of": "mid"}.get(mod, mod)


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _year_offset(rel: str) -> int:
    return {"last": -1, "previous": -1, "the previous": -1, "past": -1, "this": 0,
            "next": 1, "the following": 1}[rel]


def _recent_month(month: int, ref: date) -> int:
    """The year of the most recent ``month`` not after the reference month."""
    return ref.year if month <= ref.month else ref.year - 1


def _absolute(text: str) -> ResolvedDate | None:
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        return ResolvedDate(f"{m[1]}-{m[2]}-{m[3]}", "day")
    m = re.search(rf"(?:{MODIFIERS}[- ]+)?{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", text)
    if m:
        return ResolvedDate(f"{m['year']}-{_month(m['month']):02d}-{int(m['day']):02d}", "day")
    m = re.search(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+(?P<year>\d{{4}})", text)
    if m:
        return ResolvedDate(f"{m['year']}-{_month(m['month']):02d}-{int(m['day']):02d}", "day")
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{_M},?\s+(?:of\s+)?(?P<year>\d{{4}})\b", text)
    if m:
        return ResolvedDate(_ym(int(m["year"]), _month(m["month"])), "month", _qualifier(m["mod"]))
    m = re.search(rf"(?:{MODIFIERS}[- ]+)?(?:the\s+)?(?P<decade>\d{{3}}0)['’]?s\b", text)
    if m:
        return ResolvedDate(m["decade"], "decade", _qualifier(m["mod"]))
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?\b(?P<year>1[89]\d\d|20\d\d)\b", text)
    if m:
        return ResolvedDate(m["year"], "year", _qualifier(m["mod"]))
    return None


def _relative(text: str, ref: date) -> ResolvedDate | None:
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{_M}\s+(?:of\s+)?{_REL}\s+year", text)
    if m:
        year = ref.year + _year_offset(m["rel"])
        return ResolvedDate(_ym(year, _month(m["month"])), "month", _qualifier(m["mod"]))
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{_REL}\s+{_M}(?!\w)", text)
    if m:
        month = _month(m["month"])
        if m["rel"] in ("next", "the following"):
            year = ref.year if month > ref.month else ref.year + 1
        elif m["rel"] == "this":
            year = ref.year
        else:
            year = ref.year if month < ref.month else ref.year - 1
        return ResolvedDate(_ym(year, month), "month", _qualifier(m["mod"]))
    m = re.search(rf"(?:{MODIFIERS}[- ]*(?:of\s+)?)?{_REL}[- ]+(?P<unit>year|month|week)\b", text)
    if m:
        return _relative_unit(m["unit"], _year_offset(m["rel"]), ref, _qualifier(m["mod"]))
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)", text)
    if m:
        month, day = _month(m["month"]), int(m["day"])
        year = ref.year
        if date(year, month, min(day, 28)) > ref + timedelta(days=1):
            year -= 1
        return ResolvedDate(f"{year:04d}-{month:02d}-{day:02d}", "day")
    m = re.search(rf"^(?:in\s+|on\s+)?(?:{MODIFIERS}[- ]+(?:of\s+)?)?{_M}$", text)
    if m:
        month = _month(m["month"])
        return ResolvedDate(_ym(_recent_month(month, ref), month), "month", _qualifier(m["mod"]))
    return _ago_or_day(text, ref)


def _relative_unit(unit: str, offset: int, ref: date, qualifier: str | None) -> ResolvedDate:
    if unit == "year":
        return ResolvedDate(f"{ref.year + offset:04d}", "year", qualifier)
    if unit == "month":
        month_index = ref.year * 12 + ref.month - 1 + offset
        return ResolvedDate(_ym(month_index // 12, month_index % 12 + 1), "month", qualifier)
    day = ref + timedelta(weeks=offset)
    return ResolvedDate(day.isoformat(), "day", qualifier, approximate=True)


def _ago_or_day(text: str, ref: date) -> ResolvedDate | None:
    words = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    m = re.search(rf"(?:(?P<n>\d+|{words})\s+)?(?P<unit>decade|year|month|week|day)s?\s+(?:ago|earlier|before)", text)
    if m:
        n = 1 if not m["n"] else int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        unit = m["unit"]
        if unit in ("decade", "year"):
            return ResolvedDate(f"{ref.year - n * (10 if unit == 'decade' else 1):04d}", "year",
                                approximate=True)
        if unit == "month":
            idx = ref.year * 12 + ref.month - 1 - n
            return ResolvedDate(_ym(idx // 12, idx % 12 + 1), "month", approximate=True)
        return ResolvedDate((ref - timedelta(days=n * (7 if unit == "week" else 1))).isoformat(), "day")
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            for delta in range(WEEKDAY_WINDOW[1], WEEKDAY_WINDOW[0] - 1, -1):
                day = ref + timedelta(days=delta)
                if day.weekday() == i:
                    return ResolvedDate(day.isoformat(), "day")
    fixed = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this week": 0}
    for word, delta in fixed.items():
        if re.search(rf"\b{word}\b", text):
            return ResolvedDate((ref + timedelta(days=delta)).isoformat(), "day")
    return None


def _fallback(text: str, ref: date | None) -> ResolvedDate | None:
    """dateparser, for forms the rules above do not know; only when a month or digit is present."""
    if not re.search(r"\b(?:1[89]|20)\d\d\b|\d{1,2}/\d{1,2}|" + "|".join(MONTHS), text):
        return None  # only forms with a month or a year are worth dateparser's time
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["year"] if not ref else []}
    if ref:
        settings["RELATIVE_BASE"] = __import__("datetime").datetime(ref.year, ref.month, ref.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None or not 1800 <= parsed.year <= (ref.year + 5 if ref else 2100):
        return None
    precision = "day" if re.search(r"\b\d{1,2}\b", text) else "month"
    value = parsed.date().isoformat() if precision == "day" else _ym(parsed.year, parsed.month)
    return ResolvedDate(value, precision)


def resolve_expression(expression: str, ref: date | None, context: str = "") -> ResolvedDate | None:
    """Resolve one date expression; ``context`` is the text just before it (for "since", "in")."""
    text = " ".join(expression.lower().replace("–", "-").split()).strip(" ,.")
    if re.fullmatch(r"\d{1,3}-year-old|\d+ (?:hours?|minutes?|seconds?)", text):
        return None
    resolved = _absolute(text)
    if resolved is None and ref is not None:
        resolved = _relative(text, ref)
    if resolved is None:
        resolved = _fallback(text, ref)
    if resolved is None:
        return None
    lead = re.search(r"\b(since|until|till|before|after|by|from)\s*$", context.lower())
    if lead and resolved.qualifier is None:
        resolved = ResolvedDate(resolved.date, resolved.precision, lead[1], resolved.approximate)
    if re.search(r"\b(about|around|nearly|almost|some|roughly)\b", context.lower()[-12:] + " " + text):
        resolved = ResolvedDate(resolved.date, resolved.precision, resolved.qualifier, True)
    return resolved
