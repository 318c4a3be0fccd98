"""The timeline stage: every date of every article resolved (against the publication date, the
tense around it and the last date the article mentioned), and which of them date an action."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from storyline.nlp.annotate import AnnotatedArticle, Token
from storyline.records import Mention, TimeRef
from storyline.timeline.calendar import PAST, ResolvedDate, shift
from storyline.timeline.detect import date_mentions
from storyline.timeline.relative import BACK_REFERENCE
from storyline.timeline.resolver import resolve_expression
from storyline.timeline.tense import CLAUSE_BREAKS, tense_at

#: Words that name the moment of writing: kept as dates, but in quotes they rarely date an event.
DEICTIC = re.compile(r"(?:earlier |later )?(?:today|tonight|now|currently|recently|this (?:morning|afternoon|evening))")
#: Words that make the date after them relative, when the NER leaves them out of its span.
RELATIVE_BEFORE = re.compile(r"\b(?:this|last|next|this past|this coming)\s+$", re.IGNORECASE)
#: A period of results named around a year the NER tags alone: "the corresponding period last
#: year", "the 1989 period" (read from the quarter last reported).
PERIOD_BEFORE = re.compile(r"\b(?:the\s+)?(?:corresponding|comparable|same|year-earlier|year-ago)\s+"
                           r"(?:period|quarter)\s+$", re.IGNORECASE)
#: A unit the NER tags alone in "the day after his death".
UNIT_ALONE = r"(?:day|week|month|year|night)"
PERIOD_AFTER = re.compile(r"\s+(?:period|quarter)\b", re.IGNORECASE)
#: A quarterly figure compared with the same quarter of last year ("up from $10 million last year").
YEAR_OVER_YEAR = re.compile(r"\b(?:from|compared with|compared to|than|versus|against)\b[^;:]*\d[^;:]*$")
#: The day a reporting period ends ("the quarter ended Sept. 30"): a boundary, not an action.
ENDS_A_PERIOD = re.compile(r"\b(?:quarter|year|period|months|weeks|half)\s+(?:ended|ending)\s+$", re.IGNORECASE)
#: Precisions outside the brief's contract: resolved (and scored) but never timeline entries.
NOT_IN_TIMELINE = frozenset({"century", "half"})
#: How many tokens around a date an action verb may be to be the one it dates (same clause);
#: three times as far after a date that opens its sentence. Chosen on TempEval-3 train: verbs
#: alone, a window of 12 keeps 0.87 of the dates a gold TLINK puts an event in (8: 0.81, 16: 0.90)
#: and leaves out 0.40 of those without (8: 0.52, 16: 0.35); with event nouns and appositions
#: skipped, 0.92 and 0.33 (benchmarks/dates.py prints both).
VERB_WINDOW = 12
#: Nouns that name an action ("the last such defection ... was in 2016"): these suffixes, or
#: the words below.
EVENT_NOUN_SUFFIXES = ("tion", "sion", "ment", "ing", "ure", "val")
EVENT_NOUNS = frozenset({"attack", "visit", "vote", "war", "talks", "summit", "trial", "deal", "crash",
                         "strike", "protest", "death", "launch", "coup", "raid", "escape", "fire",
                         "blast", "explosion", "invasion", "merger", "sale", "purchase", "loss"})
#: Lemmas that do not make a clause an action.
NOT_ACTIONS = frozenset({"be", "have", "do", "mark", "compare", "remain", "include", "represent"})


def story_reference_date(docs: list[AnnotatedArticle]) -> date | None:
    """The median publication date of the story: the anchor for undated articles."""
    known = sorted(d.article.published for d in docs if d.article.published)
    return known[(len(known) - 1) // 2] if known else None  # the lower median


def extract_dates(doc: AnnotatedArticle, fallback_ref: date | None) -> list[TimeRef]:
    """Resolve every date mention of one article."""
    return [r for _, r in resolved_mentions(doc, fallback_ref)]


def stated_dates(refs: list[TimeRef]) -> list[TimeRef]:
    """The dates outlets can disagree on: not "today" or "tonight", which date the writing and
    differ between outlets publishing on different days."""
    return [r for r in refs if not DEICTIC.fullmatch(r.expression.lower().strip())]


def system_dates(doc: AnnotatedArticle, fallback_ref: date | None) -> list[tuple[int, int, str, bool]]:
    """(start, end, TimeML value, timeline entry) of every resolved date: what the TimeML scorer
    reads. A range counts twice: its start over the words before the dash, its end over the rest."""
    from storyline.timeml import timeml_value

    out = []
    for m, r in resolved_mentions(doc, fallback_ref):
        split = re.search(r"(-|–|/|\bto\b|\bthrough\b|\band\b|\buntil\b|\btill\b)", m.text) if r.end else None
        if r.end and split:
            cut = m.start + split.start(1)
            out += [(m.start, cut, timeml_value(r.date, r.precision), r.event),
                    (cut, m.end, timeml_value(r.end, r.precision), r.event)]
        else:
            out.append((m.start, m.end, timeml_value(r.date, r.precision), r.event))
    return out


@dataclass
class _Anchors:
    """What back-references read from: the last date named, and the last quarter reported."""

    last: ResolvedDate | None = None
    quarter: ResolvedDate | None = None

    def move(self, resolved: ResolvedDate, ref: date | None) -> None:
        self.last = resolved
        if resolved.precision == "quarter" and ref and shift(resolved, months=2).date < ref.isoformat() \
                and (self.quarter is None or resolved.date >= self.quarter.date):
            # results reported, not forecast: what "a year ago" compares with; an earlier quarter
            # named in passing ("after a flat second quarter") does not replace the one reported
            self.quarter = resolved


def resolved_mentions(doc: AnnotatedArticle, fallback_ref: date | None) -> list[tuple[Mention, TimeRef]]:
    """Date mentions in text order with their resolution. The last date read is the anchor of
    back-references ("that day", "a year earlier"); a date read from an anchor does not move it."""
    ref = doc.article.published or fallback_ref
    source = "published" if doc.article.published else "story"
    anchors = _Anchors()
    refs: list[tuple[Mention, TimeRef]] = []
    for mention in date_mentions(doc):
        tokens = doc.tokens[mention.sentence] if mention.sentence < len(doc.tokens) else []
        resolved = _resolve(doc, mention, tokens, ref, anchors)
        if resolved is None:
            continue
        event = _dates_an_action(doc, mention, resolved, tokens)
        refs.append((mention, TimeRef(doc.id, mention.sentence, mention.text, resolved.date,
                                      resolved.precision, resolved.qualifier, resolved.approximate,
                                      source, event, resolved.end)))
    return refs


def _resolve(doc: AnnotatedArticle, mention: Mention, tokens: list[Token], ref: date | None,
             anchors: _Anchors) -> ResolvedDate | None:
    text = doc.article.text
    context = text[max(0, mention.start - 16): mention.start]
    tense = PAST if re.search(r"\bsince\s+$", context, re.IGNORECASE) else tense_at(tokens, mention.start, mention.end)
    expression = _expression(text, mention)
    resolved = resolve_expression(expression, ref, context, tense, anchors.last, anchors.quarter)
    determiner = re.search(r"\b(?:the|this|that|its)\s+$", context, re.IGNORECASE)
    if resolved is None and determiner:  # the NER leaves "the" out: "the quarter"
        resolved = resolve_expression(determiner[0] + mention.text, ref, context, tense, anchors.last,
                                      anchors.quarter)
    if resolved is None:
        return None
    if anchors.quarter and mention.text.lower() == "last year" and \
            YEAR_OVER_YEAR.search(text[doc.sentences[mention.sentence].start: mention.start]):
        return shift(anchors.quarter, years=-1)  # "... compared with $3 million last year"
    if not BACK_REFERENCE.search(expression.lower()):
        anchors.move(resolved, ref)
    return resolved


def _expression(text: str, mention: Mention) -> str:
    """The mention with the words around it that the NER leaves out and that change what it
    means: "this" in "this November", "the corresponding period" before "last year", "period"
    after "the 1989", "after" in "the day after"."""
    context = text[max(0, mention.start - 32): mention.start]
    expression = mention.text
    relative = RELATIVE_BEFORE.search(context)
    if relative and not re.match(r"(?:this|last|next)\b", expression, re.IGNORECASE):  # "this November"
        expression = relative[0] + expression
    period = PERIOD_BEFORE.search(context)
    if period and expression.lower() == "last year":
        expression = period[0] + expression
    after = PERIOD_AFTER.match(text, mention.end)
    if after and re.fullmatch(r"(?:the\s+)?(?:1[89]|20)\d\d", expression, re.IGNORECASE):
        expression = ("" if expression[:1].isalpha() else "the ") + expression + after[0]
    after = re.match(r"\s+(?:before|after)\b", text[mention.end:mention.end + 8], re.IGNORECASE)
    if after and re.search(r"(?<!,)\s+the\s+$", context) and re.fullmatch(UNIT_ALONE, expression, re.IGNORECASE):
        # "the day after his death"; not in an apposition ("Oct. 12, the day before the crash")
        expression = "the " + expression + after[0]
    return expression


def _clause(tokens: list[Token], start: int, end: int) -> tuple[list[Token], list[Token]]:
    """Tokens of the clause before and after the characters start..end (up to VERB_WINDOW)."""
    preceding = _skip_apposition([t for t in tokens if t.idx < start])
    before: list[Token] = []
    for t in reversed(preceding):
        if t.text in CLAUSE_BREAKS or len(before) >= VERB_WINDOW:
            break
        before.insert(0, t)
    fronted = len(before) <= 1  # "On Aug. 7, ..." / "Last week, ...": dates the main clause
    after: list[Token] = []
    for t in (t for t in tokens if t.idx >= end):
        if t.text in CLAUSE_BREAKS or len(after) >= VERB_WINDOW * (3 if fronted else 1):
            break
        after.append(t)
    return before, after


def _skip_apposition(preceding: list[Token]) -> list[Token]:
    """Leave out an apposition right before the date ("that of Tae Yong-ho, a former deputy
    ambassador, in 2016"): the date belongs to what the apposition describes."""
    tail = preceding[-2:]
    if not tail or "," not in [t.text for t in tail]:
        return preceding
    comma = len(preceding) - (1 if preceding[-1].text == "," else 2)
    previous = [i for i in range(comma) if preceding[i].text == ","]
    if not previous or any(t.pos in ("VERB", "AUX") for t in preceding[previous[-1]:comma]):
        return preceding
    return preceding[:previous[-1]] + preceding[comma + 1:]


def _dates_an_action(doc: AnnotatedArticle, mention: Mention, resolved: ResolvedDate,
                     tokens: list[Token]) -> bool:
    """A timeline entry: the date is attached to an action verb in its clause, is not a year used
    as an adjective ("the 2020 candidates") nor a year or decade after "since", not the day a
    period ends ("the quarter ended Sept. 30") and not "today" inside a quotation."""
    if resolved.precision in NOT_IN_TIMELINE:
        return False
    before, after = _clause(tokens, mention.start, mention.end)
    words = mention.text.lower().strip()
    if re.fullmatch(r"(?:the\s+)?(?:(?:1[89]|20)\d\d|['’]\d0)(?:['’]?s)?", words) and after and \
            after[0].pos in ("NOUN", "PROPN", "ADJ") and (not before or before[-1].pos != "ADP"):
        return False
    if DEICTIC.fullmatch(words) and _inside_quote(doc, mention):
        return False
    lead = doc.article.text[max(0, mention.start - 24): mention.start]
    if ENDS_A_PERIOD.search(lead):
        return False  # "the quarter ended Sept. 30": the period is the entry, not the day it ends
    if resolved.precision in ("year", "decade") and re.search(r"\bsince\s+(?:the\s+)?$", lead, re.IGNORECASE):
        return False  # "the highest since the 1970s", "has grown since 1990": a yardstick, not an event
    return any(t.pos == "VERB" and t.lemma not in NOT_ACTIONS or _event_noun(t) for t in before + after)


def _event_noun(token: Token) -> bool:
    return token.pos == "NOUN" and (token.lemma in EVENT_NOUNS or
                                    len(token.lemma) > 5 and token.lemma.endswith(EVENT_NOUN_SUFFIXES))


def _inside_quote(doc: AnnotatedArticle, mention: Mention) -> bool:
    sentence = doc.sentences[mention.sentence]
    paragraph_start = doc.article.text.rfind("\n", 0, sentence.start) + 1
    lead = doc.article.text[paragraph_start: mention.start]
    return (lead.count('"') % 2 == 1 or lead.count("“") > lead.count("”")
            or lead.count("``") > lead.count("''"))
