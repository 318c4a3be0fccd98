"""Noun phrases around a speech verb, over tokens, POS tags and NER mentions (no parser): the
phrase before or after the verb, stepping over adverbs, appositions, parentheses, places and
prepositional phrases, and the name that ends a long title."""

from __future__ import annotations

import re

from storyline.claims.context import Context
from storyline.claims.speakers import is_person
from storyline.claims.speech import AUXILIARIES, PRONOUNS
from storyline.records import Mention

NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})
POSSESSIVE = ("'s", "’s")
TIME_ENTS = frozenset({"DATE", "TIME"})
#: Comma-separated appositions stepped over between a name and its speech verb.
APPOSITIONS = 3
LINKS = frozenset({"for", "of", "at", "to", "with", "from"})
#: Pronouns that can only be subjects.
NOMINATIVE = frozenset({"he", "she", "they", "i", "we"})
PREPOSITIONS = frozenset({"in", "at", "from", "of", "with", "to", "for", "on", "by", "about", "into",
                          "over", "against", "during", "after", "before", "through", "across", "outside"})
#: A name after an inverted speech verb is looked for this many tokens on, past a long title.
TITLE_TOKENS = 12


def np_right(ctx: Context, i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at token i (characters), or None."""
    toks = ctx.tokens
    while i < hi and (toks[i].pos == "ADV" or toks[i].ent in TIME_ENTS):
        i += 1
    if i >= hi or toks[i].pos not in NP_POS or ctx.quoted(toks[i].idx):
        return None
    if toks[i].text.lower() in PRONOUNS:
        return toks[i].idx, toks[i].idx + len(toks[i].text)
    j = i
    while j + 1 < hi and not ctx.quoted(toks[j + 1].idx) and (
            (toks[j + 1].pos in NP_POS - {"PRON"} and toks[j + 1].ent not in TIME_ENTS)
            or toks[j + 1].text in ("-", ".", *POSSESSIVE)
            or (toks[j + 1].text.lower() in LINKS and toks[j].pos in ("NOUN", "PROPN")
                and j + 2 < hi and toks[j + 2].pos in ("DET", "PROPN", "ADJ", "NOUN"))):
        j += 1
    mention = ctx.starts.get(toks[i].idx)
    end = toks[j].idx + len(toks[j].text)
    if mention is not None and mention.end > end:
        end = mention.end
    return toks[i].idx, end


def np_left(ctx: Context, j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending at token j (characters), or None."""
    toks = ctx.tokens
    if j < lo or ctx.quoted(toks[j].idx) or toks[j].pos not in NP_POS - {"DET"} or toks[j].ent in TIME_ENTS \
            or (toks[j].pos == "PRON" and toks[j].text.lower() not in PRONOUNS):
        return None
    end = toks[j].idx + len(toks[j].text)
    if toks[j].text.lower() in PRONOUNS:
        return toks[j].idx, end
    i = j
    while i - 1 >= lo and not ctx.quoted(toks[i - 1].idx):
        prev = toks[i - 1]
        if toks[i].pos == "DET":  # "Proponents of the new bill": the phrase goes on before "of"
            if prev.text.lower() in LINKS and i - 2 >= lo and toks[i - 2].pos in ("NOUN", "PROPN"):
                i -= 2
                continue
            break
        if (prev.pos in NP_POS - {"PRON"} and prev.ent not in TIME_ENTS) or prev.text in ("-", ".", *POSSESSIVE):
            i -= 1
        elif prev.text.lower() in LINKS and i - 2 >= lo and toks[i - 2].pos in ("NOUN", "PROPN"):
            i -= 2
        else:
            break
    start = toks[i].idx
    mention = ctx.ends.get(end)
    if mention is not None and mention.start < start:
        start = mention.start
    elif toks[i].pos != "DET" and toks[j].text.islower() and i - 2 >= lo and toks[i - 1].text.lower() == "and":
        first = np_left(ctx, i - 2, lo)  # "the Florida senator and Republican presidential candidate"
        if first is not None and ctx.text[first[0] : first[0] + 4].lower() == "the ":
            start = first[0]
    return start, end


def skip_back(ctx: Context, j: int, lo: int) -> int:
    """From the token before a verb, step back over adverbs, auxiliaries and one apposition."""
    toks = ctx.tokens
    while j >= lo and (toks[j].pos in ("ADV", "AUX") or toks[j].text.lower() in AUXILIARIES
                       or toks[j].ent in TIME_ENTS
                       or (toks[j].pos == "ADP" and j + 1 < len(toks) and toks[j + 1].ent in TIME_ENTS)):
        j -= 1
    if j - 1 >= lo and toks[j].text == "," and toks[j - 1].text == ")":
        j -= 1
    if j >= lo and toks[j].text == ")":
        k = j - 1
        while k >= max(lo, j - 8) and toks[k].text != "(":
            k -= 1
        return k - 1 if k >= lo and toks[k].text == "(" else j
    if j >= lo and toks[j].text == "," and not ctx.quoted(toks[j].idx):
        k = j - 1
        while k >= max(lo, j - 25) and toks[k].text != "," and not ctx.quoted(toks[k].idx):
            k -= 1
        if k >= lo and toks[k].text == "," and k - 1 >= lo and not ctx.quoted(toks[k - 1].idx):
            named = ctx.starts.get(toks[k + 1].idx)
            if named is not None and named.label == "PERSON" and named.end == toks[j - 1].idx + len(toks[j - 1].text):
                return j - 1  # "her senior policy adviser, Jake Sullivan, said": the name speaks
            return _before_appositions(ctx, k, lo)
    return j


def _before_appositions(ctx: Context, comma: int, lo: int) -> int:
    """The token before an apposition; past one or two more when the first stops at a number or
    a phrase that cannot speak ("Clinton, 35, the daughter of ..., said")."""
    toks = ctx.tokens
    found = None  # the first phrase that may speak; a person further back wins over it
    for _ in range(APPOSITIONS):
        j = _before_parenthesis(ctx, comma - 1, lo)
        end = ctx.ends.get(toks[j].idx + len(toks[j].text))
        if end is not None and end.label == "PERSON":
            return j  # "Alixandria Lapp, executive director of the House Majority PAC, a super PAC, said"
        if found is None and (toks[j].pos in ("PROPN", "PRON") or end is not None):
            found = j
        k = j
        while k >= max(lo, j - 25) and toks[k].text != "," and not ctx.quoted(toks[k].idx):
            k -= 1
        if k < lo or toks[k].text != "," or k - 1 < lo:
            return j if found is None else found
        comma = k
    return comma - 1 if found is None else found


def _before_parenthesis(ctx: Context, j: int, lo: int) -> int:
    """The token before a short parenthesis ending at ``j`` ("Rep. Elijah Cummings (D-Md.)"), else ``j``."""
    toks = ctx.tokens
    if toks[j].text != ")":
        return j
    k = j - 1
    while k >= max(lo, j - 8) and toks[k].text != "(":
        k -= 1
    return k - 1 if k - 1 >= lo and toks[k].text == "(" else j


def absolute(ctx: Context, mention: Mention, lo: int) -> bool:
    """A name that opens an absolute phrase with its own participle ('..., with John McCain calling
    it a "menu"', 'Ryan saying ... and Trump calling it ...'), not an object ('wrote to Lynch asking')."""
    first = ctx.token_at(mention.start)
    title = first - 1 >= lo and ctx.tokens[first - 1].text in ("Sen.", "Rep.", "Gov.", "Mr.", "Ms.", "Mrs.", "Dr.")
    before = first - 1 - title
    return before < lo or ctx.tokens[before].text.lower() in ("with", ",", "and", "—")


def past_preposition(ctx: Context, span: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """A phrase after a preposition or a verb ("... University in Seoul told", "an official who
    spoke to discuss strategy said") is not the subject: the subject is the phrase before the
    comma that opened the apposition, or before the relative "who"."""
    toks = ctx.tokens
    first = ctx.token_at(span[0])
    if first - 1 < lo or not (toks[first - 1].text.lower() in PREPOSITIONS or toks[first - 1].pos == "VERB") \
            or toks[first].text.lower() in NOMINATIVE:  # "X said she thinks ...": she is a subject
        return span
    k = first - 1
    while k >= max(lo, first - 20) and not ctx.quoted(toks[k].idx):
        if toks[k].text == "," or toks[k].text.lower() == "who":
            k -= 1 if toks[k].text == "," or k - 1 < lo or toks[k - 1].text != "," else 2
            return np_left(ctx, k, lo) or span
        if toks[k].pos == "VERB" and toks[k].text.endswith("ing") and k - 1 >= lo \
                and toks[k - 1].pos in ("NOUN", "PROPN"):  # "Protesters marching through the streets chanted"
            return np_left(ctx, k - 1, lo) or span
        k -= 1
    if toks[first - 1].text.lower() in PREPOSITIONS and first - 2 >= lo \
            and toks[first - 2].pos in ("NOUN", "PROPN"):  # "a narrator in the Clinton ad asks"
        return np_left(ctx, first - 2, lo) or span
    return span


def past_place(ctx: Context, span: tuple[int, int], lo: int) -> tuple[int, int]:
    """'Stacy Baker of Columbia, South Carolina, says': a state after a town is not the subject;
    the phrase before the town is."""
    place = ctx.starts.get(span[0])
    window = max(0, span[0] - 40)
    match = re.search(r"\b(?:of|from|in)\s+[A-Z][\w.' -]{1,30},\s*$", ctx.text[window : span[0]])
    if place is None or place.label != "GPE" or place.end != span[1] or match is None:
        return span
    k = ctx.token_at(window + match.start())  # the "of"
    return (np_left(ctx, k - 1, lo) or span) if k - 1 >= lo else span


def apposed_name(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """'said his daughter, Anna Berg': the name in apposition to a description speaks."""
    if any(m.label == "PERSON" for m in ctx.mention_in(*span)):
        return span
    match = re.match(r",\s+", ctx.text[span[1] : span[1] + 3])
    mention = ctx.starts.get(span[1] + match.end()) if match else None
    if mention is not None and mention.label == "PERSON":
        return mention.start, mention.end
    return span


def titled_name(ctx: Context, i: int, hi: int, span: tuple[int, int]) -> tuple[int, int]:
    """'said Florida-based Republican strategist Al Cardenas', 'said former Gov. and Committee
    Chairman Ed Rendell': when the phrase after the verb stops before a name that ends its
    title, the name (no comma, quote or clause in between)."""
    if any(m.label == "PERSON" for m in ctx.mention_in(*span)):
        return span
    toks = ctx.tokens
    for k in range(i, min(hi, i + TITLE_TOKENS)):
        if ctx.quoted(toks[k].idx) or toks[k].text in (",", ";", ":", "(", ")", "—", "–") \
                or toks[k].pos in ("AUX", "PRON", "ADP"):  # not "a spokesman for X"
            break
        mention = ctx.starts.get(toks[k].idx)
        entity = ctx.entity(mention) if mention is not None else None
        if mention is not None and mention.label == "PERSON" and (entity is None or is_person(entity)):
            return mention.start, mention.end
    return span


def person_at(ctx: Context, i: int, hi: int) -> bool:
    """A person is named at token i, perhaps after a title, and the clause ends there
    ('..., said Sen. Maria Cantwell.', not '..., said Trump's messages')."""
    for k in range(i, min(i + 3, hi)):
        mention = ctx.starts.get(ctx.tokens[k].idx)
        if mention is not None:
            ends = re.match(r"\s*(?:[,.;:(—–-]|$)", ctx.text[mention.end : mention.end + 2])
            return mention.label == "PERSON" and ends is not None
        if ctx.tokens[k].pos != "PROPN":
            return False
    return False
