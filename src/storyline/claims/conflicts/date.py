"""Dates: the same verb of the same fact dated differently ("voted on Tuesday" / "voted
Wednesday"; "in January 2016" / "on Oct. 3, 2016"), compared at the precision both give.

A date belongs to the verb of its clause: "told the paper after the summary was released
Sunday" dates the release, not the telling. Bounds ("since 2019", "by March") and dates of
speech ("said on Tuesday") are not compared. Two leads date the story's main event even under
different verbs ("notified the court on Tuesday" / "told the court on Wednesday"), unless one
tells a later event or a later stage of it. ``named_years`` compares the year naming one thing
("the 2016 election" / "the 2013 election"); ``years`` keeps the anchor check of the seed story:
a rarely named place, person or body dated to different years by different articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from weakref import WeakKeyDictionary

from storyline.claims.conflicts import Disagreement, Evidence, conflict_of
from storyline.claims.counts import counts
from storyline.claims.facts import Fact, is_lead
from storyline.claims.slots import (
    DATE_BOUNDS,
    LIGHT_VERBS,
    NON_SPEECH_LIGHT,
    SPEECH_VERBS,
    DateParts,
    SentenceView,
    date_parts,
)
from storyline.records import Conflict

#: Two sentences dating one rare anchor must share at least this much else (sentence cosine).
#: The seed story's pair is at 0.56; false alarms on ECB+ dev were all at or below 0.39.
YEAR_PAIR_MIN_SIMILARITY = 0.45
#: An anchor named in more sentences of one article than this is a subject, not a detail.
ANCHOR_MAX_SENTENCES = 2
ANCHOR_TYPES = {"GPE", "PERSON", "ORG", "FAC"}
#: A sentence with more years than this lists dates; its years are not tied to one anchor.
MAX_YEARS = 2
#: Main verbs of two sentences of one fact at this cosine or more date the same event. Tuned on
#: the first 100 NeuS val stories (weekday injections found vs dates flagged on unchanged stories).
MAIN_VERB_MIN_SIMILARITY = 0.42
#: Sentences naming one thing with two years ("the 2016 election" / "the 2013 election") state one
#: fact at this cosine. Tuned on NeuS val (year injections vs conflicts on unchanged stories).
NAMED_YEAR_MIN_SIMILARITY = 0.4
#: One verb dated twice in sentences this close is one event even when its clause shares no
#: other word ("which commenced in September"). Tuned on ECB+ dev and NeuS val false alarms.
SAME_VERB_SIMILARITY = 0.6
#: Words after a weekday that make it a time, not a modifier ("Thursday night", not "a Friday speech").
TIME_OF_DAY = {"morning", "afternoon", "evening", "night", "overnight", "noon", "midnight"}
APPROXIMATE = {"around", "about", "early", "late", "mid", "circa", "roughly"}
#: Verbs that report an act of saying, for telling a statement's date from an event's ("said
#: Monday" / "was killed Sunday"); wider than ``SPEECH_VERBS`` (which are light in other checks).
SAYING = SPEECH_VERBS | {"notify", "declare", "warn", "confirm", "reveal", "insist", "argue", "acknowledge",
                         "unveil", "urge", "tweet", "testify", "vow", "pledge"}

#: Verbs of saying that also name an act when a thing follows ("added a new legal blockade",
#: "confirmed Judge Barrett", "unveiled the text", "claimed responsibility", "reported 15,000 cases").
ACT_OR_SAYING = {"add", "confirm", "announce", "unveil", "declare", "report", "claim", "reveal", "acknowledge"}
#: The slot of the leads' main event: one conflict however each pair of leads words it.
MAIN_EVENT = "when the main event happened"
#: Words of a record measured from a date ("the most since 2008"), besides "-est" words.
SUPERLATIVES = {"most", "least", "record", "worst", "best", "first"}
#: Verbs of a page's timestamp ("21 July 2013 Last updated at 11:11 GMT"): when it was written, not what happened.
PUBLISHING = {"update", "post", "publish"}
TIMESTAMP_VERBS = NON_SPEECH_LIGHT | PUBLISHING
#: Time words naming a day relative to the article's ("Wynn on Tuesday and Bell today").
DEICTIC_DAYS = {"today", "yesterday", "tonight", "tomorrow", "last night", "this morning"}
#: Words of a lead telling a later stage of a running event (another day of a trial).
CONTINUATION = {"continue", "resume"}
ORDINALS = {"second", "third", "fourth", "another", "next"}  # "for the second day"
#: A night reported from either side ("an overnight fire Friday" / "early Saturday").
NIGHT = {"night", "overnight"}
#: Words that set two events of one sentence in order: a lead holding one dates either.
SEQUENCE = {"after", "before", "following", "since", "later", "earlier"}


_DATED: WeakKeyDictionary[SentenceView, list[tuple[str, DateParts, str, int]]] = WeakKeyDictionary()


def _dated(view: SentenceView) -> list[tuple[str, DateParts, str, int]]:
    """``_dated_verbs`` once per sentence."""
    if view not in _DATED:
        _DATED[view] = list(_dated_verbs(view))
    return _DATED[view]


def _dated_verbs(view: SentenceView) -> Iterator[tuple[str, DateParts, str, int]]:
    """(verb, parts, expression, position) for each explicit date tied to a content verb; dates
    that name a thing ("the 2000 Caring Award") or come in a list ("the 2004 and 2005 awards") are left out."""
    explicit = [(p, e, date_parts(e)) for p, e in view.times]
    for position, expression, parts in explicit:
        if parts is None or _modifier(view, position, expression):
            continue
        clause = view.clause_of[position]
        if any((other or e.lower() in DEICTIC_DAYS) and q != position and view.clause_of[q] == clause
               and not _modifier(view, q, e) and not _verb_between(view, position, q) for q, e, other in explicit):
            continue  # two dates of one verb ("from May to July", "Wynn on Tuesday and Bell today")
        before = view.tokens[position - 1].text.lower() if position > 0 else ""
        first = expression.split()[0].lower()
        if before in DATE_BOUNDS or first in DATE_BOUNDS or before in ("[", "("):
            continue  # a bound ("since 2019"), or an editor's gloss ("As it promised [Tuesday]")
        if first in APPROXIMATE or before in APPROXIMATE:  # "around May 3" says May; "mid May" is May
            parts = DateParts(parts.year, parts.month, None, parts.weekday)
        verb = _date_verb(view, position, expression)
        if verb and not _timestamp(view, verb) and view.asserted(view.verb_position(verb)):
            yield verb, parts, expression, position


def _timestamp(view: SentenceView, verb: str) -> bool:
    """A page's timestamp: a publishing verb and no other content verb ("21 July 2013 Last updated
    at 11:11 GMT"; not "in a video posted to Twitter on Tuesday night, Trump denounced ...")."""
    return verb in PUBLISHING and not any(t.pos == "VERB" and t.lemma not in TIMESTAMP_VERBS for t in view.tokens)


def _verb_between(view: SentenceView, i: int, j: int) -> bool:
    """A content verb stands between two positions: each date has its own ("asked on Tuesday to
    delay the address set for Jan. 29")."""
    lo, hi = min(i, j), max(i, j)
    return any(t.pos == "VERB" and t.lemma not in NON_SPEECH_LIGHT for t in view.tokens[lo + 1 : hi])


def _date_verb(view: SentenceView, position: int, expression: str) -> str | None:
    """The verb a date modifies: its clause's nearest verb (``verb_of``), except a participle right
    after the date when a verb precedes it ("signed an order Wednesday aimed at ...": the signing),
    and the main verb after a fronted weekday or day ("On Tuesday evening, Biden traveled ...", "On 23
    October, the government gave ..."; not "In March, ...": a month opening a sentence sets a scene)."""
    clause = view.clause_of[position]
    after = position + len(expression.split())
    if after < len(view.tokens):
        nxt = view.tokens[after]
        left = [t.lemma for i, t in enumerate(view.tokens[:position])
                if t.pos == "VERB" and t.lemma not in NON_SPEECH_LIGHT and view.clause_of[i] == clause]
        if nxt.pos == "VERB" and nxt.text.lower().endswith(("ed", "ing")):
            before = view.tokens[position - 1].text.lower() if position else ""
            if before in ("a", "an", "the", "of", "'s", "’s"):
                return None  # "a 1998 aggravated assault conviction": the date names a thing
            if left:
                return left[-1]
    verb = view.verb_of(position, speech=True)
    fronted = clause == view.clause_of[0]
    parts = date_parts(expression)
    if verb is None and fronted and parts is not None and (parts.weekday is not None or parts.day is not None):
        return next((t.lemma for t in view.tokens[after:] if t.pos == "VERB" and t.lemma not in NON_SPEECH_LIGHT), None)
    return verb



def _other_counts(a: SentenceView, b: SentenceView, texts: dict[str, str]) -> bool:
    """Both sentences count one thing with different numbers: two occasions ("arrested 12 on
    Monday night" / "arrested 15 on Tuesday night"), not one event dated twice."""
    if not a.numbers or not b.numbers:
        return False
    counts_b = counts(b, texts[b.article_id])
    return any(f.nouns & g.nouns and not f.compatible(g) for f in counts(a, texts[a.article_id]) for g in counts_b)


def _related(a: SentenceView, b: SentenceView) -> bool:
    shared_entities = {e[1] for e in a.entities} & {e[1] for e in b.entities}
    lemmas = lambda v: {t.lemma for t in v.tokens if t.pos in ("NOUN", "PROPN") and not t.is_stop}  # noqa: E731
    return bool(shared_entities) or len(lemmas(a) & lemmas(b)) >= 2


def _same_event(a: SentenceView, b: SentenceView, first: tuple[str, int], second: tuple[str, int],
                similarity: float) -> bool:
    """Two dated verbs name one event: the same verb with a shared word in its clause, or the main
    verbs of two sentences that state one fact closely."""
    (verb_a, pa), (verb_b, pb) = first, second
    if a.future(a.verb_position(verb_a)) != b.future(b.verb_position(verb_b)):
        return False  # a plan and an event
    if verb_a == verb_b:
        return bool((a.clause_lemmas(pa) & b.clause_lemmas(pb)) - {verb_a}) or similarity >= SAME_VERB_SIMILARITY
    if _sequenced(a, pa, b, verb_b) or _sequenced(b, pb, a, verb_a) or _later_stage(a) or _later_stage(b):
        return False
    if _lead_event(a, pa) and _lead_event(b, pb):
        says_a, says_b = saying(a, verb_a), saying(b, verb_b)
        return says_a == says_b or _one_act(a, pa, verb_a, b, pb, verb_b, says_a)
    main = verb_a == a.main_verb() and verb_b == b.main_verb()
    speech = (verb_a in SPEECH_VERBS) == (verb_b in SPEECH_VERBS)  # "defended on Monday" / "said Sunday"
    return main and speech and similarity >= MAIN_VERB_MIN_SIMILARITY


def saying(view: SentenceView, verb: str) -> bool:
    """``verb`` reports speech here: a verb of saying not followed by a thing it acts on ("added a
    new legal blockade", "confirmed Judge Barrett", "unveiled the text" are acts; "added that",
    "confirmed Thursday it would" are statements)."""
    if verb not in SAYING:
        return False
    if verb not in ACT_OR_SAYING:
        return True  # "said the statue has been removed": a clause, not a thing acted on
    position = view.verb_position(verb)
    nxt = view.tokens[position + 1] if position + 1 < len(view.tokens) else None
    return nxt is None or not (nxt.pos in ("DET", "NUM", "PROPN", "NOUN") and nxt.ent in ("", "PERSON", "ORG"))


def _one_act(a: SentenceView, pa: int, verb_a: str, b: SentenceView, pb: int, verb_b: str, says_a: bool) -> bool:
    """A statement and an act told by two leads are one act when one named doer does both and
    the statement does not report the other's act ("Trump on Thursday said he doesn't believe
    the report" / "Trump on Monday rejected the projections"; not "Northam said Monday the statue
    has been removed" / "the statue was removed Wednesday", nor "Cohen's lawyer said")."""
    if shared_doer(a, pa, b, pb) is None:
        return False
    speech, pos, act = (a, pa, verb_b) if says_a else (b, pb, verb_a)
    return not any(t.lemma == act for t in speech.tokens[pos:])


def shared_doer(a: SentenceView, pa: int, b: SentenceView, pb: int) -> str | None:
    """The entity both sentences name as the doer of the verbs at ``pa`` and ``pb``, unless it is
    a possessor there ("Michael Cohen's attorney said")."""
    doer = a.subject(pa)
    if doer is None or doer != b.subject(pb) or _possessed(a, doer, pa) or _possessed(b, doer, pb):
        return None
    return doer


def _possessed(view: SentenceView, entity: str, position: int) -> bool:
    """The doer's name before ``position`` is a possessor ("Michael Cohen's attorney said")."""
    ends = [e[3].end for e in view.entities if e[1] == entity and e[0] < position]
    return any(view.text[end - view.sentence.start : end - view.sentence.start + 2] in ("'s", "’s")
               for end in ends)


def _lead_event(view: SentenceView, position: int) -> bool:
    """The first dated verb of an article's first sentence: when the story's main event happened
    ("notified the court on Tuesday" / "told the court on Wednesday")."""
    dated = _dated(view)
    return is_lead(view) and bool(dated) and dated[0][3] == position


def _later_stage(view: SentenceView) -> bool:
    """The sentence tells a later stage of a running event ("testimony continued for the second
    day on Wednesday"): its date is that stage's, not the event's."""
    words = [t.text.lower() for t in view.tokens]
    return any(t.lemma in CONTINUATION for t in view.tokens) or any(
        w in ORDINALS and nxt in ("day", "week", "night") for w, nxt in zip(words, words[1:]))


def _overnight(a: SentenceView, expression: str, parts: DateParts, b: SentenceView, expression_b: str,
               parts_b: DateParts) -> bool:
    """One night told from either side ("an overnight fire Friday" / "early Saturday")."""
    if parts.weekday is None or parts_b.weekday is None:
        return False
    pairs = (((a, expression, parts), (b, expression_b, parts_b)), ((b, expression_b, parts_b), (a, expression, parts)))
    for (va, ea, pa), (_, eb, pb) in pairs:
        night = bool(NIGHT & set(ea.lower().split())) or "overnight" in va.text.lower()
        if night and "early" in eb.lower().split() and pa.weekday is not None and (pa.weekday + 1) % 7 == pb.weekday:
            return True
    return False


def _sequenced(view: SentenceView, position: int, other: SentenceView, other_verb: str) -> bool:
    """``view`` dates a later event than one the other sentence tells too ("charged Saturday
    after opening fire, killing one" / "walked in Friday and opened fire, killing one"): a sequence
    word after the date, then a verb of the other sentence other than the one both date."""
    start = next((i for i in range(position, len(view.tokens)) if view.tokens[i].text.lower() in SEQUENCE), None)
    if start is None:
        return False
    verbs = {t.lemma for t in other.tokens if t.pos == "VERB" and t.lemma not in LIGHT_VERBS} - {other_verb}
    return any(t.pos == "VERB" and t.lemma in verbs for t in view.tokens[start + 1 :])


def check(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    texts = evidence.texts
    for a, b, similarity in fact.pairs():
        if not a.times or not b.times or not _related(a, b) or _other_counts(a, b, texts):
            continue
        dated_a, dated_b = _dated(a), _dated(b)
        if {d[1] for d in dated_a} & {d[1] for d in dated_b}:
            continue  # both give one date: the other date is of another event
        for verb, parts, expression, pa in dated_a:
            for verb_b, parts_b, expression_b, pb in dated_b:
                if a.other_doer(pa, b, pb):
                    continue  # another doer, another event
                if (parts.clashes(parts_b) and not _overnight(a, expression, parts, b, expression_b, parts_b)
                        and _same_event(a, b, (verb, pa), (verb_b, pb), similarity)):
                    slot = MAIN_EVENT if _lead_event(a, pa) and _lead_event(b, pb) else f"when it happened ({verb})"
                    yield Disagreement("date", slot, expression, a, expression_b, b)


def _records(view: SentenceView) -> dict[str, tuple[DateParts, str]]:
    """Superlatives measured from a date ("the lowest jobless rate since December 1969": lowest
    -> December 1969), by the superlative; one each."""
    found: dict[str, tuple[DateParts, str]] = {}
    for position, expression in view.times:
        parts = date_parts(expression)
        if parts is None or position == 0 or view.tokens[position - 1].text.lower() != "since":
            continue
        words = []
        for tok in reversed(view.tokens[max(0, position - 9) : position - 1]):
            if tok.text in (",", ";", ":"):
                break  # "since" opens its own clause; the record is named just before it
            words.append(tok.text.lower())
        superlative = next((w for w in words if w in SUPERLATIVES or (w.endswith("est") and len(w) > 5)), None)
        if superlative:
            found[superlative] = (parts, expression)
    return found


def records(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    """The same record of one fact measured from two dates ("the lowest rate since 1969" /
    "the lowest since 1967")."""
    for a, b, _ in fact.pairs():
        mine, theirs = _records(a), _records(b)
        for word in sorted(set(mine) & set(theirs)):
            (pa, ea), (pb, eb) = mine[word], theirs[word]
            if pa.clashes(pb):
                yield Disagreement("date", f"the date the {word} level is measured since", ea, a, eb, b)


def _named_years(view: SentenceView) -> dict[str, set[int]]:
    """The years that name a thing, by the thing's head noun ("the 2016 election": election -> {2016})."""
    found: dict[str, set[int]] = defaultdict(set)
    for position, expression in view.times:
        parts = date_parts(expression)
        if not parts or not parts.year or parts.month or not _modifier(view, position, expression):
            continue
        after = position + len(expression.split())
        head = None
        for tok in view.tokens[after : after + 4]:
            if tok.pos == "NOUN":
                head = tok.lemma
                break
            if tok.pos not in ("ADJ", "PROPN"):
                break
            if tok.pos == "PROPN":
                head = tok.text  # "a 2011 Toyota Camry": a product named by its model year
        if head:
            found[head].add(parts.year)
    return found


def named_years(fact: Fact, evidence: Evidence) -> Iterator[Disagreement]:
    """The same thing of the same fact named with two years ("the 2016 election" / "the 2013
    election"), in sentences close enough to state one fact."""
    for a, b, similarity in fact.pairs():
        if similarity < NAMED_YEAR_MIN_SIMILARITY:
            continue
        years_a, years_b = _named_years(a), _named_years(b)
        for noun in sorted(set(years_a) & set(years_b)):
            ya, yb = years_a[noun], years_b[noun]
            if len(ya) == 1 and len(yb) == 1 and ya != yb:
                first, second = next(iter(ya)), next(iter(yb))
                yield Disagreement("date", f"the year of the {noun}", f"{first} {noun}", a, f"{second} {noun}", b)


def _years(view: SentenceView) -> list[tuple[int, str]]:
    """(character offset, year) of each plain year in the sentence, bounds excluded."""
    found = []
    for position, expression in view.times:
        parts = date_parts(expression)
        before = view.tokens[position - 1].text.lower() if position > 0 else ""
        plain = parts and parts.year and before not in DATE_BOUNDS and not re.search(r"\d{4}s", expression)
        if plain and parts and not _modifier(view, position, expression):
            found.append((view.tokens[position].idx, str(parts.year)))
    return found


def _modifier(view: SentenceView, position: int, expression: str) -> bool:
    """A year naming a thing ("the 2016 election", "2019 federal budget", "Tuesday's elections"),
    not a time."""
    after = position + len(expression.split())
    if after >= len(view.tokens) or view.tokens[after].lemma.lower() in TIME_OF_DAY:
        return False  # "Thursday night"
    if position > 0 and view.tokens[position - 1].text.lower() == "on":
        return False  # "said on Friday Turkey could ...": a day, whatever follows
    return view.tokens[after].pos in ("NOUN", "PROPN", "ADJ") or view.tokens[after].text in ("'s", "’s")


def _nearest_year(start: int, end: int, years: list[tuple[int, str]]) -> str | None:
    def distance(item: tuple[int, str]) -> int:
        return item[0] - end if item[0] >= end else (start - item[0]) + 5
    return min(years, key=distance)[1] if years else None


def years(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    """A rarely named anchor dated to different years by different articles about the same thing."""
    views = [v for f in facts for v in f.views]
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for view in views:
        for eid in {e[1] for e in view.entities}:
            counts[(view.article_id, eid)] += 1
    dated: dict[str, dict[str, list[SentenceView]]] = defaultdict(lambda: defaultdict(list))
    for view in views:
        year_list = _years(view)
        if len(year_list) > MAX_YEARS:
            continue  # a list of years ("in 1994, 1996, 1999 and 2002") dates no one thing
        for _, eid, etype, mention in view.entities if year_list else []:
            if etype in ANCHOR_TYPES and counts[(view.article_id, eid)] <= ANCHOR_MAX_SENTENCES:
                year = _nearest_year(mention.start, mention.end, year_list)
                if year and view not in dated[eid][year]:
                    dated[eid][year].append(view)
    conflicts = []
    for eid, by_year in sorted(dated.items()):
        if len(by_year) >= 2 and _corroborated(by_year, evidence):
            entity = evidence.index.get(eid)
            values = {y: [(v.article_id, v.text) for v in vs] for y, vs in by_year.items()}
            name = entity.name if entity else eid
            conflicts.append(conflict_of("date", f"the year for {name}", values, evidence.outlet_of))
    return conflicts


def _corroborated(by_year: dict[str, list[SentenceView]], evidence: Evidence) -> bool:
    groups = list(by_year.values())
    return any(a.article_id != b.article_id and evidence.similarity(a, b) >= YEAR_PAIR_MIN_SIMILARITY
               for i, first in enumerate(groups) for second in groups[i + 1 :] for a in first for b in second)
