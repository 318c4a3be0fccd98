"""Story threads on labelled data.

ECB+ topics hold two seminal events each (the ``ecb`` and ``ecbplus`` subtopics: related but
different stories). Threads should link stories within a topic, not across topics:

- link precision: share of thread links whose two stories belong to the same topic (a story's
  topic is the majority topic of its articles);
- topic recall: share of topics whose ``ecb`` story and ``ecbplus`` story end up in one thread.

Scored on gold stories (the subtopics: threading alone) and on the stories clustering finds.
NeuS val triplets (three outlets on one event each, undated) report how many links threads add
between stories of different triplets.

    PYTHONPATH=src python benchmarks/threads.py [--split train|dev|neus] [--sweep] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.cluster import STORY_THRESHOLD, cluster_features, document_frequencies, idf_table
from storyline.cluster.threads import (
    RARE_NAME_SHARE,
    THREAD_THRESHOLD,
    StoryProfile,
    story_profile,
    thread_links,
    threads,
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def load(split: str, cache: Path | None, shared: Path = SHARED) -> list[dict[str, Any]]:
    """Per article: id, features and gold labels (ECB+: topic, subtopic; NeuS: triplet)."""
    if cache and cache.exists():
        return json.loads(cache.read_text())[split]  # type: ignore[no-any-return]
    from storyline.cluster import article_features
    from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS, read_ecb_topics, read_neus_triplets
    from storyline.nlp import annotate, load_model

    if split == "neus":
        articles, gold = read_neus_triplets(shared / "neus_roundups" / "val.source")
        docs = annotate(articles, load_model())
        return [{"id": d.id, "gold": gold[d.id], "f": article_features(d), "title": d.article.title} for d in docs]
    ecb = read_ecb_topics(shared / "ecbplus", ECB_TRAIN_TOPICS if split == "train" else ECB_DEV_TOPICS)
    docs = annotate([e.article for e in ecb], load_model())
    return [{"id": d.id, "topic": e.topic, "sub": e.subtopic, "f": article_features(d)} for e, d in zip(ecb, docs)]


def profiles_of(stories: Sequence[Sequence[dict[str, Any]]], idf_of: dict[str, float]) -> list[StoryProfile]:
    return [story_profile(f"s{i}", [a["f"] for a in story], [None] * len(story), idf_of)
            for i, story in enumerate(stories)]


def score_ecb(stories: list[list[dict[str, Any]]], idf_of: dict[str, float], threshold: float,
              share: float) -> dict[str, float]:
    profiles = profiles_of(stories, idf_of)
    links = thread_links(profiles, threshold, share)
    label = {f"s{i}": Counter((a["topic"], a["sub"]) for a in story).most_common(1)[0][0]
             for i, story in enumerate(stories)}
    correct = sum(label[link.earlier][0] == label[link.later][0] for link in links)
    found = threads(profiles, links)
    thread_subs: dict[str, set[tuple[int, str]]] = {}
    for sid, (thread, _related) in found.items():
        thread_subs.setdefault(thread, set()).add(label[sid])
    topics = {t for t, _s in label.values()}
    joined = {t for subs in thread_subs.values() for t in topics if {(t, "ecb"), (t, "ecbplus")} <= subs}
    both = {t for t in topics if {(t, "ecb"), (t, "ecbplus")} <= set(label.values())}
    precision = correct / len(links) if links else 1.0
    recall = len(joined) / len(both) if both else 0.0
    return {"links": len(links), "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0}


def ecb_stories(docs: list[dict[str, Any]], system: bool) -> list[list[dict[str, Any]]]:
    if not system:
        groups: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for d in docs:
            groups.setdefault((d["topic"], d["sub"]), []).append(d)
        return [groups[k] for k in sorted(groups)]
    by_id = {d["id"]: d for d in docs}
    found = cluster_features([d["id"] for d in docs], [d["f"] for d in docs], [None] * len(docs), STORY_THRESHOLD)
    return [[by_id[i] for i in story] for story in found]


def neus_report(docs: list[dict[str, Any]], threshold: float, share: float) -> dict[str, Any]:
    """Threads over the clustered stories, and over the gold triplets: there, the pairs of triplets
    that clustering merges (related events, the merges threads are for) should share a thread."""
    by_id = {d["id"]: d for d in docs}
    idf_of = idf_table(document_frequencies(d["f"] for d in docs), len(docs))
    found = cluster_features([d["id"] for d in docs], [d["f"] for d in docs], [None] * len(docs), STORY_THRESHOLD)
    stories = [[by_id[i] for i in story] for story in found]
    profiles = profiles_of(stories, idf_of)
    links = thread_links(profiles, threshold, share)
    titles = {f"s{i}": story[0].get("title") for i, story in enumerate(stories)}
    triplets: dict[int, list[dict[str, Any]]] = {}
    for d in docs:
        triplets.setdefault(d["gold"], []).append(d)
    gold = [triplets[k] for k in sorted(triplets)]
    gold_profiles = profiles_of(gold, idf_of)
    gold_links = thread_links(gold_profiles, threshold, share)
    keys = sorted(triplets)  # gold profile "s{i}" is triplet keys[i]
    thread_of = {keys[int(sid[1:])]: thread for sid, (thread, _r) in threads(gold_profiles, gold_links).items()}
    merged = set()
    for story in stories:
        members = sorted({d["gold"] for d in story})
        merged |= {(a, b) for a in members for b in members if a < b}
    linked = {tuple(sorted((keys[int(x.earlier[1:])], keys[int(x.later[1:])]))) for x in gold_links}
    joined = {(a, b) for a, b in merged if a in thread_of and thread_of.get(a) == thread_of.get(b)}
    return {"stories": len(stories), "links": len(links), "in_thread": len(threads(profiles, links)),
            "triplets": len(gold), "triplet_links": len(gold_links),
            "merged_triplet_pairs": len(merged), "merged_pairs_in_one_thread": len(joined),
            "triplet_links_that_clustering_merges": len(linked & merged),
            "sample": [(titles[x.earlier], titles[x.later], x.score) for x in links[:15]]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["train", "dev", "neus"], default="train")
    parser.add_argument("--sweep", action="store_true", help="Scores over a grid of thresholds.")
    parser.add_argument("--cache", type=Path, default=None, help="JSON features cache (see load()).")
    args = parser.parse_args()
    docs = load(args.split, args.cache)
    if args.split == "neus":
        print(json.dumps(neus_report(docs, THREAD_THRESHOLD, RARE_NAME_SHARE), indent=1))
        return
    idf_of = idf_table(document_frequencies(d["f"] for d in docs), len(docs))
    grid = ([(t / 100, s) for t in range(2, 13) for s in (0.02, 0.05, 0.1, 1.0)] if args.sweep
            else [(THREAD_THRESHOLD, RARE_NAME_SHARE)])
    for system in (False, True):
        stories = ecb_stories(docs, system)
        for threshold, share in grid:
            r = score_ecb(stories, idf_of, threshold, share)
            print(f"{args.split} {'system' if system else 'gold'} stories={len(stories)} threshold={threshold:.2f} "
                  f"rare_share={share:.2f} links={r['links']} precision={r['precision']:.3f} "
                  f"recall={r['recall']:.3f} f1={r['f1']:.3f}")


if __name__ == "__main__":
    main()
