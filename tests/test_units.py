"""Unit tests: date resolution, name keys, number parsing, text metadata."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.claims.figures import parse_number
from storyline.entities.names import name_key
from storyline.ingest.text import parse_text
from storyline.timeline import resolve_expression

REF = date(2024, 7, 15)  # a Monday


@pytest.mark.parametrize(("expression", "expected", "precision"), [
    ("last November", "2023-11", "month"),
    ("November last year", "2023-11", "month"),
    ("early November of last year", "2023-11", "month"),
    ("in February", "2024-02", "month"),
    ("mid-last year", "2023", "year"),
    ("Tuesday", "2024-07-16", "day"),
    ("Sunday", "2024-07-14", "day"),
    ("a decade ago", "2014", "year"),
    ("2019", "2019", "year"),
    ("the late 1990s", "1990", "decade"),
    ("August 2019", "2019-08", "month"),
    ("July 14", "2024-07-14", "day"),
    ("March 3, 2021", "2021-03-03", "day"),
    ("February of this year", "2024-02", "month"),
    ("last month", "2024-06", "month"),
])
def test_resolve_expression(expression: str, expected: str, precision: str) -> None:
    resolved = resolve_expression(expression, REF)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, precision)


@pytest.mark.parametrize("expression", ["52-year-old", "six hours", "just months", "recent years"])
def test_not_dates(expression: str) -> None:
    assert resolve_expression(expression, REF) is None


def test_since_and_qualifiers() -> None:
    assert resolve_expression("2019", REF, context="in Cuba since ").qualifier == "since"
    assert resolve_expression("early November", REF).qualifier == "early"


@pytest.mark.parametrize(("a", "b"), [
    ("Ri Il Kyu", "Ri Il-gyu"), ("Ri Il-kyu", "Ri Il Kyu"), ("Thae Yong Ho", "Tae Yongho"),
    ("Kim Jong-un", "Kim Jong Un"), ("Gaddafi", "Qaddafi"), ("Zelenskyy", "Zelensky"),
])
def test_same_name(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Ri Il Kyu", "Ri Yong Ho"), ("Kim Jong Un", "Kim Yo Jong"), ("Kim Jong Un", "Kim Jong Il"),
])
def test_different_name(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_outlet_alias_key() -> None:
    assert name_key("Chosun Ilbo", "ORG") == name_key("the Chosun Daily", "ORG")


@pytest.mark.parametrize(("text", "value"), [
    ("2,700", 2700), ("about 10", 10), ("about ten", 10), ("1.5 million", 1_500_000), ("34,000", 34000),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_text_metadata() -> None:
    raw = ("CubaHeadlines\n\nDiplomat Defects\n\nTuesday, July 16, 2024 by Claire Jimenez\n\n"
           "Stay updated - Click here to follow us\nA diplomat fled. He said so.\n")
    article = parse_text(raw, "x.txt")
    assert article.outlet == "CubaHeadlines"
    assert article.title == "Diplomat Defects"
    assert article.published == date(2024, 7, 16)
    assert article.author == "Claire Jimenez"
    assert article.text == "A diplomat fled. He said so."


def test_date_header_on_same_line() -> None:
    article = parse_text(" date 2024-07-15 A diplomat defected last November, a report said.")
    assert article.published == date(2024, 7, 15)
    assert article.text.startswith("A diplomat defected")


@pytest.mark.parametrize(("raw", "field", "value"), [
    ("Published: 16 July 2024\n\nA diplomat fled to the South, officials said on Tuesday.", "published", date(2024, 7, 16)),
    ("Updated July 16, 2024 3:45 PM EDT\n\nA diplomat fled to the South, officials said on Tuesday.", "published", date(2024, 7, 16)),
    ("By Hyonhee Shin and Josh Smith, Reuters\n\nA diplomat fled to the South, officials said.", "author", "Hyonhee Shin and Josh Smith"),
    ("By Hyonhee Shin | Reuters\n\nA diplomat fled to the South, officials said.", "outlet", "Reuters"),
    ("SEOUL, July 16 (Reuters) - A diplomat fled to the South, officials said.", "outlet", "Reuters"),
])
def test_metadata_lines(raw: str, field: str, value: object) -> None:
    article = parse_text(raw)
    assert getattr(article, field) == value
    assert article.text.startswith("A diplomat fled")
    assert article.title is None


def test_ordinary_first_sentence_is_not_metadata() -> None:
    raw = "In 2023, 196 defectors arrived.\nThey came from the North."
    assert parse_text(raw).text.startswith("In 2023, 196 defectors")


@pytest.mark.parametrize(("a", "b"), [("Mr. Trump", "Trump"), ("Justice Ruth Bader Ginsburg", "Ruth Bader Ginsburg"),
                                      ("President Yoon Suk Yeol", "Yoon Suk Yeol"), ("Dr. Jane Goodall", "Jane Goodall")])
def test_honorifics_do_not_split_names(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_honorific_alone_is_kept() -> None:
    from storyline.entities.names import clean_surface

    assert clean_surface("President") == "President"
    assert clean_surface("St. Louis") == "St. Louis"
