"""Flagged conflicts against hand-labelled disagreements in NeuS val triplets.

    python benchmarks/conflict_gold.py [--gold tests/data/neus_disagreements.jsonl]
                                       [--source ../shared/data/neus_roundups/val.source] [--verbose]
                                       [--json results.jsonl]

Each labelled triplet's articles are briefed as one story (``storyline.pipeline.build_story``);
its conflicts are matched to the gold disagreements by ``storyline.scoring`` (the module's
docstring defines a match). Prints precision (flagged conflicts that are real), recall (gold
disagreements found; clear ones and all), both per kind, false alarms per 100 stories, and how
often the clustering would split a triplet. ``--verbose`` prints every triplet's details.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storyline.scoring import ConflictScore, TripletResult, aggregate, run_gold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "neus_disagreements.jsonl"
SOURCE = ROOT.parent / "shared" / "data" / "neus_roundups" / "val.source"


def _details(result: TripletResult) -> list[str]:
    lines = [f"line {result.line}: {len(result.flagged)} flagged, "
             f"{sum(result.found)}/{len(result.gold)} gold found, {result.stories} cluster(s)"]
    for conflict, real, near in zip(result.flagged, result.real, result.near_miss):
        tag = "REAL" if real else "near-miss" if near else "FALSE"
        values = " | ".join(f"{p.value} {p.sources}" for p in conflict.positions)
        lines.append(f"  [{tag}] {conflict.kind}: {values}")
        lines += [f"      {p.sources}: {p.text[:150]}" for p in conflict.positions]
    for gold, found in zip(result.gold, result.found):
        values = " | ".join(f"{p.value} (a{p.article})" for p in gold.positions)
        clear = "" if gold.clear else ", borderline"
        lines.append(f"  gold {'found' if found else 'MISSED'} ({gold.kind}{clear}): {gold.fact}: {values}")
    return lines


def _as_json(result: TripletResult) -> dict:
    """One triplet's flagged conflicts and gold, for diffing two runs."""
    flagged = [{"kind": c.kind, "tag": "real" if real else "near-miss" if near else "false",
                "positions": [{"value": p.value, "sources": p.sources, "text": p.text} for p in c.positions]}
               for c, real, near in zip(result.flagged, result.real, result.near_miss)]
    gold = [{"kind": g.kind, "fact": g.fact, "clear": g.clear, "found": found}
            for g, found in zip(result.gold, result.found)]
    return {"line": result.line, "stories": result.stories, "flagged": flagged, "gold": gold}


def report(score: ConflictScore) -> list[str]:
    lines = [
        f"triplets: {score.triplets} (clustering splits {score.split})",
        f"flagged conflicts: {score.flagged}, real {score.real}, near misses {score.near_miss}",
        f"precision: {score.precision:.3f}",
        f"recall (clear): {score.found_clear}/{score.gold_clear} = {score.recall_clear:.3f}",
        f"recall (all): {score.found}/{score.gold} = {score.recall:.3f}",
        f"false alarms per 100 stories: {score.false_alarms_per_100:.1f}",
        "recall by gold kind: " + ", ".join(f"{k} {score.found_by_kind[k]}/{n}"
                                            for k, n in sorted(score.gold_by_kind.items())),
        "precision by flagged kind: " + ", ".join(f"{k} {score.real_by_kind[k]}/{n}"
                                                  for k, n in sorted(score.flagged_by_kind.items())),
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--verbose", action="store_true", help="print every triplet's conflicts and gold")
    parser.add_argument("--json", type=Path, help="also write every triplet's results to this JSON Lines file")
    args = parser.parse_args()
    if not args.source.is_file():
        parser.error(f"{args.source} not found: pass --source with NeuS val.source")
    results = run_gold(args.gold, args.source)
    if args.json:
        args.json.write_text("".join(json.dumps(_as_json(r), ensure_ascii=False) + "\n" for r in results),
                             encoding="utf-8")
    if args.verbose:
        for result in results:
            print("\n".join(_details(result)))
    print("\n".join(report(aggregate(results))))


if __name__ == "__main__":
    main()
