"""Issue 7, item 6: every article read ends up in a story or is named with the reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import Options, run
from storyline.ingest.structured import article_from_record
from storyline.ingest.text import parse_text

ONE_LINERS = [
    "Facility was flooded with six feet of water due to Tropical Storm Harvey",
    "Springfield council approves new library budget after months of heated debate over parks funding",
    "McConnell called the attempt a pointless show vote",
]


@pytest.mark.parametrize("line", ONE_LINERS)
def test_one_line_without_period_keeps_its_text(line: str) -> None:
    assert parse_text(line).text == line
    assert article_from_record({"text": line}, "x.jsonl:1").text == line


def test_two_one_line_records_stay_two_articles(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in ONE_LINERS[:2]))
    brief = run([str(path)], Options())
    assert len(brief.articles) == 2
    placed = {a for s in brief.stories for a in s.articles}
    assert placed == {a.id for a in brief.articles}


def test_every_article_is_placed_or_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ONE_LINERS[1])
    (tmp_path / "b.txt").write_text("The council of Springfield approved the library budget on Tuesday. "
                                    "The vote followed months of debate over parks funding.\n")
    (tmp_path / "c.txt").write_text(ONE_LINERS[0])  # shorter than an article: rejected, with the reason
    brief = run([str(tmp_path)], Options())
    placed = {a for s in brief.stories for a in s.articles}
    named = " ".join(brief.errors)
    assert str(tmp_path / "c.txt") in named
    for article in brief.articles:
        assert article.id in placed or (article.path or "") in named
    assert len(brief.articles) == 2


def test_article_left_out_of_stories_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council of Springfield approved the library budget on Tuesday. "
                                    "The vote followed months of debate over parks funding.\n")
    brief = run([str(tmp_path)], Options(min_story_size=2))
    assert brief.stories == []
    assert any("not in any story" in e and "a.txt" in e for e in brief.errors)
