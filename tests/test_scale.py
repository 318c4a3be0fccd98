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


def _dated_copies(years: list[int]) -> list:
    import dataclasses
    from datetime import date

    base = read_sources([str(EXAMPLE)]).articles
    return [dataclasses.replace(a, text=a.text + f"\n\n(Edition {y}.)", published=date(y, 7, 16))
            for y in years for a in base]


def test_big_story_brief_is_deferred_then_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A story above REBUILD_AT_ONCE is rebuilt once at the end of the run, and a brief left
    stale (as by a killed run) is rebuilt by the next run."""
    import importlib

    from storyline.store import Store, ingest_articles

    store_ingest = importlib.import_module("storyline.store.ingest")  # the module, not the function

    calls: list[str] = []
    real = store_ingest.rebuild_brief
    monkeypatch.setattr(store_ingest, "REBUILD_AT_ONCE", 2)
    monkeypatch.setattr(store_ingest, "rebuild_brief", lambda s, i, o: calls.append(i) or real(s, i, o))
    with Store(tmp_path / "s.db") as store:
        ingest_articles(read_sources([str(EXAMPLE)]).articles, store, batch_size=1)
        (story,) = store.stories()
        assert calls.count(story["id"]) == 3  # at size 1 and 2, then once at the end (not at 3, 4)
        assert len(store.story_brief(story["id"])["articles"]) == 5
        store.conn.execute("UPDATE stories SET brief=NULL")
        ingest_articles(read_sources([str(EXAMPLE)]).articles, store)  # nothing new
        assert len(store.story_brief(story["id"])["articles"]) == 5


def test_index_holds_only_stories_near_the_batch(tmp_path: Path) -> None:
    from storyline.nlp import annotate
    from storyline.store import Store, ingest_articles
    from storyline.store.ingest import _LazyIndex

    articles = _dated_copies([2016, 2024])
    with Store(tmp_path / "s.db") as store:
        ingest_articles(articles, store)
        assert len(store.stories()) == 2
        index = _LazyIndex(store)
        years = {s.first.year for s in index.for_batch(annotate(articles[5:6], load_model())).stories.values() if s.first}
        assert years == {2024}
        years = {s.first.year for s in index.for_batch(annotate(articles[:1], load_model())).stories.values() if s.first}
        assert years == {2016}  # the 2024 story fell out of the window and was dropped


def test_stories_built_on_two_processes_equal_one(tmp_path: Path) -> None:
    """Regression for the parallel story stage: several stories built by forked workers reading the
    spool (pread, flushed before the fork) give the same brief as one process, in the same order."""
    import json

    from .feed_corpus import REPORTS

    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps({"title": r.title, "text": "\n\n".join(r.paragraphs), "outlet": r.outlet})
                            + "\n" for r in REPORTS), encoding="utf-8")
    one = run([str(path), str(EXAMPLE)], Options(processes=1))
    two = run([str(path), str(EXAMPLE)], Options(processes=2))
    assert len(two.stories) >= 3
    assert to_json(two) == to_json(one)
    assert two.meta["sentences"] == one.meta["sentences"]
