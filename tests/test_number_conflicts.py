"""Number conflicts on real sentences (NeuS val and ECB+ dev/train, the injection benchmark's
phenomena): lengths of time, synonyms of the counted noun, parallel lists, two approximations, one
quote rendered twice, unlabelled thousands, counts of one noun phrase the grouping left apart; and
controls from unchanged stories that must stay quiet (two people's prison terms, a part and its
whole, a superseded report, an address, a clock time, an offset and a span)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.claims.counts import rounding
from tests.test_conflicts import _conflicts

VOTERS = ("Carlos Antonio De Bourbon Montenegro, aka Mark Anthony Gonsalves, 53, allegedly submitted more than {} "
          "fraudulent voter registration applications between July and October 2020, according to a 41-count "
          "criminal complaint from the Los Angeles County District Attorney’s Office.")
OTHER_VOTERS = ("A man seeking to run for mayor of a Southern California suburb and a co-defendant allegedly submitted "
                "8,000 fraudulent voter registration applications on behalf of homeless people, the Los Angeles County "
                "District Attorney’s Office said Tuesday.")
FOUND = {
    "years of tax returns": (
        "A federal appeals court ruled Wednesday that President Trump’s accounting firm must turn over his personal "
        "financial records including ten years of tax returns to the Manhattan District Attorney’s Office.",
        "A federal appeals court on Wednesday ruled that President Trump cannot block enforcement of a New York grand "
        "jury subpoena for eight years of his tax returns.", {"ten years", "eight years"}),
    "a deadline in days": (
        "President Trump threatened Monday to permanently halt U.S. funding to the World Health Organization if it "
        "does not “commit to major substantive improvements” within the next 39 days.",
        "President Trump on Monday threatened to permanently halt U.S. funding for the World Health Organization (WHO) "
        "if the body does not commit to \"major substantive improvements\" in the next 30 days.", {"39 days", "30 days"}),
    "weeks after an event": (
        "George Floyd's funeral service is being held at the Fountain of Praise Church in Houston on Tuesday — just over "
        "six weeks after his death at the hands of Minneapolis police set off nationwide protests.",
        "George Floyd will be buried in Houston on Tuesday two weeks after his death while being held by police in a "
        "Minneapolis street.", {"six weeks", "two weeks"}),
    "kinds and types": (
        "The Centers for Disease Control and Prevention is conflating the results of twelve different types of "
        "coronavirus tests, distorting several important metrics.",
        "The Centers for Disease Control and Prevention has acknowledged that it is mixing the results of two different "
        "kinds of tests in the agency's tally of testing for the coronavirus.", {"twelve", "two"}),
    "a season's line": (
        "Jackson enjoyed the best of his four NFL seasons with 78 catches for 1,098 yards and seven touchdowns.",
        "Jackson is enjoying the best of his four NFL seasons with 59 catches for 1098 yards and seven touchdowns.",
        {"78", "59"}),
    "two approximations": (
        "During the operation, six AK 47 rifles, 12 magazines and about 391 rounds of ammunition were found and "
        "confiscated.",
        "During the operation, six AK 47 rifles, 12 magazines and about 300 rounds of ammunition were found and "
        "confiscated.", {"about 391", "about 300"}),
    "one quote rendered twice": (
        "\"All of a sudden in my front yard there were nine totally decked out, geared up riot squad officers with guns "
        "out of the holster,\" Luke Pigeon said.",
        "\"All of a sudden in my front yard there were five totally decked out, geared up riot squad officers with guns "
        "out of the holster,\" Pigeon said.", {"nine", "five"}),
    "thousands the tagger left unlabelled": (
        "Nonfarm payrolls increased by 1,225,900 workers in July as the unemployment rate fell to 5.4%, the Labor "
        "Department said Friday.",
        "Nonfarm payrolls increased by 943,000 for the month while the unemployment rate dropped to 5.4%, according to "
        "the department’s Bureau of Labor Statistics.", {"1,225,900", "943,000"}),
    "one noun phrase in sentences left apart": (
        VOTERS.format("10,402"), OTHER_VOTERS, {"more than 10,402", "8,000"}),
    "robbers and thieves": (
        "The eight robbers, two of whom were disguised as women, stole nearly all the jewellery on display at Harry "
        "Winston jewellers on the Avenue Montaigne, just off the Champs-Elysees in the French capital.",
        "A gang of four thieves -- two of them disguised as women -- on Thursday stole nearly all the jewels on display "
        "at the Harry Winston boutique just off the Champs-Elysees avenue.", {"eight", "four"}),
    "a length in sentences worded alike": (
        "The new rules will take effect in about 40 days.",
        "The new rules will take effect in about 30 days, the department said.", {"40 days", "30 days"}),
}
QUIET = {
    "a bound and the value inside it": (
        VOTERS.format("8,000"), OTHER_VOTERS),
    "two people's prison terms": (
        "Gigante was serving a 12-year sentence for a racketeering conspiracy conviction in Brooklyn in 1997.",
        "It was narcotics that first sent Gigante to prison, in 1959, when he received a five-year sentence. Genovese "
        "ran his organization from behind bars while serving a 15-year sentence."),
    "extra sentences are a part": (
        "Arcade Joseph Comeaux Jr. is serving three life sentences.",
        "Comeaux was given two extra life sentences after being convicted for stabbing his wife and another person in "
        "1999 while she visited him in prison."),
    "a superseded report and a whole": (
        "One victim died in the Monday morning attack.",
        "Local evening news in Michigan originally reported that two of the three victims died."),
    "an offset and a span": (
        "The new rules will take effect in about 30 days.",
        "The new endangered species rule takes effect nine days before Obama's inauguration."),
    "an address": (
        "Sheriff Deputy Ortiz, 35, was killed June 24, 2005 outside an apartment in the 12000 block of East 223rd Street.",
        "Ortiz was killed outside an apartment in the 12200 block of 223rd Street in Hawaiian Gardens."),
    "a clock time": (
        "John Owen, the city's public safety director, says dispatchers got a call shortly after 3:30 a.m.",
        "Jon Owen, the city's public safety director, said a call came in from the Valley Hotel at 3:33 a.m."),
    "a bound after the number": (
        "The Trump administration is planning to dispatch 800 or more active duty troops to the southern border.",
        "The administration will send about 1,000 troops to the U.S.-Mexico border, a defense official confirmed."),
    "a rounded figure": (
        "WASHINGTON – The House passed a $1.37 trillion spending package that includes money for President Donald "
        "Trump's border wall and funding for gun violence research.",
        "The Democratic-controlled House on Tuesday approved a $1.4 trillion federal spending bill that includes "
        "funding for President Trump's border wall and for gun violence research."),
    "two close approximations": (
        "About 40 houses collapsed in the old town, the mayor said.",
        "Nearly 45 houses collapsed in the old town, the mayor said."),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_number_conflict_found(tmp_path: Path, name: str) -> None:
    a, b, values = FOUND[name]
    conflicts = [c for c in _conflicts(tmp_path, a, b) if c.kind == "number"]
    assert conflicts, "no number conflict found"
    assert values <= {p.value for c in conflicts for p in c.positions}


@pytest.mark.parametrize("name", sorted(QUIET))
def test_number_agreement_or_two_things(tmp_path: Path, name: str) -> None:
    a, b = QUIET[name]
    assert [c for c in _conflicts(tmp_path, a, b) if c.kind == "number"] == []


@pytest.mark.parametrize("expression, value, half_unit", [
    ("$1.4 trillion", 1.4e12, 0.05e12), ("15,300", 15300, 50), ("300", 300, 0), ("$100 million", 1e8, 0),
    ("5.4%", 5.4, 0.05), ("1,225,900", 1225900, 50),
])
def test_rounding_of_a_written_figure(expression: str, value: float, half_unit: float) -> None:
    assert rounding(expression, value) == pytest.approx(half_unit)
