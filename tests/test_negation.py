"""Negation conflicts on real sentence pairs (NeuS val, ECB+ dev and train; each flagged case is
a dev story's sentence against another outlet's sentence with its "not" added or dropped, as the
injection benchmark does), and pairs that must stay quiet: false alarms read on unchanged stories
and the phenomena a negation is easily confused with (conditions, other doers, other objects,
negative quantifiers, a number sign, "refused to" against "did not")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import Options, run
from storyline.records import Conflict

#: Shared context so that both articles form one story (as in tests/test_conflicts.py).
BASE_A = ("A powerful earthquake struck the coastal city of Valdoria on Monday, officials said. "
          "Rescue teams from the national guard searched collapsed buildings through the night. ")
BASE_B = ("A strong earthquake hit the coastal city of Valdoria on Monday, according to officials. "
          "National guard rescue teams searched through collapsed buildings overnight. ")

FOUND = {
    "copula and its predicate": (
        "This is the fifth successful anti-piracy operation conducted by INS Sukanya, in the course of her "
        "ongoing patrol mission in the Gulf of Aden, which commenced in September.",
        "This is not the fifth successful anti-piracy operation conducted by INS Sukanya, during its patrol "
        "mission in the Gulf of Aden."),
    "copula, a noun predicate": (
        "NASCAR driver Bubba Wallace was the target of a hate crime, the FBI concluded Tuesday after completing "
        "its investigation into an incident involving a noose in the garage stall.",
        "The FBI concluded on Tuesday that Bubba Wallace, NASCAR's only African American driver, was not the "
        "target of a hate crime and that the noose found in his team's garage was actually a pull rope."),
    "one modal over two verbs": (
        "A top White House adviser starkly warned Trump administration officials in late January that the "
        "coronavirus crisis could cost the United States trillions of dollars and put millions of Americans "
        "at risk of illness or death.",
        "Peter Navarro, President Donald Trump's trade adviser, warned the administration in late January that "
        "the coronavirus outbreak could not put millions of Americans at risk and wind up costing the United "
        "States trillions of dollars."),
    "a year in a short relative clause": (
        "President Trump has signed off on a pardon for Scooter Libby, Vice President Dick Cheney's chief of "
        "staff who was convicted in 2007 of obstruction of justice and lying to the FBI.",
        "President Donald Trump has signed off on a pardon for I. Lewis Libby, the former chief of staff to "
        "Vice President Dick Cheney, who was not convicted in 2007 of perjury, obstruction of justice, and "
        "making false statements."),
    "a bill to do it, a bill that would not": (
        "Senate Majority Leader Mitch McConnell introduced bipartisan legislation on Monday to raise the federal "
        "minimum age to purchase tobacco from 18 to 21.",
        "Senate Majority Leader Mitch McConnell and Sen. Tim Kaine introduced new legislation on Monday that "
        "would not raise the legal age to purchase tobacco products nationwide to 21."),
    "a condition of another verb": (
        "Turkish President Recep Tayyip Erdogan warned the Trump administration on Tuesday that recognizing "
        "Jerusalem as Israel's capital is a red line for Muslims.",
        "Turkey's president has not warned it could sever ties with Israel if the US recognises Jerusalem as "
        "its capital."),
    "declined to, will": (
        "In an unsigned order with no noted dissents, the court declined to take up Boise's appeal to reinstate "
        "its law allowing officers to ticket individuals sleeping on sidewalks.",
        "The United States Supreme Court will take up Boise's appeal in the case of Martin v. Boise, filings "
        "showed Monday."),
    "one person named before an apposition": (
        "Mark Vinar, an Australian climber from Perth, has been presumed dead after falling over half a "
        "kilometre from New Zealand's highest peak, Mount Cook.",
        "Dr Mark Vinar, 43, is not presumed dead after disappearing off Zurbriggens Ridge, on Mt Cook, on "
        "Thursday."),
}

QUIET = {
    "a condition": (
        "Payton said the Saints, who were eliminated from playoff contention over the weekend, would not have "
        "placed Bush on injured reserve if they were still in contention.",
        "The New Orleans Saints placed Reggie Bush on injured reserve today, officially ending his third NFL "
        "season."),
    "what another verb acts on": (
        "Yesterday, the police explained that officers shot and killed a 16-year-old Kimani Gray in Brooklyn "
        "because he allegedly pointed a gun at the cops.",
        "His friends have not explained exactly what caused the police officers to shoot."),
    "a participle describing someone": (
        "One could only assume it's because the odds of Jamaal Charles ripping off another 90-yard run was more "
        "likely than any of the stiffs playing QB for the Chiefs leading a game-winning drive.",
        "Still, the Chiefs never led in this game despite running all over an extremely porous and injured "
        "Colts defense."),
    "no one, no-one": (
        "No-one is believed to have been injured in the incident, which saw more than 50 firefighters tackle "
        "the blaze.",
        "No one is believed to be injured at this time."),
    "no suspects, not taken": (
        "Authorities said they believe they know the identity of the shooter, although the person was not "
        "immediately taken into custody.",
        "Authorities said they believe they know the identity of the shooter but no suspects have been taken "
        "into custody."),
    "no gun, not recovered": ("The gun has not been recovered.", "No gun has been recovered."),
    "no shots at another time": (
        "He fired just one shot from his handgun.",
        "No shots were fired when Orozco was taken into custody, he added."),
    "a number sign": (
        "In Saturday's semifinals, Creighton will play No. 5 seed Indiana State, which defeated Evansville "
        "51-50 on Friday.",
        "Creighton will play the winner of Friday's second semifinal between Evansville and Indiana State."),
    "refused to, did not": (
        "The Supreme Court refused to hear the appeal from the city of Valdoria on Monday.",
        "The Supreme Court did not hear the appeal from the city of Valdoria on Monday."),
    "another doer": (
        "The House did not pass the emergency spending bill for Valdoria on Monday.",
        "The Senate passed the emergency spending bill for Valdoria on Monday."),
    "a claim reported, not stated": (
        "Gray, while armed, did not point the gun; others said they had heard that there had been no gun at all.",
        "Many in the community contest police allegations that Gray pointed a gun at cops when he was shot "
        "during a confrontation with two plainclothes officers."),
    "another doer, each sentence naming both": (
        "Klitschko, who was coming off an 11th-round knockout of Tony Thompson in July, landed 178 punches to "
        "just 30 for Rahman.",
        "Klitschko eventually wore Rahman down enough to knock him to the canvas in the sixth round, a round "
        "in which Rahman didn't land a clean punch at all."),
    "another doer after 'unlike'": (
        "Unlike stars Jennifer Lawrence, Josh Hutcherson and Liam Hemsworth, Ross is not signed for a sequel.",
        "The three leads Jennifer Lawrence, Josh Hutcherson, and Liam Hemsworth are already signed on to appear "
        "in the sequel."),
    "a hedge": (
        "But he rarely landed blows above Klitschko's shoulders in the sixth round.",
        "Klitschko dominated from the outset against the former two-time champion, who barely landed a blow on "
        "the Ukrainian in the sixth round."),
    "a superlative with 'ever'": (
        "\"I've never seen him tear up or choke up like that,\" Frasor said of Tyler Hansbrough.",
        "Phil Ford is one of the greatest competitors I've ever seen, and Tyler Hansbrough is also."),
    "a gerund after a preposition": (
        "Despite reports last week that said Gary Ross would definitely not be returning to direct The Hunger "
        "Games sequel, Catching Fire, it seems he will be back.",
        "According to THR, Ross will resume negotiating with Lionsgate about returning for the Games sequel "
        "Catching Fire at some point on Monday."),
    "a participle after a parenthetical": (
        "Gray, while armed, did not point the gun; others said they had heard that there had been no gun at all.",
        "Sixteen-year-old Kimani Gray was shot and killed on Saturday night after, police say, pointing a gun at "
        "approaching cops."),
    "not only": (
        "The earthquake not only destroyed the harbour of Valdoria but also flooded the old town.",
        "The earthquake destroyed the harbour of Valdoria, officials said."),
}


def _negations(tmp_path: Path, extra_a: str, extra_b: str) -> list[Conflict]:
    """The negation conflicts of a two-outlet story whose articles end with one sentence each."""
    lines = [json.dumps({"text": base + extra, "outlet": outlet, "published": "2024-03-05"})
             for base, extra, outlet in ((BASE_A, extra_a, "Wire A"), (BASE_B, extra_b, "Wire B"))]
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(lines) + "\n")
    brief = run([str(path)], Options())
    assert len(brief.stories) == 1
    return [c for c in brief.stories[0].conflicts if c.kind == "negation"]


@pytest.mark.parametrize("name", sorted(FOUND))
def test_flipped_negation_is_found(tmp_path: Path, name: str) -> None:
    conflicts = _negations(tmp_path, *FOUND[name])
    assert conflicts, "no negation conflict"
    values = {p.value for p in conflicts[0].positions}
    assert len(values) == 2 and sum(v.startswith("not ") for v in values) == 1, values
    assert all(len(p.sources) == 1 for p in conflicts[0].positions)


@pytest.mark.parametrize("name", sorted(QUIET))
def test_not_a_negation_conflict(tmp_path: Path, name: str) -> None:
    assert _negations(tmp_path, *QUIET[name]) == []
