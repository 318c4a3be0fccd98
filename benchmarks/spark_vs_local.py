"""Spark (local mode) against the embedded engine on the same articles: seconds, and agreement.

    python benchmarks/spark_vs_local.py [--sizes 300 2000] [--master local[2]] [--full]

Articles: short real articles (NeuS val + ECB+ train/dev, title and first 60 words, simulated
publication days, shuffled); with ``--full``, NeuS val triplets at full length (three outlets per
event, undated). Both engines read the same JSON Lines file. Reported per size:
seconds of each engine (Spark's includes starting the session), the story partition's B-cubed F1
of Spark against local, the share of stories whose claims and conflicts are identical, and each
engine's B-cubed F1 against the true events.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WORDS = 60


def records(full: bool) -> tuple[list[dict[str, str | None]], list[str]]:
    """Articles and their true events: NeuS val triplets (full length, undated) or short articles
    (title + first WORDS words) of NeuS val and ECB+ train/dev, each event given one simulated
    publication day in 2015 (its articles within two days of it)."""
    from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS, read_ecb_topics, read_neus_triplets

    rng = random.Random(0)
    articles, gold = read_neus_triplets(DATA / "neus_roundups" / "val.source")
    items = [(a.title, a.text, f"neus-{gold[a.id]}") for a in articles]
    if not full:
        docs = read_ecb_topics(DATA / "ecbplus", tuple(sorted(ECB_TRAIN_TOPICS + ECB_DEV_TOPICS)))
        items += [(d.article.title, d.article.text, f"ecb-{d.topic}-{d.subtopic}") for d in docs]
        rng.shuffle(items)
    day = {e: date(2015, 1, 1) + timedelta(days=rng.randrange(365)) for e in sorted({i[2] for i in items})}
    out, truth = [], []
    for title, text, event in items:
        rec: dict[str, str | None] = {"title": title, "text": text}
        if not full:
            rec["text"] = " ".join(text.split()[:WORDS])
            rec["published"] = (day[event] + timedelta(days=rng.randrange(-2, 3))).isoformat()
        out.append(rec)
        truth.append(event)
    return out, truth


def grown(base: list[dict[str, str | None]], events: list[str], size: int
          ) -> tuple[list[dict[str, str | None]], list[str]]:
    """The first ``size`` records; beyond the base, distinct copies as ``benchmarks/scale.py`` makes
    them: copy k ends "(Edition k.)" and is published 400 x k days later (new stories)."""
    out, truth = [], []
    for i in range(size):
        copy, at = divmod(i, len(base))
        rec = dict(base[at])
        if copy:
            rec["text"] = f"{rec['text']} (Edition {copy}.)"
            if rec.get("published"):
                rec["published"] = (date.fromisoformat(str(rec["published"])) + timedelta(days=400 * copy)).isoformat()
        out.append(rec)
        truth.append(f"{events[at]}#{copy}")
    return out, truth


def _partition(stories: list[dict]) -> dict[str, str]:
    return {a: s["id"] for s in stories for a in s["articles"]}


def compare(local: list[dict], spark: list[dict], truth: dict[str, str]) -> dict[str, float]:
    from storyline.evaluation import bcubed

    ours, theirs = _partition(spark), _partition(local)
    same = {s["id"]: (s["claims"], s["conflicts"]) for s in local}
    identical = sum(1 for s in spark if same.get(s["id"]) == (s["claims"], s["conflicts"]))
    return {"bcubed_spark_vs_local": bcubed(theirs, ours)[2],
            "identical_claims_conflicts": identical / max(len(spark), 1),
            "bcubed_local_vs_truth": bcubed({a: truth[a] for a in theirs}, theirs)[2],
            "bcubed_spark_vs_truth": bcubed({a: truth[a] for a in ours}, ours)[2]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--full", action="store_true", help="full-length NeuS val triplets")
    parser.add_argument("--spark-only", action="store_true", help="time Spark alone (no agreement scores)")
    args = parser.parse_args()
    from storyline.brief.render import brief_dict
    from storyline.ingest.structured import article_from_record
    from storyline.options import Options
    from storyline.pipeline import run
    from storyline.spark import run_spark

    base, events = records(args.full)
    for size in args.sizes:
        chosen, events_of = grown(base, events, size)
        truth = {article_from_record(r, "x").id: e for r, e in zip(chosen, events_of)}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "articles.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in chosen), encoding="utf-8")
            start = time.perf_counter()
            local = [] if args.spark_only else brief_dict(run([str(path)], Options()))["stories"]
            local_s = time.perf_counter() - start
            start = time.perf_counter()
            spark = run_spark([str(path)], Options(), args.master).stories
            spark_s = time.perf_counter() - start
        print(f"articles: {len(chosen)}  stories: local {len(local)}, spark {len(spark)}")
        print(f"  seconds: local {local_s:.1f}  spark {args.master} {spark_s:.1f}", flush=True)
        if not args.spark_only:
            scores = compare(local, spark, truth)
            print("  " + "  ".join(f"{k}: {v:.3f}" for k, v in scores.items()), flush=True)


if __name__ == "__main__":
    main()
