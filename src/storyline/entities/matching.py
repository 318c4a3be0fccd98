"""When two names can denote one referent: given-name variants, initials, typos, sub-names.

"Fred LaRue" / "Frederick Cheney LaRue", "Mark Felt" / "W. Mark Felt", "Bill Clinton" /
"William J. Clinton", "Klitschko" / "Klistchko" match; "Rob Jones" / "Nick Jones" (one surname,
two first names) do not.
"""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer
from rapidfuzz.distance import DamerauLevenshtein

#: Tokens of at least this many letters may differ by one edit and still match (typos and
#: transliterations: "Klistchko", "Jerymayne"); tuned on ECB+ training topics.
TYPO_MIN_LETTERS = 6
#: A given name this long that starts another matches it ("Alex" / "Alexandros").
PREFIX_MIN_LETTERS = 3
#: Given names sharing their first four letters match ("Alexis" / "Alexandros").
SHARED_STEM = 4


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=65536)
def _name_family(name: str) -> frozenset[str]:
    """A given name with its nicknames and the full names it shortens ("bill" -> william, ...)."""
    nn = _nicknamer()
    return frozenset({name} | nn.nicknames_of(name) | nn.canonicals_of(name))


def same_token(a: str, b: str) -> bool:
    """Two folded name tokens are one spelling, allowing one edit in long tokens."""
    if a == b:
        return True
    return min(len(a), len(b)) >= TYPO_MIN_LETTERS and DamerauLevenshtein.distance(a, b) <= 1


def given_match(a: str, b: str) -> bool:
    """Two given names of one person: same, an initial, a nickname, a prefix, a typo."""
    if a == b or same_token(a, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = sorted((a, b), key=len)
    if len(short) >= PREFIX_MIN_LETTERS and long_.startswith(short) or (
            len(short) >= SHARED_STEM and a[:SHARED_STEM] == b[:SHARED_STEM]):
        return True
    return b in _name_family(a) or a in _name_family(b)


def person_compatible(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """``small`` (raw lower-case tokens, at least two) names the person ``big`` names: same
    surname, and each given name of ``small`` matches one of ``big``'s in order."""
    if len(small) < 2 or len(big) < 2 or not same_token(small[-1], big[-1]):
        return False
    rest = iter(big[:-1])
    return all(any(given_match(g, h) for h in rest) for g in small[:-1])


def contiguous_in(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """``small`` occurs as a run of tokens inside the longer ``big``."""
    n = len(small)
    return n < len(big) and any(
        all(same_token(x, y) for x, y in zip(small, big[i : i + n])) for i in range(len(big) - n + 1))
