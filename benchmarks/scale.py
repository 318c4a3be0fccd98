"""Throughput and peak memory of ``ingest`` (store, incremental clustering, briefs) and of the
one-shot ``brief`` pipeline at 1k and 5k articles, and how much incremental clustering depends
on input order.

    python benchmarks/scale.py [--sizes 1000 5000] [--orders 3]

Articles: the ECB+ topics in ../shared/data/ecbplus (about 1k real news articles); larger
sizes add distinct copies (a suffix changes the content id) dated a year apart per copy, so
copies form their own stories. Each measurement runs in a fresh subprocess (peak RSS is that
process's). Without ../shared the bundled example is copied instead.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "data" / "ecbplus"


def corpus(size: int) -> list:
    from storyline.evaluation import read_ecb_topics
    from storyline.ingest import read_sources
    from storyline.records import Article

    if ECB.is_dir():
        base = [d.article for d in read_ecb_topics(ECB, tuple(range(1, 46)))]
    else:
        base = read_sources([str(ROOT / "examples" / "seeds")]).articles
    out = []
    copy = 0
    while len(out) < size:
        for a in base:
            if len(out) >= size:
                break
            day = date(2015, 1, 1) + timedelta(days=400 * copy + hash(a.id) % 20)
            text = a.text if copy == 0 else a.text + f"\n\n(Edition {copy}.)"
            out.append(Article(text=text, title=a.title, outlet=a.outlet, path=a.path, published=day))
        copy += 1
    return out


def measure(mode: str, size: int) -> dict:
    from storyline.options import Options

    articles = corpus(size)
    start = time.perf_counter()
    if mode == "ingest":
        from storyline.store import Store, ingest_articles

        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.db") as store:
            ingest_articles(articles, store, Options())
            stories = len(store.stories())
    else:
        from storyline.nlp import annotate, load_model
        from storyline.pipeline import brief_from_docs

        stories = len(brief_from_docs(annotate(articles, load_model()), Options()))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "articles": size, "stories": stories, "seconds": round(seconds, 1),
            "articles_per_second": round(size / seconds, 1), "peak_rss_mb": round(peak_mb)}


def order_dependence(orders: int) -> dict:
    from storyline.evaluation import ECB_DEV_TOPICS, bcubed, read_ecb_topics
    from storyline.store import Store, ingest_articles

    docs = read_ecb_topics(ECB, ECB_DEV_TOPICS)
    gold = {d.article.id: (d.topic, d.subtopic) for d in docs}
    runs = []
    for seed in range(orders):
        articles = [d.article for d in docs]
        random.Random(seed).shuffle(articles)
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "o.db") as store:
            ingest_articles(articles, store)
            runs.append(dict(store.conn.execute("SELECT article_id, story_id FROM story_articles").fetchall()))
    f1 = [round(bcubed(gold, r)[2], 3) for r in runs]
    agreement = [round(bcubed(a, b)[2], 3) for a, b in combinations(runs, 2)]
    return {"orders": orders, "f1_per_order": f1, "pairwise_agreement_f1": agreement}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--orders", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return
    for size in args.sizes:
        for mode in ("brief", "ingest"):
            out = subprocess.run([sys.executable, __file__, "--child", mode, str(size)],
                                 capture_output=True, text=True, check=True)
            print(out.stdout.strip().splitlines()[-1], flush=True)
    if ECB.is_dir() and args.orders > 1:
        print(json.dumps(order_dependence(args.orders)), flush=True)


if __name__ == "__main__":
    main()
