"""Dates read from whole sentences through the real spaCy pipeline (tense, anchors, timeline
filter), published on Wednesday 2024-01-10. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.nlp import annotate, load_model
from storyline.records import Article
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
]


@pytest.fixture(scope="module")
def read() -> dict[str, list[tuple[str, str, bool]]]:
    articles = [Article(text=text, published=PUBLISHED) for text, _ in CASES]
    docs = annotate(articles, load_model())
    return {d.article.text: [(r.date, r.precision, r.event) for _, r in resolved_mentions(d, None)]
            for d in docs}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dates_in_sentences(read: dict[str, list[tuple[str, str, bool]]], text: str,
                            expected: list[tuple[str, str, bool]]) -> None:
    assert read[text] == expected
