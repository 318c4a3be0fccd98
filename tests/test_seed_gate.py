"""Quality gate: the seed story scored against our own hand labels (floor: 90% of items)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.entities.names import name_key

FLOOR = 0.9


def _story(brief: dict) -> dict:
    assert len(brief["stories"]) == 1, "the five seed articles are one story"
    return brief["stories"][0]


def _entity(story: dict, spelling: str) -> dict | None:
    for e in story["entities"]:
        if spelling == e["name"] or spelling in e["variants"]:
            return e
    return None


def same_entity(a: str, b: str) -> Callable[[dict], bool]:
    return lambda s: _entity(s, a) is not None and _entity(s, a) is _entity(s, b)


def different_entity(a: str, b: str) -> Callable[[dict], bool]:
    return lambda s: _entity(s, a) is not None and _entity(s, b) is not None and _entity(s, a) is not _entity(s, b)


def dated(date: str, min_sources: int, words: str) -> Callable[[dict], bool]:
    return lambda s: any(t["date"] == date and len(t["sources"]) >= min_sources and words.lower() in t["text"].lower()
                         for t in s["timeline"])


def figure(value: float, min_sources: int) -> Callable[[dict], bool]:
    return lambda s: any(f["value"] == value and len(f["sources"]) >= min_sources for f in s["figures"])


def quote(words: str, speaker: str, min_sources: int = 1) -> Callable[[dict], bool]:
    def check(s: dict) -> bool:
        e = _entity(s, speaker)
        return any(words in q["text"] and q["speaker"] is not None and e is not None
                   and name_key(q["speaker"]) == name_key(e["name"]) and len(q["sources"]) >= min_sources
                   for q in s["quotes"])
    return check


def conflict(values: set[str]) -> Callable[[dict], bool]:
    return lambda s: any(values <= {p["value"] for p in c["positions"]} for c in s["conflicts"])


ITEMS: dict[str, Callable[[dict], bool]] = {
    "Ri Il Kyu = Ri Il-kyu": same_entity("Ri Il Kyu", "Ri Il-kyu"),
    "Ri Il Kyu = Ri Il-gyu": same_entity("Ri Il Kyu", "Ri Il-gyu"),
    "Thae Yong Ho = Tae Yong-ho": same_entity("Thae Yong Ho", "Tae Yong-ho"),
    "Thae Yong Ho = Tae Yongho": same_entity("Thae Yong Ho", "Tae Yongho"),
    "Kim Jong Un = Kim Jong-un": same_entity("Kim Jong Un", "Kim Jong-un"),
    "NIS = National Intelligence Service": same_entity("NIS", "National Intelligence Service"),
    "Chosun Daily = Chosun Ilbo": same_entity("Chosun Daily", "Chosun Ilbo"),
    "Jo Song-gil = Jo Song Gil": same_entity("Jo Song-gil", "Jo Song Gil"),
    "Easley = Leif-Eric Easley": same_entity("Easley", "Leif-Eric Easley"),
    "Ri Il Kyu != Ri Yong Ho": different_entity("Ri Il Kyu", "Ri Yong Ho"),
    "Kim Jong Un != Kim Yo Jong": different_entity("Kim Jong Un", "Kim Yo Jong"),
    "Jo Song-gil != Ryu Hyun-woo": different_entity("Jo Song-gil", "Ryu Hyun-woo"),
    "defection 2023-11, all five": dated("2023-11", 5, "November"),
    "ties 2024-02": dated("2024-02", 3, "February"),
    "bribe trip 2019-08": dated("2019-08", 2, "August 2019"),
    "Ri Yong Ho camp 2019-12": dated("2019-12", 1, "December 2019"),
    "Panama ship 2013": dated("2013", 2, "2013"),
    "joined ministry 1999": dated("1999", 2, "1999"),
    "Thae 2016": dated("2016", 3, "2016"),
    "mid-last year 2023": dated("2023", 1, "mid-last year"),
    "late 1990s": dated("1990", 1, "1990s"),
    "interview July 14": dated("2024-07-14", 1, "July 14"),
    "NIS confirmed Tuesday 2024-07-16": dated("2024-07-16", 2, "Tuesday"),
    "196 defectors": figure(196, 3),
    "2,700 a decade ago": figure(2700, 2),
    "about 10 elites": figure(10, 3),
    "34,000 since the 1990s": figure(34000, 1),
    "Easley quote": quote("adds insult to injury", "Easley", 2),
    "Every North Korean thinks": quote("Every North Korean thinks", "Ri Il Kyu", 2),
    "flight tickets (by pronoun)": quote("I bought flight tickets", "Ri Il Kyu"),
    "bribe quote (later sentence)": quote("demanded a significant bribe", "Ri Il Kyu"),
    "family conflict children/son/kid": conflict({"children", "son", "kid"}),
    "Kuwait conflict 2019/2021": conflict({"2019", "2021"}),
}


@pytest.mark.parametrize("name", list(ITEMS))
def test_seed_item(seed_brief: dict, name: str) -> None:
    """Each labelled item on its own (a failure names what regressed)."""
    if not ITEMS[name](_story(seed_brief)):
        pytest.xfail(f"seed item missed: {name} (the gate below enforces the floor)")


def test_seed_gate_floor(seed_brief: dict) -> None:
    story = _story(seed_brief)
    missed = [name for name, check in ITEMS.items() if not check(story)]
    score = 1 - len(missed) / len(ITEMS)
    assert score >= FLOOR, f"seed score {score:.2f} < {FLOOR}; missed: {missed}"


def test_every_citation_is_valid(seed_brief: dict) -> None:
    ids = {a["id"] for a in seed_brief["articles"]}
    story = _story(seed_brief)
    for section in ("summary", "entities", "timeline", "figures", "quotes", "claims"):
        for item in story[section]:
            assert item["sources"] and set(item["sources"]) <= ids, (section, item)
    for c in story["conflicts"]:
        for p in c["positions"]:
            assert p["sources"] and set(p["sources"]) <= ids


def test_summary_is_faithful_and_cited(seed_brief: dict) -> None:
    """Every summary line is a source sentence word for word (a leading dateline may be cut) and
    cited; the main event (the first line) and most lines are stated by two or more articles (a
    development only one outlet reports may follow)."""
    story = _story(seed_brief)
    assert 3 <= len(story["summary"]) <= 7
    sentences = [s["text"] for c in story["claims"] for s in c["sentences"]]
    for line in story["summary"]:
        assert any(text.endswith(line["text"]) for text in sentences), line["text"]
        assert line["sources"]
    assert len(story["summary"][0]["sources"]) >= 3
    assert sum(len(line["sources"]) >= 2 for line in story["summary"]) > len(story["summary"]) / 2
    texts = [line["text"] for line in story["summary"]]
    assert len(set(texts)) == len(texts)


def test_contract_shape(seed_brief: dict) -> None:
    assert seed_brief["schema"] == "storyline.brief/1"
    story = _story(seed_brief)
    for key in ("id", "headline", "articles", "summary", "entities", "timeline", "figures",
                "quotes", "claims", "conflicts"):
        assert key in story
    assert {c["status"] for c in story["claims"]} <= {"corroborated", "single-source", "disputed"}
    assert all(t["precision"] in ("day", "week", "month", "quarter", "season", "year", "decade")
               for t in story["timeline"])
    assert all(isinstance(f["value"], (int, float)) for f in story["figures"])


def test_shared_seeds_read_the_same(seed_brief: dict) -> None:
    from storyline.ingest import read_sources
    from tests.conftest import SHARED

    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present")
    shared_ids = {a.id for a in read_sources([str(SHARED / "seeds")]).articles}
    assert shared_ids == {a["id"] for a in seed_brief["articles"]}
