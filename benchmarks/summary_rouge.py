"""ROUGE-2 of storyline's story summary against NeuS human roundups, next to three baselines.

    python benchmarks/summary_rouge.py [--split val] [--limit N] [--cache DIR] [--show N]

Each NeuS line (three outlets' articles) is built as one story through the library
(``annotate`` then ``build_story``; no clustering). Every system is cut to its first 66 words
and scored with ROUGE-2 (Porter-stemmed, F1 and recall, 0-100) against the ARTICLE part of the
human roundup (its title is left out; the story headline is left out of storyline's summary).

Baselines, all on the library's sentence split:
- lead-interleaved: sentence 1 of each article in input order, then sentence 2 of each, ...
- LexRank (Erkan & Radev 2004): TF-IDF cosine graph of the story's sentences (IDF over the
  split's sentences), edges above 0.1, PageRank with damping 0.85 by power iteration; the top
  sentences in score order.
- oracle: greedy extractive oracle, adding the sentence that most raises ROUGE-2 F1 of the
  66-word summary, in article order, until nothing raises it.
``--cache DIR`` stores annotations between runs (for experiments; the default caches nothing).
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import numpy as np

from storyline.brief.evaluate import SUMMARY_WORDS, Roundup, lead_interleaved, read_roundups
from storyline.brief.rouge import rouge_n
from storyline.nlp import AnnotatedArticle, annotate, load_model
from storyline.nlp.serialize import dumps, loads
from storyline.options import Options
from storyline.pipeline import build_story

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "neus_roundups"
LEXRANK_EDGE, DAMPING = 0.1, 0.85
WORD = re.compile(r"[a-z0-9]+")


def annotate_all(roundups: list[Roundup], cache: Path | None) -> list[list[AnnotatedArticle]]:
    articles = [a for r in roundups for a in r.articles]
    done: dict[str, AnnotatedArticle] = {}
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        for a in articles:
            path = cache / f"{a.id}.json"
            if path.exists():
                done[a.id] = loads(a, path.read_text(encoding="utf-8"))
    todo = [a for a in articles if a.id not in done]
    for doc in annotate(todo, load_model()):
        done[doc.id] = doc
        if cache:
            (cache / f"{doc.id}.json").write_text(dumps(doc), encoding="utf-8")
    return [[done[a.id] for a in r.articles] for r in roundups]


def _sentences(docs: list[AnnotatedArticle]) -> list[str]:
    return [s.text for d in docs for s in d.sentences]


def _fill(texts: list[str]) -> str:
    return " ".join(texts)


class LexRank:
    def __init__(self, all_docs: list[list[AnnotatedArticle]]) -> None:
        df: Counter[str] = Counter()
        self.n = 0
        for docs in all_docs:
            for text in _sentences(docs):
                df.update(set(WORD.findall(text.lower())))
                self.n += 1
        self.df = df

    def _vector(self, text: str) -> dict[str, float]:
        tf = Counter(WORD.findall(text.lower()))
        return {w: c * math.log(self.n / self.df.get(w, 1)) for w, c in tf.items()}

    def __call__(self, docs: list[AnnotatedArticle]) -> str:
        texts = _sentences(docs)
        if not texts:
            return ""
        vecs = [self._vector(t) for t in texts]
        norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vecs]
        n = len(texts)
        sim = np.zeros((n, n))
        for i in range(n):
            for j in range(n):
                dot = sum(v * vecs[j].get(w, 0.0) for w, v in vecs[i].items())
                sim[i, j] = dot / (norms[i] * norms[j])
        adj = (sim > LEXRANK_EDGE).astype(float)
        adj[adj.sum(axis=1) == 0] = 1.0  # a sentence with no words links to every sentence
        adj /= adj.sum(axis=1, keepdims=True)
        score = np.full(n, 1 / n)
        for _ in range(100):
            new = (1 - DAMPING) / n + DAMPING * adj.T @ score
            if np.abs(new - score).sum() < 1e-9:
                break
            score = new
        order = sorted(range(n), key=lambda i: (-score[i], i))
        return _fill([texts[i] for i in order])


def oracle(docs: list[AnnotatedArticle], reference: str) -> str:
    texts = _sentences(docs)
    chosen: list[int] = []
    best = 0.0
    while True:
        gains = []
        for i in range(len(texts)):
            if i not in chosen:
                cand = _fill([texts[j] for j in sorted(chosen + [i])])
                gains.append((rouge_n(cand, reference, 2, SUMMARY_WORDS).f1, -i, i))
        if not gains or max(gains)[0] <= best:
            break
        best, _, pick = max(gains)
        chosen.append(pick)
    return _fill([texts[j] for j in sorted(chosen)])


def storyline_summary(docs: list[AnnotatedArticle], options: Options) -> str:
    return _fill([line.text for line in build_story(docs, options).summary])


def score(summaries: list[str], roundups: list[Roundup]) -> tuple[float, float, float, float]:
    """Mean ROUGE-2 F1 and recall, and F1 on the even and the odd stories (a stability check)."""
    results = [rouge_n(s, r.reference, 2, SUMMARY_WORDS) for s, r in zip(summaries, roundups)]
    f1 = [x.f1 for x in results]
    return (statistics.mean(f1), statistics.mean(x.recall for x in results),
            statistics.mean(f1[0::2] or [0.0]), statistics.mean(f1[1::2] or [0.0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="val", choices=["val"])  # never the test split
    parser.add_argument("--limit", type=int, default=None, help="first N stories only")
    parser.add_argument("--cache", type=Path, default=None, help="annotation cache folder")
    parser.add_argument("--show", type=int, default=0, help="print the first N summaries")
    args = parser.parse_args()
    if not (DATA / f"{args.split}.source").exists():
        raise SystemExit(f"NeuS roundups not found in {DATA}: this benchmark needs ../shared/data")
    roundups = read_roundups(DATA / f"{args.split}.source", DATA / f"{args.split}.target")
    roundups = roundups[:args.limit] if args.limit else roundups
    start = time.perf_counter()
    all_docs = annotate_all(roundups, args.cache)
    annotated = time.perf_counter()
    options = Options()
    systems: dict[str, list[str]] = {"storyline": [storyline_summary(d, options) for d in all_docs]}
    built = time.perf_counter()
    lexrank = LexRank(all_docs)
    systems["lead-interleaved"] = [lead_interleaved(d) for d in all_docs]
    systems["LexRank"] = [lexrank(d) for d in all_docs]
    systems["oracle (greedy)"] = [oracle(d, r.reference) for d, r in zip(all_docs, roundups)]
    print(f"NeuS {args.split}: {len(roundups)} stories, {sum(len(d) for d in all_docs)} articles; "
          f"annotate {annotated - start:.1f}s, build stories {built - annotated:.1f}s")
    print(f"ROUGE-2 at {SUMMARY_WORDS} words (Porter stemming; reference = roundup ARTICLE part)")
    print(f"{'system':<18} {'F1':>6} {'recall':>7} {'F1 even':>8} {'F1 odd':>7}")
    for name, summaries in systems.items():
        f1, recall, even, odd = score(summaries, roundups)
        print(f"{name:<18} {f1:6.2f} {recall:7.2f} {even:8.2f} {odd:7.2f}")
    for r, text in list(zip(roundups, systems["storyline"]))[:args.show]:
        print(f"\n[line {r.line}]\nREF: {r.reference}\nSYS: {' '.join(text.split()[:SUMMARY_WORDS])}")


if __name__ == "__main__":
    main()
