"""Who said a quote (rules over tokens, POS tags and punctuation; no parser).

For each quotation, in order:
1. a speech verb next to it in its sentence(s), outside any quotation ("said", "told", "wrote",
   "according to"); the nearest one that has a subject wins. The subject is the phrase after the
   verb when the verb follows the quote ('"...," said NAME'), else the phrase before the verb,
   skipping adverbs, auxiliaries, reflexives, dates, parentheses and appositions ('NAME (D-Md.),
   a spokesman for X, said', 'NAME himself said', 'NAME of Town, State, says'); a
   participle or infinitive ('..., telling supporters "..."') takes its clause's subject;
2. a roundup line "NAME, OUTLET: ..." or "NAME: ..." before the quote, or a signature after it
   ('"..." - NAME');
3. the sentence before, when the quote opens its sentence and that one reports speech ('Carter
   said that ... / "That's because ..."') or ends in a colon;
4. a short next sentence that is an attribution ("Ri added.");
5. the subject of the quote's clause when it has no speech verb ('He continued with an appeal: "..."');
6. a floating quote (no cue) takes the speaker of the previous quote of its paragraph, or of the
   previous paragraph when it opens its own.
Pronouns and descriptions are resolved in ``speakers``. Every choice is by position or an explicit
key: nothing depends on set or dict order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.claims.context import Context, QuoteSpan, build_context
from storyline.claims.phrases import (
    PREPOSITIONS,
    absolute,
    apposed_name,
    np_left,
    np_right,
    past_place,
    past_preposition,
    person_at,
    skip_back,
    titled_name,
)
from storyline.claims.speakers import (
    Speaker,
    infer_gender,
    phrase_speaker,
    pronoun_speaker,
)
from storyline.claims.speech import (
    NO_INVERSION,
    PRONOUNS,
    SPEECH_FORMS,
    SPEECH_LEMMAS,
    WEAK_LEMMAS,
)
from storyline.entities.resolve import EntityIndex
from storyline.nlp.annotate import AnnotatedArticle

#: A weak speech verb ("continued", "believes") is a cue only this many tokens from the quote.
WEAK_DISTANCE = 4
#: A cue further than this many tokens from the quote is another clause's.
MAX_CUE_DISTANCE = 40
#: An attributed quote keeps at least this many words; unattributed ones need more (scare
#: quotes: "terrorist"). Tuned on PolNeAR train.
MIN_ATTRIBUTED_WORDS = 1
MIN_PARTIAL_WORDS = 3
MIN_UNATTRIBUTED_WORDS = 8
#: A next sentence this short with a cue attributes the quote before it ("Ri added.").
NEXT_SENTENCE_WORDS = 12


@dataclass(frozen=True)
class Attributed:
    start: int
    end: int
    text: str
    sentence: int
    speaker: Speaker | None
    how: str  # "cue", "roundup", "before", "next", "clause", "floating" or ""

    @property
    def variants(self) -> tuple[str, ...]:
        entity = self.speaker.entity if self.speaker else None
        return tuple(entity.variants) if entity else ()


def _is_cue(ctx: Context, i: int) -> bool:
    t = ctx.tokens[i]
    if t.text.lower() in SPEECH_FORMS:
        return True
    return t.lemma in SPEECH_LEMMAS and t.pos == "VERB"


def _according(ctx: Context, i: int) -> bool:
    return ctx.tokens[i].text.lower() == "according" and i + 1 < len(ctx.tokens) \
        and ctx.tokens[i + 1].text.lower() == "to"


def _subject(ctx: Context, verb: int, lo: int, hi: int, previous: Speaker | None) -> Speaker | None:
    toks = ctx.tokens
    if _according(ctx, verb):
        span = np_right(ctx, verb + 2, hi)
        return _speaker(ctx, span, previous) if span else None
    named = _signature_subject(ctx, verb, lo)
    if named is not None:
        return named
    participle = toks[verb].text.lower().endswith("ing") and toks[verb - 1].pos not in ("AUX", "PART")
    own = ctx.ends.get(toks[verb - 1].idx + len(toks[verb - 1].text)) if participle and verb - 1 >= lo else None
    if own is not None and own.label == "PERSON" and absolute(ctx, own, lo):
        return _speaker(ctx, (own.start, own.end), previous)
    if verb - 1 >= lo and (participle or toks[verb - 1].text.lower() in ("and", "to")):
        main = _clause_subject(ctx, lo, verb, previous)
        if main is not None:
            return main
    j = verb - 1
    while j >= lo and toks[j].pos == "ADV":
        j -= 1
    if j >= lo and toks[j].text in (",", ":", "—", "--") and j - 1 >= lo and ctx.quoted(toks[j - 1].idx):
        j -= 1
    inverted = j < lo or ctx.quoted(toks[j].idx) or (
        toks[j].text == "," and verb + 1 < hi and person_at(ctx, verb + 1, hi))
    if inverted and toks[verb].lemma not in NO_INVERSION:
        span = np_right(ctx, verb + 1, hi)
        if span:
            return _speaker(ctx, titled_name(ctx, verb + 1, hi, apposed_name(ctx, span)), previous)
    span = np_left(ctx, skip_back(ctx, verb - 1, lo), lo)
    if span is not None:
        span = past_preposition(ctx, past_place(ctx, span, lo), lo)
    return _speaker(ctx, span, previous) if span else None


def _signature_subject(ctx: Context, verb: int, lo: int) -> Speaker | None:
    """'"...," Aftergood said.': one to three capitalised words between a closing quotation mark
    and the speech verb are the speaker, whatever the tagger made of them ("Aftergood" ADP, "Will"
    AUX, "From" ADP)."""
    toks = ctx.tokens
    first = verb - 1
    while first - 1 >= lo and verb - first < 3 and toks[first - 1].text[:1].isupper():
        first -= 1
    words = toks[first:verb]
    if first - 1 < lo or not words or not ctx.quoted(toks[first - 1].idx) \
            or toks[first - 1].text not in QUOTE_CLOSERS \
            or not all(t.text[:1].isupper() and t.text.isalpha() for t in words) \
            or any(t.text.lower() in PRONOUNS for t in words):
        return None
    return phrase_speaker(ctx, words[0].idx, words[-1].idx + len(words[-1].text))


#: Characters that close a quotation.
QUOTE_CLOSERS = frozenset({'"', "”", "''"})


def _clause_subject(ctx: Context, lo: int, verb: int, previous: Speaker | None) -> Speaker | None:
    """The subject of a sentence whose speech verb is a participle or an infinitive ('Kasich ended
    his bid, telling supporters that ...', 'the diplomat did not miss the chance to criticize'):
    the first phrase before a verb that is not inside a prepositional phrase."""
    toks = ctx.tokens
    for k in range(lo + 1, verb):
        if toks[k].pos not in ("VERB", "AUX") or ctx.quoted(toks[k].idx):
            continue
        span = np_left(ctx, skip_back(ctx, k - 1, lo), lo)
        if span is None:
            continue
        first = ctx.token_at(span[0])
        if first - 1 >= lo and toks[first - 1].text.lower() in PREPOSITIONS:
            continue
        return _speaker(ctx, span, previous)
    return None


def _speaker(ctx: Context, span: tuple[int, int], previous: Speaker | None) -> Speaker | None:
    start, end = span
    token = ctx.token_at(start)
    if ctx.tokens[token].text.lower() == "who" and end - start == 3:
        j = token - 1 - (token - 1 >= 0 and ctx.tokens[token - 1].text == ",")
        before = np_left(ctx, j, max(0, j - 12)) if j >= 0 else None
        return _speaker(ctx, before, previous) if before else None
    if end - start == len(ctx.tokens[token].text) and ctx.tokens[token].text.lower() in PRONOUNS:
        return pronoun_speaker(ctx, token, previous)
    return phrase_speaker(ctx, start, end)


def _cues(ctx: Context, quote: QuoteSpan, lo: int, hi: int) -> list[int]:
    """Speech verbs of the quote's sentences, nearest first (after the quote first on ties)."""
    ranked = []
    first_in = ctx.token_at(quote.start)
    last_in = ctx.token_at(quote.end - 1)
    for i in range(lo, hi):
        if ctx.quoted(ctx.tokens[i].idx) or not (_is_cue(ctx, i) or _according(ctx, i)) or _passive(ctx, i, lo):
            continue
        after = i > last_in
        distance = i - last_in if after else first_in - i
        if distance > MAX_CUE_DISTANCE or (ctx.tokens[i].lemma in WEAK_LEMMAS and distance > WEAK_DISTANCE):
            continue
        ranked.append((distance, not after, i))
    return [i for _, _, i in sorted(ranked)]


def _passive(ctx: Context, verb: int, lo: int) -> bool:
    """'the issues will be addressed by ...', 'he was told': the subject is not the speaker."""
    toks = ctx.tokens
    j = verb - 1
    while j >= lo and toks[j].pos == "ADV":
        j -= 1
    return j >= lo and toks[j].lemma == "be" and not toks[verb].text.lower().endswith("ing") \
        and toks[verb].lemma != "quote"


def _roundup(ctx: Context, quote: QuoteSpan, sentence_start: int) -> Speaker | None:
    """'Rich Lowry, National Review: "..."', 'Trump: "..."', 'HEADLINE - Jeffrey M. Jones: "..."'."""
    line_start = ctx.text.rfind("\n", 0, quote.start) + 1
    head_start = min(sentence_start, quote.start) if sentence_start >= line_start else line_start
    head = ctx.text[head_start : quote.start]
    if not re.search(r":\s*$", head):
        return None
    for m in ctx.mention_in(head_start, quote.start):
        lead = ctx.text[head_start : m.start]
        tail = ctx.text[m.end : quote.start]
        if (not lead.strip() or re.search(r"[-–—:]\s*$|\bfrom\s+$", lead) or ROUNDUP_TITLE.fullmatch(lead)) \
                and re.match(r"(?:\s*[,(][^:]{0,60})?\s*:\s*$", tail):
            return phrase_speaker(ctx, m.start, m.end)
    return None


#: Titles before a name in a roundup line ("Rep. Trey Gowdy (R-S.C.): "..."").
ROUNDUP_TITLE = re.compile(r"\s*(?:(?:Rep|Sen|Gov|Dr|Mr|Mrs|Ms|Gen|Prof|Rev)\.\s*|(?:Former|President|Senator|"
                           r"Governor|Secretary|former)\s+)+")


def _signed(ctx: Context, quote: QuoteSpan) -> Speaker | None:
    """A quote signed after it: '"..." - Clinton.', '"..." [Will Fitzgibbon, ICIJ]'."""
    match = re.match(r"\s*(?:[-–—―]+\s*|\[)", ctx.text[quote.end : quote.end + 8])
    if not match:
        return None
    mention = ctx.starts.get(quote.end + match.end())
    if mention is not None:
        return phrase_speaker(ctx, mention.start, mention.end)
    first = ctx.token_at(quote.end + match.end())  # a name the tagger missed: "― Christina N Luis Olidem"
    last = first
    while last < len(ctx.tokens) and ctx.tokens[last].pos == "PROPN" and not ctx.quoted(ctx.tokens[last].idx):
        last += 1
    if last - first < 2 or ctx.tokens[first].idx != quote.end + match.end():
        return None
    end = ctx.tokens[last - 1].idx + len(ctx.tokens[last - 1].text)
    return Speaker(ctx.text[ctx.tokens[first].idx : end])


def _span_tokens(ctx: Context, quote: QuoteSpan) -> tuple[int, int, int, int]:
    """The quote's sentences, widened to the sentence just before or after it when the sentence
    splitter cut right at a quotation mark ('...?" / asked Sen. Cantwell')."""
    first = ctx.sentence_of[min(ctx.token_at(quote.start), len(ctx.tokens) - 1)]
    last = ctx.sentence_of[min(ctx.token_at(quote.end - 1), len(ctx.tokens) - 1)]
    sentences = ctx.doc.sentences
    if last + 1 < len(sentences) and "\n" not in ctx.text[quote.end : sentences[last + 1].start] \
            and sentences[last].end <= quote.end + 1 and (ctx.text[quote.end - 2 : quote.end - 1] in "?!,—-"
                                                          or sentences[last + 1].text[:1].islower()):
        last += 1
    if first > 0 and "\n" not in ctx.text[sentences[first - 1].end : quote.start] \
            and sentences[first].start >= quote.start - 1 and ctx.text[:quote.start].rstrip()[-1:] in ":,":
        first -= 1
    lo = ctx.sentence_tokens(first).start
    hi = ctx.sentence_tokens(last).stop
    return first, last, lo, hi


def _attribute(ctx: Context, quote: QuoteSpan, previous: Speaker | None) -> tuple[Speaker | None, str]:
    first, last, lo, hi = _span_tokens(ctx, quote)
    for verb in _cues(ctx, quote, lo, hi):
        who = _subject(ctx, verb, lo, hi, previous)
        if who is not None:
            return who, "cue"
    who = _roundup(ctx, quote, ctx.doc.sentences[first].start) or _signed(ctx, quote)
    if who is not None:
        return who, "roundup"
    who = _previous_sentence(ctx, quote, first, previous)
    if who is not None:
        return who, "before"
    if last + 1 < len(ctx.doc.sentences):
        nxt = ctx.sentence_tokens(last + 1)
        if len(nxt) <= NEXT_SENTENCE_WORDS and not any(ctx.quoted(ctx.tokens[i].idx) for i in nxt):
            for verb in (i for i in nxt if _is_cue(ctx, i)):
                who = _subject(ctx, verb, nxt.start, nxt.stop, previous)
                if who is not None:
                    return who, "next"
    who = _quoting_clause(ctx, quote, first, previous)
    return (who, "clause") if who is not None else (None, "")


def _quoting_clause(ctx: Context, quote: QuoteSpan, first: int, previous: Speaker | None) -> Speaker | None:
    """A quote inside a clause with no speech verb ('He continued with an appeal to voters:
    "..."', 'A campaign ad accuses Trump of "..."'): the subject of that clause. The quote is
    kept only under the rule for unattributed quotes (long enough not to be a scare quote)."""
    start = ctx.first_token[first]
    quote_token = ctx.token_at(quote.start)
    if quote_token - start < 2:
        return None
    return _clause_subject(ctx, start, quote_token, previous)


def _previous_sentence(ctx: Context, quote: QuoteSpan, first: int, previous: Speaker | None) -> Speaker | None:
    """A quote opening its sentence after one that reports speech ('Carter said that ... /
    "That's because ..."', 'Stated Stone: / "..."') is that speaker's."""
    sentences = ctx.doc.sentences
    if first == 0 or quote.start > sentences[first].start + 1:
        return None
    toks = ctx.sentence_tokens(first - 1)
    if any(ctx.quoted(ctx.tokens[i].idx) for i in toks):
        return None
    for verb in sorted((i for i in toks if _is_cue(ctx, i) and ctx.tokens[i].lemma not in WEAK_LEMMAS),
                       key=lambda i: -i):
        who = _subject(ctx, verb, toks.start, toks.stop, previous)
        if who is not None:
            return who
    if sentences[first - 1].text.rstrip().endswith(":"):  # 'He then listed the qualities: / "..."'
        return _clause_subject(ctx, toks.start, toks.stop - 1, previous)
    return None


def _keep(quote: QuoteSpan, how: str, whole_sentence: bool) -> bool:
    if how in ("cue", "roundup", "next", "before"):
        return quote.words >= (MIN_ATTRIBUTED_WORDS if whole_sentence else MIN_PARTIAL_WORDS)
    return quote.words >= MIN_UNATTRIBUTED_WORDS


def attribute(doc: AnnotatedArticle, index: EntityIndex) -> list[Attributed]:
    """Every quotation of an article with its speaker (None when nothing says who)."""
    ctx = build_context(doc, index)
    ctx.gender = infer_gender(ctx)
    out: list[Attributed] = []
    previous: Attributed | None = None  # the last quote, kept or not (a partial quote too short)
    for quote in ctx.quotes:
        if not ctx.tokens:
            break
        sentence = ctx.sentence_of[min(ctx.token_at(quote.start), len(ctx.tokens) - 1)]
        who, how = _attribute(ctx, quote, previous.speaker if previous else None)
        paragraph = doc.sentences[sentence].paragraph
        if who is None and previous is not None and previous.speaker is not None:
            before = doc.sentences[previous.sentence].paragraph
            opens = ctx.text[: quote.start].rstrip(" ").endswith("\n") or quote.start == 0
            if before == paragraph or (before == paragraph - 1 and opens):
                who, how = previous.speaker, "floating"
        item = Attributed(quote.start, quote.end, quote.text, sentence, who, how)
        previous = item
        if _keep(quote, how, _whole_sentence(ctx, quote, sentence)):
            out.append(item)
    return out


def _whole_sentence(ctx: Context, quote: QuoteSpan, sentence: int) -> bool:
    """A quote that is a sentence of its own (it starts its sentence or ends in a full stop)."""
    s = ctx.doc.sentences[sentence]
    inner = ctx.text[quote.start + 1 : quote.end - 1].rstrip()
    lead = ctx.text[max(0, quote.start - 2) : quote.start].strip()
    return quote.start <= s.start + 1 or inner[-1:] in ".?!," or lead in (":", ",")
