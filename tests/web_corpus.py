"""Real articles for the desk's end-to-end tests and load benchmark: the bundled seed story plus,
when ../shared is present, NeuS validation triplets (three outlets' reports of one event a line).

NeuS ships neither outlets nor dates: each article gets a neutral label for its position in the
triplet ("NeuS source 1".."3") and a publication day near its event's (one random day in ten
years per event, articles within two days of it, seeded), as the dated clustering gate does."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta
from pathlib import Path

from storyline.records import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
NEUS_VAL = ROOT.parent / "shared" / "data" / "neus_roundups" / "val.source"


def neus_articles(events: int, skip: int = 0, seed: int = 0) -> list[Article]:
    """Articles of NeuS val events ``skip`` .. ``skip + events`` (none without ../shared)."""
    if not NEUS_VAL.is_file():
        return []
    from storyline.evaluation import read_neus_triplets

    articles, gold = read_neus_triplets(NEUS_VAL)
    rng = random.Random(seed)
    day = {story: date(2012, 1, 1) + timedelta(days=rng.randrange(3650)) for story in sorted(set(gold.values()))}
    out, position = [], {}
    for a in articles:
        event = gold[a.id]
        if not skip <= event < skip + events:
            continue
        position[event] = position.get(event, 0) + 1
        out.append(dataclasses.replace(a, outlet=f"NeuS source {position[event]}",
                                       published=day[event] + timedelta(days=rng.randrange(-2, 3))))
    return out


def seed_paths() -> list[str]:
    return [str(SEEDS)]
