"""The pipeline, end to end: a reader can follow a story from ingest to brief here.

    stream_sources -> annotate_map (features, spool) -> cluster_features -> build_story (per story):
        resolve_story -> extract_dates -> extract_figures -> extract_quotes
        -> group_facts -> find_conflicts -> merge_timeline -> summarize -> headline
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from storyline.brief.summary import summarize
from storyline.claims.align import SentenceFeatures, features_of, similarity_matrix
from storyline.claims.conflicts import Evidence, find_conflicts
from storyline.claims.facts import claims_of, group_facts
from storyline.claims.figures import extract_figures, group_figures
from storyline.claims.quotes import extract_quotes, group_quotes
from storyline.claims.slots import sentence_views
from storyline.cluster import STORY_THRESHOLD, article_features, cluster_articles, cluster_features
from storyline.cluster.threads import assign_threads
from storyline.entities import resolve_story
from storyline.ingest import ReadResult, stream_sources
from storyline.nlp import AnnotatedArticle, load_model
from storyline.nlp.annotate import annotate_map, processes_for
from storyline.nlp.serialize import dumps
from storyline.nlp.spool import Spool
from storyline.options import Options
from storyline.records import Article, Brief, Story
from storyline.timeline.build import extract_dates, story_reference_date
from storyline.timeline.merge import merge_timeline


def _headline(docs: list[AnnotatedArticle], story: Story) -> str:
    titles = [d.article.title for d in docs if d.article.title]
    if titles:
        top = {e.name.lower() for e in story.entities[:8]}
        return max(titles, key=lambda t: (sum(n in t.lower() for n in top), -len(t)))
    text = story.summary[0].text if story.summary else docs[0].sentences[0].text if docs[0].sentences else ""
    for cut in (" -- ", " — ", ", a report", ", according", ", the "):
        if cut in text:
            text = text.split(cut)[0]
    return text if len(text) <= 140 else text[:137].rsplit(" ", 1)[0] + "..."


def build_story(docs: list[AnnotatedArticle], options: Options) -> Story:
    """Everything storyline reports about one story (a list of annotated articles)."""
    story = Story(articles=[d.id for d in docs])
    index = resolve_story(docs)
    story.entities = index.entities
    ref = story_reference_date(docs)
    dates = [r for d in docs for r in extract_dates(d, ref)]
    figures = [f for d in docs for f in extract_figures(d)]
    quotes = [q for d in docs for q in extract_quotes(d, index)]
    items: list[SentenceFeatures] = [f for d in docs for f in features_of(d, index)]
    sims = similarity_matrix(items) if items else np.zeros((0, 0))
    row_of = {item.sentence.id: i for i, item in enumerate(items)}
    text_of = {item.sentence.id: item.sentence.text for item in items}
    outlet_of = {d.id: (d.article.outlet or d.id).lower() for d in docs}
    entity_of = {key: (eid, e.type) for key, eid in index.by_mention.items() if (e := index.get(eid))}
    views = [v for d in docs for v in sentence_views(d, entity_of)]
    facts, near = group_facts(items, views, sims)
    evidence = Evidence(docs, index, quotes, outlet_of, sims, row_of, views)
    story.conflicts, disputed = find_conflicts(facts, near, evidence)
    story.claims = claims_of(facts, outlet_of, disputed)
    story.timeline = merge_timeline(dates, text_of, sims, row_of)
    story.figures = group_figures(figures, text_of)
    story.quotes = group_quotes(quotes)
    story.summary = summarize(docs, options.max_summary)
    story.headline = _headline(docs, story)
    return story


def brief_from_docs(docs: list[AnnotatedArticle], options: Options) -> list[Story]:
    groups = cluster_articles(docs, options.cluster_threshold)
    stories = [build_story(group, options) for group in groups if len(group) >= options.min_story_size]
    assign_threads(stories, {d.id: article_features(d) for d in docs}, {d.id: d.article.published for d in docs})
    return stories


def _compact(doc: AnnotatedArticle) -> tuple[str, dict[str, float], str]:
    """What ``run`` keeps of an annotated article: clustering features, and the serialised
    annotation (parked on disk until the article's story is built)."""
    return doc.id, article_features(doc), dumps(doc)


#: Stories a worker builds per task when ``run`` builds stories on several processes.
BUILD_CHUNK = 8
_BUILD: dict[str, Any] = {}


def _build(members: list[Article]) -> tuple[Story, dict[str, list[tuple[int, int]]]]:
    """One story from its articles' spooled annotations, and each article's sentence spans."""
    docs = [_BUILD["spool"].get(a) for a in members]
    return build_story(docs, _BUILD["options"]), {d.id: [(s.start, s.end) for s in d.sentences] for d in docs}


def map_stories(groups: list[list[Article]], spool: Spool, options: Options,
                processes: int = 1) -> Iterator[tuple[Story, dict[str, list[tuple[int, int]]]]]:
    """``build_story`` of every group (in order), on ``processes`` forked workers that read the
    spool themselves (the per-story stages are a fifth of a big brief: both cores pay)."""
    spool.flush()
    _BUILD.update(spool=spool, options=options)
    if processes <= 1 or len(groups) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_build, groups)
        return
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield from pool.imap(_build, groups, chunksize=BUILD_CHUNK)


def run(paths: Iterable[str], options: Options | None = None) -> Brief:
    """Read ``paths`` (files, folders, globs, URLs, ``-``) and write the brief of every story.

    Streaming: articles are read and annotated one chunk at a time (on every core for big
    inputs); only compact clustering features stay in memory, the annotations wait in a
    spool file until their story is built."""
    options = options or Options()
    read = ReadResult()
    nlp = load_model(options.model)
    results: Iterable[tuple[str, dict[str, float], str]] = annotate_map(
        stream_sources(paths, read, options.max_bytes), nlp, _compact, options.batch_size, options.processes)
    if options.progress:
        from tqdm import tqdm

        results = tqdm(results, desc="reading", unit="article", leave=False)
    with Spool() as spool:
        features = []
        for article_id, feats, blob in results:
            spool.put(article_id, blob)
            features.append(feats)
        articles = read.articles
        groups = cluster_features([a.id for a in articles], features, [a.published for a in articles],
                                  STORY_THRESHOLD if options.cluster_threshold is None else options.cluster_threshold)
        by_id = {a.id: a for a in articles}
        position = {a.id: i for i, a in enumerate(articles)}
        ordered = [[by_id[i] for i in sorted(group, key=position.__getitem__)]
                   for group in groups if len(group) >= options.min_story_size]
        built = list(map_stories(ordered, spool, options, processes_for(len(articles), options.processes)))
    stories = [story for story, _ in built]
    sentences = {aid: spans for _, found in built for aid, spans in found.items()}  # citation anchors
    assign_threads(stories, dict(zip([a.id for a in articles], features)), {a.id: a.published for a in articles})
    counts = Counter(len(s.articles) for s in stories)
    placed = {aid for story in stories for aid in story.articles}
    errors = [str(e) for e in read.errors] + unplaced(((a.id, a.path, a.url) for a in articles), placed, options)
    return Brief(articles, stories, errors, {"story_sizes": dict(counts), "sentences": sentences})


def unplaced(articles: Iterable[tuple[str, str | None, str | None]], placed: set[str],
             options: Options) -> list[str]:
    """One line per article ``(id, path, url)`` read that is in no story, with the reason (nothing is
    dropped silently): every article is clustered, so only stories below ``min_story_size`` leave
    one out. Both engines report through this."""
    return [f"{path or url or aid}: not in any story: its story has fewer than {options.min_story_size} articles"
            for aid, path, url in articles if aid not in placed]
