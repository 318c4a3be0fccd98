"""``storyline load``: build (or extend) a desk store from briefs computed elsewhere, without a
second NLP pass: the JSON Lines that ``storyline brief --engine spark --format jsonl --for-store``
writes (one story a line, each article with its text and serialised annotation).

Each line's articles go in as ``ingest`` would store them (document frequencies, vectors, the
story's centroid, so later ``ingest`` runs keep clustering incrementally), the story keeps the brief
computed on the cluster, and threads are linked at the end. An article already in the store is
left where it is; a story that then no longer matches its brief is rebuilt from the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storyline.cluster.incremental import StoryIndex, vectorize
from storyline.cluster.stories import features
from storyline.errors import InputError
from storyline.nlp import AnnotatedArticle
from storyline.nlp.serialize import article_from_row, loads
from storyline.options import Options
from storyline.store.db import Store
from storyline.store.ingest import IngestReport, _count_terms, _Frequencies, _insert_article, _join, _rebuild
from storyline.store.threads import update_threads


def _check(where: str, line: str) -> dict[str, Any] | InputError:
    """One line's brief, or why it cannot be loaded."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"malformed JSON line ({exc.msg})")
    if not isinstance(data, dict) or data.get("schema") != "storyline.brief/1" or len(data.get("stories", [])) != 1:
        return InputError(where, "not a storyline brief line (schema storyline.brief/1, one story)")
    if any("annotation" not in a or "text" not in a for a in data.get("articles", [])):
        return InputError(where, "its articles carry no text and annotation: write it with "
                                 "'storyline brief ... --engine spark --format jsonl --for-store'")
    return data


def _stories(path: str) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """(where, one line's brief) for every line of a brief JSON Lines file, read line by line."""
    try:
        with Path(path).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield f"{path}:{number}", _check(f"{path}:{number}", line)
    except OSError as exc:
        yield path, InputError(path, f"cannot read it ({exc.strerror or exc.__class__.__name__})")
    except UnicodeDecodeError:
        yield path, InputError(path, "not valid UTF-8")


def _docs(data: dict[str, Any]) -> list[AnnotatedArticle]:
    return [loads(article_from_row(a), a["annotation"]) for a in data["articles"]]


def load_story(store: Store, index: StoryIndex, freq: _Frequencies, data: dict[str, Any]) -> int:
    """Add one story line to the store (one transaction); how many of its articles were new."""
    docs = [d for d in _docs(data) if not store.has_article(d.id)]
    if not docs:
        return 0
    story = data["stories"][0]
    with store.transaction():
        feats = {d.id: features(d) for d in docs}
        _count_terms(store, freq, list(feats.values()))
        vectors = {d.id: vectorize(feats[d.id], freq.df, freq.n) for d in docs}
        for doc in docs:
            _insert_article(store, doc, vectors[doc.id])
        story_id = _join(store, index, docs, None, vectors)
        if len(docs) == len(story["articles"]):  # else the stale sweep rebuilds it from the store
            store.conn.execute("UPDATE stories SET brief=?, headline=? WHERE id=?",
                               (json.dumps({**story, "id": story_id}, ensure_ascii=False), story["headline"],
                                story_id))
    return len(docs)


def load(paths: Iterable[str], store: Store, options: Options | None = None) -> IngestReport:
    """Load every story line of ``paths`` into ``store``; bad lines become errors, the rest load."""
    options = options or Options()
    report = IngestReport()
    index, freq = StoryIndex(), _Frequencies.load(store)
    for path in paths:
        for where, item in _stories(path):
            if isinstance(item, InputError):
                report.errors.append(str(item))
                continue
            report.read += len(item["articles"])
            try:
                added = load_story(store, index, freq, item)
            except (KeyError, TypeError, ValueError) as exc:
                report.errors.append(f"{where}: unreadable story or annotation ({exc.__class__.__name__})")
                continue
            if added:
                report.stories_touched.add(item["stories"][0]["id"])
            report.added += added
            report.duplicates += len(item["articles"]) - added
    _rebuild(store, set(), options)
    if report.added:
        update_threads(store)
    return report
