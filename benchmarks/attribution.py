"""Quote attribution on PolNeAR: quotes found and speaker accuracy, overall and by kind of gold
source (a name vs a pronoun or a description), for direct and for partial quotes.

    python benchmarks/attribution.py [--split dev|train] [--data ../shared/data/polnear] [--errors N]

The definitions (which annotator, what a direct quote is, how a pronoun source is resolved, what
counts as the right speaker) are in ``storyline.polnear``. Never run on the test split.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.nlp import load_model
from storyline.polnear import Score, predict, read_polnear, score

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("name", "pronoun/description")


def _line(label: str, result: Score) -> str:
    parts = [f"{label:8} gold {sum(result.gold.values()):5}  found {result.found_rate:.3f}  "
             f"speaker {result.speaker_accuracy:.3f}"]
    for kind in KINDS:
        found = result.found[kind]
        accuracy = result.right[kind] / found if found else 0.0
        parts.append(f"{kind}: n={result.gold[kind]} found {result.rate(result.found, result.gold, (kind,)):.3f} "
                     f"speaker {accuracy:.3f}")
    parts.append(f"found without speaker: {result.no_speaker}")
    return "  |  ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--errors", type=int, default=0, help="print this many speaker errors")
    args = parser.parse_args()
    docs = read_polnear(Path(args.data), args.split)
    start = time.perf_counter()
    predictions = predict(docs, load_model())
    seconds = time.perf_counter() - start
    annotators = sorted({d.annotator for d in docs})
    print(f"PolNeAR {args.split}: {len(docs)} articles (first annotator id of each: {', '.join(annotators)}), "
          f"{seconds:.1f}s")
    for kind in ("direct", "partial"):
        result = score(docs, predictions, kind)
        print(_line(kind, result))
        if kind == "direct":
            for name, gold, predicted, content in result.errors[: args.errors]:
                print(f"  {name}: gold {gold!r} predicted {predicted!r}: {content}")


if __name__ == "__main__":
    main()
