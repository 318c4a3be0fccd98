"""Entity resolution on ECB+ (named HUMAN/LOC participants, B-cubed), per topic and mean, on the
training and dev topics, and what it costs next to the spaCy pass.

    python benchmarks/entities.py [--split train|dev|both] [--data ../shared/data/ecbplus]

Each topic is one story (its two seminal events together, as in the gate). A gold mention takes
the entity of the first system mention overlapping it (``storyline.evaluation.entity_alignment``);
a gold mention the system did not find is a singleton. "spaCy" times ``annotate`` (the model and
the rule layer); "entities" times ``resolve_story`` (propagation, resolution, titles).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.entities import resolve_story
from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS, bcubed, entity_alignment, read_ecb_topics
from storyline.nlp import annotate, load_model

ROOT = Path(__file__).resolve().parent.parent


def score_topics(data: Path, topics: tuple[int, ...], name: str) -> tuple[float, float]:
    """Print one line per topic and the mean; return the seconds spent in spaCy and in entities."""
    nlp = load_model()
    rows, nlp_s, ent_s = [], 0.0, 0.0
    for topic in topics:
        docs = read_ecb_topics(data, (topic,))
        t0 = time.perf_counter()
        annotated = annotate([d.article for d in docs], nlp)
        t1 = time.perf_counter()
        index = resolve_story(annotated)
        t2 = time.perf_counter()
        nlp_s, ent_s = nlp_s + t1 - t0, ent_s + t2 - t1
        p, r, f = bcubed(*entity_alignment(docs, [a.mentions for a in annotated], index.by_mention))
        rows.append((p, r, f))
        print(f"{name} topic {topic:>2} ({len(docs):>2} docs): P {p:.3f}  R {r:.3f}  F1 {f:.3f}", flush=True)
    n = len(rows)
    means = [sum(row[i] for row in rows) / n for i in range(3)]
    print(f"{name} mean over {n} topics: P {means[0]:.3f}  R {means[1]:.3f}  F1 {means[2]:.3f}")
    return nlp_s, ent_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ecbplus")
    args = parser.parse_args()
    load_model()  # loading is not part of either timing
    splits = {"train": ECB_TRAIN_TOPICS, "dev": ECB_DEV_TOPICS}
    nlp_s = ent_s = 0.0
    for name in ("train", "dev") if args.split == "both" else (args.split,):
        a, b = score_topics(args.data, splits[name], name)
        nlp_s, ent_s = nlp_s + a, ent_s + b
    print(f"time: spaCy pass {nlp_s:.1f}s, entity resolution {ent_s:.1f}s "
          f"({100 * ent_s / nlp_s:.1f}% of the spaCy pass)")


if __name__ == "__main__":
    main()
