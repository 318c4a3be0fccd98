"""Who said it: one sentence or two per family of attribution error (written for these tests),
through the real spaCy pipeline, entity resolution and title mentions."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.claims.attribution import attribute
from storyline.claims.quotes import extract_quotes
from storyline.claims.speakers import is_person
from storyline.entities import resolve_entities
from storyline.entities.titles import attach_title_mentions
from storyline.nlp import annotate, load_model
from storyline.records import Article, Entity, Mention


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model()


def _quotes(nlp: Any, text: str) -> list[tuple[str | None, str, str | None]]:
    doc = annotate([Article(text=text)], nlp)[0]
    index = resolve_entities(doc.mentions)
    attach_title_mentions([doc], index)
    return [(q.speaker, q.text, q.on_behalf_of) for q in extract_quotes(doc, index)]


def _speaker_of(nlp: Any, text: str, words: str) -> tuple[str | None, str | None]:
    found = [(speaker, behalf) for speaker, quote, behalf in _quotes(nlp, text) if words in quote]
    assert found, f"no quote containing {words!r} in {_quotes(nlp, text)}"
    return found[0]


CASES = {
    "a vice president is not the president": (
        'Tom Hale announced his bid today, promising to save the country from President Maria Lopez. '
        '"We are in a battle for the soul of this nation," the former vice president says in a video.',
        "battle for the soul", "Tom Hale"),
    "town and state after the name": (
        'Stacy Baker of Columbia, South Carolina says she really thinks Cruz can pull off a win if he '
        'keeps "doing what he is doing every day."', "doing what", "Stacy Baker"),
    "reflexive after the subject": (
        'Maria Lopez herself said on Tuesday that "the only way to win the state is to ask everyone '
        'for support."', "only way to win", "Maria Lopez"),
    "reacted": ('Maria Lopez reacted skeptically: "We have heard these promises many times before."',
                "heard these promises", "Maria Lopez"),
    "party and state in parentheses before an apposition": (
        'Rep. Maria Lopez (D-Calif.), chair of the budget panel, said the plan was "a betrayal of '
        'working families in every state."', "betrayal", "Maria Lopez"),
    "inversion": ('"We will win this fight," said Maria Lopez, the union leader.', "win this fight",
                  "Maria Lopez"),
    "name then verb": ('"The port is closed until further notice," Maria Lopez said on Monday.',
                       "port is closed", "Maria Lopez"),
    "long title after an inverted verb": (
        '"We have the votes to pass it this week," said Ohio-based Republican strategist Tom Hale.',
        "have the votes", "Tom Hale"),
    "two titles joined by and after an inverted verb": (
        '"We have the votes to pass it this week," said former Ohio Gov. and party chairman Tom Hale.',
        "have the votes", "Tom Hale"),
    "person before appositions ending in names": (
        'Alan Berg, founder of the Leadership Institute, party member in the 1960s and longtime '
        'committeeman from Virginia, endorsed Tom Hale last week, saying he "has consistently '
        'demonstrated his deep commitment to conservative principles."', "deep commitment", "Alan Berg"),
    "she after said is a subject, not an object": (
        'Maria Lopez, executive director of the House Majority PAC, a Democratic super PAC, said she '
        'thinks congressional Republicans "are going to be dragged down by the anger around their necks."',
        "dragged down", "Maria Lopez"),
    "apposition between": ('"The port is closed until further notice," Maria Lopez, the union leader, '
                           'said.', "port is closed", "Maria Lopez"),
    "interviewer is not the speaker": (
        'Maria Lopez told CNN host Jake Tapper: "We are not backing down from this fight."',
        "not backing down", "Maria Lopez"),
    "listener after the verb": ('"We are not backing down," Lopez told Fox News host Sean Hannity '
                                'on Monday.', "not backing down", "Lopez"),
    "daughter, not her late father": (
        'Thomas Berg died in 2010. "He would have been so proud of this day," said his daughter, '
        'Anna Berg.', "so proud", "Anna Berg"),
    "the newspaper, not the candidate it endorses": (
        'The Valley Herald endorsed Maria Lopez on Sunday. "She is the leader this city needs in '
        'hard times," the newspaper wrote.', "leader this city needs", "Valley Herald"),
    "it is the outlet, not the place named after it": (
        'The Valley Herald ran an editorial about Ohio on Sunday. "The governor has failed the state '
        'for four years," it said.', "failed the state", "Valley Herald"),
    "op-ed writer, not the newspaper": (
        'Maria Lopez wrote in an op-ed in the Wall Street Journal: "The tax plan will hurt working '
        'families in every state."', "tax plan", "Maria Lopez"),
    "roundup NAME, OUTLET:": (
        'Rich Lowry, National Review: "The debate was a disaster for the front-runner from start to '
        'finish."', "debate was a disaster", "Rich Lowry"),
    "roundup with a title and a party": (
        'Rep. Tom Hale (R-S.C.): "I have not heard anyone other than you ever cite that figure."',
        "cite that figure", "Tom Hale"),
    "building named after a person": (
        'Donald Trump spoke to reporters in the lobby of Trump Tower on Monday. "We are going to win '
        'Florida by a lot," he said at Trump Tower.', "win Florida", "Donald Trump"),
    "short attributed quote kept": ('Reporters asked Maria Lopez whether she would resign. "No," '
                                    'Lopez said.', "No", "Maria Lopez"),
    "pronoun by gender": ('Maria Lopez met Tom Hale on Monday. Hale and Lopez spoke for an hour. '
                          '"It was a useful meeting for both sides," she said.', "useful meeting",
                          "Maria Lopez"),
    "pronoun after a passing mention goes to the protagonist": (
        'Attorney General Maria Lopez has led the department for two years. Lopez grew up in Ohio. '
        'Lopez said she rarely hears complaints. Lopez spoke to reporters on Monday. Critics of the '
        'department often write letters to Anna Berg. "People tend not to say those things to the '
        'attorney general," she said.', "People tend not", "Maria Lopez"),
    "pronoun prefers the subject": (
        'Tom Hale criticised the plan put forward by Peter Grant. "It will cost the city millions '
        'of dollars," he said.', "cost the city", "Tom Hale"),
    "floating quote": ('"We will not stop," Maria Lopez said. "This is only the beginning of a '
                       'long campaign."', "only the beginning", "Maria Lopez"),
    "according to": ('According to Tom Hale, "the factory will close before the end of the year."',
                     "factory will close", "Tom Hale"),
    "partial quote": ('Maria Lopez said the plan was "a gift to the richest families in the state."',
                      "gift to the richest", "Maria Lopez"),
    "description of a titled person": (
        'Senator James Carter voted against the bill on Tuesday. "This bill is a mistake we will '
        'regret for years," the senator said.', "mistake we will regret", "James Carter"),
    "description with a place after its head": (
        'Senator James Carter voted against the bill on Tuesday. The senator from Ohio said the bill '
        'was "a mistake," noting that "we will regret it for years to come."', "regret it", "James Carter"),
    "the president is the person titled president, not the nearest person": (
        'Former President Tom Hale criticised the plan last year. President James Carter answered a '
        'soldier\'s mother on Wednesday. During a town hall, Anna Berg had a question for him. "As the '
        'mother of a soldier, I want to know why you refuse," she said. "The truth of the matter is that '
        'this is sort of manufactured," the president said.', "sort of manufactured", "James Carter"),
    "participle clause": ('Maria Lopez ended her campaign on Tuesday, telling supporters that "the '
                          'fight for fair wages goes on."', "fight for fair wages", "Maria Lopez"),
    "absolute phrase with its own participle": (
        'Republicans were irritated by the plan, with Sen. Tom Hale calling it "a menu of bad '
        'options for the country."', "menu of bad", "Tom Hale"),
    "name of an organisation with a determiner": (
        '"The plan cannot be built in ten years," Tom Hale of the Center for Budget Studies said.',
        "cannot be built", "Tom Hale"),
    "group of a thing with a determiner": (
        'Proponents of the new bill, however, say it would "keep enough federal safeguards in place '
        'for every student."', "federal safeguards", "Proponents of the new bill"),
    "the statement read": (
        'Tom Hale resigned on Monday. "I leave with pride in what we built together in this city," '
        'his statement read.', "leave with pride", "statement"),
    "pressed": ('"Would you support the plan if it came to a vote tomorrow?" Maria Lopez pressed.',
                "support the plan", "Maria Lopez"),
    "signed quote": ('"Nobody in this town will forget what happened here." - Maria Lopez',
                     "Nobody in this town", "Maria Lopez"),
    "signature the tagger missed": (
        '"He is someone that no sane person would want as the president of this country." ― Christina '
        'N Luis Olidem "We need a leader." ― Tom Hale', "no sane person", "Christina N Luis Olidem"),
    "clause without a speech verb": (
        'Maria Lopez spoke for an hour in Dayton. She closed with an appeal to the voters of the '
        'city: "Stay home if it rains, and vote by mail instead of standing in line."', "vote by mail",
        "Maria Lopez"),
    "description subject of a clause without a speech verb": (
        'A campaign ad released Thursday accuses Tom Hale of "a pattern of broken promises stretching '
        'back two decades in this city."', "broken promises", "A campaign ad"),
    "signed with a horizontal bar": ('"Nobody in this town will forget what happened here." ― Maria Lopez '
                                     '"We want answers from the mayor." ― Tom Hale', "want answers", "Tom Hale"),
    "a passive speech verb's subject is not the speaker": (
        'Maria Lopez spoke in Reno on Monday. She says if voters think the issues will be addressed by '
        '"establishment politics, you have a very good candidate to vote for."', "establishment politics",
        "Maria Lopez"),
    "a name modifying a title is not the antecedent": (
        'Senator James Carter wants a vote soon. Carter spokesman Tom Hale would not say when it will be '
        'held. "We have no new announcements yet," he said.', "no new announcements", "Tom Hale"),
    "two titles joined by and before the verb": (
        'Tom Hale campaigned in Iowa on Monday. "We have been warning about this threat for years," the '
        'Florida senator and Republican presidential candidate said in a statement.', "warning about",
        "Tom Hale"),
    "a person described by party": (
        'Tom Hale spoke in Denver on Monday. "We need a leader who can bring people together and get '
        'things done," the Democrat said.', "bring people together", "Tom Hale"),
    "a person described by state and party": (
        'Senator Tom Hale wrote to the Justice Department on Tuesday. The Utah Republican asked for an '
        'investigation to determine whether "the secretary or her employees broke the law."',
        "broke the law", "Tom Hale"),
    "a participle phrase after the subject": (
        'Protesters marching through the streets chanted "What curfew?" and kept going until 2 a.m.',
        "What curfew", "Protesters"),
    "the noun before a prepositional phrase": (
        'Tom Hale released a new ad on Monday. "You work hard. You pay your taxes. So why did he not pay '
        'his?" a narrator in the campaign ad asks.', "pay your taxes", "a narrator"),
    "a body described by the noun of its name": (
        'The Commission on Presidential Debates answered the campaign on Friday, after a dispute with '
        'Fox News. The commission says on its website that "there were issues regarding the audio that '
        'affected the sound level in the hall."', "issues regarding the audio", "Commission on Presidential Debates"),
    "an outlet described as the newspaper": (
        'The Boston Globe endorsed the plan on Sunday, which the Sierra Club opposes. "We have waited '
        'long enough for a plan this good," the newspaper wrote.', "waited long enough", "Boston Globe"),
    # a surname the tagger takes for a preposition, an auxiliary or an adverb, between the quote
    # and the speech verb (PolNeAR train: "Aftergood said", "From said", "Will wrote")
    "surname tagged a preposition": (
        'Steven Aftergood studies secrecy. "Because the senator is running for office, the voters will '
        'have cleared her," Aftergood said.', "cleared her", "Aftergood"),
    "surname that is a preposition": (
        'Al From founded the council. "The circumstances are changed when you go through a depression '
        'like we did," From said.', "circumstances are changed", "From"),
    "surname that is an auxiliary": (
        'The columnist George Will was blunt. "The eruption of war in the capital of an ally is a '
        'reminder that the world is dangerous," Will wrote.', "eruption of war", "Will"),
}


@pytest.mark.parametrize("text, words, speaker", list(CASES.values()), ids=list(CASES))
def test_speaker(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(nlp, text, words)[0] == speaker


SPOKESPEOPLE = {
    "named, for after": ('"The senator has no comment at this time," said Hope Riley, a spokeswoman '
                         'for Senator James Carter.', "no comment", "Hope Riley", "James Carter"),
    "named, boss before": ('Carter spokeswoman Hope Riley said: "The senator will vote against the '
                           'bill."', "vote against", "Hope Riley", "Carter"),
    "unnamed": ('"We will appeal the ruling as soon as we can," a spokesman for Governor Ann Wells '
                'said.', "appeal the ruling", "a spokesman for Governor Ann Wells", "Ann Wells"),
}


@pytest.mark.parametrize("text, words, speaker, behalf", list(SPOKESPEOPLE.values()), ids=list(SPOKESPEOPLE))
def test_spokesperson_speaks_on_behalf(nlp: Any, text: str, words: str, speaker: str, behalf: str) -> None:
    assert _speaker_of(nlp, text, words) == (speaker, behalf)


@pytest.mark.parametrize("text", [
    'The so-called "reform" passed on Tuesday.',
    'Critics say the "temporary" tax has lasted ten years.',
])
def test_scare_quotes_are_not_quotes(nlp: Any, text: str) -> None:
    assert _quotes(nlp, text) == []


def test_quote_spans_are_offsets_into_the_text(nlp: Any) -> None:
    text = 'Intro line.\n\n"We will stay out until the night shift is paid," Maria Lopez said.'
    doc = annotate([Article(text=text)], nlp)[0]
    [item] = attribute(doc, resolve_entities(doc.mentions))
    assert text[item.start] == '"' and text[item.end - 1] == '"'


def _entity(name: str, labels: list[tuple[str, str]], kind: str = "ORG") -> Entity:
    mentions = [Mention("a", i, 10 * i, 10 * i + len(text), text, label) for i, (text, label) in enumerate(labels)]
    return Entity("e1", name, kind, [name.split()[-1]], mentions)


@pytest.mark.parametrize("entity, person", [
    (_entity("Brent Bozell III", [("Brent Bozell III", "PERSON")] + [("Bozell", "ORG")] * 10), True),
    (_entity("Trump", [("Trump", "PERSON")] + [("Trump", "ORG")] * 2), True),
    (_entity("Ham", [("Norman Ham", "PERSON")] + [("Ham", "ORG")] * 10), True),  # named by surname
    (_entity("Goldman Sachs", [("Goldman", "PERSON")] + [("Goldman Sachs", "ORG")] * 6), False),
    (_entity("Amazon", [("Amazon", "ORG")] * 4), False),
    # a place the tagger once called a person ('"...," he said' went to Clarkston, Berlin)
    (_entity("Clarkston", [("Clarkston", "GPE"), ("Clarkston", "PERSON"), ("Clarkston", "GPE")], "GPE"), False),
    (_entity("Jordan", [("Jordan", "PERSON")] * 3 + [("Jordan", "GPE")], "GPE"), True),
])
def test_a_person_whose_surname_is_tagged_org(entity: Entity, person: bool) -> None:
    """Regression: a man named in full once, then by surname as an ORG, was no antecedent for 'he'."""
    assert is_person(entity) is person
