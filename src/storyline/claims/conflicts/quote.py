"""Quotes: the same quote of the same speaker rendered with a different meaning by different
articles: a negation added or dropped, a number changed, a key word swapped. Not a conflict:
one rendering longer or cut short, an elided clause, "gonna" / "going to", contractions, case
and punctuation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache

from storyline.claims.conflicts import Evidence, cite, conflict_of
from storyline.claims.facts import Fact
from storyline.entities.names import name_key
from storyline.records import Conflict, Quote

#: Two renderings are one quote when this many words match in order...
MIN_SHARED_WORDS = 6
#: ...covering at least this share of the shorter rendering. Tuned on NeuS val and ECB+ dev.
MIN_SHARED_SHARE = 0.6
#: A quote whose speaker one article does not name is compared when it is at least this long.
UNATTRIBUTED_MIN_WORDS = 10
#: A quote this long is one quote whatever speakers two articles give it (tuned on NeuS val injections).
LONG_QUOTE_WORDS = 15
#: A changed stretch longer than this is an elision or a paraphrase, not a swapped word.
MAX_CHANGED_WORDS = 2
SPOKEN = [(r"\bgonna\b", "going to"), (r"\bwanna\b", "want to"), (r"\bgotta\b", "got to"),
          (r"\bcan'?t\b", "can not"), (r"\bwon'?t\b", "will not"), (r"\bcannot\b", "can not"),
          (r"n't\b", " not"), (r"'re\b", " are"), (r"'m\b", " am"), (r"'ll\b", " will"), (r"'ve\b", " have"),
          (r"'d\b", " would"), (r"'s\b", "")]
BRITISH = [(r"([^aeiou])re$", r"\1er"), (r"([^aeiou])res$", r"\1ers"), (r"our(s?)$", r"or\1"),
           (r"is(e|ed|es|ing|ation)$", r"iz\1"), (r"ys(e|ed|es|ing)$", r"yz\1"), (r"ogue$", "og"),
           (r"ll(ed|ing|er)$", r"l\1"), (r"ae", "e")]
NEGATIVE = {"not", "never", "no", "nobody", "nothing", "none", "neither", "nor"}
STOP = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "that", "this", "it", "is", "was",
        "are", "be", "been", "we", "i", "you", "they", "he", "she", "so", "just", "very", "really", "but",
        "with", "as", "by", "from", "all", "um", "uh", "well", "like", "oh", "can", "could", "will", "would",
        "may", "might", "shall", "should", "must", "ll"}


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    lowered = re.sub(r"\s*'\s*(?=[a-z])", "'", text.lower().replace("’", "'").replace("‘", "'"))
    for pattern, replacement in SPOKEN:
        lowered = re.sub(pattern, replacement, lowered)
    return tuple(re.findall(r"[a-z0-9]+", lowered))


def _meaningful(a: list[str], b: list[str]) -> bool:
    """A changed stretch that changes meaning: a negation, a number, or a different content word."""
    if (NEGATIVE & set(a)) != (NEGATIVE & set(b)):
        return True
    digits_a, digits_b = [w for w in a if w.isdigit()], [w for w in b if w.isdigit()]
    if digits_a and digits_b and digits_a != digits_b:
        return True
    content_a = [w for w in a if w not in STOP]
    content_b = [w for w in b if w not in STOP]
    if not content_a or not content_b or len(a) > MAX_CHANGED_WORDS or len(b) > MAX_CHANGED_WORDS:
        return False
    return all(x[:4] != y[:4] and _spelling(x) != _spelling(y) for x in content_a for y in content_b)


def _spelling(word: str) -> str:
    """British and American spellings of one word alike ("fibre" / "fiber", "colour" / "color")."""
    for pattern, replacement in BRITISH:
        word = re.sub(pattern, replacement, word)
    return word


def difference(first: str, second: str) -> tuple[str, str] | None:
    """The words that differ inside the shared part of two renderings of one quote, if they
    change its meaning; ``None`` for the same quote, an excerpt, or different quotes."""
    a, b = list(words(first)), list(words(second))
    if a == b:
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    shared = sum(blk.size for blk in blocks)
    if shared < MIN_SHARED_WORDS or shared < MIN_SHARED_SHARE * min(len(a), len(b)):
        return None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        inside = i1 > blocks[0].a and j1 > blocks[0].b and i2 <= blocks[-1].a and j2 <= blocks[-1].b
        if tag == "equal" or not inside:
            continue
        old, new = a[i1:i2], b[j1:j2]
        if tag != "replace" and len(old + new) != 1:
            continue  # an elided or added clause
        if _meaningful(old, new):
            return " ".join(old) or "(nothing)", " ".join(new) or "(nothing)"
    return None


def _same_speaker(p: Quote, q: Quote) -> bool:
    """Attributed to one person, or long enough to be one quote whoever each article credits
    (one attribution missing, or "the opinion" / "the Justice Department" for one document)."""
    shortest = min(len(words(p.text)), len(words(q.text)))
    if p.speaker is not None and q.speaker is not None and shortest < LONG_QUOTE_WORDS:
        return name_key(p.speaker) == name_key(q.speaker)
    return shortest >= UNATTRIBUTED_MIN_WORDS


def check(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    quotes = sorted(evidence.quotes, key=lambda q: (q.article_id, q.sentence, q.text))
    found: dict[tuple[str, str, str], dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for i, p in enumerate(quotes):
        for q in quotes[i + 1 :]:
            if p.article_id == q.article_id or not _same_speaker(p, q):
                continue
            diff = difference(p.text, q.text)
            if diff is None:
                continue
            first, second = sorted(diff)
            key = (p.speaker or "", first, second)
            for value, quote in ((diff[0], p), (diff[1], q)):
                cite(found[key], value, quote.article_id, quote.text)
    return [conflict_of("quote", f"the words {speaker} is quoted with" if speaker else "the words of one quote",
                        values, evidence.outlet_of) for (speaker, _, _), values in found.items()]
