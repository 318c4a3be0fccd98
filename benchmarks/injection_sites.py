"""Every injection site, not one per story: for kinds with few sites per story (kin, age) the
one-per-story benchmark (``benchmarks/injection.py``) draws only a handful; this changes each site
in turn and counts how many changes the brief flags.

    python benchmarks/injection_sites.py [--kinds kin,age] [--corpora neus,ecb-dev,ecb-train]

Needs ../shared/data. Slow on a cold cache: every changed article is annotated once.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from injection import DATA, conflicts_of, ecb_stories, neus_stories

from storyline.evaluation import ECB_DEV_TOPICS, ECB_TRAIN_TOPICS
from storyline.injection import CachedAnnotator, flagged, inject, sites


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default="kin,age")
    parser.add_argument("--corpora", default="neus,ecb-dev,ecb-train")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    loaders = {"neus": lambda: neus_stories(None), "ecb-dev": lambda: ecb_stories(ECB_DEV_TOPICS),
               "ecb-train": lambda: ecb_stories(ECB_TRAIN_TOPICS)}
    annotator = CachedAnnotator()
    for corpus in args.corpora.split(","):
        stories = loaders[corpus]()
        started = time.perf_counter()
        annotator.warm(stories)
        for kind in args.kinds.split(","):
            found = total = 0
            for number, story in enumerate(stories):
                docs = [annotator(a) for a in story]
                surnames = {m.text.split()[-1] for d in docs for m in d.mentions
                            if m.label == "PERSON" and len(m.text.split()) >= 2}
                candidates = sites(story, kind, random.Random(f"{args.seed}:{number}:{kind}"), surnames)
                baseline = conflicts_of(docs) if candidates else []
                for injection in candidates:
                    changed = inject(story, injection)[injection.article]
                    new_docs = list(docs)
                    new_docs[injection.article] = annotator(changed)
                    found += flagged(conflicts_of(new_docs), baseline, changed.id, injection)
                    total += 1
            print(f"{corpus:9s} {kind:8s} every site: {found}/{total} = {found / max(total, 1):.2f} "
                  f"({time.perf_counter() - started:.0f}s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
