"""Injection benchmark (issue 7, 5b and 5c): change one fact in one article of real stories and
count how often the brief flags it; and count conflicts flagged on the unchanged stories.

    python benchmarks/injection.py [--neus N] [--no-ecb] [--ecb-split dev|train] [--seed 7]
                                   [--show-missed KIND] [--list-flagged] [--no-inject]

Stories: NeuS val triplets (one line = one story, ../shared/data/neus_roundups/val.source)
and ECB+ dev topics (one story per topic and sub-topic). Needs ../shared/data.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS, read_ecb_topics, read_neus_triplets
from storyline.injection import KINDS, CachedAnnotator, evaluate
from storyline.nlp.annotate import AnnotatedArticle
from storyline.options import Options
from storyline.pipeline import build_story
from storyline.records import Article, Conflict

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def neus_stories(limit: int | None = None) -> list[list[Article]]:
    articles, gold = read_neus_triplets(DATA / "neus_roundups" / "val.source")
    stories: dict[int, list[Article]] = defaultdict(list)
    for article in articles:
        stories[gold[article.id]].append(article)
    return [stories[k] for k in sorted(stories) if len(stories[k]) >= 2][:limit]


def ecb_stories(topics: tuple[int, ...] = ECB_DEV_TOPICS) -> list[list[Article]]:
    stories: dict[tuple[int, str], list[Article]] = defaultdict(list)
    for doc in read_ecb_topics(DATA / "ecbplus", topics):
        stories[(doc.topic, doc.subtopic)].append(doc.article)
    return [stories[k] for k in sorted(stories)]


def conflicts_of(docs: list[AnnotatedArticle]) -> list[Conflict]:
    return build_story(docs, Options()).conflicts


def false_alarms(stories: list[list[Article]], annotator: CachedAnnotator,
                 show: bool = False) -> tuple[int, dict[str, int]]:
    kinds: dict[str, int] = defaultdict(int)
    for number, story in enumerate(stories):
        for conflict in conflicts_of([annotator(a) for a in story]):
            if show:  # for reading by hand: is it a real disagreement?
                print(f"    story {number} {conflict.kind}: {conflict.reason}")
                for position in conflict.positions:
                    print(f"      {position.value!r}: {position.text[:160]}")
            kinds[conflict.kind] += 1
    return sum(kinds.values()), dict(sorted(kinds.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--neus", type=int, default=None, help="first N NeuS val stories (default all)")
    parser.add_argument("--no-ecb", action="store_true", help="skip ECB+ dev")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-missed", default=None, help="print the missed injections of this kind")
    parser.add_argument("--ecb-split", default="dev", choices=("dev", "train"),
                        help="ECB+ topics to use (train: for reading false alarms on unseen stories)")
    parser.add_argument("--list-flagged", action="store_true", help="print every conflict on the unchanged stories")
    parser.add_argument("--no-inject", action="store_true", help="only count conflicts on the unchanged stories")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    annotator = CachedAnnotator()
    corpora = {"NeuS val": neus_stories(args.neus)}
    if not args.no_ecb:
        topics = ECB_TRAIN_TOPICS if args.ecb_split == "train" else ECB_DEV_TOPICS
        corpora[f"ECB+ {args.ecb_split}"] = ecb_stories(topics)
    for name, stories in corpora.items():
        if not stories:
            continue
        started = time.perf_counter()
        annotator.warm(stories)
        flagged, kinds = false_alarms(stories, annotator, args.list_flagged)
        print(f"{name}: {len(stories)} stories; unchanged stories: {flagged} conflicts flagged "
              f"= {100 * flagged / len(stories):.1f} per 100 stories {dict(sorted(kinds.items()))}")
        if args.no_inject:
            continue
        outcome = evaluate(stories, annotator, conflicts_of, args.seed)
        for kind in KINDS:
            print(f"  {kind:9s} {outcome.found[kind]:3d}/{outcome.total[kind]:3d}  {outcome.rate(kind):.2f}")
        print(f"  {'all':9s} {sum(outcome.found.values()):3d}/{sum(outcome.total.values()):3d}  "
              f"{outcome.rate():.2f}   ({time.perf_counter() - started:.0f}s)")
        for number, injection in outcome.missed:
            if injection.kind == args.show_missed:
                line = injection.text[max(0, injection.start - 100) : injection.start + 60].replace("\n", " ")
                print(f"    missed story {number}: {injection.old!r} -> {injection.new!r}: ...{line}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
