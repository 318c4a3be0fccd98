"""Kin: who was with whom, or whose relative someone is ("his wife and children" / "wife and
son"; "her son" / "her daughter"). Relatives are compared by relation, sex and number: "son"
and "child" are compatible, "son" and "daughter", "son" and "children", "son" and "nephew" not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from storyline.claims.conflicts import Disagreement, Evidence, conflict_of
from storyline.claims.facts import Fact
from storyline.records import Conflict

#: word -> (relation, sex or "", "one"/"many")
KIN_WORDS = {
    "son": ("child", "m", "one"), "sons": ("child", "m", "many"), "daughter": ("child", "f", "one"),
    "daughters": ("child", "f", "many"), "child": ("child", "", "one"), "children": ("child", "", "many"),
    "kid": ("child", "", "one"), "kids": ("child", "", "many"), "stepson": ("child", "m", "one"),
    "stepdaughter": ("child", "f", "one"), "wife": ("spouse", "f", "one"), "husband": ("spouse", "m", "one"),
    "brother": ("sibling", "m", "one"), "brothers": ("sibling", "m", "many"), "sister": ("sibling", "f", "one"),
    "sisters": ("sibling", "f", "many"), "father": ("parent", "m", "one"), "mother": ("parent", "f", "one"),
    "parents": ("parent", "", "many"), "grandson": ("grandchild", "m", "one"),
    "granddaughter": ("grandchild", "f", "one"), "grandchildren": ("grandchild", "", "many"),
    "nephew": ("nibling", "m", "one"), "niece": ("nibling", "f", "one"), "uncle": ("pibling", "m", "one"),
    "aunt": ("pibling", "f", "one"), "cousin": ("cousin", "", "one"), "fiancee": ("fiance", "f", "one"),
    "fiance": ("fiance", "m", "one"), "girlfriend": ("partner", "f", "one"), "boyfriend": ("partner", "m", "one"),
}
_KIN = "|".join(sorted(KIN_WORDS, key=len, reverse=True))
#: "his wife and children", "wife and their two kids": the family that went along.
FAMILY = re.compile(r"\b(wife|husband|spouse|partner)\s+and\s+(?:(?:their|his|her)\s+)?"
                    rf"(?:(?:two|three|four|\d+)\s+)?({_KIN})\b", re.I)
#: "his son", "the governor's daughter", "her two sons": a relative of someone.
RELATIVE = re.compile(rf"\b(?P<of>his|her|their|[A-Z]\w+['’]s)\s+(?:(?:two|three|four|\d+|only|eldest|"
                      rf"youngest|older|younger|late)\s+)?({_KIN})\b")
#: Two sentences must be this close (sentence cosine) to compare their relatives.
KIN_MIN_SIMILARITY = 0.3


def compatible(a: str, b: str) -> bool:
    ra, sa, na = KIN_WORDS[a.lower()]
    rb, sb, nb = KIN_WORDS[b.lower()]
    return ra == rb and na == nb and (not sa or not sb or sa == sb)


def family(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    """Story-wide: the relatives named with a spouse ("wife and son" / "wife and children")."""
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for view in sorted((v for f in facts for v in f.views), key=lambda v: (v.article_id, v.sentence.index)):
        for match in FAMILY.finditer(view.text):
            values[match[2].lower()].append((view.article_id, view.text))
    words = sorted(values)
    if len(words) < 2 or all(compatible(x, y) for x in words for y in words):
        return []
    subject = next((e.name for e in evidence.index.entities if e.type == "PERSON"), None)
    slot = "the family members" + (f" of {subject}" if subject else "")
    return [conflict_of("kin", slot, values, evidence.outlet_of)]


def check(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    for a, b, similarity in fact.pairs():
        if similarity < KIN_MIN_SIMILARITY:
            continue
        kin_a = [(m["of"], m[2].lower()) for m in RELATIVE.finditer(a.text)]
        kin_b = [(m["of"], m[2].lower()) for m in RELATIVE.finditer(b.text)]
        if FAMILY.search(a.text) or FAMILY.search(b.text) or len(kin_a) != 1 or len(kin_b) != 1:
            continue  # the family-wide check compares these
        (of_a, word_a), (of_b, word_b) = kin_a[0], kin_b[0]
        named = [w for w in (of_a, of_b) if w[0].isupper() and w.lower() not in ("his", "her", "their")]
        if len(named) == 2 and of_a != of_b:
            continue  # "Charlene's brother" / "Kafoury's son": relatives of two people
        if not compatible(word_a, word_b):
            yield Disagreement("kin", "the relative", word_a, a, word_b, b)
