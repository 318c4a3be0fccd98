"""Quote attribution on three-outlet coverage: quotes found and speaker accuracy on the hand-labelled
quotes of NeuS val lines 0-149 (``tests/data/neus_quotes.jsonl``, how: ``tests/data/NEUS_QUOTES.md``),
overall and for named / unnamed gold speakers.

    python benchmarks/quotes_neus.py [--data ../shared/data/neus_roundups/val.source] [--errors N]

Each line of val.source is one story (``resolve_story`` over its articles, then ``extract_quotes``);
the definitions are in ``storyline.quotes_gold``. Never run on a NeuS test split.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.nlp import load_model
from storyline.quotes_gold import KINDS, predict, read_gold, score

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "neus_roundups" / "val.source"))
    parser.add_argument("--gold", default=str(ROOT / "tests" / "data" / "neus_quotes.jsonl"))
    parser.add_argument("--errors", type=int, default=0, help="print this many errors (misses and wrong speakers)")
    args = parser.parse_args()
    source, gold = Path(args.data), read_gold(Path(args.gold))
    start = time.perf_counter()
    result = score(gold, source, predict(source, gold, load_model()))
    seconds = time.perf_counter() - start
    print(f"NeuS val quotes: {len(gold)} gold quotes in {len({(g.line, g.article) for g in gold})} articles "
          f"of {len({g.line for g in gold})} lines, {seconds:.1f}s")
    parts = [f"all: found {result.found_rate:.3f} ({sum(result.found.values())}/{sum(result.gold.values())}) "
             f"speaker {result.speaker_accuracy:.3f} ({sum(result.right.values())}/{sum(result.found.values())})"]
    for kind in KINDS:
        found = result.found[kind]
        parts.append(f"{kind}: n={result.gold[kind]} found {result.rate(result.found, result.gold, (kind,)):.3f} "
                     f"speaker {result.right[kind] / found if found else 0.0:.3f}")
    parts.append(f"found without speaker: {result.no_speaker}")
    print("  |  ".join(parts))
    for where, speaker, predicted, quote in result.errors[: args.errors]:
        print(f"  {where}: gold {speaker!r} predicted {predicted!r}: {quote}")


if __name__ == "__main__":
    main()
