"""Incremental clustering (``storyline ingest``): a batch joins a stored story by the average link
of its articles to the story's, each pair scaled by the one-shot engine's lead-date factor."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyline.cluster.features import WEEKDAYS, masks_factor
from storyline.cluster.incremental import Lead, StoryIndex, StoryState, Vector, add_vector, lead_correction
from storyline.records import Article
from storyline.store import Store, ingest_articles

WORDS = [f"w{i}" for i in range(30)]


def _member(rng: random.Random) -> tuple[Vector, Lead]:
    vector = {w: rng.random() for w in sorted(rng.sample(WORDS, 6))}
    days = 0 if rng.random() < 0.3 else 1 << rng.randrange(len(WEEKDAYS))
    months = 1 << rng.randrange(3) if rng.random() < 0.3 else 0
    return vector, (days, months)


@pytest.mark.parametrize("seed", range(5))
def test_average_link_applies_the_lead_factor_per_pair(seed: int) -> None:
    """The story's per-lead sums give exactly the average over member pairs of dot x factor."""
    rng = random.Random(seed)
    story = [_member(rng) for _ in range(rng.randint(1, 8))]
    group = [_member(rng) for _ in range(rng.randint(1, 4))]
    state = StoryState("s", {}, len(story))
    for vector, lead in story:
        for k, w in vector.items():
            state.centroid[k] = state.centroid.get(k, 0.0) + w
        add_vector(state.leads, lead, vector)
    index = StoryIndex()
    index.add(state)
    total: Vector = {}
    parts: dict[Lead, Vector] = {}
    for vector, lead in group:
        for k, w in vector.items():
            total[k] = total.get(k, 0.0) + w
        add_vector(parts, lead, vector)
    score = index.average_links(total, len(group))["s"] + lead_correction(parts, len(group), state)
    pairs = [sum(w * b.get(k, 0.0) for k, w in a.items()) * masks_factor(la, lb) for a, la in group for b, lb in story]
    assert score == pytest.approx(sum(pairs) / len(pairs), abs=1e-12)


RULING = [
    ("Judge blocks Texas abortion law",
     "A federal judge in Austin on Wednesday blocked the Texas abortion law that bans most abortions after six "
     "weeks of pregnancy. Judge Robert Pitman granted the Justice Department's request for an injunction. "
     "Abortion clinics in Texas said they would resume abortions."),
    ("Federal judge halts Texas six-week abortion ban",
     "A federal judge on Wednesday halted the Texas law banning abortions after about six weeks of pregnancy. "
     "The ruling by Judge Robert Pitman came in a lawsuit filed by the Justice Department against Texas."),
]


def _follow_up(day: str) -> list[tuple[str, str]]:
    return [
        ("Appeals court lets Texas abortion law resume",
         f"The Fifth Circuit Court of Appeals in New Orleans on {day} granted an emergency stay requested by "
         "Attorney General Ken Paxton, letting Texas again enforce its abortion law that bans most abortions "
         "after six weeks. Paxton praised the panel's order and vowed to fight the Biden administration."),
        ("Paxton wins stay as Texas abortion ban returns",
         f"Texas Attorney General Ken Paxton won an emergency stay from the Fifth Circuit on {day}, lifting the "
         "injunction of Judge Robert Pitman, so the abortion law is enforced again. The New Orleans panel "
         "gave the Biden administration until Tuesday to respond."),
    ]


#: Follow-up to ruling, average link without the lead factor 0.241 (above JOIN_THRESHOLD 0.2), with it
#: (0.6 for every pair: Wednesday / Friday) 0.145.
@pytest.mark.parametrize(("day", "stories"), [
    ("Friday", 2),  # the stay two days after the ruling: another event on the same topic
    ("Thursday", 1),  # within a day of the ruling: its lead does not tell them apart
])
def test_follow_up_on_another_day_stays_apart(tmp_path: Path, day: str, stories: int) -> None:
    """Regression: the desk merged a decision and its follow-up days later that ``storyline brief``
    keeps apart (the incremental join ignored the leads' days)."""
    with Store(tmp_path / "s.db") as store:
        ingest_articles([Article(text=text, title=title) for title, text in RULING], store)
        ingest_articles([Article(text=text, title=title) for title, text in _follow_up(day)], store)
        assert sorted(s["size"] for s in store.stories()) == ([2, 2] if stories == 2 else [4])
