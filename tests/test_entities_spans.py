"""The rule layer after spaCy NER (span repair, junk) and story-level propagation of names."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

from storyline.entities import resolve_story
from storyline.entities.propagate import propagate_mentions
from storyline.nlp.annotate import AnnotatedArticle, Token
from storyline.nlp.spans import is_junk, repair_span
from storyline.records import Article, Mention, Sentence

VOCAB = spacy.blank("en").vocab


def span_of(words: str, pos: str, label: str, spaces: str | None = None) -> Span:
    """A doc of ``words`` (space-separated; '_' in ``spaces`` marks a token glued to the next)
    whose whole length is one entity with ``label``."""
    toks = words.split()
    glued = spaces.split() if spaces else ["x"] * len(toks)
    doc = Doc(VOCAB, words=toks, spaces=[g != "_" for g in glued], pos=pos.split())
    return Span(doc, 0, len(toks), label=label)


def repaired(span: Span) -> list[str]:
    return [s.text for s in repair_span(span)]


@pytest.mark.parametrize(("words", "pos", "label", "expected"), [
    # headline verbs and lower-case words end a name
    ("Lindsay Lohan Checks Into Rehab", "PROPN PROPN VERB ADP PROPN", "PERSON", ["Lindsay Lohan", "Rehab"]),
    ("Creighton past Drake", "PROPN ADP PROPN", "ORG", ["Creighton", "Drake"]),
    ("Obama Reverses Bush", "PROPN VERB PROPN", "PERSON", ["Obama", "Bush"]),
    # URL and slug debris
    ("htm Esther Williams", "X PROPN PROPN", "PERSON", ["Esther Williams"]),
    ("lindsay - lohan - is - mia", "PROPN PUNCT PROPN PUNCT AUX PUNCT X", "PERSON", []),
    ("Creighton ’ s 65 - 53", "PROPN PUNCT PART NUM SYM NUM", "ORG", ["Creighton"]),
    # a spaced dash between two names separates them; one between syllables does not
    ("Esther Williams - Esther Williams", "PROPN PROPN PUNCT PROPN PROPN", "PERSON",
     ["Esther Williams", "Esther Williams"]),
    ("Ri Il - kyu", "PROPN PROPN PUNCT PROPN", "PERSON", ["Ri Il - kyu"]),
    ("Jean - Claude Juncker", "PROPN PUNCT PROPN PROPN", "PERSON", ["Jean - Claude Juncker"]),
    # names keep their particles
    ("Bank of America", "PROPN ADP PROPN", "ORG", ["Bank of America"]),
    ("Charles de Gaulle", "PROPN PROPN PROPN", "PERSON", ["Charles de Gaulle"]),
    # editorial brackets and inverted names
    ("Mueller , Robert ]", "PROPN PUNCT PROPN PUNCT", "PERSON", ["Mueller", "Robert"]),
    ("[ T]he United States", "PUNCT PROPN PROPN PROPN", "GPE", ["United States"]),
    # a legal form after a comma stays with its company
    ("Apple , Inc.", "PROPN PUNCT PROPN", "ORG", ["Apple , Inc."]),
    # junk: initials as a person, a party tag
    ("O.K", "PROPN", "PERSON", []),
    ("D - N.Y", "PROPN PUNCT PROPN", "ORG", []),
])
def test_repair_span(words: str, pos: str, label: str, expected: list[str]) -> None:
    assert repaired(span_of(words, pos, label)) == expected


def test_glued_hyphen_syllable_of_any_length_stays() -> None:
    span = span_of("Kim Jong - unnnn", "PROPN PROPN PUNCT PROPN", "PERSON", spaces="x _ _ x")
    assert repaired(span) == ["Kim Jong-unnnn"]


def test_initial_in_text_tokenised_word_by_word_is_kept() -> None:
    doc = Doc(VOCAB, words=["George", "W", ".", "Bush", "spoke"], pos=["PROPN", "PROPN", "PUNCT", "PROPN", "VERB"])
    assert repaired(Span(doc, 0, 2, label="PERSON")) == ["George W . Bush"]


@pytest.mark.parametrize(("text", "label", "junk"), [
    ("O.K", "PERSON", True), ("D-N.Y", "ORG", True), ("R-Texas", "ORG", True), ("A. B.", "PERSON", True),
    ("...", "ORG", True), ("U.S.", "GPE", False), ("Ri Il-kyu", "PERSON", False), ("AP", "ORG", False),
])
def test_is_junk(text: str, label: str, junk: bool) -> None:
    assert is_junk(text, label) is junk


def article(text: str, tagged: list[tuple[str, str]]) -> AnnotatedArticle:
    """An annotated article whose sentences are its lines and whose mentions are the first
    occurrence of each tagged string (what the model found)."""
    art = Article(text=text)
    sentences, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        sentences.append(Sentence(art.id, i, pos, pos + len(line), line))
        pos += len(line) + 1
    found = []
    for form, label in tagged:
        start = text.index(form)
        sentence = max(s.index for s in sentences if s.start <= start)
        found.append(Mention(art.id, sentence, start, start + len(form), form, label))
    return AnnotatedArticle(art, sentences, [[] for _ in sentences], found, [], [])


def test_known_names_are_tagged_where_the_model_missed_them() -> None:
    a = article("The Kansas City Chiefs lost. The Chiefs fell to the Colts.", [("Kansas City Chiefs", "ORG")])
    b = article("Chiefs fans left early.\nThe Chiefs and the Colts meet again.", [("Chiefs", "ORG"), ("Colts", "ORG")])
    propagate_mentions([a, b])
    assert [m.text for m in a.mentions] == ["Kansas City Chiefs", "Chiefs", "Colts"]
    assert [m.text for m in b.mentions] == ["Chiefs", "Chiefs", "Colts"]
    assert all(m.label == "ORG" for m in a.mentions + b.mentions)


def test_propagation_is_case_sensitive_whole_word_and_idempotent() -> None:
    a = article("Apple said so. An apple a day. Applebee's is not Apple.", [("Apple", "ORG")])
    propagate_mentions([a])
    propagate_mentions([a])
    assert [a.article.text[m.start : m.end] for m in a.mentions] == ["Apple", "Apple"]


def test_common_word_at_sentence_start_is_not_a_name() -> None:
    a = article("Fans read People magazine.\nPeople said the people were happy.", [("People", "ORG")])
    propagate_mentions([a])
    assert len(a.mentions) == 1


def test_names_in_a_headline_in_capitals() -> None:
    a = article("COLTS BEAT THE CHIEFS\nThe Colts beat the Chiefs on Sunday.", [("Colts", "ORG"), ("Chiefs", "ORG")])
    propagate_mentions([a])
    assert sorted(m.text for m in a.mentions) == ["CHIEFS", "COLTS", "Chiefs", "Colts"]


def test_rare_run_of_two_known_names_is_split() -> None:
    a = article("Colts Beat Chiefs\nThe Colts won. The Chiefs lost. Colts fans cheered. Chiefs fans wept.",
                [("Colts Beat Chiefs", "ORG"), ("Colts", "ORG"), ("Chiefs", "ORG")])
    b = article("Colts and Chiefs played.", [("Colts", "ORG"), ("Chiefs", "ORG")])
    index = resolve_story([a, b])
    names = {m.text: index.by_mention[(m.article_id, m.start)] for m in a.mentions}
    assert "Colts Beat Chiefs" not in names and names["Colts"] != names["Chiefs"]


def test_run_with_a_connector_is_kept() -> None:
    a = article("Bank of America rose. Bank shares and America stocks.", [("Bank of America", "ORG")])
    propagate_mentions([a])
    assert a.mentions[0].text == "Bank of America"


def test_mentions_stay_sorted_and_inside_their_sentence() -> None:
    a = article("Ri Il Kyu spoke.\nLater Ri Il Kyu left.", [("Ri Il Kyu", "PERSON")])
    propagate_mentions([a])
    for m in a.mentions:
        s = a.sentences[m.sentence]
        assert s.start <= m.start and m.end <= s.end
    assert [m.start for m in a.mentions] == sorted(m.start for m in a.mentions)
    assert all(re.fullmatch(r"Ri Il Kyu", m.text) for m in a.mentions)


@pytest.mark.parametrize(("text", "tagged", "role", "person"), [
    # no one named in the headline: the story's dominant person
    ("http://example.com/teen\nVigil For Teen Shot By Police Draws Crowd\nKimani Gray died. Gray was 16.",
     [("Kimani Gray", "PERSON"), ("Gray", "PERSON")], "Teen", "Kimani Gray"),
    # the one person the headline names
    ("Esther Williams , Swimming Champion And Actress , Dies At 91\nWilliams swam.",
     [("Esther Williams", "PERSON")], "Actress", "Esther Williams"),
    # a headline in sentence case after a topic and a colon
    ("Millom double murder : Man charged with killing mother\nJohn Jenkin appeared. Jenkin denied it.",
     [("John Jenkin", "PERSON"), ("Jenkin", "PERSON")], "Man", "John Jenkin"),
    # the person named right after the role word
    ("Rehab Center Welcomes Actress Tara Reid And Lawyer\nReid and Lohan. Lohan. Lohan.",
     [("Tara Reid", "PERSON"), ("Lohan", "PERSON")], "Actress", "Tara Reid"),
])
def test_role_word_in_a_headline_names_a_person(text: str, tagged: list[tuple[str, str]], role: str,
                                                person: str) -> None:
    doc = article(text, tagged)
    index = resolve_story([doc])
    role_mention = next(m for m in doc.mentions if m.text == role)
    entity = index.entity_of(role_mention)
    assert entity is not None and entity.name == person


@pytest.mark.parametrize("line", [
    "http : / / www . example . com / 2013 / Man - held - after - attack",  # a URL
    "The Man was held on Saturday after the attack at the depot .",  # a sentence with a stop
])
def test_role_word_outside_a_headline_is_not_a_mention(line: str) -> None:
    doc = article(f"{line}\nJohn Jenkin appeared. Jenkin denied it.", [("John Jenkin", "PERSON")])
    resolve_story([doc])
    assert all(m.text != "Man" for m in doc.mentions)


def test_role_word_in_a_body_sentence_is_not_a_mention() -> None:
    doc = article("Kimani Gray dies\nBy a reporter\nThe Teen was shot by police on Saturday night.",
                  [("Kimani Gray", "PERSON")])
    resolve_story([doc])
    assert all(m.text != "Teen" for m in doc.mentions)


@pytest.mark.parametrize(("text", "tagged", "role", "rest"), [
    # a role word the model tagged alone in a headline in capitals
    ("TRIAL DATE SET FOR MAN ACCUSED OF DOUBLE MURDER\nJohn Jenkin appeared. Jenkin denied it.",
     [("MAN", "GPE"), ("John Jenkin", "PERSON")], "MAN", None),
    # a role word at the edge of a run the model tagged
    ("Texas Prison Escapee Added To Most Wanted List\nJohn Comeaux escaped. Comeaux is armed.",
     [("Texas Prison Escapee", "ORG"), ("John Comeaux", "PERSON")], "Escapee", "Texas Prison"),
])
def test_tagged_role_word_in_a_headline_goes_to_its_person(text: str, tagged: list[tuple[str, str]], role: str,
                                                           rest: str | None) -> None:
    doc = article(text, tagged)
    index = resolve_story([doc])
    entity = index.entity_of(next(m for m in doc.mentions if m.text == role))
    assert entity is not None and entity.type == "PERSON"
    assert rest is None or any(m.text == rest for m in doc.mentions)


def test_title_ending_a_name_in_a_headline_stays() -> None:
    doc = article("Burger King Opens In Town Square\nJohn Smith cut the ribbon. Smith smiled.",
                  [("Burger King", "ORG"), ("John Smith", "PERSON")])
    resolve_story([doc])
    assert any(m.text == "Burger King" for m in doc.mentions)


def _with_demonym(text: str, tagged: list[tuple[str, str]], after_pos: str) -> AnnotatedArticle:
    """``article`` plus a second 'American' (NORP) and the part of speech of the word after it."""
    doc = article(text, tagged)
    start = text.rindex("American")
    sentence = max(s.index for s in doc.sentences if s.start <= start)
    doc.mentions.append(Mention(doc.id, sentence, start, start + 8, "American", "NORP"))
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    word = re.search(r"\w+", text[start + 8 :])
    if word is not None:
        idx = start + 8 + word.start()
        doc.tokens[sentence] = [Token(word[0], word[0].lower(), after_pos, idx, "", False)]
    return doc


@pytest.mark.parametrize(("text", "after_pos", "expected"), [
    ("American challenger Tony Thompson fought.\nThe 40 - year - old American never recovered.", "ADV", True),
    ("American challenger Tony Thompson fought.\nThe cornered American , the referee said.", "PUNCT", True),
    # an adjective before a noun is not the person
    ("American challenger Tony Thompson fought.\nThe American team said no.", "NOUN", False),
])
def test_nationality_as_a_noun_is_the_person_it_introduced(text: str, after_pos: str, expected: bool) -> None:
    doc = _with_demonym(text, [("American", "NORP"), ("Tony Thompson", "PERSON")], after_pos)
    index = resolve_story([doc])
    second = [m for m in doc.mentions if m.text == "American"][-1]
    entity = index.entity_of(second)
    assert (entity is not None and entity.name == "Tony Thompson") is expected


def test_nationality_goes_to_no_holder_the_article_does_not_name() -> None:
    intro = article("American challenger Tony Thompson fought.\nThompson lost.", [("American", "NORP"),
                                                                                 ("Tony Thompson", "PERSON")])
    other = _with_demonym("Boxing news tonight\nThe American never recovered , fans said.", [], "ADV")
    index = resolve_story([intro, other])
    entity = index.entity_of(next(m for m in other.mentions if m.text == "American"))
    assert entity is not None and entity.name != "Tony Thompson"
