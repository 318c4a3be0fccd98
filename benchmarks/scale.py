"""Growth curve of ``brief`` and ``ingest``: seconds and peak memory at growing sizes of short
real articles, each measurement in a fresh subprocess.

    python benchmarks/scale.py [--sizes 2000 4000 8000 16000] [--modes brief ingest]

Articles: NeuS val (../shared/data/neus_roundups/val.source, 918 articles) and ECB+ train and
dev topics (772 articles; never topics 36-45), each cut to its title and first 60 words. A
NeuS story gets one simulated publication day in 2015 (its articles within two days of it), an
ECB+ seminal event (topic + ecb/ecbplus) one too. Sizes above the base add distinct copies:
copy k is published 400 x k days later and ends with "(Edition k.)", so copies are new stories
in new publication windows, as in an archive that keeps growing. The input is one JSON Lines
file read by the real readers; ``brief`` is ``storyline.pipeline.run`` (read, annotate on every
core, cluster, build and render every story), ``ingest`` is ``storyline.store.ingest`` into a
new store. Peak memory is the largest resident set of the run's process or of any of its NLP
worker processes (they share the model's pages with the parent, so the sum would overcount).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WORDS = 60


def base_records() -> list[dict[str, str | None]]:
    """Short real articles with simulated publication days (see the module docstring)."""
    from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS, read_ecb_topics, read_neus_triplets

    rng = random.Random(0)
    records: list[dict[str, str | None]] = []
    articles, gold = read_neus_triplets(DATA / "neus_roundups" / "val.source")
    day = {story: date(2015, 1, 1) + timedelta(days=rng.randrange(365)) for story in sorted(set(gold.values()))}
    for a in articles:
        published = day[gold[a.id]] + timedelta(days=rng.randrange(-2, 3))
        records.append({"title": a.title, "text": " ".join(a.text.split()[:WORDS]), "published": published.isoformat()})
    docs = read_ecb_topics(DATA / "ecbplus", tuple(sorted(ECB_TRAIN_TOPICS + ECB_DEV_TOPICS)))
    events = sorted({(d.topic, d.subtopic) for d in docs})
    event_day = {e: date(2015, 1, 1) + timedelta(days=rng.randrange(365)) for e in events}
    for d in docs:
        published = event_day[(d.topic, d.subtopic)] + timedelta(days=rng.randrange(-2, 3))
        records.append({"title": d.article.title, "text": " ".join(d.article.text.split()[:WORDS]),
                        "published": published.isoformat()})
    return records


def corpus(size: int, path: Path) -> None:
    base = base_records()
    with path.open("w", encoding="utf-8") as out:
        for i in range(size):
            copy, record = divmod(i, len(base))
            rec = dict(base[record])
            if copy:
                rec["text"] = f"{rec['text']} (Edition {copy}.)"
                rec["published"] = (date.fromisoformat(str(rec["published"])) + timedelta(days=400 * copy)).isoformat()
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def measure(mode: str, size: int) -> dict[str, object]:
    from storyline.options import Options

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        corpus(size, path)
        options = Options(max_bytes=1_000_000)
        start = time.perf_counter()
        if mode == "ingest":
            from storyline.store import Store, ingest

            with Store(Path(tmp) / "b.db") as store:
                ingest([str(path)], store, options)
                stories = len(store.stories())
        else:
            from storyline.brief.render import to_json
            from storyline.pipeline import run

            brief = run([str(path)], options)
            to_json(brief)
            stories = len(brief.stories)
        seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"mode": mode, "articles": size, "stories": stories, "seconds": round(seconds, 1),
            "ms_per_article": round(1000 * seconds / size, 2), "peak_rss_mb": round(max(own, workers)),
            "main_rss_mb": round(own), "load_avg": round(os.getloadavg()[0], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 4000, 8000, 16000])
    parser.add_argument("--modes", nargs="*", default=["brief", "ingest"])
    parser.add_argument("--child", nargs=2, metavar=("MODE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return
    if not DATA.is_dir():
        sys.exit("needs ../shared/data (NeuS val and ECB+)")
    for size in args.sizes:
        for mode in args.modes:
            out = subprocess.run([sys.executable, __file__, "--child", mode, str(size)],
                                 capture_output=True, text=True, check=True)
            print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
