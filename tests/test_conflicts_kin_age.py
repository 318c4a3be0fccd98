"""Kin and age conflicts (issue 7): two-outlet stories through the real annotator, each case
changing one kin term or one age in the forms news uses (shapes taken from NeuS val and ECB+
train/dev sentences), and controls that must stay quiet: ages of two people, ages at two times,
relatives of two people, a named child against "his children", generic "sons and daughters"."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.claims.conflicts.kin import compatible
from tests.test_conflicts import _conflicts

AGE_CASES = {
    "next to the name": ("Police said Ed Marsh, 45, was arrested at the harbour on Monday.",
                         "Police said Ed Marsh, 48, was arrested at the harbour on Monday.", {"45", "48"}),
    "spaced punctuation": ("Police said Ed Marsh , 45 , was arrested at the harbour on Monday .",
                           "Police said 48-year-old Ed Marsh was arrested at the harbour on Monday .", {"45", "48"}),
    "aged / who is": ("Ed Marsh, aged 45, was arrested at the harbour on Monday.",
                      "Ed Marsh, who is 47, was arrested at the harbour on Monday.", {"45", "47"}),
    "the N-year-old as subject": ("Ed Marsh was arrested at the harbour on Monday. The 45-year-old faces three "
                                  "charges.", "Ed Marsh, 48, was arrested at the harbour on Monday.", {"45", "48"}),
    "age at death": ("Former mayor Ana Ruiz died Friday at 87, her family said.",
                     "Former mayor Ana Ruiz, 89, died Friday at her home, her family said.", {"87", "89"}),
    "at the age of, after a pronoun": ("Former mayor Ana Ruiz died Friday in Valdoria. She succumbed to cancer at "
                                       "the age of 87, the family said.",
                                       "Former mayor Ana Ruiz passed away Friday at age 90 in Valdoria.",
                                       {"87", "90"}),
    "died ... aged": ("Former mayor Ana Ruiz has died in hospital, aged 87, her family said.",
                      "Former mayor Ana Ruiz, 89, died Friday at her home in Valdoria.", {"87", "89"}),
    "He was N": ("Former mayor Ana Ruiz died Friday at her home in Valdoria. She was 87.",
                 "Former mayor Ana Ruiz, 89, died Friday at her home in Valdoria.", {"87", "89"}),
    "a role in one fact": ("A 61-year-old man was charged with arson after the fire at the harbour.",
                           "A 65-year-old man was charged with arson after the fire at the harbour.", {"61", "65"}),
    "appositive role": ("The suspect, Anthony Lacalamita, a 38-year-old accountant, was arrested on the highway.",
                        "Police located Anthony Lacalamita, 43, on the highway north of the office.", {"38", "43"}),
}
AGE_CONTROLS = {
    "two people in one sentence": ("Ed Marsh, 45, was arrested with Tom Reyes, 48, at the harbour.",
                                   "Tom Reyes, 48, was arrested with Ed Marsh, 45, at the harbour."),
    "an age at another time": ("Ed Marsh, who was 17 at the time, was shot at the harbour.",
                               "Ed Marsh, 19, testified about the shooting at the harbour on Monday."),
    "now": ("Ed Marsh, now 19, testified about the shooting at the harbour.",
            "Ed Marsh, 17, was shot at the harbour, police said."),
    "two roles, two people": ("A 40-year-old man was killed at the harbour on Monday.",
                              "A 61-year-old man was charged with the killing at the harbour on Monday."),
    "the N-year-old as object": ("Lopez shot the 34-year-old outside the school, police said.",
                                 "Lopez, 20, shot a woman outside the school, police said."),
    "a list of ages": ("Two girls, ages 13 and 15, used a stun gun on Ed Marsh, 66, police said.",
                       "Police said two girls, aged 15 and 13, used a stun gun on Ed Marsh, 66."),
    "ages of others after a death": ("Ed Marsh died after police say two girls, aged 13 and 15, used a stun gun on "
                                     "him.", "Ed Marsh, 66, died after two girls used a stun gun on him, police said."),
    "another person's first name": ("The bodies of Kathryn Gomes, 61, and Robin Mendes, 48, were found on Tuesday.",
                                    "Gary Gomes, 35, was arrested on Tuesday after the bodies were found."),
}
KIN_CASES = {
    "his son / his daughter": ("Police said his son was rescued from the rubble of the library.",
                               "Police said his daughter was rescued from the rubble of the library.",
                               {"son", "daughter"}),
    "the boy's mother": ("The boy's mother told reporters that he had been reading at the library.",
                         "The boy's father told reporters that he had been reading at the library.",
                         {"mother", "father"}),
    "a mother of 12": ("Ana Ruiz, a mother of 12, was shot outside the school on Friday.",
                       "Ana Ruiz, a father of 12, was shot outside the school on Friday.", {"mother", "father"}),
    "the son of a named person": ("The son of Judge Ana Ruiz was killed Sunday at her home in Valdoria.",
                                  "The daughter of Judge Ana Ruiz was killed Sunday at her home in Valdoria.",
                                  {"son", "daughter"}),
    "two sons / a son and a daughter": ("Ed Marsh has two sons, the mayor said at the harbour.",
                                        "Ed Marsh has a son and a daughter, the mayor said at the harbour.",
                                        {"2 sons", "1 son and 1 daughter"}),
    "a named relative, story-wide": ("Ed Marsh trained for the fight with his brother Vitali in the mountains.",
                                     "Marsh's sister Vitali watched from the corner as the crowd cheered.",
                                     {"brother", "sister"}),
    "a named person's spouse, story-wide": ("Ed Marsh was walking into the store with her husband when the car "
                                            "struck her.", "Marsh's wife tried to stop the driver, witnesses said.",
                                            {"husband", "wife"}),
    "children / son": ("Ed Marsh fled to Valdoria with his children in November, the report said.",
                       "Ed Marsh fled to Valdoria with his son in November, the report said.",
                       {"children", "son"}),
}
KIN_CONTROLS = {
    "a named child of 'his children'": ("Ed Marsh fled to Valdoria with his children in November.",
                                        "Ed Marsh fled to Valdoria with his son, Daniel, in November."),
    "sons and daughters": ("Sons and daughters of the victims gathered at the harbour on Monday.",
                           "The sons of the victims gathered at the harbour on Monday."),
    "relatives of two people": ("Ana Ruiz's son spoke to reporters at the harbour on Monday.",
                                "Tom Reyes's daughter spoke to reporters at the harbour on Monday."),
    "his sister / her brother": ("His sister, Mahnefah Gray, told reporters she doubted her brother was carrying "
                                 "a gun.", "Gray's sister Mahnefah Gray said a witness told her that Kimani was "
                                 "fixing his belt."),
    "two named children": ("Felt died at his home on Thursday, his grandson Rob Jones said.",
                           "Felt died at his home on Thursday, his granddaughter Nina Jones said."),
    "a named son among sons": ("His heart failed while he was reading a book, his son, Ike LaRue, said.",
                               "LaRue is survived by his sons Ike, of Jackson, and Fred, of Brandon."),
}


@pytest.mark.parametrize("kind, name", [("age", n) for n in AGE_CASES] + [("kin", n) for n in KIN_CASES])
def test_detects(tmp_path: Path, kind: str, name: str) -> None:
    a, b, values = (AGE_CASES if kind == "age" else KIN_CASES)[name]
    conflicts = [c for c in _conflicts(tmp_path, a, b) if c.kind == kind]
    assert conflicts, f"no {kind} conflict found"
    assert values <= {p.value for p in conflicts[0].positions}, conflicts
    assert conflicts[0].reason


@pytest.mark.parametrize("kind, name", [("age", n) for n in AGE_CONTROLS] + [("kin", n) for n in KIN_CONTROLS])
def test_not_a_conflict(tmp_path: Path, kind: str, name: str) -> None:
    a, b = (AGE_CONTROLS if kind == "age" else KIN_CONTROLS)[name]
    assert [c for c in _conflicts(tmp_path, a, b) if c.kind == kind] == []


@pytest.mark.parametrize("a, b, expected", [
    ("nephew", "niece", False), ("grandson", "granddaughter", False), ("mom", "mother", True),
    ("grandfather", "grandmother", False), ("kids", "children", True),
])
def test_kin_words(a: str, b: str, expected: bool) -> None:
    assert compatible(a, b) is expected
