"""Regression: an HTML page's date comes from its metadata or stays unknown, never from a year
mentioned in its text (htmldate's extensive search made every such page January 1 of that year)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.ingest.structured import parse_html

BODY = (
    "<p>The city council voted on Tuesday to approve the new flood barrier, a project first proposed"
    " in 1995 and redrawn in 2008 after the storms of 2013 flooded the harbour district.</p>"
    "<p>Residents said the 2019 version of the plan had been too costly, and the mayor promised that"
    " work would begin before the end of 2026 if the regional grant arrives.</p>"
)


def _page(head: str = "", body_extra: str = "", footer: str = "") -> str:
    return (f"<html><head><title>Council backs flood barrier</title>{head}</head><body><article>"
            f"<h1>Council backs flood barrier</h1>{body_extra}{BODY}</article>{footer}</body></html>")


@pytest.mark.parametrize("page", [
    _page(),
    _page(footer="<footer>© 2021 Harbour News. All rights reserved.</footer>"),
    _page(body_extra="<p>Updated in 2017</p>"),
], ids=["years-in-text", "copyright-footer", "year-line"])
def test_page_without_date_metadata_has_no_date(page: str) -> None:
    assert parse_html(page, "page.html").published is None


@pytest.mark.parametrize("head, expected", [
    ('<meta property="article:published_time" content="2024-03-05T10:00:00Z">', date(2024, 3, 5)),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-02T08:00:00Z"}'
     "</script>", date(2023, 11, 2)),
], ids=["og-published-time", "json-ld"])
def test_page_date_metadata_is_kept(head: str, expected: date) -> None:
    assert parse_html(_page(head=head), "page.html").published == expected


def test_date_in_url_is_metadata() -> None:
    page = parse_html(_page(), "page.html", url="https://news.example/2022/07/14/council-barrier")
    assert page.published == date(2022, 7, 14)
