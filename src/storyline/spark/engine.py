"""The brief on Apache Spark: the local engine's pure functions, run where the data is.

    read_frame -> annotate (mapInPandas, model cached per worker) -> document frequencies
    -> candidate pairs (self-join on block keys) -> pair similarity -> edges
    -> connected components (label propagation) -> cluster_component (applyInPandas)
    -> build_story per story (applyInPandas) -> story dicts, in the local engine's order

No logic lives here that the local engine does not run too: every step calls the same function
from ``storyline.cluster``, ``storyline.nlp`` and ``storyline.pipeline``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.options import Options
from storyline.spark.read import ORDER, read_frame

#: Label propagation stops after this many rounds even if labels still move (a chain of news
#: articles this long does not occur; the bound keeps a pathological input from looping).
MAX_ROUNDS = 50


@dataclass
class SparkBrief:
    """What the Spark engine returns: the same data ``brief_dict`` gives for a local ``Brief``."""

    articles: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    errors: list[str] = field(default_factory=list)
    stored: dict[str, dict[str, str]] = field(default_factory=dict)  # article id -> text, annotation

    def as_dict(self) -> dict[str, Any]:
        """The brief's JSON (``storyline.brief/1``); articles carry ``text`` and ``annotation``
        when the run kept them (``for_store``)."""
        from storyline.brief.render import SCHEMA

        in_story = {a for s in self.stories for a in s["articles"]}
        return {"schema": SCHEMA, "articles": [{**a, **self.stored.get(a["id"], {})} for a in self.articles
                                               if a["id"] in in_story],
                "stories": self.stories}


def _annotate_batches(batches: Iterator[Any], model: str | None, batch_size: int) -> Iterator[Any]:
    import pandas as pd

    from storyline.cluster import article_features
    from storyline.nlp import annotate, load_model
    from storyline.nlp.serialize import article_from_row, dumps

    nlp = load_model(model)  # lru_cache in an importable module: loaded once per worker process
    for batch in batches:
        rows = batch.to_dict("records")
        docs = annotate([article_from_row(r) for r in rows], nlp, batch_size)
        yield pd.DataFrame([(row["id"], dumps(doc), json.dumps(article_features(doc)))
                            for row, doc in zip(rows, docs)], columns=["id", "ann", "feats"])


def _key_batches(batches: Iterator[Any], windows: Any) -> Iterator[Any]:
    import pandas as pd

    from storyline.cluster import block_keys
    from storyline.ingest.structured import parse_date

    for batch in batches:
        rows = [(aid, key) for aid, feats, day in zip(batch["id"], batch["feats"], batch["published"])
                for key in block_keys(json.loads(feats), parse_date(day), windows.value)]
        yield pd.DataFrame(rows, columns=["id", "key"])


def _similarity_batches(batches: Iterator[Any], idf: Any, threshold: float) -> Iterator[Any]:
    import pandas as pd

    from storyline.cluster import pair_similarity
    from storyline.ingest.structured import parse_date

    for batch in batches:
        edges = []
        for a, b, fa, fb, da, db in zip(batch["a"], batch["b"], batch["fa"], batch["fb"],
                                        batch["da"], batch["db"]):
            sim = pair_similarity(json.loads(fa), json.loads(fb), idf.value, parse_date(da), parse_date(db))
            if sim >= threshold:
                edges.append((a, b, sim))
        yield pd.DataFrame(edges, columns=["src", "dst", "sim"])


def _components(edges: Any, ids: Any) -> Any:
    """(id, label): the smallest id of each connected component, by min-label propagation."""
    from pyspark.sql import functions as F

    both = edges.select("src", "dst").unionByName(
        edges.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).cache()
    labels = ids.select("id", F.col("id").alias("label")).localCheckpoint()
    for _ in range(MAX_ROUNDS):
        offers = (both.join(labels.withColumnRenamed("id", "src"), "src")
                  .groupBy(F.col("dst").alias("id")).agg(F.min("label").alias("offer")))
        updated = (labels.join(offers, "id", "left")
                   .select("id", F.least("label", F.coalesce("offer", "label")).alias("label"))
                   .localCheckpoint())
        moved = (updated.alias("new").join(labels.alias("old"), "id")
                 .filter(F.col("new.label") != F.col("old.label")).count())
        labels = updated
        if moved == 0:
            break
    return labels


def _cluster_groups(nodes: Any, edges: Any) -> Any:
    """``cluster_component`` on one component: (id, story) with the story's smallest id."""
    import pandas as pd

    from storyline.cluster import cluster_component

    ids = sorted(nodes["id"])
    links = list(zip(edges["src"], edges["dst"], edges["sim"]))
    groups = cluster_component(ids, links) if len(ids) > 1 else [ids]
    return pd.DataFrame([(aid, group[0]) for group in groups for aid in group], columns=["id", "story"])


def _build_groups(keys: Any, pdf: Any, options: Options, idf: Any, for_store: bool) -> Any:
    """``build_story`` on one story's annotated articles, in the local engine's input order, and
    the story's profile for threading (``cluster.threads.story_profile``)."""
    import pandas as pd

    from storyline.brief.render import story_dict
    from storyline.cluster.threads import story_profile
    from storyline.ingest.structured import parse_date
    from storyline.nlp.serialize import article_from_row, loads
    from storyline.pipeline import build_story

    pdf = pdf.sort_values(list(ORDER), kind="stable")
    rows = pdf.to_dict("records")
    docs = [loads(article_from_row(r), r["ann"]) for r in rows]
    story = build_story(docs, options)
    profile = story_profile(story.id, [json.loads(r["feats"]) for r in rows],
                            [parse_date(r["published"]) for r in rows], idf.value)
    stored = {r["id"]: {"text": r["text"], "annotation": r["ann"]} for r in rows} if for_store else {}
    return pd.DataFrame([{"story": keys[0], "size": len(docs),
                          "json": json.dumps(story_dict(story), ensure_ascii=False),
                          "profile": json.dumps(_profile_dict(profile)),
                          "store": json.dumps(stored, ensure_ascii=False)}])


def _profile_dict(profile: Any) -> dict[str, Any]:
    return {"id": profile.id, "vector": profile.vector, "names": sorted(profile.names),
            "first": profile.first.isoformat() if profile.first else None,
            "last": profile.last.isoformat() if profile.last else None}


def _thread(stories: list[dict[str, Any]], profiles: list[dict[str, Any]]) -> None:
    """``cluster.threads`` on the driver, over the stories' profiles: sets ``thread``/``related``."""
    from storyline.cluster.threads import StoryProfile, thread_links, threads
    from storyline.ingest.structured import parse_date

    found = [StoryProfile(p["id"], p["vector"], frozenset(p["names"]), parse_date(p["first"]),
                          parse_date(p["last"])) for p in profiles]
    links = threads(found, thread_links(found))
    for story in stories:
        story["thread"], story["related"] = links.get(story["id"], (None, []))


def run_spark(paths: Sequence[str], options: Options, master: str | None = None,
              for_store: bool = False) -> SparkBrief:
    """The brief of every story in ``paths``, computed on Spark (``master`` default ``local[*]``).
    ``for_store``: keep each article's text and annotation (``SparkBrief.stored``), so that
    ``storyline load`` can build a desk store from the output without a second NLP pass."""
    from storyline.nlp import load_model
    from storyline.pipeline import unplaced
    from storyline.spark.session import spark_session

    load_model(options.model)  # fail fast on the driver, with the model error, before any job
    spark = spark_session(master)
    frame = read_frame(spark, paths, options.max_bytes).cache()
    errors = [r.error for r in frame.filter("error IS NOT NULL").orderBy(*ORDER).select("error").collect()]
    articles = frame.filter("error IS NULL").drop("error")
    model, batch = options.model, options.batch_size
    annotations = (articles.select("id", "text", "title", "outlet", "url", "path", "published", "author")
                   .mapInPandas(lambda b: _annotate_batches(b, model, batch), "id string, ann string, feats string"))
    annotated = articles.join(annotations, "id").cache()
    stories, idf = _stories(spark, annotated, options)
    built = (annotated.join(stories, "id").groupBy("story")
             .applyInPandas(lambda k, pdf: _build_groups(k, pdf, options, idf, for_store),
                            "story string, size long, json string, profile string, store string"))
    rows = sorted((r for r in built.collect() if r["size"] >= options.min_story_size),
                  key=lambda r: (-r["size"], r["story"]))
    briefs = [json.loads(r["json"]) for r in rows]
    _thread(briefs, [json.loads(r["profile"]) for r in rows])
    fields = ("id", "path", "url", "outlet", "title", "published", "author")  # as render.article_dict
    meta = [{k: r[k] for k in fields} for r in articles.orderBy(*ORDER).select(*fields).toLocalIterator()]
    placed = {aid for s in briefs for aid in s["articles"]}
    errors += unplaced(((a["id"], a["path"], a["url"]) for a in meta), placed, options)
    stored = {k: v for r in rows for k, v in json.loads(r["store"]).items()}
    return SparkBrief(meta, briefs, errors, stored)


def _stories(spark: Any, annotated: Any, options: Options) -> tuple[Any, Any]:
    """(id, story): the local engine's ``cluster_features``, step by step on DataFrames; and the
    broadcast IDF table of the corpus."""
    from pyspark.sql import functions as F

    from storyline.cluster import MAX_BLOCK, STORY_THRESHOLD, corpus_windows, idf_table
    from storyline.ingest.structured import parse_date

    threshold = STORY_THRESHOLD if options.cluster_threshold is None else options.cluster_threshold
    n = annotated.count()
    df = (annotated.select(F.explode(F.map_keys(F.from_json("feats", "map<string,double>"))).alias("f"))
          .groupBy("f").count().collect())
    idf = spark.sparkContext.broadcast(idf_table({r["f"]: int(r["count"]) for r in df}, n))
    days = [parse_date(r["published"]) for r in annotated.select("published").distinct().collect()]
    windows = spark.sparkContext.broadcast(corpus_windows(days))
    side = annotated.select("id", "feats", "published")
    keys = side.mapInPandas(lambda b: _key_batches(b, windows), "id string, key string")
    kept = keys.groupBy("key").count().filter(F.col("count").between(2, MAX_BLOCK)).select("key")
    keys = keys.join(kept, "key")
    pairs = (keys.alias("x").join(keys.alias("y"), "key").filter("x.id < y.id")
             .select(F.col("x.id").alias("a"), F.col("y.id").alias("b")).distinct())
    pairs = (pairs.join(side.toDF("a", "fa", "da"), "a").join(side.toDF("b", "fb", "db"), "b")
             .select("a", "b", "fa", "fb", "da", "db"))
    edges = pairs.mapInPandas(lambda b: _similarity_batches(b, idf, threshold),
                              "src string, dst string, sim double").cache()
    labels = _components(edges, annotated.select("id"))
    edge_labels = edges.join(labels.toDF("src", "component"), "src")
    stories = (labels.groupBy("label").cogroup(edge_labels.groupBy("component"))
               .applyInPandas(_cluster_groups, "id string, story string"))
    return stories, idf
