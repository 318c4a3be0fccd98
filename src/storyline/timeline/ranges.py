"""Ranges keep both ends: "March 3-5, 2020", "March-April 2020", "from March to May",
"March 2019 to June 2020" (ranges of years, "2009-2010", are read with the years)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storyline.timeline.calendar import FUTURE, ResolvedDate

MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
              r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
SEPARATOR = r"\s*(?:-|/|\bto\b|\bthrough\b|\buntil\b|\btill\b|\band\b)\s*"
YEAR_WORD = r"(?:1[0-9]\d\d|20\d\d)"
#: "March 3-5, 2020", "Jan. 5 to 7"
DAY_RANGE = re.compile(rf"(?P<month>{MONTH_WORD})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{SEPARATOR}"
                       rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?P<year>,?\s+{YEAR_WORD})?$")
#: "March-April 2020", "from March to May", "March 2019 to June 2020", "May 3 to June 1",
#: "from today through Nov. 17"
_POINT = rf"{MONTH_WORD}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?(?:\s+{YEAR_WORD})?"
SPAN = re.compile(rf"(?:from\s+|between\s+)?(?P<left>{_POINT}|today|tomorrow){SEPARATOR}(?P<right>{_POINT})$")


def resolve_range(text: str, ref: date | None, tense: str | None) -> ResolvedDate | None:
    """The first period of a range with ``end`` set to the last, or None for anything else."""
    from storyline.timeline.resolver import resolve_expression

    m = DAY_RANGE.search(text)
    if m and int(m["d2"]) > int(m["d1"]):
        year = m["year"] or ""
        start = resolve_expression(f"{m['month']} {m['d1']}{year}", ref, tense=tense)
        if start is None or start.precision != "day":
            return None
        try:
            last = date.fromisoformat(start.date).replace(day=int(m["d2"]))
        except ValueError:
            return None
        return replace(start, end=last.isoformat())
    m = SPAN.search(text)
    if not m:
        return None
    year = re.search(rf"{YEAR_WORD}$", m["right"])
    left = m["left"] if re.search(YEAR_WORD, m["left"]) or not year else f"{m['left']} {year[0]}"
    start = resolve_expression(left, ref, tense=tense)
    end = resolve_expression(m["right"], ref, tense=FUTURE if m["left"] in ("today", "tomorrow") else tense)
    if start is None or end is None or start.precision != end.precision or end.date <= start.date:
        return None
    return replace(start, end=end.date)
