"""Time the whole brief pipeline against the spaCy NER pass alone, over the same articles,
in one run, and print the ratio (target: at most 1.5x).

    python benchmarks/pipeline_vs_ner.py [--copies N] [PATH ...]

The "NER pass" is ``nlp.pipe`` of the very pipeline storyline loads (tok2vec, tagger, senter,
NER and the rule layer). "Pipeline" is everything: reading, that same pass, clustering, and
every per-story stage through rendering JSON. Each is timed several times, best run kept.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.brief.render import to_json
from storyline.ingest import read_sources
from storyline.nlp import annotate, load_model
from storyline.options import Options
from storyline.pipeline import brief_from_docs
from storyline.records import Article, Brief

ROOT = Path(__file__).resolve().parent.parent


def _variants(articles: list[Article], copies: int) -> list[Article]:
    """Distinct copies of the articles (a suffix changes the content id) to scale the input."""
    out = []
    for i in range(copies):
        for a in articles:
            out.append(Article(text=a.text + f"\n\n(copy {i})", title=a.title, outlet=f"{a.outlet}-{i}",
                               path=a.path, published=a.published))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples" / "seeds")])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = _variants(read_sources(args.paths).articles, args.copies)
    nlp = load_model()
    list(nlp.pipe(a.text for a in articles[:2]))  # warm up
    ner, full = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        list(nlp.pipe((a.text for a in articles), batch_size=16))
        ner.append(time.perf_counter() - start)
        start = time.perf_counter()
        read_sources(args.paths)
        docs = annotate(articles, nlp)
        stories = brief_from_docs(docs, Options())
        to_json(Brief(articles, stories))
        full.append(time.perf_counter() - start)
    best_ner, best_full = min(ner), min(full)
    print(f"articles: {len(articles)}  stories: {len(stories)}")
    print(f"spaCy NER pass: {best_ner:.3f}s   whole pipeline: {best_full:.3f}s")
    print(f"ratio pipeline/NER: {best_full / best_ner:.2f}x  (target <= 1.50x)")


if __name__ == "__main__":
    main()
