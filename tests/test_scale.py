"""Scale plumbing: streaming JSON Lines, the worker pool, and the streaming brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.brief.render import to_json
from storyline.ingest import ReadResult, read_sources, stream_sources
from storyline.nlp import annotate, load_model
from storyline.options import Options
from storyline.pipeline import brief_from_docs, run
from tests.conftest import EXAMPLE


def seed_records() -> list[dict[str, str]]:
    return [{"text": p.read_text(), "title": p.stem} for p in sorted(EXAMPLE.glob("*.txt"))]


def test_json_lines_stream_past_the_file_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [json.dumps(r) for r in seed_records()]
    limit = max(len(line) for line in lines) + 10  # each line fits, the file does not
    path.write_text("\n".join(lines[:2] + ["{broken", "x" * (limit + 1)] + lines[2:]) + "\n")
    assert path.stat().st_size > limit
    result = read_sources([str(path)], max_bytes=limit)
    assert len(result.articles) == 5
    assert [e.reason.split(" (")[0] for e in result.errors] == ["malformed JSON line", "line too long"]


def test_json_lines_are_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in seed_records()) + "\n")
    result = ReadResult()
    stream = stream_sources([str(path)], result)
    first = next(stream)
    assert len(result.articles) == 1 and result.articles[0] is first


@pytest.mark.parametrize("processes", [1, 2])
def test_streaming_brief_equals_brief_from_docs(processes: int) -> None:
    """``run`` (features first, stories built from the spooled annotations, any number of
    worker processes) writes the brief that clustering annotated documents writes."""
    options = Options(processes=processes)
    streamed = run([str(EXAMPLE)], options)
    articles = read_sources([str(EXAMPLE)]).articles
    direct = brief_from_docs(annotate(articles, load_model(), processes=1), options)
    assert to_json(streamed) == to_json(type(streamed)(articles, direct))
