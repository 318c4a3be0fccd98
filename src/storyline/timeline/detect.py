"""Date expressions the statistical NER leaves out, found by pattern: "today" tagged as
something else, "this year", "a week or so ago", "the quarter" and "the latest period" of
earnings reports, "Q3 2023", "FY24", "post-1959"; and spans it cuts wrong ("April 24 and" without
its "25", "9 a.m." apart from the "Tuesday" after it)."""

from __future__ import annotations

import re
from bisect import bisect_right

from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Mention

MISSED = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow)\b"
    r"|\b(?:the|this|that) (?:latest |current |same |recent |most recent )?(?:fiscal )?quarter\b(?!-)"
    r"|\bthe (?:latest|comparable|year-earlier|year-ago) (?:period|fiscal year)\b"
    r"|\b(?:this|last|next) (?:week|month|year)\b(?!-)"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+) "
    r"(?:days?|weeks?|months?|years?) (?:or so )?ago\b"
    r"|\bthe (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
    r"|(?<=\bpost-)(?:1[89]|20)\d\d\b"
    r"|\bQ[1-4](?:\s*(?:FY)?\s*['’]?(?:\d{4}|\d{2}))?\b|\b[1-4]Q['’]?\d{2}\b|\bFY\s*['’]?(?:\d{4}|\d{2})\b",
    re.IGNORECASE)


def date_mentions(doc: AnnotatedArticle) -> list[Mention]:
    """The NER's DATE/TIME mentions plus the patterns above where they overlap none, in text order."""
    found = list(doc.dates)
    taken = sorted((m.start, m.end) for m in found)
    starts = [s.start for s in doc.sentences]
    for match in MISSED.finditer(doc.article.text):
        start, end = match.span()
        if any(a < end and start < b for a, b in taken) or not starts:
            continue
        sentence = max(0, bisect_right(starts, start) - 1)
        found.append(Mention(doc.id, sentence, start, end, match[0], "DATE"))
    joined = _join_adjacent(doc, sorted(found, key=lambda m: (m.start, m.end)))
    return [part for m in joined for part in _split_period_end(doc, m)]


#: "the quarter ended Sept. 30", "the year ending June 30, 1990": a period and the day it ends,
#: two dates (the day is not the period's start; TimeML marks them apart).
PERIOD_END = re.compile(r"\s+(?:ended|ending)\s+(?=\S)", re.IGNORECASE)


def _split_period_end(doc: AnnotatedArticle, mention: Mention) -> list[Mention]:
    m = PERIOD_END.search(mention.text)
    if m is None or not m.start() or re.search(r"\bweek$", mention.text[:m.start()], re.IGNORECASE):
        return [mention]  # "the week ending March 6" is one week
    cut, resume = mention.start + m.start(), mention.start + m.end()
    text = doc.article.text
    return [Mention(doc.id, mention.sentence, mention.start, cut, text[mention.start:cut], mention.label),
            Mention(doc.id, mention.sentence, resume, mention.end, text[resume:mention.end], mention.label)]


#: What may separate two date mentions that are one expression ("10 p.m. Wednesday",
#: "Tuesday, March 3"): spaces, a comma, "on", "of".
JOINER = re.compile(r"\s*(?:,|on|of)?\s*")


#: A span the NER ends on "and", "to" or a dash before the day that closes the range ("April 24 and").
CUT_RANGE = re.compile(r"(?:\s*(?:-|–|\band|\bto|\bthrough))\s*$", re.IGNORECASE)
CLOSING_DAY = re.compile(r"\s*\d{1,2}\b(?![.,:]?\d)")


def _join_adjacent(doc: AnnotatedArticle, mentions: list[Mention]) -> list[Mention]:
    text = doc.article.text
    joined: list[Mention] = []
    for m in mentions:
        last = joined[-1] if joined else None
        clock = last is not None and re.search(r"[ap]\.m\.$", last.text) is not None
        if (last is not None and (last.sentence == m.sentence or clock) and last.end <= m.start
                and JOINER.fullmatch(text[last.end:m.start])):  # "10 p.m. Wednesday", "9 a.m. | Tuesday"
            joined[-1] = Mention(doc.id, last.sentence, last.start, m.end, text[last.start:m.end], last.label)
        else:
            joined.append(_close_range(doc, m))
    return joined


def _close_range(doc: AnnotatedArticle, mention: Mention) -> Mention:
    """ "April 24 and" -> "April 24 and 25"."""
    day = CLOSING_DAY.match(doc.article.text, mention.end) if CUT_RANGE.search(mention.text) else None
    if day is None:
        return mention
    return Mention(doc.id, mention.sentence, mention.start, day.end(), doc.article.text[mention.start:day.end()],
                   mention.label)
