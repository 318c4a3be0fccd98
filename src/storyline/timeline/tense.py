"""The tense around a date expression, read from the verbs of its sentence (HeidelTime's news
mode picks the last, next or nearest occurrence of an underspecified date by it). No parser:
the verb group nearest the expression, before it in the sentence or else after it."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.nlp.annotate import Token
from storyline.timeline.calendar import FUTURE, PAST, PRESENT

FUTURE_WORDS = frozenset({"will", "'ll", "’ll", "shall", "wo", "gonna"})
#: Verbs that put what follows in the future ("is scheduled to", "is expected to", "plans to").
FUTURE_LEMMAS = frozenset({"schedule", "expect", "plan", "set", "due", "intend", "aim", "upcoming"})
#: Verbs whose infinitive ("decided to admit them in March") happens after them, mostly but not
#: always after publication: the date is read as the nearest.
FORWARD = frozenset({"decide", "agree", "vote", "promise", "pledge", "threaten", "hope", "want",
                      "prepare", "propose", "offer", "seek", "arrange", "ask", "urge", "choose"})
#: Speech verbs: in the present ("the minister says Tuesday") they report what was said.
REPORTING = frozenset({"say", "tell", "report", "announce", "confirm", "add", "note", "claim", "deny",
                       "insist", "state", "write", "warn"})
#: Participles that schedule what they describe even alone ("the summit, scheduled for June 12").
SCHEDULED = frozenset({"schedule", "slate", "due"})
PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'d"})
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "do", "does", "can", "may", "must"})
#: Tokens that end the clause a verb group is looked for in.
CLAUSE_BREAKS = frozenset({";", ":", "``", "''", '"', "“", "”", "(", ")", "--", "_"})
VERBAL = frozenset({"VERB", "AUX"})
#: How far (tokens) from the expression a verb still sets its tense.
MAX_DISTANCE = 12
#: A participle or gerund with no auxiliary: says nothing of the tense; look further.
NON_FINITE = "non-finite"
#: Words right before a date that make it a deadline or a term, whatever the tense of the
#: sentence ("payable Dec. 7", "extended to Nov. 20", "effective Feb. 1").
TERM_WORDS = frozenset({"payable", "effective", "until", "till", "through", "to", "due", "expire",
                        "expires", "expiring", "by", "before", "starting", "beginning"})
#: How a deadline or term is read unless its clause is in the future or present: as a date
#: without tense (TempEval-3 train value accuracy 0.945; read as the future 0.940, as the present 0.944).
TERM_TENSE: str | None = None
#: Verbs that move something to a later date: the deadline after them is ahead ("postponed until
#: Tuesday", "extended the offer to Nov. 20").
PUSH_BACK = frozenset({"postpone", "delay", "extend", "defer", "adjourn", "reschedule", "suspend"})
#: Events set in advance: "the November election" names the coming one.
SCHEDULED_EVENTS = frozenset({"election", "vote", "ballot", "caucus", "primary", "deadline", "hearing",
                              "summit", "debate", "convention", "referendum", "inauguration", "runoff",
                              "meeting", "trial", "launch", "opening"})
#: Words before a date used as a modifier ("the Jan. 14 deadline"): read as a date without tense.
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def _group(tokens: Sequence[Token], i: int) -> list[Token]:
    """The verb group around token ``i``: adjacent verbs, auxiliaries, particles and adverbs."""
    lo = i
    while lo > 0 and (tokens[lo - 1].pos in VERBAL or tokens[lo - 1].pos in ("PART", "ADV")):
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and tokens[hi + 1].pos in VERBAL:
        hi += 1
    return list(tokens[lo:hi + 1])


def _group_tense(group: list[Token]) -> str | None:
    words = [t.text.lower() for t in group]
    verbal = [t for t in group if t.pos in VERBAL or t.text.lower() == "to"]
    lemmas = [t.lemma for t in verbal] or [group[0].lemma]
    if "had" in words:
        return PAST  # "had been scheduled to expire Friday": a plan already past
    if any(w in FUTURE_WORDS for w in words) or any(lem in FUTURE_LEMMAS for lem in lemmas[1:]):
        return FUTURE
    infinitive = {lem for lem, nxt in zip(lemmas, lemmas[1:]) if nxt == "to"}
    if lemmas[0] in SCHEDULED or infinitive & FUTURE_LEMMAS:
        return FUTURE  # "scheduled for June 12", "plans to visit in May"
    if words[0] in ("is", "are", "am", "'s", "'re") and "to" in words[1:2]:
        return FUTURE  # "is to resume trading Tuesday"
    if infinitive & FORWARD:
        return PRESENT  # "has decided to admit them in March", "agreed to pay in March": the nearest
    if words[0] in ("would", "could", "might", "should"):
        return PRESENT  # "said it would cut jobs by June": mostly ahead, read as the nearest
    if any(w in PAST_AUX for w in words):
        return PAST
    if any(w in PRESENT_AUX for w in words):
        return PRESENT
    verbs = [t for t in group if t.pos in VERBAL]
    if not verbs:
        return None
    first = verbs[0]
    text = first.text.lower()
    if text.endswith("ing"):
        return NON_FINITE
    if text == first.lemma or text.endswith("s") and text[:-1].startswith(first.lemma[:3]):
        return PAST if first.lemma in REPORTING else PRESENT  # "says Tuesday": the saying is past
    return PAST


def _adjectival(tokens: Sequence[Token], i: int, start: int) -> bool:
    """A participle used as an adjective ("preferred shares", "the proposed merger")."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    return (nxt is not None and nxt.pos in ("NOUN", "PROPN") and nxt.idx < start and prev is not None
            and prev.pos in ("DET", "ADJ", "NUM") and tokens[i].pos == "VERB")


def _scan(tokens: Sequence[Token], indices: list[int], start: int) -> str | None:
    for i in indices:
        if tokens[i].text in CLAUSE_BREAKS:
            return None
        if tokens[i].pos in VERBAL and not _adjectival(tokens, i, start):
            tense = _group_tense(_group(tokens, i))
            if tense != NON_FINITE:
                return tense
    return None


def tense_at(tokens: Sequence[Token], start: int, end: int) -> str | None:
    """The tense of the clause around the characters ``start``..``end`` of the article (verbs
    inside the expression count: "the year ended March 31"); None for a deadline or a term."""
    inside = [i for i, t in enumerate(tokens) if start <= t.idx < end and t.pos in VERBAL]
    if inside:  # "the year ended March 31"
        tense = _group_tense(_group(tokens, inside[0]))
        return None if tense == NON_FINITE else tense
    before = [i for i, t in enumerate(tokens) if t.idx < start]
    lead = [tokens[i].text.lower() for i in before[-2:] if tokens[i].idx < start]
    term = bool(lead) and (lead[-1] in TERM_WORDS or lead[-1] == "the" and lead[0] in TERM_WORDS)
    after = [i for i, t in enumerate(tokens) if t.idx >= end]
    found = _scan(tokens, list(reversed(before))[:MAX_DISTANCE], start)
    reach = MAX_DISTANCE * (3 if len(before) <= 1 else 1)  # "In January, ..., a bomb killed a guard"
    found = found if found is not None else _scan(tokens, after[:reach], start)
    if lead and lead[-1] in DETERMINERS and after and tokens[after[0]].pos == "NOUN":
        # a date used as a modifier: "the October slaying" (no tense), "the November election"
        # (the coming one, unless the clause is past: "tendered by the Tuesday deadline")
        return FUTURE if tokens[after[0]].lemma in SCHEDULED_EVENTS and found != PAST else None
    if term and any(tokens[i].lemma in PUSH_BACK for i in before[-MAX_DISTANCE:]):
        return FUTURE  # "postponed until Tuesday morning"
    # "will continue through Friday", "would cut jobs by June" (modals read as the present)
    return found if not term or found in (FUTURE, PRESENT) else TERM_TENSE
