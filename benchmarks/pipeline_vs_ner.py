"""Time the whole brief against the spaCy NER pass alone over the same articles, side by side
in one run, and print the ratio (issue 9: at most 1.2x).

    python benchmarks/pipeline_vs_ner.py [--articles 300] [--repeat 3] [--profile] [PATH ...]

The "NER pass" is ``nlp.pipe`` of the model storyline loads with only tok2vec and ner enabled,
in one process, over the article texts. The "whole brief" is ``storyline.pipeline.run`` over
the same articles as a JSON Lines file: reading, the full NLP pass (tagger, sentences, NER,
rules; on every core), clustering, every per-story stage, and rendering JSON. The two are timed
alternately, best run of each kept. Articles: the first N of NeuS val (real short news, from
../shared/data) unless paths are given (then every article read from them). ``--profile``
adds a cProfile of one whole brief (where the time goes, by stage).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import tempfile
import time
from pathlib import Path

from storyline.brief.render import to_json
from storyline.ingest import read_sources
from storyline.nlp import load_model
from storyline.options import Options
from storyline.pipeline import run
from storyline.records import Article

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT.parent / "shared" / "data" / "neus_roundups" / "val.source"


def articles(paths: list[str], count: int) -> list[Article]:
    if paths:
        return read_sources(paths).articles
    if NEUS.is_file():
        from storyline.evaluation import read_neus_triplets

        return read_neus_triplets(NEUS)[0][:count]
    return read_sources([str(ROOT / "examples" / "seeds")]).articles


def write_jsonl(items: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in items:
            out.write(json.dumps({"text": a.text, "title": a.title, "outlet": a.outlet,
                                  "published": a.published.isoformat() if a.published else None}) + "\n")


def profile(path: Path) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    to_json(run([str(path)]))
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"storyline/", 30)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    items = articles(args.paths, args.articles)
    texts = [a.text for a in items]
    nlp = load_model()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        write_jsonl(items, path)
        run([str(path)], Options(processes=1))  # warm up
        ner, full = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            with nlp.select_pipes(enable=["tok2vec", "ner"]):
                list(nlp.pipe(texts, batch_size=16))
            ner.append(time.perf_counter() - start)
            start = time.perf_counter()
            brief = run([str(path)], Options())
            to_json(brief)
            full.append(time.perf_counter() - start)
        best_ner, best_full = min(ner), min(full)
        print(f"articles: {len(items)}  stories: {len(brief.stories)}  load average: {os.getloadavg()[0]:.1f}")
        print(f"spaCy NER pass (tok2vec+ner, 1 process): {best_ner:.2f}s   whole brief: {best_full:.2f}s")
        print(f"ratio brief/NER: {best_full / best_ner:.2f}x  (target <= 1.20x)")
        if args.profile:
            print(profile(path))


if __name__ == "__main__":
    main()
