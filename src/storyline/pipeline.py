"""The pipeline, end to end: a reader can follow a story from ingest to brief here.

    read_sources -> annotate -> cluster_articles -> build_story (per story):
        resolve_entities -> extract_dates -> extract_figures -> extract_quotes
        -> group_facts -> find_conflicts -> merge_timeline -> summarize -> headline
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from storyline.brief.summary import summarize
from storyline.claims.align import SentenceFeatures, features_of, similarity_matrix
from storyline.claims.conflicts import Evidence, find_conflicts
from storyline.claims.facts import claims_of, group_facts
from storyline.claims.figures import extract_figures, group_figures
from storyline.claims.quotes import extract_quotes, group_quotes
from storyline.claims.slots import sentence_views
from storyline.cluster import cluster_articles
from storyline.entities import resolve_entities
from storyline.entities.titles import attach_title_mentions
from storyline.ingest import read_sources
from storyline.nlp import AnnotatedArticle, annotate, load_model
from storyline.options import Options
from storyline.records import Brief, Story
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
    index = resolve_entities(m for d in docs for m in d.mentions)
    attach_title_mentions(docs, index)
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
    evidence = Evidence(docs, index, quotes, outlet_of, sims, row_of)
    story.conflicts, disputed = find_conflicts(facts, near, evidence)
    story.claims = claims_of(facts, outlet_of, disputed)
    story.timeline = merge_timeline(dates, text_of, sims, row_of)
    story.figures = group_figures(figures, text_of)
    story.quotes = group_quotes(quotes)
    story.summary = summarize(story.claims, sims, row_of, options.max_summary)
    story.headline = _headline(docs, story)
    return story


def brief_from_docs(docs: list[AnnotatedArticle], options: Options) -> list[Story]:
    groups = cluster_articles(docs, options.cluster_threshold)
    return [build_story(group, options) for group in groups if len(group) >= options.min_story_size]


def run(paths: Iterable[str], options: Options | None = None) -> Brief:
    """Read ``paths`` (files, folders, globs, URLs, ``-``) and write the brief of every story."""
    options = options or Options()
    read = read_sources(paths, options.max_bytes)
    nlp = load_model(options.model)
    docs = annotate(read.articles, nlp, options.batch_size, options.progress)
    stories = brief_from_docs(docs, options)
    counts = Counter(len(s.articles) for s in stories)
    errors = [str(e) for e in read.errors] + _unplaced(docs, stories, options)
    return Brief(read.articles, stories, errors, {"story_sizes": dict(counts)})


def _unplaced(docs: list[AnnotatedArticle], stories: list[Story], options: Options) -> list[str]:
    """One line per article read that is in no story, with the reason (nothing is dropped silently)."""
    placed = {a for s in stories for a in s.articles}
    lines = []
    for doc in docs:
        if doc.id in placed:
            continue
        where = doc.article.path or doc.article.url or doc.id
        reason = (f"its story has fewer than {options.min_story_size} articles" if doc.sentences
                  else "no sentence found in its text")
        lines.append(f"{where}: not in any story: {reason}")
    return lines
