"""The conflict scorer: its matcher on handmade cases, and the current conflicts against the
hand-labelled NeuS val disagreements (tests/data/neus_disagreements.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.records import Conflict, Position
from storyline.scoring import (
    GoldDisagreement,
    GoldPosition,
    aggregate,
    matches,
    read_gold,
    run_gold,
    same_sentence,
    score_triplet,
    value_compatible,
    value_tokens,
)

GOLD = Path(__file__).parent / "data" / "neus_disagreements.jsonl"
IDS = ["a1", "a2", "a3"]
TEXTS = {
    "a1": "The Liberals took 156 seats of the 338 in the House. They lost on Monday.",
    "a2": "As of 1:30 a.m. ET Tuesday, the Liberal Party had won 157 of 338 seats. It was close.",
    "a3": "The Liberals are projected to win 157 seats, 13 short of a majority.",
}
SEATS = GoldDisagreement("number", "seats won by the Liberals", (
    GoldPosition(0, "156", "The Liberals took 156 seats of the 338 in the House."),
    GoldPosition(1, "157", "ET Tuesday, the Liberal Party had won 157 of 338 seats."),
    GoldPosition(2, "157", "The Liberals are projected to win 157 seats, 13 short of a majority."),
))


def conflict(kind: str, *positions: tuple[str, str, list[str]]) -> Conflict:
    return Conflict("topic", kind, [Position(value, text, sources) for value, text, sources in positions])


SENT1 = "The Liberals took 156 seats of the 338 in the House."
SENT2 = "As of 1:30 a.m. ET Tuesday, the Liberal Party had won 157 of 338 seats."
SENT3 = "The Liberals are projected to win 157 seats, 13 short of a majority."


@pytest.mark.parametrize("flagged, expected", [
    (conflict("number", ("156", SENT1, ["a1"]), ("157", SENT2, ["a2"])), True),
    # the sentence split differently ("a.m." ended a sentence for the annotator)
    (conflict("number", ("156 seats", SENT1, ["a1"]), ("157 seats", SENT3, ["a3"])), True),
    # two outlets agreeing against one: the shown sentence is a2's, a3 is cited too
    (conflict("number", ("157", SENT2, ["a2", "a3"]), ("156", SENT1, ["a1"])), True),
    # right sentences, wrong slot: 338 vs 13 is not the disagreement
    (conflict("number", ("338", SENT1, ["a1"]), ("13", SENT3, ["a3"])), False),
    # the two agreeing articles set against each other
    (conflict("number", ("157", SENT2, ["a2"]), ("157 seats", SENT3, ["a3"])), False),
    # another sentence of the same article
    (conflict("number", ("156", "They lost on Monday.", ["a1"]), ("157", SENT2, ["a2"])), False),
    # one position only covers gold
    (conflict("number", ("156", SENT1, ["a1"]),), False),
    # wrong article cited for the right sentence
    (conflict("number", ("156", SENT1, ["a3"]), ("157", SENT2, ["a2"])), False),
])
def test_matcher(flagged: Conflict, expected: bool) -> None:
    assert matches(flagged, SEATS, IDS, TEXTS) is expected


def test_positions_on_one_side_do_not_conflict() -> None:
    """Two wordings of one side ("188,829" / "more than 188,000") set against each other are no match."""
    gold = GoldDisagreement("number", "migrants stopped in June", (
        GoldPosition(0, "more than 188,000", SENT1, side="188,000"),
        GoldPosition(1, "188,829", SENT2, side="188,000"),
        GoldPosition(2, "more than 178,000", SENT3, side="178,000"),
    ))
    same_side = conflict("number", ("188,000", SENT1, ["a1"]), ("188,829", SENT2, ["a2"]))
    across = conflict("number", ("188,829", SENT2, ["a2"]), ("178,000", SENT3, ["a3"]))
    assert not matches(same_side, gold, IDS, TEXTS)
    assert matches(across, gold, IDS, TEXTS)


NEGATION = GoldDisagreement("negation", "whether he was nominated", (
    GoldPosition(0, "nominated", "The Liberals took 156 seats of the 338 in the House."),
    GoldPosition(1, "not nominated", "As of 1:30 a.m. ET Tuesday, the Liberal Party had won 157 of 338 seats."),
))


@pytest.mark.parametrize("kind, expected", [("negation", True), ("quote", True), ("date", False)])
def test_phrasing_kinds_skip_the_value(kind: str, expected: bool) -> None:
    flagged = conflict(kind, ("affirmed", SENT1, ["a1"]), ("negated", SENT2, ["a2"]))
    assert matches(flagged, NEGATION, IDS, TEXTS) is expected


@pytest.mark.parametrize("value, expected", [
    ("Thirty-five percent", {"35", "percent"}),
    ("$1.2 trillion", {"1.2e+12"}),
    ("1,200,000,000,000", {"1.2e+12"}),
    ("the 943,000 jobs", {"943000", "jobs"}),
    ("Qasem Soleimani", {"qasem", "soleimani"}),
])
def test_value_tokens(value: str, expected: set[str]) -> None:
    assert value_tokens(value) == expected


@pytest.mark.parametrize("flagged, gold, other, expected", [
    ("Qasem", "Qasem Soleimani", ["Qassem Soleimani"], True),
    ("Soleimani", "Qasem Soleimani", ["Qassem Soleimani"], False),  # shared by both sides
    ("fifty", "50", ["49"], True),
    ("Tuesday", "Tuesday", ["Wednesday"], True),
    ("Wednesday", "Tuesday", ["Wednesday"], False),
])
def test_value_compatible(flagged: str, gold: str, other: list[str], expected: bool) -> None:
    assert value_compatible(flagged, gold, other) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("He said so.", "He said so.", True),
    ("“He said so,” she wrote.", "He said so", True),
    ("Rand Paul, R-Ky., said of the effort on Sunday.", "Sen. Rand Paul, R-Ky., said of the effort on Sunday.", True),
    ("The Liberals took 156 seats.", "Conservatives won the popular vote on Monday.", False),
])
def test_same_sentence(a: str, b: str, expected: bool) -> None:
    assert same_sentence(a, b) is expected


def test_score_counts_false_alarms_and_recall() -> None:
    from storyline.scoring import GoldTriplet

    triplet = GoldTriplet(7, 3, (SEATS,))
    real = conflict("number", ("156", SENT1, ["a1"]), ("157", SENT3, ["a3"]))
    false = conflict("date", ("Monday", "They lost on Monday.", ["a1"]), ("Tuesday", SENT2, ["a2"]))
    score = aggregate([score_triplet(triplet, [real, false], IDS, TEXTS),
                       score_triplet(GoldTriplet(8, 3, ()), [], IDS, TEXTS, stories=2)])
    assert (score.flagged, score.real, score.gold, score.found, score.split) == (2, 1, 1, 1, 1)
    assert score.precision == 0.5 and score.false_alarms_per_100 == 50.0


def test_gold_file_is_well_formed() -> None:
    """Every labelled disagreement sets at least two articles with different values against each
    other, with a known kind; lines are unique."""
    kinds = {"number", "date", "age", "name", "title", "actor", "kin", "quote", "negation", "other"}
    triplets = read_gold(GOLD)
    assert len(triplets) >= 30
    assert len({t.line for t in triplets}) == len(triplets)
    for t in triplets:
        for d in t.disagreements + t.near_misses:
            assert d.kind in kinds, (t.line, d.kind)
            assert all(p.article < t.articles and p.sentence for p in d.positions), t.line
            assert len({p.article for p in d.positions}) >= 2, t.line
        for d in t.disagreements:
            assert len({p.key for p in d.positions}) >= 2, (t.line, d.fact)


def test_gold_labels_every_val_triplet(shared_data: Path) -> None:
    """Every line of NeuS val is labelled, once, in file order (an empty list is a label too)."""
    lines = (shared_data / "neus_roundups" / "val.source").read_text(encoding="utf-8").splitlines()
    assert [t.line for t in read_gold(GOLD)] == list(range(len(lines)))


def test_gold_sentences_are_in_the_articles(shared_data: Path) -> None:
    from storyline.evaluation import read_neus_triplets

    articles, line_of = read_neus_triplets(shared_data / "neus_roundups" / "val.source")
    for t in read_gold(GOLD):
        texts = [a.text for a in articles if line_of[a.id] == t.line]
        assert len(texts) == t.articles, t.line
        for d in t.disagreements + t.near_misses:
            for p in d.positions:
                assert p.sentence in texts[p.article], (t.line, p.sentence)


#: Floors pinned a little below what the code measured (benchmarks/RESULTS.md, "Conflicts against
#: hand-labelled NeuS val disagreements"); raise them when the conflict checks improve.
MIN_FOUND_CLEAR = 5  # measured 6 of 10
MIN_PRECISION = 0.8  # measured 6 of 7 flagged = 0.857
MAX_FALSE_ALARMS_PER_100 = 0.7  # measured 1 false in 307 stories = 0.3


def test_conflicts_against_hand_labels(shared_data: Path) -> None:
    score = aggregate(run_gold(GOLD, shared_data / "neus_roundups" / "val.source"))
    assert score.found_clear >= MIN_FOUND_CLEAR, score
    assert score.precision >= MIN_PRECISION, score
    assert score.false_alarms_per_100 <= MAX_FALSE_ALARMS_PER_100, score
