"""The PolNeAR reader and scorer on a hand-made brat file (no shared data needed)."""

from __future__ import annotations

import pytest

from storyline.polnear import (
    GoldAttribution,
    PolnearDoc,
    Predicted,
    read_ann,
    score,
    source_type,
    speaker_matches,
    surname,
)
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


@pytest.mark.parametrize("text, source, right, wrong", [
    ('Swanson praised evangelist Franklin Graham, who said "We will not buy them."', "Graham", "Franklin Graham",
     "Swanson"),
    ('Cruz won the backing of Mike Lee, who declared "It is time to unite."', "Lee", "Mike Lee", "Ted Cruz"),
    ("Clinton's rhetoric was softer than her campaign's leadership, who said it was \"misrepresenting\" "
     'what had "occurred here today in Iowa."', "leadership", "the campaign's leadership", "Hillary Clinton"),
])
def test_relative_pronoun_source_stands_for_its_antecedent(text: str, source: str, right: str,
                                                           wrong: str) -> None:
    """Regression: a Source annotated "who" was scored as a description headed "who", so no
    speaker could ever match it."""
    start = text.index('"') if text.count('"') == 2 else text.rindex('"', 0, text.rindex('"', 0, len(text) - 1))
    who = text.index("who")
    ann = (f"T1\tContent {start} {len(text)}\t{text[start:]}\nT2\tSource {who} {who + 3}\twho\n"
           "E1\tAttribution:T3 Content:T1 Source:T2")
    doc = PolnearDoc("x", "a1", Article(text=text), read_ann(text, ann))
    assert len(doc.quotes) == 1, source
    gold = doc.quotes[0]
    assert speaker_matches(right, (), doc, gold)
    assert not speaker_matches(wrong, (), doc, gold)


@pytest.mark.parametrize("source, expected", [
    ("Gallup’s Jeffrey M. Jones", "jones"),  # the possessive names the employer, not the speaker
    ("the Washington Post’s Ishaan Tharoor", "tharoor"),
    ("Trump’s GOP primary rival Sen. Marco Rubio (R-Fla.)", "rubio"),
    ("John Kasich’s campaign", "kasich"),  # before a common noun the owner is the source
    ("Sanders’ campaign", "sanders"),
    ("Forbes’ words", "forbes"),  # was "forbe"
    ("Brett O’Donnell, chief strategist", "o'donnell"),  # was "donnell": never matched "O’Donnell"
])
def test_surname_of_possessive_and_apostrophe_sources(source: str, expected: str) -> None:
    assert surname(source) == expected


@pytest.mark.parametrize("source, expected", [
    ("A top strategist, John Weaver,", "weaver"),
    ("the presumptive GOP presidential nominee, Donald Trump,", "trump"),
    ("the governor, a Republican,", None),
    ("Sanders’s campaign manager, Jeff Weaver,", "weaver"),  # was "sanders": the employer
    ("Florida’s Republican attorney general, Pam Bondi,", "bondi"),  # was "florida"
])
def test_a_name_in_apposition_to_a_description_is_the_source(source: str, expected: str | None) -> None:
    """Regression: 'the presumptive GOP presidential nominee, Donald Trump,' was a description that
    stood for the nearest earlier named source."""
    assert surname(source) == expected


def test_a_plural_description_stands_for_no_single_name() -> None:
    text = 'Obama met Clinton. "We will act," said Obama. "There is precedent," the two lawmakers said.'
    start = text.index('"There')
    end = text.index(" the two") - 1
    src = text.index("the two lawmakers")
    ann = (f"T1\tContent {start} {end}\t{text[start:end]}\nT2\tSource {src} {src + 17}\tthe two lawmakers\n"
           "E1\tAttribution:T3 Content:T1 Source:T2\n")
    q, o = text.index('"We'), text.rindex("Obama")
    ann += (f"T4\tContent {q} {q + 14}\t{text[q:q + 14]}\nT5\tSource {o} {o + 5}\tObama\n"
            "E2\tAttribution:T6 Content:T4 Source:T5")
    doc = PolnearDoc("x", "a1", Article(text=text), read_ann(text, ann))
    gold = doc.quotes[1]
    assert gold.source_text == "the two lawmakers"
    assert not speaker_matches("Barack Obama", (), doc, gold)
    assert speaker_matches("the two lawmakers", (), doc, gold)


@pytest.mark.parametrize("text", [
    'Mr. Obama spoke. "We act," Mr. Obama said. "It is late," he said.',
    'President Obama spoke. "We act," Obama said. "It is late," he said.',
])
def test_he_stands_for_a_source_named_with_an_honorific(text: str) -> None:
    """Regression: a source only ever named "Mr. Obama" or "President Obama" was no person, so
    "he" stood for no one (or for "China") and every right answer was scored wrong."""
    q, o = text.index('"We'), text.index("Obama said")
    src = text.rindex("Mr. Obama", 0, o + 5) if "Mr. Obama said" in text else o
    name = text[src : o + 5]
    p = text.index('"It')
    h = text.rindex("he said")
    ann = (f"T1\tContent {q} {q + 8}\t{text[q:q + 8]}\nT2\tSource {src} {o + 5}\t{name}\n"
           "E1\tAttribution:T3 Content:T1 Source:T2\n"
           f"T4\tContent {p} {p + 12}\t{text[p:p + 12]}\nT5\tSource {h} {h + 2}\the\n"
           "E2\tAttribution:T6 Content:T4 Source:T5")
    doc = PolnearDoc("x", "a1", Article(text=text), read_ann(text, ann))
    gold = doc.quotes[1]
    assert gold.source_text == "he"
    assert speaker_matches("Barack Obama", (), doc, gold)
    assert not speaker_matches("Hillary Clinton", (), doc, gold)
