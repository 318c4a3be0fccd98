"""Date resolution, one parametrized family at a time (sentences written for these tests), and
which dates the timeline keeps."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.nlp.annotate import AnnotatedArticle, Token
from storyline.records import Article, Mention, Sentence
from storyline.timeline.build import extract_dates, resolved_mentions
from storyline.timeline.calendar import FUTURE, PAST, PRESENT, ResolvedDate
from storyline.timeline.resolver import resolve_expression
from storyline.timeml import at_granularity, calendar_value, timeml_value

JAN = date(2024, 1, 10)  # a Wednesday
JULY = date(2024, 7, 15)  # a Monday


def resolved(expression: str, ref: date, tense: str | None = None,
             anchor: ResolvedDate | None = None, quarter: ResolvedDate | None = None) -> tuple[str, str]:
    found = resolve_expression(expression, ref, "", tense, anchor, quarter)
    assert found is not None, expression
    return found.date, found.precision


@pytest.mark.parametrize(("expression", "tense", "expected"), [
    ("April 30", FUTURE, ("2024-04-30", "day")),  # "the primary will be held April 30"
    ("April 30", PAST, ("2023-04-30", "day")),
    ("April 30", None, ("2024-04-30", "day")),  # no verb: the coming one within 120 days ...
    ("June 30", None, ("2023-06-30", "day")),  # ... else the last one
    ("June", None, ("2023-06", "month")),
    ("March", None, ("2024-03", "month")),
    ("December 20", PRESENT, ("2023-12-20", "day")),
    ("March", FUTURE, ("2024-03", "month")),
    ("March", PAST, ("2023-03", "month")),
    ("November", PAST, ("2023-11", "month")),
    ("January", PAST, ("2024-01", "month")),
    ("mid-November", FUTURE, ("2024-11", "month")),
    ("last Oct. 23", None, ("2023-10-23", "day")),
    ("next January", None, ("2025-01", "month")),
    ("last January", None, ("2023-01", "month")),
    ("next Feb. 2", None, ("2024-02-02", "day")),
])
def test_month_and_day_follow_the_tense(expression: str, tense: str | None, expected: tuple[str, str]) -> None:
    assert resolved(expression, JAN, tense) == expected


@pytest.mark.parametrize(("expression", "tense", "expected"), [
    ("Friday", PAST, "2024-01-05"),
    ("Friday", FUTURE, "2024-01-12"),
    ("Thursday", None, "2024-01-11"),  # a day of slack for time zones
    ("Monday", PAST, "2024-01-08"),
    ("last Monday", None, "2024-01-01"),  # the Monday of last week
    ("next Tuesday", None, "2024-01-16"),
    ("10 p.m. Sunday", PAST, "2024-01-07"),
    ("Tuesday", PRESENT, "2024-01-09"),  # the nearest
    ("Saturday", PRESENT, "2024-01-13"),
    ("Tuesday afternoon", None, "2024-01-09"),  # not "day after"
    ("Sunday afternoon", PAST, "2024-01-07"),
])
def test_weekdays(expression: str, tense: str | None, expected: str) -> None:
    assert resolved(expression, JAN, tense) == (expected, "day")


@pytest.mark.parametrize(("expression", "expected"), [
    ("today", ("2024-01-10", "day")),
    ("tonight", ("2024-01-10", "day")),
    ("this morning", ("2024-01-10", "day")),
    ("yesterday", ("2024-01-09", "day")),
    ("last night", ("2024-01-09", "day")),
    ("tomorrow", ("2024-01-11", "day")),
    ("10:35 a.m.", ("2024-01-10", "day")),
    ("mid afternoon", ("2024-01-10", "day")),
])
def test_news_deictics_are_the_publication_day(expression: str, expected: tuple[str, str]) -> None:
    assert resolved(expression, JAN) == expected


@pytest.mark.parametrize(("expression", "expected"), [
    ("last week", ("2024-01-01", "week")),
    ("this week", ("2024-01-08", "week")),
    ("next week", ("2024-01-15", "week")),
    ("two weeks ago", ("2023-12-25", "week")),
    ("a week or so ago", ("2024-01-01", "week")),
    ("the latest fiscal year", ("2023", "year")),  # the last one completed
    ("overnight", ("2024-01-10", "day")),
    ("the weekend", ("2024-01-01", "week")),
    ("last year", ("2023", "year")),
    ("next year", ("2025", "year")),
    ("last month", ("2023-12", "month")),
    ("two years ago", ("2022", "year")),
    ("three days ago", ("2024-01-07", "day")),
])
def test_relative_periods_keep_their_precision(expression: str, expected: tuple[str, str]) -> None:
    assert resolved(expression, JAN) == expected


@pytest.mark.parametrize(("expression", "ref", "tense", "expected"), [
    ("the third quarter", date(1989, 11, 2), PAST, ("1989-07", "quarter")),
    ("third-quarter", date(1989, 11, 2), None, ("1989-07", "quarter")),
    ("the fourth quarter", date(1990, 2, 1), PAST, ("1989-10", "quarter")),
    ("the latest quarter", date(1989, 11, 2), None, ("1989-07", "quarter")),
    ("the third quarter of 1984", JAN, None, ("1984-07", "quarter")),
    ("the 1988 second quarter", JAN, None, ("1988-04", "quarter")),
    ("next year's first quarter", date(1989, 11, 2), None, ("1990-01", "quarter")),
    ("fiscal 1988", JAN, None, ("1988", "year")),
    ("FY2024", JAN, None, ("2024", "year")),
    ("fiscal FY24", JAN, None, ("2024", "year")),
    ("Q3 2023", JAN, None, ("2023-07", "quarter")),
    ("3Q23", JAN, None, ("2023-07", "quarter")),
    ("Q4", date(2024, 2, 1), PAST, ("2023-10", "quarter")),
    ("the first half of 1990", JAN, None, ("1990-01", "half")),
    ("the second half of next year", JAN, None, ("2025-07", "half")),
    ("1990's first half", JAN, None, ("1990-01", "half")),
    ("the first half of fiscal 1990", JAN, None, ("1990-01", "half")),
    ("fiscal 97", JAN, None, ("1997", "year")),
    ("the week ending March 6", date(1998, 3, 11), None, ("1998-03-02", "week")),
    ("the third quarter of next year", JAN, None, ("2025-07", "quarter")),
])
def test_quarters_and_fiscal_years(expression: str, ref: date, tense: str | None,
                                   expected: tuple[str, str]) -> None:
    assert resolved(expression, ref, tense) == expected


@pytest.mark.parametrize(("expression", "ref", "tense", "expected"), [
    ("last fall", JAN, None, ("2023-09", "season")),
    ("this summer", JULY, None, ("2024-06", "season")),
    ("next spring", JAN, None, ("2024-03", "season")),
    ("the winter of 1994", JAN, None, ("1994-12", "season")),
    ("Thanksgiving", JAN, PAST, ("2023-11-23", "day")),
    ("Christmas", JULY, FUTURE, ("2024-12-25", "day")),
    ("Easter", JAN, FUTURE, ("2024-03-31", "day")),
    ("Election Day", date(2024, 10, 20), FUTURE, ("2024-11-05", "day")),
    ("the 20th century", JAN, None, ("1900", "century")),
    ("the nineties", JAN, None, ("1990", "decade")),
    ("the '80s", JAN, None, ("1980", "decade")),
    ("the last half of the '80s", JAN, None, ("1980", "decade")),
    ("the late '90s", JAN, None, ("1990", "decade")),
    ("the mid-80s", JAN, None, ("1980", "decade")),
    ("by year's end", JULY, None, ("2024-12-31", "day")),
    ("Memorial Day", JAN, None, ("2023-05-29", "day")),  # more than 120 days ahead: the last one
    ("nineteen ninety-six", JAN, None, ("1996", "year")),
    ("January nineteen ninety-seven", JAN, None, ("1997-01", "month")),
    ("the year two thousand", JAN, None, ("2000", "year")),
])
def test_seasons_holidays_centuries_spelled_years(expression: str, ref: date, tense: str | None,
                                                  expected: tuple[str, str]) -> None:
    assert resolved(expression, ref, tense) == expected


@pytest.mark.parametrize(("expression", "expected"), [
    ("twenty-five years ago", ("1999", "year")),
    ("twenty twenty", ("2020", "year")),
    ("nineteen eighty-four", ("1984", "year")),
])
def test_spelled_numbers_are_years_only_in_year_shape(expression: str, expected: tuple[str, str]) -> None:
    assert resolved(expression, JAN) == expected


@pytest.mark.parametrize(("expression", "expected", "end"), [
    ("2009-2010", "2009", "2010"),
    ("1994-97", "1994", "1997"),
    ("from 2001 to 2005", "2001", "2005"),
    ("March 3-5, 2020", "2020-03-03", "2020-03-05"),
    ("March-April 2020", "2020-03", "2020-04"),
    ("March 2019 to June 2020", "2019-03", "2020-06"),
    ("Dec. 2023 to Jan. 2024", "2023-12", "2024-01"),
    ("from today through Jan. 17", "2024-01-10", "2024-01-17"),
])
def test_ranges_keep_both_ends(expression: str, expected: str, end: str) -> None:
    found = resolve_expression(expression, JAN)
    assert found is not None
    assert (found.date, found.end) == (expected, end)


DAY = ResolvedDate("2019-03-04", "day")
Q3 = ResolvedDate("1989-07", "quarter")


@pytest.mark.parametrize(("expression", "anchor", "quarter", "expected"), [
    ("that day", DAY, None, ("2019-03-04", "day")),
    ("earlier that day", DAY, None, ("2019-03-04", "day")),
    ("the following week", DAY, None, ("2019-03-11", "week")),
    ("the next day", DAY, None, ("2019-03-05", "day")),
    ("the day before", DAY, None, ("2019-03-03", "day")),
    ("later that year", DAY, None, ("2019", "year")),
    ("three days later", DAY, None, ("2019-03-07", "day")),
    ("overnight", DAY, None, ("2019-03-03", "day")),  # the night before the day named
    ("a year earlier", Q3, Q3, ("1988-07", "quarter")),
    ("a year ago", None, Q3, ("1988-07", "quarter")),
    ("the year-earlier quarter", None, Q3, ("1988-07", "quarter")),
    ("that quarter", Q3, Q3, ("1989-07", "quarter")),
    ("this quarter", DAY, Q3, ("1989-07", "quarter")),  # "this quarter's loss": the one reported
    ("last year's quarter", DAY, Q3, ("1988-07", "quarter")),
    ("the corresponding period last year", DAY, Q3, ("1988-07", "quarter")),
])
def test_back_references_use_the_last_date(expression: str, anchor: ResolvedDate | None,
                                           quarter: ResolvedDate | None, expected: tuple[str, str]) -> None:
    assert resolved(expression, JAN, None, anchor, quarter) == expected


def test_this_quarter_ahead_is_the_current_one() -> None:
    assert resolved("this quarter", JAN, FUTURE, None, Q3) == ("2024-01", "quarter")


def test_seed_convention_last_november() -> None:
    assert resolved("last November", JULY) == ("2023-11", "month")


@pytest.mark.parametrize(("value", "kind", "expected"), [
    ("1998-11-20T19:30", "TIME", "1998-11-20"), ("1998-W3", "DATE", "1998-W03"),
    ("199X", "DATE", "199"), ("1998-WXX", "DATE", ""), ("PRESENT_REF", "DATE", ""),
    ("P3Y", "DURATION", ""), ("1998-Q3", "DATE", "1998-Q3"), ("1998-W12-WE", "DATE", "1998-W12"),
])
def test_calendar_values(value: str, kind: str, expected: str) -> None:
    assert calendar_value(value, kind) == expected


@pytest.mark.parametrize(("day", "precision", "gold", "expected"), [
    ("1998-03-16", "week", "1998-W12", "1998-W12"), ("1989-07", "quarter", "1989-Q3", "1989-Q3"),
    ("1998-10-23", "day", "1998-10", "1998-10"), ("1990", "decade", "199", "199"),
    ("1998-10", "month", "1998-10-23", "1998-10"),  # coarser than the gold value: wrong
])
def test_values_compared_at_gold_granularity(day: str, precision: str, gold: str, expected: str) -> None:
    assert at_granularity(timeml_value(day, precision), gold) == expected


def _doc(text: str, tokens: list[tuple[str, str, str]], dates: list[str]) -> AnnotatedArticle:
    article = Article(text=text, published=JAN)
    toks, pos = [], 0
    for word, lemma, tag in tokens:
        pos = text.index(word, pos)
        toks.append(Token(word, lemma, tag, pos, "", False))
        pos += len(word)
    mentions = [Mention(article.id, 0, text.index(d), text.index(d) + len(d), d, "DATE") for d in dates]
    return AnnotatedArticle(article, [Sentence(article.id, 0, 0, len(text), text, 0)], [toks], [],
                            mentions, [])


@pytest.mark.parametrize(("text", "tokens", "expression", "date_value", "event"), [
    ("The primary will be held April 30.",
     [("The", "the", "DET"), ("primary", "primary", "NOUN"), ("will", "will", "AUX"), ("be", "be", "AUX"),
      ("held", "hold", "VERB"), ("April", "april", "PROPN"), ("30", "30", "NUM"), (".", ".", "PUNCT")],
     "April 30", "2024-04-30", True),
    ("The 2020 candidates debated.",
     [("The", "the", "DET"), ("2020", "2020", "NUM"), ("candidates", "candidate", "NOUN"),
      ("debated", "debate", "VERB"), (".", ".", "PUNCT")],
     "2020", "2020", False),
    ("She left the party in 2016.",
     [("She", "she", "PRON"), ("left", "leave", "VERB"), ("the", "the", "DET"), ("party", "party", "NOUN"),
      ("in", "in", "ADP"), ("2016", "2016", "NUM"), (".", ".", "PUNCT")],
     "2016", "2016", True),
    ("A decade of famine, the 1990s.",
     [("A", "a", "DET"), ("decade", "decade", "NOUN"), ("of", "of", "ADP"), ("famine", "famine", "NOUN"),
      (",", ",", "PUNCT"), ("the", "the", "DET"), ("1990s", "1990", "NUM"), (".", ".", "PUNCT")],
     "the 1990s", "1990", False),
    ("The last defection was that of Tae, a diplomat, in 2016.",
     [("The", "the", "DET"), ("last", "last", "ADJ"), ("defection", "defection", "NOUN"), ("was", "be", "AUX"),
      ("that", "that", "PRON"), ("of", "of", "ADP"), ("Tae", "tae", "PROPN"), (",", ",", "PUNCT"),
      ("a", "a", "DET"), ("diplomat", "diplomat", "NOUN"), (",", ",", "PUNCT"), ("in", "in", "ADP"),
      ("2016", "2016", "NUM"), (".", ".", "PUNCT")],
     "2016", "2016", True),
    ('"We are ready today," he said.',
     [('"', '"', "PUNCT"), ("We", "we", "PRON"), ("are", "be", "AUX"), ("ready", "ready", "ADJ"),
      ("today", "today", "NOUN"), (",", ",", "PUNCT"), ('"', '"', "PUNCT"), ("he", "he", "PRON"),
      ("said", "say", "VERB"), (".", ".", "PUNCT")],
     "today", "2024-01-10", False),
])
def test_timeline_keeps_dated_actions(text: str, tokens: list[tuple[str, str, str]], expression: str,
                                      date_value: str, event: bool) -> None:
    refs = extract_dates(_doc(text, tokens, [expression]), None)
    assert [(r.date, r.event) for r in refs] == [(date_value, event)]


def test_conflicts_do_not_compare_today() -> None:
    from storyline.records import TimeRef
    from storyline.timeline.build import stated_dates

    refs = [TimeRef("a1", 0, "today", "2024-01-10", "day"), TimeRef("a1", 1, "Tuesday", "2024-01-09", "day"),
            TimeRef("a2", 0, "Tonight", "2024-01-11", "day")]
    assert [r.expression for r in stated_dates(refs)] == ["Tuesday"]


@pytest.mark.parametrize("expression", ["years later", "weeks ago", "twenty-five", "now", "in his 80s"])
def test_vague_or_not_calendar(expression: str) -> None:
    assert resolve_expression(expression, JAN, "", None, DAY) is None


def _sentences_doc(text: str, dates: list[str], breaks: list[int]) -> AnnotatedArticle:
    """A document split into sentences at ``breaks`` (character offsets) whose NER date mentions
    are ``dates`` (each the first occurrence of its words), with no tokens."""
    article = Article(text=text, published=JAN)
    bounds = list(zip([0, *breaks], [*breaks, len(text)]))
    sentences = [Sentence(article.id, i, a, b, text[a:b], 0) for i, (a, b) in enumerate(bounds)]
    mentions = []
    for d in dates:
        start = text.index(d)
        sentence = next(i for i, (a, b) in enumerate(bounds) if a <= start < b)
        mentions.append(Mention(article.id, sentence, start, start + len(d), d, "DATE"))
    return AnnotatedArticle(article, sentences, [[] for _ in bounds], [], mentions, [])


@pytest.mark.parametrize(("text", "dates", "breaks", "expected"), [
    # "period" after a year the NER tagged alone: the same quarter of that year
    ("Profit rose in the fourth quarter of 2023. In the 2022 period, it fell.",
     ["fourth quarter of 2023", "2022"], [42],
     [("fourth quarter of 2023", "2023-10", None), ("2022", "2022-10", None)]),
    # a span cut before the day that closes the range
    ("The summit is on April 24 and 25.", ["April 24 and"], [],
     [("April 24 and 25", "2024-04-24", "2024-04-25")]),
    # a sentence break the splitter put after "a.m."
    ("They have until 9 a.m. Tuesday to sign.", ["9 a.m.", "Tuesday"], [23],
     [("9 a.m. Tuesday", "2024-01-09", None)]),
    # a period and the day it ends are two dates
    ("Profit rose for the fourth quarter of 2023 ended Dec. 30.", ["fourth quarter of 2023 ended Dec. 30"], [],
     [("fourth quarter of 2023", "2023-10", None), ("Dec. 30", "2023-12-30", None)]),
])
def test_spans_the_ner_cuts_wrong(text: str, dates: list[str], breaks: list[int],
                                  expected: list[tuple[str, str, str | None]]) -> None:
    found = resolved_mentions(_sentences_doc(text, dates, breaks), None)
    assert [(m.text, r.date, r.end) for m, r in found] == expected
