"""Spark (local mode) against the embedded engine on the same articles: seconds, and agreement.

    python benchmarks/spark_vs_local.py [--sizes 300 2000] [--master local[2]] [--full]

Articles: the short real articles of ``benchmarks/scale.py`` (NeuS val + ECB+ train/dev, title and
first 60 words, simulated publication days); with ``--full``, NeuS val triplets at full length
(three outlets per event, undated). Both engines read the same JSON Lines file. Reported per size:
seconds of each engine (Spark's includes starting the session), the story partition's B-cubed F1
of Spark against local, the share of stories whose claims and conflicts are identical, and each
engine's B-cubed F1 against the true events.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import DATA, WORDS, base_records  # noqa: E402


def _full_records() -> list[dict[str, str | None]]:
    from storyline.evaluation import read_neus_triplets

    articles, _ = read_neus_triplets(DATA / "neus_roundups" / "val.source")
    return [{"title": a.title, "text": a.text} for a in articles]


def _truth(records: list[dict[str, str | None]]) -> dict[str, str]:
    """Article id -> true event: the NeuS triplet, or the ECB+ seminal event (topic + ecb/ecbplus)."""
    from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS, read_ecb_topics, read_neus_triplets
    from storyline.ingest.structured import article_from_record

    articles, gold = read_neus_triplets(DATA / "neus_roundups" / "val.source")
    event: dict[str, str] = {}
    for a in articles:
        event[a.text] = event[" ".join(a.text.split()[:WORDS])] = f"neus-{gold[a.id]}"
    for d in read_ecb_topics(DATA / "ecbplus", tuple(sorted(ECB_TRAIN_TOPICS + ECB_DEV_TOPICS))):
        event[" ".join(d.article.text.split()[:WORDS])] = f"ecb-{d.topic}-{d.subtopic}"
    return {article_from_record(rec, "x").id: event.get(str(rec["text"]), f"other-{i}")
            for i, rec in enumerate(records)}


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
    args = parser.parse_args()
    from storyline.brief.render import brief_dict
    from storyline.options import Options
    from storyline.pipeline import run
    from storyline.spark import run_spark

    base = _full_records() if args.full else base_records()
    for size in args.sizes:
        records = base[:size]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "articles.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            start = time.perf_counter()
            local = brief_dict(run([str(path)], Options()))["stories"]
            local_s = time.perf_counter() - start
            start = time.perf_counter()
            spark = run_spark([str(path)], Options(), args.master).stories
            spark_s = time.perf_counter() - start
        scores = compare(local, spark, _truth(records))
        print(f"articles: {len(records)}  stories: local {len(local)}, spark {len(spark)}")
        print(f"  seconds: local {local_s:.1f}  spark {args.master} {spark_s:.1f}")
        print("  " + "  ".join(f"{k}: {v:.3f}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
