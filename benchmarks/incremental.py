"""Incremental story clustering (the ``storyline ingest`` path) on labelled data: B-cubed
precision / recall / F1 of the stories a store ends with when the articles arrive in shuffled
batches of 32 (seeds 0 and 1, as tests/test_ecbplus_gate.py), over the annotated sets of
``benchmarks/clustering.py`` (NeuS val triplets undated, ECB+ train and dev topics): no NLP pass.

    PYTHONPATH=src python benchmarks/incremental.py --cache /tmp/annotations.pkl [ecb_dev neus ...]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Hashable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clustering import annotated_sets  # noqa: E402

from storyline.evaluation import bcubed  # noqa: E402
from storyline.nlp.annotate import AnnotatedArticle  # noqa: E402
from storyline.options import Options  # noqa: E402
from storyline.store import Store  # noqa: E402
from storyline.store.ingest import IngestReport, _Frequencies, _LazyIndex, _process_batch  # noqa: E402


def score(docs: Sequence[AnnotatedArticle], gold: dict[Hashable, Hashable], seed: int,
          batch: int = 32) -> tuple[float, float, float]:
    """Ingest ``docs`` (already annotated) in shuffled batches into a new store and score its stories."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        index, freq, report = _LazyIndex(store), _Frequencies.load(store), IngestReport()
        for start in range(0, len(order), batch):
            part = order[start : start + batch]
            _process_batch(store, index.for_batch(part), freq, part, Options(), report, set())
        system = dict(store.conn.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    return bcubed(gold, system)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, default=None, help="Pickle of the annotated sets (see clustering.py).")
    parser.add_argument("sets", nargs="*", default=["ecb_dev", "neus"], help="ecb_dev, ecb_train, neus")
    args = parser.parse_args()
    sets = annotated_sets(args.cache)
    for name in args.sets:
        for seed in (0, 1):
            p, r, f = score(*sets[name], seed)
            print(f"{name:10s} seed {seed}  P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)


if __name__ == "__main__":
    main()
