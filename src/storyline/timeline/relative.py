"""Date expressions without their own year: relative to the publication date ("last week",
"two years ago", "today"), to the tense around them ("April 30", "Tuesday", "the third
quarter"), or to the last date the article mentioned ("that day", "a year earlier", "the
following week"). News conventions after HeidelTime: today/tonight = the publication day."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from storyline.timeline.calendar import (
    FUTURE,
    HOLIDAY_PATTERN,
    ORDINALS,
    PAST,
    PRESENT,
    SEASONS,
    WEEKDAYS,
    ResolvedDate,
    holiday,
    pick_occurrence,
    pick_weekday,
    pick_year,
    quarter,
    quarter_of,
    shift,
    week_of,
    ym,
)
from storyline.timeline.resolver import (
    DAY,
    HALF,
    MODIFIERS,
    NUMBER_WORDS,
    QUARTER_NTH,
    SEASON,
    M,
    day_number,
    month_number,
    qualifier_of,
)

_REL = (r"(?P<rel>last|this past|this coming|this|next|previous|past|coming|the previous|the following"
        r"|the last|the next|the past|the coming)")
_OFFSET = {"last": -1, "previous": -1, "the previous": -1, "past": -1, "the past": -1, "the last": -1,
           "this past": -1, "this": 0, "next": 1, "the following": 1, "the next": 1, "coming": 1,
           "the coming": 1, "this coming": 1}
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_UNIT = r"(?P<unit>decade|year|quarter|month|week|day)"
_COUNTS = NUMBER_WORDS | {"eleven": 11, "twelve": 12, "few": 3, "a couple": 2, "couple of": 2}
_COUNT = r"(?P<n>\d+|" + "|".join(sorted(_COUNTS, key=len, reverse=True)) + r")"
QUARTER_ALONE = re.compile(r"(?:this|current|latest|most recent|recent|the|that|same|its|a)\s+"
                           r"(?:fiscal\s+)?(?:quarter|period)$")
YEAR_BACK = re.compile(r"\byear[- ](?:earlier|ago)\b|\bcorresponding period|comparable period"
                       r"|year-earlier|year-ago|\blast year['’]?s (?:quarter|period)\b")
THAT_UNIT = re.compile(rf"(?:earlier |later |by |in )?(?:that|the same)\s+{_UNIT}"
                       r"|(?:earlier|later) that (?:morning|night|evening|afternoon)")
NEXT_UNIT = re.compile(r"(?:the|a)\s+(?P<dir>following|next|previous|preceding|prior)\s+"
                       r"(?P<unit>day|week|month|year|morning|night|evening)"
                       r"|the\s+(?P<unit2>day|week|month|year|night)\s+(?P<dir2>before|after)\b")
REL_UNIT = re.compile(rf"(?:{MODIFIERS}[- ]*(?:of\s+)?)?(?:{_REL}|the current|current|the)[- ]+"
                      rf"(?:fiscal[- ])?{_UNIT}\b")
THIS_YEAR = re.compile(r"(?P<when>earlier|later) this (?P<unit>year|month|week)"
                       r"|(?:the )?(?:full|fiscal|calendar)[- ]year")
#: Parts of a day written alone ("this morning", "10:35 a.m."): the publication day.
TODAY = re.compile(r"(?:earlier |later )?(?:today|tonight|this (?:morning|afternoon|evening))")
#: A time of day alone ("10:35 a.m.", "noon", "in the morning"): the day last named, else the
#: publication day.
CLOCK = re.compile(r"(?:at |around |about |by )?(?:midday|noon|midnight|mid[- ]?(?:afternoon|morning)"
                   r"|the (?:morning|afternoon|evening)"
                   r"|\d{1,2}(?::\d\d)? ?(?:a\.?m|p\.?m)\.?(?: [a-z]{2,4})?)")


#: Words that make an expression read from another date; such a date never becomes the anchor.
BACK_REFERENCE = re.compile(r"\b(?:that|same|earlier|later|following|previous|preceding|prior|before|after"
                            r"|ago|year-earlier|year-ago|corresponding|comparable|then)\b")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word]


def _unit_period(unit: str, day: date) -> ResolvedDate:
    """The period of ``unit`` that contains ``day``."""
    if unit == "year":
        return ResolvedDate(f"{day.year:04d}", "year")
    if unit == "quarter":
        return quarter(day.year, quarter_of(day))
    if unit == "month":
        return ResolvedDate(ym(day.year, day.month), "month")
    if unit == "week":
        return week_of(day)
    if unit == "decade":
        return ResolvedDate(f"{day.year // 10 * 10:04d}", "decade")
    return ResolvedDate(day.isoformat(), "day")


def _move(period: ResolvedDate, unit: str, n: int) -> ResolvedDate:
    if unit in ("day", "week"):
        return shift(period, days=n * (7 if unit == "week" else 1))
    months = {"year": 12, "quarter": 3, "month": 1, "decade": 120}[unit] * n
    return shift(period, months=months)


def _anchor_day(anchor: ResolvedDate | None, ref: date) -> date:
    if anchor and anchor.precision in ("day", "week") and len(anchor.date) == 10:
        return date.fromisoformat(anchor.date)
    return ref


def _with_year(text: str, ref: date, tense: str | None) -> ResolvedDate | None:
    """A month, quarter or season with a relative year ("July last year", "next year's first
    quarter", "last fall")."""
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{M}\s+(?:of\s+)?{_REL}\s+year", text)
    if m:
        return ResolvedDate(ym(ref.year + _OFFSET[m["rel"]], month_number(m["month"])), "month",
                            qualifier_of(m["mod"]))
    m = re.search(rf"{QUARTER_NTH}\s+of\s+{_REL}\s+year", text) or \
        re.search(rf"{_REL}\s+year['’]?s\s+(?:{QUARTER_NTH}|(?P<any>quarter|period))", text)
    if m:
        year = ref.year + _OFFSET[m["rel"]]
        number = ORDINALS[m["q"]] if m["q"] else quarter_of(ref)
        return quarter(year, number)
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{_REL}\s+{M}(?!\w)(?!\.?\s*\d)", text)
    if m:
        month, rel = month_number(m["month"]), _OFFSET[m["rel"]]
        year = pick_year(month, None, ref, PAST if rel < 0 else FUTURE) if rel else ref.year
        if month == ref.month and rel:  # "last July" / "next July" written in July
            year += rel
        return ResolvedDate(ym(year, month), "month", qualifier_of(m["mod"]))
    m = re.search(rf"(?:{_REL}\s+)?{SEASON}\b", text)
    if m:
        month = SEASONS[m["season"]]
        rel = _OFFSET[m["rel"]] if m["rel"] else 0
        tense = PAST if rel < 0 else FUTURE if rel > 0 else tense
        year = pick_year(month, None, ref, tense)
        current = (ref.month - month) % 12 < 3
        if current and tense is None or current and rel == 0:
            year = ref.year if ref.month >= month else ref.year - 1
        return ResolvedDate(ym(year, month), "season")
    return None


def _halves(text: str, ref: date) -> ResolvedDate | None:
    m = re.search(rf"{HALF}\s+of\s+(?:{_REL}|the)\s+year", text) or re.search(rf"{_REL}\s+year['’]?s\s+{HALF}", text)
    if not m:
        return None
    year = ref.year + (_OFFSET[m["rel"]] if m["rel"] else 0)
    return ResolvedDate(ym(year, 1 if m["h"] in ("first", "1st") else 7), "half")


def _quarters(text: str, ref: date, tense: str | None, anchor: ResolvedDate | None,
              reported: ResolvedDate | None = None) -> ResolvedDate | None:
    """Quarters without a year: "the third quarter", "the latest quarter", "the quarter";
    "this quarter" in results copy ("this quarter's loss") is the ``reported`` one."""
    m = re.search(QUARTER_NTH, text)
    short = re.fullmatch(r"(?:the )?q([1-4])", text)
    if m or short:
        number = ORDINALS[m["q"]] if m else int(short[1]) if short else 0
        year = ref.year
        if anchor and anchor.precision == "quarter" and anchor.date[:4] != str(ref.year):
            year = int(anchor.date[:4]) if re.search(r"\bthat|same\b", text) else year
        current = quarter_of(ref)
        if tense == PAST and number > current:
            year -= 1
        return quarter(year, number)
    if QUARTER_ALONE.search(text):
        if anchor and anchor.precision == "quarter" and not re.search(r"latest|recent", text):
            return ResolvedDate(anchor.date, "quarter")
        if reported and tense != FUTURE and re.match(r"this (?:fiscal )?quarter", text):
            return ResolvedDate(reported.date, "quarter")
        if re.search(r"current|this", text):
            return quarter(ref.year, quarter_of(ref))
        last = quarter_of(ref) - 1 or 4
        return quarter(ref.year - (1 if last == 4 else 0), last)
    return None


def _year_back(text: str, ref: date, anchor: ResolvedDate | None,
               quarter_anchor: ResolvedDate | None) -> ResolvedDate | None:
    """The year-earlier period of quarterly results: "a year earlier", "the year-ago quarter"."""
    if not YEAR_BACK.search(text):
        return None
    if quarter_anchor is not None:
        return shift(quarter_anchor, years=-1)
    if re.search(r"quarter|period", text):
        last = quarter_of(ref) - 1 or 4
        return quarter(ref.year - (2 if last == 4 else 1), last)
    if "earlier" in text and anchor and anchor.precision in ("day", "month", "year"):
        return replace(shift(anchor, years=-1), approximate=True, qualifier=None)
    return ResolvedDate(ym(ref.year - 1, ref.month), "month", approximate=True)


def _counted(text: str, ref: date, anchor: ResolvedDate | None) -> ResolvedDate | None:
    """ "two years ago", "six weeks ago", "three days later", "a week earlier"."""
    m = re.search(rf"(?:\b{_COUNT}[- ]+)?\b{_UNIT}(?P<plural>s?)\s+"
                  r"(?P<dir>ago|earlier|before|later|after|from now|hence)\b", text)  # not "Tuesday afternoon"
    if not m or m["plural"] and not m["n"]:  # "years later": how many is not said
        return None
    n = _count(m["n"]) if m["n"] else 1
    unit = m["unit"]
    relative_to_anchor = m["dir"] in ("earlier", "before", "later", "after") and anchor is not None
    base = _anchor_day(anchor, ref) if relative_to_anchor else ref
    sign = 1 if m["dir"] in ("later", "after", "from now", "hence") else -1
    if unit == "decade":
        return ResolvedDate(f"{base.year - 10 * n:04d}", "year", approximate=True)
    if unit == "year":
        return ResolvedDate(f"{base.year + sign * n:04d}", "year", approximate=n > 1)
    period = _unit_period(unit, base)
    return replace(_move(period, unit, sign * n), approximate=unit == "month" and n > 2)


def _anaphoric(text: str, ref: date, anchor: ResolvedDate | None) -> ResolvedDate | None:
    """ "that day", "the following week", "the next morning", "the day before", "later that year"."""
    m = THAT_UNIT.search(text)
    if m:
        unit = m["unit"] or "day"
        if anchor is None:
            return None
        return _unit_period(unit, _anchor_day(anchor, ref)) if unit in ("day", "week") else \
            _unit_period(unit, date(int(anchor.date[:4]), int((anchor.date + "-06")[5:7]), 1))
    m = NEXT_UNIT.search(text)
    if m:
        unit = m["unit"] or m["unit2"]
        unit = "day" if unit in ("morning", "night", "evening") else unit
        sign = 1 if (m["dir"] or m["dir2"]) in ("following", "next", "after") else -1
        base = _anchor_day(anchor, ref)
        if anchor and unit in ("month", "year") and anchor.precision in ("month", "year", "quarter"):
            base = date(int(anchor.date[:4]), int((anchor.date + "-06")[5:7]), 1)
        return _move(_unit_period(unit, base), unit, sign)
    return None


def _month_day(text: str, ref: date, tense: str | None) -> ResolvedDate | None:
    m = re.search(rf"(?:{MODIFIERS}[- ]+(?:of\s+)?)?{M}\s+{DAY}(?!\w)(?!,?\s*\d)", text) or \
        re.search(rf"the\s+{DAY}\s+of\s+{M}", text)
    if not m:
        return None
    month, day = month_number(m["month"]), day_number(m["day"])
    rel = re.match(r"(last|this past|next|this coming)\b", text)
    tense = (PAST if rel[1] in ("last", "this past") else FUTURE) if rel else tense  # "last Oct. 23"
    try:
        return ResolvedDate(date(pick_year(month, day, ref, tense), month, day).isoformat(), "day")
    except ValueError:
        return None


def _holiday(text: str, ref: date, tense: str | None) -> ResolvedDate | None:
    m = re.search(rf"(?:{_REL}\s+)?(?P<name>{HOLIDAY_PATTERN})", text)
    if not m:
        return None
    rel = _OFFSET[m["rel"]] if m["rel"] else 0
    day = holiday(m["name"], ref, PAST if rel < 0 else FUTURE if rel > 0 else tense)
    return week_of(day) if "week" in text else ResolvedDate(day.isoformat(), "day")


def _weekday(text: str, ref: date, tense: str | None, anchor: ResolvedDate | None) -> ResolvedDate | None:
    """A weekday: "the previous Friday" from the anchor, "last Monday" the Monday of last week,
    a bare "Tuesday" by the tense; "the weekend" as the week of its Saturday."""
    m = re.search(rf"(?:{_REL}\s+)?{_WD}", text)
    if m:
        weekday = WEEKDAYS.index(m["wd"])
        if m["rel"] in ("the previous", "the following", "previous") and anchor:
            base = _anchor_day(anchor, ref)
            step = 1 if m["rel"] == "the following" else -1
            day = next(base + timedelta(days=step * k) for k in range(1, 8)
                       if (base + timedelta(days=step * k)).weekday() == weekday)
        elif m["rel"] in ("last", "next", "this", "this coming", "this past"):
            week_start = ref - timedelta(days=ref.weekday())
            offset = {"last": -7, "next": 7}.get(m["rel"], 0)
            day = week_start + timedelta(days=offset + weekday)
        else:
            day = pick_weekday(weekday, ref, tense)
        return ResolvedDate(day.isoformat(), "day")
    m = re.search(rf"(?:{_REL}\s+|the\s+)?weekend", text)
    if m:
        rel = _OFFSET[m["rel"]] if m["rel"] else 0
        return week_of(pick_weekday(5, ref, PAST if rel < 0 else FUTURE if rel > 0 else tense or PAST))
    return None


def _month_alone(text: str, ref: date, tense: str | None) -> ResolvedDate | None:
    m = re.fullmatch(rf"(?:in\s+|on\s+|by\s+)?(?:{MODIFIERS}[- ]*(?:of\s+)?)?{M}(?:\s+month)?", text)
    if not m:
        return None
    month = month_number(m["month"])
    return ResolvedDate(ym(pick_year(month, None, ref, tense), month), "month", qualifier_of(m["mod"]))


def _this_or_last(text: str, ref: date, tense: str | None, anchor: ResolvedDate | None) -> ResolvedDate | None:
    """ "last year", "this week", "next month", "the current fiscal year", "year-end", "today"."""
    m = REL_UNIT.search(text)
    if m and m["unit"] != "day":
        offset = _OFFSET.get(m["rel"] or "this", 0)
        if not m["rel"] and m["unit"] not in ("year", "month", "week"):
            return None
        period = _move(_unit_period(m["unit"], ref), m["unit"], offset)
        return replace(period, qualifier=qualifier_of(m["mod"]))
    if TODAY.fullmatch(text) or text == "this time":
        return ResolvedDate(ref.isoformat(), "day")
    if text == "the day":  # the day last named (narrative), else the publication day
        return ResolvedDate(_anchor_day(anchor, ref).isoformat(), "day")
    if CLOCK.fullmatch(text):
        return ResolvedDate(_anchor_day(anchor, ref).isoformat(), "day")
    found = _next_to_today(text, ref, anchor)
    if found:
        return found
    if re.search(r"\byear[- ]end\b|\byear['’]s end\b|\bend of (?:the|this) year\b", text):
        end = pick_occurrence(lambda y: date(y, 12, 31), ref, tense or PRESENT)
        return ResolvedDate(end.isoformat(), "day")
    if re.search(r"\b(?:latest|most recent|last full) (?:fiscal |calendar )?year\b", text):
        return ResolvedDate(f"{ref.year - 1:04d}", "year")  # the last one completed, as "the latest quarter"
    m = THIS_YEAR.search(text)
    if m:
        return _unit_period(m["unit"] or "year", ref)
    return None


def _next_to_today(text: str, ref: date, anchor: ResolvedDate | None) -> ResolvedDate | None:
    """ "yesterday", "tomorrow", "last night"; "overnight" is the night before the day last named
    ("overnight losses in New York" in a report on Friday's trading), else the publication day."""
    if text == "overnight" and anchor is not None and anchor.precision == "day":
        return ResolvedDate((date.fromisoformat(anchor.date) - timedelta(days=1)).isoformat(), "day")
    offsets = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1, "last night": -1,
               "overnight": 0}
    for word, delta in offsets.items():
        if re.search(rf"\b{word}\b", text):
            return ResolvedDate((ref + timedelta(days=delta)).isoformat(), "day")
    return None


def year_of_anchor(text: str, anchor: ResolvedDate | None) -> ResolvedDate | None:
    """ "the 1988 period" after a quarter was named: the same quarter of 1988."""
    m = re.fullmatch(r"(?:the |its )?(?P<year>1[89]\d\d|20\d\d)(?: \w+)? (?:period|quarter)", text)
    if m and anchor and anchor.precision == "quarter" and not re.search(QUARTER_NTH, text):
        return ResolvedDate(m["year"] + anchor.date[4:], "quarter")
    return None


def resolve_relative(text: str, ref: date, tense: str | None, anchor: ResolvedDate | None,
                     quarter_anchor: ResolvedDate | None = None) -> ResolvedDate | None:
    for rule in (lambda: _halves(text, ref), lambda: _year_back(text, ref, anchor, quarter_anchor),
                 lambda: _with_year(text, ref, tense),
                 lambda: _counted(text, ref, anchor), lambda: _anaphoric(text, ref, anchor),
                 lambda: _quarters(text, ref, tense, anchor, quarter_anchor), lambda: _month_day(text, ref, tense),
                 lambda: _holiday(text, ref, tense), lambda: _weekday(text, ref, tense, anchor),
                 lambda: _month_alone(text, ref, tense), lambda: _this_or_last(text, ref, tense, anchor)):
        found = rule()
        if found is not None:
            return found
    return None
