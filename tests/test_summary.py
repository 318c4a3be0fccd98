"""The summary's rules on small real stories (real spaCy model), and the ROUGE scorer."""

from __future__ import annotations

import pytest

from storyline.brief.porter import stem
from storyline.brief.rouge import rouge_n, tokens, truncate
from storyline.brief.standalone import can_stand_alone, clean_text
from storyline.brief.summary import FactMap, summarize
from storyline.nlp import AnnotatedArticle, annotate, load_model
from storyline.records import Article


def _docs(*texts: str, titles: tuple[str, ...] = ()) -> list[AnnotatedArticle]:
    articles = [Article(text=t, title=titles[i] if i < len(titles) else None) for i, t in enumerate(texts)]
    return annotate(articles, load_model())


def _alone(text: str, before: str = "") -> bool:
    doc = _docs(before + text)[0]
    index = next(s.index for s in doc.sentences if s.text.startswith(text[:20]))
    return can_stand_alone(doc, index)


# --- ROUGE ---------------------------------------------------------------------------------

def test_rouge2_known_values() -> None:
    # candidate bigrams: the cat, cat sat, sat on, on the, the mat (5); reference has 6, 4 shared.
    score = rouge_n("The cat sat on the mat.", "The cat sat on the red mat today.", n=2)
    assert score.precision == pytest.approx(100 * 4 / 5)
    assert score.recall == pytest.approx(100 * 4 / 7)
    assert score.f1 == pytest.approx(2 * 80 * (400 / 7) / (80 + 400 / 7))


def test_rouge_truncates_the_candidate_not_the_reference() -> None:
    assert truncate("one two three four", 2) == "one two"
    assert rouge_n("x y a b", "a b", n=2, words=2).f1 == 0.0
    assert rouge_n("a b x y", "a b", n=2, words=2).f1 == 100.0


def test_rouge_tokens_lowercase_alphanumeric_and_stemmed() -> None:
    assert tokens("The U.S. Senators' vote, 52-48!", stemming=False) == ["the", "u", "s", "senators", "vote", "52", "48"]
    assert tokens("Senators voted") == ["senat", "vote"]
    assert rouge_n("senators voted today", "the senator votes today", n=2).recall > 0


@pytest.mark.parametrize("word, expected", [
    ("caresses", "caress"), ("ponies", "poni"), ("relational", "relat"), ("hopping", "hop"),
    ("filing", "file"), ("happy", "happi"), ("generalization", "gener"), ("adjustment", "adjust"),
    ("agreed", "agre"), ("sized", "size"), ("controll", "control"), ("is", "is"),
])
def test_porter_stemmer(word: str, expected: str) -> None:
    assert stem(word) == expected


# --- standalone lines ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The move comes after months of pressure from lawmakers in both parties.",
    "The two countries established diplomatic relations in February last year.",
    "He said the agreement would be signed in Geneva later this month.",
    "But the committee rejected the proposal by a vote of nine to four.",
    "In an interview on Sunday, she said the campaign would continue.",
    "Finally, six hours before the escape, he told his wife and son about the plan.",
    "This angered officials in the capital, who called an emergency meeting.",
    "In February, the two countries established diplomatic relations after decades of hostility.",
])
def test_lines_leaning_on_a_missing_antecedent_are_not_standalone(text: str) -> None:
    assert not _alone(text)


@pytest.mark.parametrize("text", [
    "The decision to close the border was announced by the interior ministry on Monday.",
    "The leaders of the Senate Intelligence Committee said on Wednesday they agreed.",
    "Another 6.6 million people applied for unemployment benefits last week, the government said.",
    "The former US First Lady Laura Bush has condemned the policy in an opinion piece.",
    "Under the compact, participating states pledge their electoral votes to the winner.",
    "This week the Senate confirmed the nominee by a vote of 52 to 48 after a long debate.",
])
def test_self_contained_openings_are_standalone(text: str) -> None:
    assert _alone(text)


@pytest.mark.parametrize("text, before", [
    ("“We will not back down from this fight, not now and not ever.", ""),
    ("The party leadership made a decision that nobody had expected this year.",
     "“I am leaving the party after twenty years of service. "),
    ("“Every citizen thinks at least once about leaving the country,” he told the newspaper.", ""),
])
def test_quotes_without_their_speaker_are_not_standalone(text: str, before: str) -> None:
    assert not _alone(text, before)


@pytest.mark.parametrize("text", [
    "“We will not back down from this fight,” Senator Maria Lopez said on Tuesday.",
    "Governor Tom Reed called the plan “a disaster for the working families of this state.”",
    "The so-called “crisis pregnancy” centers must post the notice, the court ruled.",
])
def test_attributed_quotes_and_scare_quotes_are_standalone(text: str) -> None:
    assert _alone(text)


def test_clean_text_drops_datelines_and_newsletter_labels() -> None:
    assert clean_text("SEOUL, South Korea — The talks ended.") == "The talks ended."
    assert clean_text("WASHINGTON (AP) — The Senate voted.") == "The Senate voted."
    assert clean_text("Why it matters: The vote sets a record.") == "The vote sets a record."
    assert clean_text("The U.S. — and its allies — agreed.") == "The U.S. — and its allies — agreed."


# --- selection -----------------------------------------------------------------------------

A = ("The House on Wednesday approved a $1.9 trillion COVID-19 relief bill, sending it to President Joe Biden. "
     "The measure includes $1,400 stimulus checks for most Americans and extends unemployment benefits. "
     "Republicans unanimously opposed the package, calling it a liberal wish list.")
B = ("The House gave final passage Wednesday to a $1.9 trillion Covid-19 relief package backed by Democrats. "
     "The vote was 220 to 211, with one Democrat joining every Republican in opposition. "
     "Biden is expected to sign the bill on Friday at the White House.")
C = ("House Democrats passed the $1.9 trillion COVID-19 relief bill on Wednesday without Republican votes. "
     "He said the bill would be signed quickly. "
     "The legislation also funds vaccine distribution and the reopening of schools across the country.")


def test_main_event_first_no_fact_twice_and_every_source_cited() -> None:
    docs = _docs(A, B, C)
    lines = summarize(docs, limit=7)
    assert "1.9 trillion" in lines[0].text
    assert lines[0].sources == sorted(d.id for d in docs)  # all three outlets state the passage
    assert sum("1.9 trillion" in line.text for line in lines) == 1  # stated once
    assert all(not line.text.startswith("He said") for line in lines)
    assert all(line.sources for line in lines)


def test_paraphrases_are_one_fact_and_different_facts_are_not() -> None:
    docs = _docs(A, B, C)
    story = FactMap(docs)
    first = {c.doc: c for c in story.candidates if c.sentence.index == 0}
    assert story.same_fact(first[0], first[1]) and story.same_fact(first[1], first[2])
    vote = next(c for c in story.candidates if c.text.startswith("The vote was 220"))
    schools = next(c for c in story.candidates if c.text.startswith("The legislation also"))
    assert not story.same_fact(vote, schools)
    assert not story.same_fact(first[0], vote)
    assert story.sources(vote) == [docs[1].id]  # only one outlet gives the tally
    assert story.sources(first[0]) == sorted(d.id for d in docs)


def test_short_coverage_gets_a_short_summary() -> None:
    docs = _docs("Heavy rain flooded the main road into Port Alden on Monday, police said.",
                 "Floodwater closed the main road into Port Alden on Monday after heavy rain.")
    lines = summarize(docs, limit=7)
    assert len(lines) == 1


def test_summary_is_deterministic_across_input_order() -> None:
    docs = _docs(A, B, C)
    forward = summarize(docs, limit=7)
    backward = summarize(list(reversed(docs)), limit=7)
    assert {line.text for line in forward} == {line.text for line in backward}


def test_a_surname_alone_needs_its_full_name_earlier_in_the_summary() -> None:
    named = ("Senator Maria Lopez resigned on Monday after an ethics inquiry into her campaign finances. "
             "Lopez said she would repay the money to her donors within a month.")
    short = ("A state senator resigned on Monday after an ethics inquiry into her campaign finances. "
             "Lopez said she would repay the money to her donors within a month.")
    with_name = summarize(_docs(named, short), limit=7)
    assert "Maria Lopez" in with_name[0].text
    without = summarize(_docs(short, short.replace("A state senator", "The state senator")), limit=7)
    assert all(not line.text.startswith("Lopez") for line in without)
