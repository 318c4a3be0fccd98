"""The PolNeAR reader and scorer on a hand-made brat file (no shared data needed)."""

from __future__ import annotations

from storyline.polnear import GoldAttribution, PolnearDoc, Predicted, read_ann, score, source_type, surname
from storyline.records import Article

TEXT = ('Trump spoke on Monday.\n\n"We will build it," said Donald Trump. '
        '"It will be great," he added. Critics called it a "fantasy."')


def _ann() -> str:
    q1 = TEXT.index('"We'), TEXT.index(" said") - 1
    s1 = TEXT.index("Donald Trump"), TEXT.index("Donald Trump") + len("Donald Trump")
    q2 = TEXT.index('"It'), TEXT.index(" he added")
    s2 = TEXT.index(" he added") + 1, TEXT.index(" he added") + 3
    lines = []
    for n, ((a, b), (c, d)) in enumerate([(q1, s1), (q2, s2)]):
        lines.append(f"T{4 * n + 1}\tContent {a} {b}\t{TEXT[a:b]}")
        lines.append(f"T{4 * n + 2}\tSource {c} {d}\t{TEXT[c:d]}")
        lines.append(f"E{n + 1}\tAttribution:T{4 * n + 3} Content:T{4 * n + 1} Source:T{4 * n + 2}")
    return "\n".join(lines)


def _doc() -> PolnearDoc:
    return PolnearDoc("x", "a1", Article(text=TEXT), read_ann(TEXT, _ann()))


def test_reader_finds_direct_quotes() -> None:
    gold = _doc().quotes
    assert [g.source_text for g in gold] == ["Donald Trump", "he"]
    assert all(isinstance(g, GoldAttribution) for g in gold)


def test_source_types_and_surnames() -> None:
    assert source_type("he") == "pronoun"
    assert source_type("the senator") == "description"
    assert source_type("Rep. Elijah Cummings of Maryland, the panel's ranking Democrat") == "name"
    assert surname("Rep. Elijah Cummings of Maryland, the panel's ranking Democrat") == "cummings"
    assert surname("O'Malley") == "o'malley"
    assert surname("Sanders aides") is None


def test_pronoun_resolves_to_the_named_person() -> None:
    doc = _doc()
    spans = [(g.start, g.end) for g in doc.quotes]
    right = {"x": [Predicted(a, b, "Donald Trump") for a, b in spans]}
    wrong = {"x": [Predicted(a, b, "Hillary Clinton") for a, b in spans]}
    none = {"x": []}
    assert score([doc], right).speaker_accuracy == 1.0
    assert score([doc], wrong).speaker_accuracy == 0.0
    assert score([doc], none).found_rate == 0.0
