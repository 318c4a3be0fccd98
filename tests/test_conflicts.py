"""Conflict checks on small two-outlet stories (label-free phenomena: each case changes one slot
of one fact), with controls that must stay quiet, and the slot comparisons on their own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import Options, run
from storyline.claims.conflicts.kin import compatible
from storyline.claims.conflicts.name import respelled
from storyline.claims.conflicts.quote import difference
from storyline.claims.slots import date_parts, sentence_views
from storyline.records import Conflict

BASE_A = ("A powerful earthquake struck the coastal city of Valdoria on Monday, officials said. "
          "Rescue teams from the national guard searched collapsed buildings through the night. "
          "Governor Maria Esteban said the regional hospital was overwhelmed. ")
BASE_B = ("A strong earthquake hit the coastal city of Valdoria on Monday, according to officials. "
          "National guard rescue teams searched through collapsed buildings overnight. "
          "Governor Maria Esteban said the regional hospital could not cope. ")

CASES = {
    "a product's model year": ("The woman was struck in Valdoria by a gray 2011 Toyota Camry, which sped off.",
                               "The woman was struck in Valdoria by a gray 2013 Toyota Camry that sped off.", "date",
                               {"2011 Camry", "2013 Camry"}),
    "one figure, two periods": ("Oil output in Valdoria reached 1.2 million barrels a day in September, a record.",
                                "Valdoria pumped 1.2 million barrels a day in October, the ministry said.", "date",
                                {"September", "October"}),
    "a record measured from two dates": ("Unemployment in Valdoria fell to 3.5%, the lowest rate since December 1969.",
                                         "Unemployment in Valdoria dropped to 3.5% in September, marking the lowest "
                                         "jobless rate since December 1967.", "date",
                                         {"December 1969", "December 1967"}),
    "tally": ("Twelve people were killed and 40 injured in the quake, police said.",
              "The quake killed 15 people and injured 40 others, police said.", "number", {"Twelve", "15"}),
    "age": ("The governor, 54-year-old Maria Esteban, visited the site.",
            "Maria Esteban, the 57-year-old governor, toured the damage.", "age", {"54", "57"}),
    "date": ("The first aftershock came on March 3, 2024, officials said.",
             "The first aftershock came on March 4, 2024, officials said.", "date",
             {"March 3, 2024", "March 4, 2024"}),
    "weekday": ("The regional council voted on Tuesday to release emergency funds for the city.",
                "The regional council voted on Wednesday to release emergency funds for the city.", "date",
                {"Tuesday", "Wednesday"}),
    "month precision": ("The council first approved the seawall plan in mid May, the mayor said.",
                        "The council first approved the seawall plan on April 30, the mayor said.", "date",
                        {"mid May", "April 30"}),
    "kin": ("The governor's husband and two sons were safe.",
            "The governor's husband and daughter were safe.", "kin", {"sons", "daughter"}),
    "relative": ("Police said his son Daniel was rescued from the rubble of the library.",
                 "Police said his daughter Daniel was rescued from the rubble of the library.", "kin",
                 {"son", "daughter"}),
    "count": ("The storm destroyed three bridges along the northern highway, engineers reported.",
              "The storm destroyed five bridges along the northern highway, engineers reported.", "number",
              {"three", "five"}),
    "negation": ("The mayor confirmed that the dam had failed during the quake.",
                 "The mayor confirmed that the dam had not failed during the quake.", "negation",
                 {"fail", "not fail"}),
    "negation under a modal": ("Engineers warned that the flood could reach the old harbour district by morning.",
                               "Engineers warned that the flood could not reach the old harbour district by morning.",
                               "negation", {"reach", "not reach"}),
    "negation in a looser paraphrase": ("The ministry is not increasing fees for residence permits in Valdoria.",
                                        "The ministry is sharply increasing fees for residence permits and visas "
                                        "across Valdoria, officials said.", "negation", {"increase", "not increase"}),
    "long quote, two speakers": ('"The chairman of the harbour committee has given sufficient reasons for requesting '
                                 'the former mayor\'s tax records," the ruling said.',
                                 '"The chairman of the harbour committee has given sufficient reasons for requesting '
                                 'the former governor\'s tax records," the Justice Department said.', "quote",
                                 {"mayor", "governor"}),
    "name": ("Fire chief Robert Kowalski led the search at the harbour.",
             "Fire chief Robert Kowalsky led the search at the harbour.", "name",
             {"Robert Kowalski", "Robert Kowalsky"}),
    "title": ("Sen. Alma Torres visited the shelters on the coast road.",
              "Rep. Alma Torres visited the shelters on the coast road.", "title", {"senator", "representative"}),
    "quote": ('"We will rebuild every school in this city before winter," Esteban told reporters.',
              '"We will rebuild every hospital in this city before winter," Esteban told reporters.', "quote",
              {"school", "hospital"}),
}
CONTROLS = {
    "two figures, two periods": ("The Valdoria economy added 250,000 jobs in September, the ministry reported.",
                                 "Employers in Valdoria added 194,000 jobs in October, the ministry said."),
    "two records": ("Unemployment in Valdoria fell to 3.5%, the lowest rate since December 1969.",
                    "Wages in Valdoria rose 6% in September, the fastest pace since 1982."),
    "same tally": ("At least 12 people were killed, police said.", "Police said 12 people were killed."),
    "same age": ("The governor, 54-year-old Maria Esteban, visited.", "Maria Esteban, 54-year-old governor, toured."),
    "date of another clause": ("Esteban told the paper after the damage report was released Sunday.",
                               "Esteban told the paper on Tuesday."),
    "bound and approximation": ("At least 12 people were killed in the quake, police said.",
                                "Police said 15 people were killed in the quake."),
    "approximate count": ("About 40 houses collapsed in the old town, the mayor said.",
                          "The mayor said 44 houses collapsed in the old town."),
    "unrelated counts": ("Three companies sent cranes to the harbour on Monday.",
                         "Seven counts of looting were filed at the harbour on Monday."),
    "different times": ("Police arrested 12 people for looting on Monday night.",
                        "Police arrested 15 people for looting on Tuesday night."),
    "wounded are not dead": ("The quake killed 50 people and wounded 53, police said.",
                             "Police said 50 people were killed and 53 were wounded."),
    "lives are not deaths": ("The quake left 100 lives shattered in the old town.",
                             "The quake killed 12 people in the old town."),
    "longer quote": ('"We will rebuild every school," Esteban told reporters.',
                     '"We will rebuild every school, but not before the inspections," Esteban told reporters.'),
    "spoken form": ('"We are gonna rebuild every school in this city before winter," Esteban said.',
                    '"We are going to rebuild every school in this city before winter," Esteban said.'),
    "a condition": ("The club would not have placed Ruiz on the injured list if it were still in contention.",
                    "The club would place Ruiz on the injured list, the coach said."),
    "British and American spelling": ('"We will lay new fibre cables across the whole harbour district this '
                                      'winter," Esteban said.',
                                      '"We will lay new fiber cables across the whole harbour district this '
                                      'winter," Esteban said.'),
    "an age beside a demonym": ("American challenger Tony Hale lost the title fight in Valdoria. It was the third "
                                "fight in a decade for the 41-year-old American.",
                                "Tony Hale, 36, lost the title fight in Valdoria."),
    "a game and a career": ("Lopez led all players with 23 points in the final at Valdoria.",
                            "Lopez ended his career at Valdoria with 2,129 points."),
    "one verb, two objects": ("Yet the inspectors did find actions by the port authority that broke the rules.",
                              "Inspectors did not find evidence that the port authority conspired with builders, "
                              "according to a summary of the report."),
    "question": ("Did the dam fail during the quake, residents asked the mayor.",
                 "The mayor said the dam failed during the quake."),
    "year precision": ("The seawall was finished in 2016, the mayor said.",
                       "The seawall was finished on Oct. 3, 2016, the mayor said."),
}


#: Cases and controls where each article's extra sentence is its lead (the main event).
LEAD_CASES = {
    "main event, two verbs": ("The Justice Department notified the Supreme Court on Tuesday that it no longer backs "
                              "the lawsuit against the Valdoria health law.",
                              "The Justice Department told the Supreme Court on Wednesday that it no longer supports "
                              "the lawsuit against the Valdoria health law.", "date", {"Tuesday", "Wednesday"}),
    "named year": ("Investigators concluded that foreign agents meddled in the 2016 election in Valdoria.",
                   "Investigators concluded that foreign agents interfered in the 2013 election in Valdoria.",
                   "date", {"2016 election", "2013 election"}),
    "actor": ("The House Oversight Committee voted on Tuesday to subpoena the mayor of Valdoria over the quake.",
              "The House Judiciary Committee voted on Tuesday to subpoena the mayor of Valdoria over the quake.",
              "actor", {"House Oversight Committee", "House Judiciary Committee"}),
    "a participle after the date": ("President Ana Ruiz on Tuesday signed an executive order intended to protect "
                                    "the Valdoria harbour after the quake.",
                                    "President Ana Ruiz signed an executive order Wednesday aimed at protecting the "
                                    "Valdoria harbour after the quake.", "date", {"Tuesday", "Wednesday"}),
    "a fronted day": ("On 23 October, the government gave a go-ahead to the navy's request for patrols off Valdoria.",
                      "On September 23, the government gave a go-ahead to the navy's request for patrols off "
                      "Valdoria.", "date", {"23 October", "September 23"}),
    "a statement and an act of one doer": ("President Ana Ruiz on Thursday said she does not believe the report "
                                           "on the Valdoria dam.",
                                           "President Ana Ruiz on Monday rejected the report on the Valdoria dam.",
                                           "date", {"Thursday", "Monday"}),
    "a date with a verb between": ("Speaker Ana Ruiz asked the council on Tuesday to delay its Valdoria budget "
                                   "vote set for Jan. 29.",
                                   "Speaker Ana Ruiz on Wednesday asked the council to postpone its Valdoria "
                                   "budget vote.", "date", {"Tuesday", "Wednesday"}),
    "two leads the grouping left apart": ("Former Governor Tom Hale on Monday joined the crowded field of "
                                          "candidates for mayor of Valdoria.",
                                          "Tom Hale entered the Valdoria mayoral race on Saturday, promising "
                                          "cheaper housing.", "date", {"Monday", "Saturday"}),
    "a hyphenated participle is no verb": ("President Ana Ruiz shredded a just-passed Valdoria relief package "
                                           "Thursday night, saying it was wasteful.",
                                           "President Ana Ruiz shredded a just-passed Valdoria relief package "
                                           "Tuesday night, calling it wasteful.", "date", {"Thursday", "Tuesday"}),
    "a day before a name": ("President Ana Ruiz said on Friday Valdoria could cut ties with its neighbour over "
                            "the dam.",
                            "President Ana Ruiz said on Tuesday Valdoria could cut ties with its neighbour over the "
                            "dam.", "date", {"Friday", "Tuesday"}),
    "a verb of saying used for an act": ("A federal judge in Valdoria added a new legal blockade to the dam "
                                         "project early Wednesday.",
                                         "A federal judge in Valdoria delivered a second blow to the dam project "
                                         "on Monday.", "date", {"early Wednesday", "Monday"}),
    "increments": ("The Valdoria government secured 200 million more doses of the vaccine, officials said.",
                   "The Valdoria government secured an additional 260 million doses of the vaccine, officials said.",
                   "number", {"200 million", "additional 260 million"}),
}
LEAD_CONTROLS = {
    "a statement reporting the act": ("The statue of Ana Ruiz was removed from the Valdoria town hall on Wednesday "
                                      "morning.",
                                      "Governor Tom Hale on Monday said the statue of Ana Ruiz has been removed from "
                                      "the Valdoria town hall."),
    "the doer's lawyer": ("Tom Hale pleaded guilty to fraud in Valdoria on Tuesday.",
                          "Tom Hale's attorney on Wednesday said his client would help the Valdoria prosecutors."),
    "two signings, one of them today": ("The Valdoria Saints signed Tom Hale on Tuesday and Ana Ruiz today.",
                                        "Wednesday afternoon, the Valdoria Saints signed Ana Ruiz."),
    "a possessive weekday": ("Friday's semifinal winner will face Valdoria in the final.",
                             "Valdoria will play the semifinal winner on Saturday."),
    "two leads, two doers": ("Mayor Ana Ruiz on Monday opened the new bridge of Valdoria.",
                             "Governor Tom Hale on Saturday closed the old harbour of Valdoria."),
    "page timestamps": ("21 July 2013 Last updated at 11:11 GMT", "22 July 2013 Last updated at 17:50 GMT"),
    "a charge after the event": ("A former employee opened fire at an office party in Valdoria on Friday, killing "
                                 "one man, police said.",
                                 "A 61-year-old man was charged with murder on Saturday after opening fire at an "
                                 "office party in Valdoria, killing one man."),
    "an announcement of the event": ("The son of Judge Ana Ruiz was killed Sunday at her home in Valdoria.",
                                     "Police announced Monday that the son of Judge Ana Ruiz had been killed at "
                                     "her home in Valdoria."),
    "two bodies named in one sentence": ("The House Oversight Committee and the House Judiciary Committee voted "
                                         "on Tuesday to subpoena the mayor of Valdoria.",
                                         "The House Judiciary Committee voted on Tuesday to subpoena the mayor of "
                                         "Valdoria over the quake."),
    "an editor's gloss": ("As it promised [Tuesday], the ministry today issued an emergency repair order for the "
                          "Valdoria dam.",
                          "The ministry issued an emergency repair order for the Valdoria dam on Wednesday."),
    "another day of a trial": ("Jurors heard testimony on Tuesday in the trial of the Valdoria harbour master.",
                               "Testimony in the trial of the Valdoria harbour master continued for the second day "
                               "on Wednesday."),
    "one night from either side": ("An overnight fire on Friday destroyed the old church of Valdoria.",
                                   "A fire destroyed the old church of Valdoria early Saturday."),
    "a plan and an event": ("Senator Ana Ruiz voiced frustration with the trial in Valdoria on Wednesday night.",
                            "Senator Ana Ruiz will try to force a vote on the trial in Valdoria on Thursday."),
}


def _conflicts(tmp_path: Path, extra_a: str, extra_b: str, lead: bool = False) -> list[Conflict]:
    """The conflicts of a two-outlet story: the shared text with each article's extra sentence
    after it, or (``lead``) before it as the article's first sentence."""
    texts = [(f"{extra} {base}" if lead else base + extra) for base, extra in ((BASE_A, extra_a), (BASE_B, extra_b))]
    lines = [json.dumps({"text": text, "outlet": outlet, "published": "2024-03-05"})
             for text, outlet in zip(texts, ("Wire A", "Wire B"))]
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(lines) + "\n")
    brief = run([str(path)], Options())
    assert len(brief.stories) == 1
    return brief.stories[0].conflicts


@pytest.mark.parametrize("lead, name", [(False, n) for n in CASES] + [(True, n) for n in LEAD_CASES])
def test_detects(tmp_path: Path, lead: bool, name: str) -> None:
    a, b, kind, values = (LEAD_CASES if lead else CASES)[name]
    conflicts = [c for c in _conflicts(tmp_path, a, b, lead) if c.kind == kind]
    assert conflicts, f"no {kind} conflict found"
    assert values <= {p.value for p in conflicts[0].positions}
    assert all(len(p.sources) == 1 for p in conflicts[0].positions)
    assert conflicts[0].reason


@pytest.mark.parametrize("lead, name", [(False, n) for n in CONTROLS] + [(True, n) for n in LEAD_CONTROLS])
def test_agreement_is_not_a_conflict(tmp_path: Path, lead: bool, name: str) -> None:
    a, b = (LEAD_CONTROLS if lead else CONTROLS)[name]
    assert _conflicts(tmp_path, a, b, lead) == []


@pytest.mark.parametrize("a, b, clash", [
    ("mid May", "April 30", True),
    ("January 2016", "Oct. 3, 2016", True),
    ("2016", "Oct. 3, 2016", False),
    ("Tuesday", "Wednesday", True),
    ("early Thursday", "Thursday", False),
    ("May 2019", "May 12, 2019", False),
    ("2019", "2021", True),
])
def test_dates_compare_at_the_precision_both_give(a: str, b: str, clash: bool) -> None:
    assert date_parts("January and February") is None  # a range dates nothing to compare
    first, second = date_parts(a), date_parts(b)
    assert first is not None and second is not None
    assert first.clashes(second) is clash


@pytest.mark.parametrize("a, b, expected", [
    ("We are not going to raise taxes this year", "We are going to raise taxes this year", ("not", "(nothing)")),
    ("We will send 6 million doses to our neighbours", "We will send 4 million doses to our neighbours",
     ("6", "4")),
    ("It is a total disgrace for the whole country", "It is a total tragedy for the whole country",
     ("disgrace", "tragedy")),
    ("We're gonna win this race in November", "We are going to win this race in November", None),
    ("We will win this race in November, and then", "We will win this race in November", None),
    ("we can do nothing but speak out for human rights", "we could do nothing but speak out for human rights", None),
    ("We'll continue to monitor the situation and let it run", "we ’ ll continue to monitor the situation and let it run",
     None),
    ("I can't speak for the first death, but it looks like a lack of experience",
     "I cant speak for the first death, but it looks like a lack of experience", None),
])
def test_quote_renderings(a: str, b: str, expected: tuple[str, str] | None) -> None:
    assert difference(a, b) == expected


@pytest.mark.parametrize("a, b, expected", [
    (("robert", "kowalski"), ("robert", "kowalsky"), True),
    (("ri", "il", "kyu"), ("ri", "il", "gyu"), False),  # romanisation of a short syllable
    (("kodak", "theatre"), ("kodak", "theater"), False),  # British / American spelling
    (("indian", "navy"), ("indian", "naval"), False),
    (("gordon", "advisors"), ("gordon", "advisers"), False),
    (("kim", "jong", "un"), ("kim", "jung", "un"), True),  # one letter in a word of four
    (("navy",), ("nato",), False),  # two letters in a short word
    (("international", "woman's", "day"), ("international", "women's", "day"), False),  # plural, not spelling
    (("coast", "guardsman"), ("coast", "guardsmen"), False),
    (("volodymyr", "zelensky"), ("volodymyr", "zelenskyy"), True),  # a letter added to a long word
    (("new", "zealand"), ("new", "zealander"), False),  # a demonym
    (("north", "pakistan"), ("north", "pakistani"), False),
    (("donald", "trump"), ("donald", "trumps"), False),
])
def test_respelled(a: tuple[str, ...], b: tuple[str, ...], expected: bool) -> None:
    assert (respelled(a, b) is not None) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("son", "kid", True), ("son", "daughter", False), ("son", "children", False), ("son", "nephew", False),
    ("children", "kids", True), ("wife", "husband", False),
])
def test_kin_compatible(a: str, b: str, expected: bool) -> None:
    assert compatible(a, b) is expected


@pytest.mark.parametrize("a, b, clash", [
    ("Former Governor Tom Hale on Monday joined the crowded field of candidates hoping to lead the city.",
     "Tom Hale entered the Valdoria mayoral race on Saturday, promising cheaper housing.", True),
    ("Mayor Ana Ruiz on Monday opened the new bridge of Valdoria.",
     "Governor Tom Hale on Saturday closed the old harbour of Valdoria.", False),  # two doers
    ("Tom Hale said on Friday that the Valdoria inquiry should look into the dam.",
     "Tom Hale on Wednesday opened the Valdoria dam inquiry.", False),  # a statement and an act
    ("Tom Hale's lawyer on Friday asked the Valdoria court for bail.",
     "Tom Hale on Wednesday asked the Valdoria court for bail.", False),  # the doer's lawyer
    ("Employees at a Valdoria bakery were coping Saturday with the death of their boss.",
     "A former employee walked into a Valdoria bakery Friday and shot the owner.", False),  # a place is no doer
    # one doer's act on one day naming its object with two years
    ("The 2017 federal budget that the White House unveiled Monday cuts funding for public radio.",
     "The White House released its 2019 budget proposal Monday, with deep cuts to public radio.", True),
    ("The White House on Monday compared its 2019 budget with the 2017 budget of the old cabinet.",
     "The White House released its 2019 budget proposal Monday.", False),  # two years for one noun
])
def test_main_events_of_two_leads(a: str, b: str, clash: bool) -> None:
    """Leads compared even when no fact holds them together (``conflicts.lead``)."""
    from storyline.claims.conflicts import Evidence
    from storyline.claims.conflicts.lead import _main_events
    from storyline.entities import resolve_story
    from storyline.nlp import annotate, load_model
    from storyline.records import Article

    docs = list(annotate([Article(text=a, outlet="A"), Article(text=b, outlet="B")], load_model(), 2))
    index = resolve_story(docs)
    entity_of = {key: (eid, e.type) for key, eid in index.by_mention.items() if (e := index.get(eid))}
    first, second = (sentence_views(d, entity_of)[0] for d in docs)
    assert (_main_events(first, second, Evidence(docs, index)) is not None) is clash

