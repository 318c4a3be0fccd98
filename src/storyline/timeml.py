"""Scoring dates against TimeML news (TempEval-3 TimeBank + AQUAINT): a reader, the "calendar
date" definition, and found / value-accuracy figures (used by tests and benchmarks/dates.py).

Definitions
- A *calendar date* is a gold TIMEX3 of type DATE or TIME whose value, with any time of day
  (``T...``) or weekend mark (``-WE``) removed, names a calendar period: ``YYYY``, ``YYYY-MM``,
  ``YYYY-MM-DD``, ``YYYY-Wnn``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-SP|SU|FA|WI``, a decade (``199``
  or ``199X``) or a century (``19`` or ``19XX``). Durations, sets, ``PRESENT_REF``/``PAST_REF``
  and values with unknown parts (``XXXX-10``, ``1998-10-XX``) are not calendar dates.
- *found*: a storyline date whose words overlap the gold expression's characters.
- *value accuracy*: of the found ones, those whose value, written TimeML-style from storyline's
  ``date`` and ``precision`` and brought to the gold value's granularity, equals the gold value.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Article

CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{1,2}|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
                      r"|\d{3}X?|\d{2}(?:XX)?")
#: TLINK types that say an event happened at (or within) a time, seen from either side.
EVENT_AT_TIME = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "IDENTITY"})
TIME_AROUND_EVENT = frozenset({"INCLUDES", "DURING", "SIMULTANEOUS", "BEGUN_BY", "ENDED_BY", "IDENTITY"})


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str  # the gold value brought to its calendar form ("" when not a calendar date)
    tid: str = ""
    linked: bool = False  # a gold TLINK puts an event inside or at this time (IS_INCLUDED, DURING...)


@dataclass
class TimemlDoc:
    name: str
    corpus: str  # "TimeBank" or "AQUAINT"
    article: Article
    timexes: list[Timex] = field(default_factory=list)

    @property
    def half(self) -> str:
        """A deterministic split of the documents: "tune" or "check" by a hash of the name."""
        return "tune" if hashlib.sha1(self.name.encode()).digest()[0] % 2 == 0 else "check"


def calendar_value(value: str, kind: str) -> str:
    """The gold value as a calendar value, or "" when it is not one (see module docstring)."""
    if kind not in ("DATE", "TIME"):
        return ""
    value = re.sub(r"T.*$", "", value)
    value = re.sub(r"-WE$", "", value)
    if not CALENDAR.fullmatch(value):
        return ""
    week = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
    if week:
        value = f"{week[1]}-W{int(week[2]):02d}"
    return value.rstrip("X")


def read_timeml(path: Path) -> TimemlDoc:
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    published = date.fromisoformat(dct.get("value", "")[:10]) if dct is not None else None
    text_el = root.find("TEXT")
    pieces: list[str] = []
    timexes: list[Timex] = []

    def walk(el: ET.Element) -> None:
        start = sum(len(p) for p in pieces)
        pieces.append(el.text or "")
        for child in el:
            walk(child)
            pieces.append(child.tail or "")
        if el.tag == "TIMEX3":
            end = sum(len(p) for p in pieces)
            kind = el.get("type", "")
            timexes.append(Timex(start, end, "".join(el.itertext()), kind,
                                 calendar_value(el.get("value", ""), kind), el.get("tid", "")))

    if text_el is not None:
        walk(text_el)
    raw = "".join(pieces)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    for t in timexes:
        t.start -= lead
        t.end -= lead
    linked = {link.get("relatedToTime") for link in root.iter("TLINK")
              if link.get("eventInstanceID") and link.get("relType") in EVENT_AT_TIME}
    linked |= {link.get("timeID") for link in root.iter("TLINK")
               if link.get("relatedToEventInstance") and link.get("relType") in TIME_AROUND_EVENT}
    for t in timexes:
        t.linked = t.tid in linked
    corpus = "AQUAINT" if path.parent.name == "AQUAINT" else "TimeBank"
    article = Article(text=text, path=str(path), published=published)
    return TimemlDoc(path.stem, corpus, article, timexes)


def read_timeml_folder(root: Path) -> list[TimemlDoc]:
    return [read_timeml(p) for p in sorted(root.glob("*/*.tml"))]


def timeml_value(day: str, precision: str) -> str:
    """A storyline date and precision written as a TimeML value."""
    parts = [int(p) for p in day.split("-")]
    if precision == "decade":
        return day[:3]
    if precision == "century":
        return day[:2]
    if precision == "year" or len(parts) == 1:
        return day[:4]
    if precision == "quarter":
        return f"{parts[0]:04d}-Q{(parts[1] - 1) // 3 + 1}"
    if precision == "half":
        return f"{parts[0]:04d}-H{1 if parts[1] <= 6 else 2}"
    if precision == "season":
        season = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(parts[1], "")
        return f"{parts[0]:04d}-{season}"
    if precision == "week" and len(parts) == 3:
        year, week, _ = date(*parts).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month" or len(parts) == 2:
        return day[:7]
    return day[:10]


def at_granularity(value: str, gold: str) -> str:
    """``value`` brought to ``gold``'s granularity when it is finer (a day compared with a
    month gold value is its month); coarser values are left as they are."""
    if len(gold) <= 3 and value[:1].isdigit():  # decade / century
        return value[: len(gold)]
    if re.fullmatch(r"\d{4}", gold):
        return value[:4]
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:  # a week stands for its Thursday (the ISO rule for which year a week belongs to)
        value = date.fromisocalendar(int(week[1]), int(week[2]), 4).isoformat()
        if "-W" in gold:
            return f"{week[1]}-W{week[2]}"
    day = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not day:
        return value
    year, month = int(day[1]), int(day[2])
    if re.fullmatch(r"\d{4}-\d{2}", gold):
        return value[:7]
    if "-Q" in gold:
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if "-H" in gold:
        return f"{year:04d}-H{1 if month <= 6 else 2}"
    if "-W" in gold and day[3]:
        iso = date(year, month, int(day[3])).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return value


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    right: int = 0
    linked: int = 0  # found dates a gold TLINK puts an event in ...
    linked_kept: int = 0  # ... that the timeline keeps as dated actions
    unlinked: int = 0  # found dates with no such link ...
    unlinked_dropped: int = 0  # ... that the timeline leaves out

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "right", "linked", "linked_kept", "unlinked", "unlinked_dropped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def found_rate(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 1.0


def score_doc(doc: TimemlDoc, system: list[tuple[int, int, str, bool]],
              misses: list[tuple[str, str, str, str]] | None = None) -> Score:
    """Score one document; ``system`` holds (start, end, TimeML value, timeline entry) of
    storyline's dates. Wrong and missed ones are appended to ``misses`` as (doc, words, gold,
    system value)."""
    score = Score()
    for t in doc.timexes:
        if not t.value:
            continue
        score.gold += 1
        hits = [s for s in system if s[0] < t.end and t.start < s[1]]
        if not hits:
            if misses is not None:
                misses.append((doc.name, t.text, t.value, "-"))
            continue
        score.found += 1
        best = min(hits, key=lambda s: (abs(s[0] - t.start), s[0], s[2]))
        if t.linked:
            score.linked += 1
            score.linked_kept += best[3]
        else:
            score.unlinked += 1
            score.unlinked_dropped += not best[3]
        if at_granularity(best[2], t.value) == t.value:
            score.right += 1
        elif misses is not None:
            misses.append((doc.name, t.text, t.value, best[2]))
    return score


def evaluate(docs: list[TimemlDoc], annotations: list[AnnotatedArticle],
             misses: list[tuple[str, str, str, str]] | None = None) -> dict[str, Score]:
    """Scores overall ("all"), per corpus ("TimeBank", "AQUAINT") and per half ("tune", "check")
    of storyline's dates (``storyline.timeline.build.system_dates``) on annotated TimeML docs."""
    from storyline.timeline.build import system_dates

    scores = {k: Score() for k in ("all", "TimeBank", "AQUAINT", "tune", "check")}
    for doc, annotated in zip(docs, annotations):
        s = score_doc(doc, system_dates(annotated, None), misses)
        for key in ("all", doc.corpus, doc.half):
            scores[key].add(s)
    return scores
