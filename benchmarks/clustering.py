"""Story clustering on labelled data: B-cubed precision / recall / F1 of one-shot ``cluster_features``.

- NeuS val triplets (three outlets on one event per line, short, undated), all 307 together and in
  two halves split by the SHA-1 of the triplet number (``tune``: even, ``check``: odd), each half
  clustered on its own: constants are chosen on ``tune`` (with ECB+ train), ``check`` shows whether
  they carry over;
- the same with simulated publication dates (one random day per triplet in a span, its articles
  within two days of it): ``dated`` spreads the days over ten years (as the gate test does),
  ``dated120`` crowds them into 120 days, so related events often fall within weeks;
- ECB+ train topics (tuning) and dev topics (scored only), a story per subtopic.

    PYTHONPATH=src python benchmarks/clustering.py [--cache /tmp/annotations.pkl]
        [--threshold 0.09] [--cohesion 0.6]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
import random
from collections.abc import Hashable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from storyline.cluster import STORY_THRESHOLD, article_features, cluster_features
from storyline.cluster.link import COHESION
from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS, bcubed, read_ecb_topics, read_neus_triplets
from storyline.nlp.annotate import AnnotatedArticle

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
Labelled = tuple[list[AnnotatedArticle], dict[Hashable, Hashable]]


def annotated_sets(cache: Path | None, shared: Path = SHARED) -> dict[str, Labelled]:
    """NeuS val and ECB+ train/dev, annotated (read from ``cache`` when it exists, else written there)."""
    if cache and cache.exists():
        loaded: dict[str, Labelled] = pickle.loads(cache.read_bytes())
        return loaded
    from storyline.nlp import annotate, load_model

    nlp = load_model()
    articles, neus_gold = read_neus_triplets(shared / "neus_roundups" / "val.source")
    neus: dict[Hashable, Hashable] = {k: v for k, v in neus_gold.items()}
    sets: dict[str, Labelled] = {"neus": (annotate(articles, nlp), neus)}
    for name, topics in (("ecb_train", ECB_TRAIN_TOPICS), ("ecb_dev", ECB_DEV_TOPICS)):
        docs = read_ecb_topics(shared / "ecbplus", topics)
        sets[name] = (annotate([d.article for d in docs], nlp), {d.article.id: (d.topic, d.subtopic) for d in docs})
    if cache:
        cache.write_bytes(pickle.dumps(sets))
    return sets


def half(event: Hashable) -> str:
    return "tune" if int(hashlib.sha1(str(event).encode()).hexdigest(), 16) % 2 == 0 else "check"


def with_dates(docs: Sequence[AnnotatedArticle], gold: dict[Hashable, Hashable], span: int) -> list[AnnotatedArticle]:
    """Each story one random day in ``span`` days, its articles within two days of it (seeded)."""
    rng = random.Random(0)
    stories = sorted(set(gold.values()), key=lambda g: (len(str(g)), str(g)))  # NeuS: line numbers in order
    day = {story: date(2012, 1, 1) + timedelta(days=rng.randrange(span)) for story in stories}
    return [dataclasses.replace(d, article=dataclasses.replace(
        d.article, published=day[gold[d.id]] + timedelta(days=rng.randrange(-2, 3)))) for d in docs]


def score(docs: Sequence[AnnotatedArticle], gold: dict[Hashable, Hashable], threshold: float,
          cohesion: float) -> tuple[float, float, float]:
    stories = cluster_features([d.id for d in docs], [article_features(d) for d in docs],
                               [d.article.published for d in docs], threshold, cohesion=cohesion)
    return bcubed(gold, {a: i for i, story in enumerate(stories) for a in story})


def rows(sets: dict[str, Labelled], threshold: float, cohesion: float) -> list[tuple[str, Any]]:
    docs, gold = sets["neus"]
    out = []
    for part in ("all", "tune", "check"):
        kept = [d for d in docs if part == "all" or half(gold[d.id]) == part]
        sub: dict[Hashable, Hashable] = {d.id: gold[d.id] for d in kept}
        out.append((f"neus {part} undated", score(kept, sub, threshold, cohesion)))
        out.append((f"neus {part} dated", score(with_dates(kept, sub, 3650), sub, threshold, cohesion)))
        out.append((f"neus {part} dated120", score(with_dates(kept, sub, 120), sub, threshold, cohesion)))
    for name in ("ecb_train", "ecb_dev"):
        out.append((name, score(*sets[name], threshold, cohesion)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, default=None, help="Pickle of the annotated sets (see annotated_sets).")
    parser.add_argument("--threshold", type=float, default=STORY_THRESHOLD)
    parser.add_argument("--cohesion", type=float, default=COHESION)
    args = parser.parse_args()
    for name, (p, r, f) in rows(annotated_sets(args.cache), args.threshold, args.cohesion):
        print(f"{name:24s} P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
