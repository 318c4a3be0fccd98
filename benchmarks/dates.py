"""Dates on TimeML news: how many gold calendar dates storyline finds, and how many of those it
resolves to the gold value (TempEval-3 train = TimeBank + AQUAINT, 256 documents).

    python benchmarks/dates.py [--data ../shared/data/tempeval3_train] [--misses N]

Prints found and value accuracy overall, for TimeBank and AQUAINT, and for the two halves of a
deterministic split by document name (``tune`` / ``check``) to show overfitting. Definitions in
``storyline.timeml``. spaCy annotations are cached under $TMPDIR (``--no-cache`` to redo them).
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from collections import Counter
from pathlib import Path

from storyline.nlp import annotate, load_model
from storyline.nlp.annotate import AnnotatedArticle
from storyline.nlp.serialize import dumps, loads
from storyline.timeml import TimemlDoc, evaluate, read_timeml_folder

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "tempeval3_train"


def annotated(docs: list[TimemlDoc], cache: bool) -> list[AnnotatedArticle]:
    folder = Path(tempfile.gettempdir()) / "storyline-timeml-cache"
    folder.mkdir(exist_ok=True)
    out: list[AnnotatedArticle | None] = []
    todo = []
    for i, d in enumerate(docs):
        key = hashlib.sha1(d.article.text.encode()).hexdigest()[:16]
        path = folder / f"{key}.json"
        if cache and path.exists():
            out.append(loads(d.article, path.read_text(encoding="utf-8")))
        else:
            out.append(None)
            todo.append((i, path))
    if todo:
        nlp = load_model()
        for (i, path), a in zip(todo, annotate([docs[i].article for i, _ in todo], nlp)):
            path.write_text(dumps(a), encoding="utf-8")
            out[i] = a
    return [a for a in out if a is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--misses", type=int, default=0, help="print this many errors")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    docs = read_timeml_folder(args.data)
    annotations = annotated(docs, not args.no_cache)
    misses: list[tuple[str, str, str, str]] = []
    began = time.perf_counter()
    scores = evaluate(docs, annotations, misses)
    elapsed = time.perf_counter() - began
    print(f"documents: {len(docs)}  date stage: {elapsed:.2f}s")
    for key, s in scores.items():
        print(f"{key:9s} gold {s.gold:5d}  found {s.found_rate:.3f}  value accuracy {s.accuracy:.3f}"
              f"  (right {s.right}/{s.found})")
    s = scores["all"]
    print(f"timeline filter: kept {s.linked_kept}/{s.linked} = {s.linked_kept / max(s.linked, 1):.3f} of found"
          f" dates a gold TLINK puts an event in; left out {s.unlinked_dropped}/{s.unlinked} ="
          f" {s.unlinked_dropped / max(s.unlinked, 1):.3f} of those without")
    if args.misses:
        kinds = Counter("missed" if m[3] == "-" else "wrong" for m in misses)
        print(f"errors: {dict(sorted(kinds.items()))}")
        for m in misses[: args.misses]:
            print("  " + " | ".join(m))


if __name__ == "__main__":
    main()
