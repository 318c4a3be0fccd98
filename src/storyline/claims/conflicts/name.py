"""Names: one person or organisation spelled two ways by different articles ("Foley" /
"Folley"), whether or not entity resolution merged the two spellings. Only a one- or two-letter
difference in one word of at least ``MIN_WORD`` letters counts: hyphens, spaces, case,
accents, a possessive or a dropped first name are the same spelling, and a plural is a
different word.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from storyline.claims.conflicts import Evidence, conflict_of
from storyline.claims.facts import Fact
from storyline.entities.names import tokens_of
from storyline.records import Conflict

#: Shorter words differ by romanisation ("Kyu"/"Gyu", "Tae"/"Thae"); not reported.
MIN_WORD = 4
MAX_EDITS = 2
#: Words shorter than this may differ by one letter only ("Navy"/"Nato" is no respelling).
LONG_WORD = 6
#: Spellings are compared across these types: the tagger may call one name a person in one
#: article and a place in another ("Qassem Soleimani").
TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC")


def respelled(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """The differing word pair when ``a`` and ``b`` are one name with one word spelled differently."""
    if len(a) != len(b) or a == b:
        return None
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diffs) != 1:
        return None
    x, y = diffs[0]
    if min(len(x), len(y)) < MIN_WORD or x.isdigit() or y.isdigit():
        return None
    if (x.startswith(y) or y.startswith(x)) and (min(len(x), len(y)) < LONG_WORD or not _extended(x, y)):
        return None  # "Kim"/"Kimberly", "Rep"/"Republican"; but "Zelensky"/"Zelenskyy" is a respelling
    if _regional(x) == _regional(y):
        return None  # "Theatre"/"Theater", "Recognised"/"Recognized", "Advisers"/"Advisors"
    if _singular(x) == _singular(y):
        return None  # "Woman's Day"/"Women's Day", "Policeman"/"Policemen": number, not spelling
    edits = Levenshtein.distance(x, y)
    return f"{x}/{y}" if edits <= (MAX_EDITS if min(len(x), len(y)) >= LONG_WORD else 1) else None


def _extended(x: str, y: str) -> bool:
    """One long word is the other with one or two letters added that make no plural, possessive or
    demonym ("Zelensky"/"Zelenskyy"; not "Zealand"/"Zealander", "Pakistan"/"Pakistani")."""
    short, long_ = sorted((x, y), key=len)
    extra = long_[len(short):]
    return len(extra) <= MAX_EDITS and extra not in NOT_RESPELLINGS


def _singular(word: str) -> str:
    """A word's singular for the plurals a respelling check would mistake (-men, -ies, -s)."""
    word = word.removesuffix("'s").removesuffix("\u2019s")
    for plural, single in (("men", "man"), ("ies", "y"), ("s", "")):
        if word.endswith(plural):
            return word[: -len(plural)] + single
    return word


def _regional(word: str) -> str:
    """British and American spellings folded together."""
    for old, new in (("ser", "sor"), ("our", "or"), ("tre", "ter"), ("ise", "ize"), ("isa", "iza"),
                     ("yse", "yze"), ("ogue", "og"), ("ll", "l")):
        word = word.replace(old, new)
    return word




#: Endings that make another word of a name: plurals, possessives, demonyms.
NOT_RESPELLINGS = {"s", "es", "'s", "’s", "'", "’", "er", "n", "an", "i", "ns", "is", "rs"}

Spellings = dict[tuple[str, ...], dict[str, str]]


def _spellings(facts: list[Fact], evidence: Evidence) -> tuple[Spellings, set[tuple[str, ...]]]:
    """Each spelling (name tokens) -> article -> a sentence using it; and the people's surnames."""
    sentence_text = {(v.article_id, v.sentence.index): v.text for f in facts for v in f.views}
    spelled: Spellings = {}
    surnames: set[tuple[str, ...]] = set()
    for entity in evidence.index.entities:
        if entity.type not in TYPES:
            continue
        for m in sorted(entity.mentions, key=lambda m: (m.article_id, m.start)):
            key = tokens_of(m.text)
            if key:
                spelled.setdefault(key, {}).setdefault(m.article_id,
                                                       sentence_text.get((m.article_id, m.sentence), m.text))
                if entity.type == "PERSON" and len(key) >= 2:
                    surnames.add(key[-1:])
    return spelled, surnames


def check(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    spelled, surnames = _spellings(facts, evidence)
    keys = list(spelled)
    conflicts = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if respelled(a, b) is None or (len(a) < 2 and not surnames & {a, b}):
                continue  # a first name alone may be another person ("Charlie"/"Charlene")
            only_a, only_b = set(spelled[a]) - set(spelled[b]), set(spelled[b]) - set(spelled[a])
            if not only_a or not only_b:
                continue  # one article using both spellings: a typo, not two versions
            values = {" ".join(a).title(): [(x, spelled[a][x]) for x in sorted(only_a)],
                      " ".join(b).title(): [(x, spelled[b][x]) for x in sorted(only_b)]}
            conflicts.append(conflict_of("name", f"the spelling of {' '.join(a).title()}", values,
                                         evidence.outlet_of))
    return conflicts
