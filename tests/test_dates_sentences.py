"""Dates read from whole sentences through the real spaCy pipeline (tense, anchors, timeline
filter), published on Wednesday 2024-01-10. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.nlp import annotate, load_model
from storyline.records import Article, Mention, TimeRef
from storyline.timeline.build import resolved_mentions

PUBLISHED = date(2024, 1, 10)

CASES = [
    ("The primary will be held April 30, officials said.", [("2024-04-30", "day", True)]),
    ("The primary was held April 30.", [("2023-04-30", "day", True)]),
    ("The summit, scheduled for June 12, will be held in Rome.", [("2024-06-12", "day", True)]),
    ("He plans to visit Cuba in May.", [("2024-05", "month", True)]),
    ("The company reported earnings in December.", [("2023-12", "month", True)]),
    ("Talks resumed Monday and will continue through Friday.",
     [("2024-01-08", "day", True), ("2024-01-12", "day", True)]),
    ("Police arrested him last week.", [("2024-01-01", "week", True)]),
    ("The minister says Friday that the talks failed.", [("2024-01-05", "day", True)]),
    ("The 2020 candidates met in Iowa.", [("2020", "year", False)]),
    ("The bridge opened in 2009-2010 after delays.", [("2009", "year", True)]),
    ("Officials met on May 3. That day, the minister resigned. The following week, parliament voted.",
     [("2023-05-03", "day", True), ("2023-05-03", "day", True), ("2023-05-08", "week", True)]),
    ("Profit rose in the third quarter. A year earlier, it had fallen.",
     [("2023-07", "quarter", True), ("2022-07", "quarter", True)]),
    ("The storm hit tonight, and yesterday the river rose.",
     [("2024-01-10", "day", True), ("2024-01-09", "day", True)]),
    ("He can raise the money to win the nomination and the November election.", [("2024-11", "month", True)]),
    ("Senate seats are up for grabs this November.", [("2024-11", "month", False)]),
    ("Police reopened the case of the October shooting.", [("2023-10", "month", True)]),
    ("Prices rose last fall and will rise again this summer.",
     [("2023-09", "season", True), ("2024-06", "season", True)]),
    # tense beyond the nearest verb: "be to", a plan already past, an infinitive after "decide",
    # a date that opens its sentence, "since"
    ("Trading is to resume in Paris on Tuesday.", [("2024-01-16", "day", True)]),
    ("The offer had been scheduled to expire Friday.", [("2024-01-05", "day", True)]),
    ("NATO has decided to admit the three countries in March.", [("2024-03", "month", True)]),
    ("The board voted to approve the merger on Tuesday.", [("2024-01-09", "day", True)]),
    ("In March, a week after the anniversary of the court's ruling on the case, a bomb killed a guard.",
     [("2023-03", "month", True)]),
    ("Prices are up 4% since March.", [("2023-03", "month", False)]),
    ("The company said it would cut 500 jobs by June.", [("2024-06", "month", True)]),
    ("He told reporters that he would leave on Friday.", [("2024-01-12", "day", True)]),
    ("Officials postponed until Tuesday any action on the case.", [("2024-01-16", "day", True)]),
    # results copy: a period and the day it ends; the reported quarter as the anchor
    ("Profit rose to $3 million for the third quarter ended Sept. 30.",
     [("2023-07", "quarter", True), ("2023-09-30", "day", False)]),
    ("Sales rose in the third quarter, as they did in 2022. This quarter's loss includes a charge of $2 million.",
     [("2023-07", "quarter", True), ("2022", "year", True), ("2023-07", "quarter", True)]),
    ("Sales rose 5% in the third quarter, up from the corresponding period last year.",
     [("2023-07", "quarter", True), ("2022-07", "quarter", False)]),
    ("Profit rose in the third quarter after a flat second quarter. It had fallen a year ago.",
     [("2023-07", "quarter", True), ("2023-04", "quarter", True), ("2022-07", "quarter", True)]),
    # read from the last date named
    ("He died on Jan. 3. The men showed up at his house the day after his death.",
     [("2024-01-03", "day", True), ("2024-01-04", "day", True)]),
    ("Shares fell Friday. Dealers placed heavy orders in the morning.",
     [("2024-01-05", "day", True), ("2024-01-05", "day", True)]),
    # years and decades used as adjectives are not timeline entries
    ("The 2016 campaign was bitter, voters said.", [("2016", "year", False)]),
    ("The 1990s boom ended in a crash.", [("1990", "decade", False)]),
    ("Voters remember the '80s recession.", [("1980", "decade", False)]),
    # a year or decade after "since" is a yardstick, not an event
    ("Inflation rose to its highest level since the 1970s.", [("1970", "decade", False)]),
    ("Prices have doubled since 2019, the agency said.", [("2019", "year", False)]),
    ("Prices doubled in 2019, the agency said.", [("2019", "year", True)]),
]


#: Spans the NER misses or cuts: (text, [(words read, date, end of a range)]).
SPANS = [
    ("Revenue shrank by a third this year alone.", [("this year", "2024", None)]),
    ("Then, a week or so ago, the general picked the date.", [("a week or so ago", "2024-01-01", None)]),
    ("The summit will be held on April 24 and 25 in Washington.",
     [("April 24 and 25", "2024-04-24", "2024-04-25")]),
    ("The bank will buy all shares tendered from today through Jan. 17.",
     [("today through Jan. 17", "2024-01-10", "2024-01-17")]),
]


@pytest.fixture(scope="module")
def read() -> dict[str, list[tuple[Mention, TimeRef]]]:
    """Every sentence of CASES and SPANS annotated once (one spaCy pass) and its dates resolved."""
    texts = [text for text, _ in CASES] + [text for text, _ in SPANS]
    docs = annotate([Article(text=text, published=PUBLISHED) for text in texts], load_model())
    return {d.article.text: resolved_mentions(d, None) for d in docs}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dates_in_sentences(read: dict[str, list[tuple[Mention, TimeRef]]], text: str,
                            expected: list[tuple[str, str, bool]]) -> None:
    assert [(r.date, r.precision, r.event) for _, r in read[text]] == expected


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans_found_and_mended(read: dict[str, list[tuple[Mention, TimeRef]]], text: str,
                                expected: list[tuple[str, str, str | None]]) -> None:
    assert [(m.text, r.date, r.end) for m, r in read[text]] == expected
