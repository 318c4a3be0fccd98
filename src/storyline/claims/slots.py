"""Typed slots of a sentence, read from the NER-tagged tokens (no parser): clauses, the verb a
word depends on, negated predicates, explicit date parts and time expressions.

A clause is the run of tokens between punctuation or a subordinating word ("told the paper |
after the summary was released Sunday"), which is as close to "the verb it modifies" as a
tagger-only pass gets cheaply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from storyline.nlp.annotate import AnnotatedArticle, Token
from storyline.records import Mention, Sentence

CLAUSE_PUNCT = {",", ";", ":", "—", "--", "–", "(", ")"}
QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’", "``", "''"}
SUBORDINATORS = {"after", "before", "when", "while", "because", "since", "although", "though",
                 "until", "which", "who", "whom", "where", "whereas", "but", "if", "unless"}
#: Verbs of saying and light verbs: the day something was said, or "is"/"has", is no fact slot.
SPEECH_VERBS = {"say", "tell", "report", "add", "accord", "write", "note", "state", "claim", "announce"}
LIGHT_VERBS = SPEECH_VERBS | {"be", "have", "do", "get", "make", "go", "mean"}
#: Light verbs that are no verbs of saying: skipped when a verb of saying still counts ("announced Saturday").
NON_SPEECH_LIGHT = LIGHT_VERBS - SPEECH_VERBS
NEGATORS = {"not", "n't", "n’t", "never", "cannot", "cant", "nt", "barely", "hardly", "scarcely"}
#: "has yet to vote", "refused to vote", "failed to vote" negate the verb after "to".
NEGATING_VERBS = {"yet", "refuse", "fail", "decline"}
#: "denied paying": the gerund after these is negated.
DENYING_VERBS = {"deny", "denied"}
ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "EVENT"}
FUTURE = {"will", "'ll", "’ll", "shall", "would", "set", "expected", "scheduled", "plans", "planned", "going"}
#: A verb after these is not asserted ("tried to force him to read", "may need").
UNASSERTED = {"to", "may", "might", "could", "should"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATE_WORD = re.compile(r"[A-Za-z]+|\d+")
#: Words before a date that make it a bound, not the date of the event ("since 2019").
DATE_BOUNDS = {"since", "by", "until", "till", "before", "after", "through", "from", "between", "to",
               "as", "last", "next", "past", "earlier", "later"}


@dataclass(frozen=True)
class DateParts:
    """The explicit parts of a date expression; ``None`` where the words do not say."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    def clashes(self, other: DateParts) -> bool:
        """Incompatible at the precision both give ("mid May" / "April 30": months differ)."""
        if self.year and other.year and self.year != other.year:
            return True
        if self.month and other.month and self.month != other.month:
            return True
        if self.month and self.month == other.month and self.day and other.day and self.day != other.day:
            return True
        return self.weekday is not None and other.weekday is not None and self.weekday != other.weekday

    def label(self) -> str:
        parts = []
        if self.weekday is not None:
            parts.append(WEEKDAYS[self.weekday].capitalize())
        if self.month:
            parts.append(MONTHS[self.month - 1].capitalize() + (f" {self.day}" if self.day else ""))
        if self.year:
            parts.append(str(self.year))
        return " ".join(parts)


def date_parts(expression: str) -> DateParts | None:
    """Year, month, day and weekday said outright ("Oct. 3, 2016", "mid May", "on Tuesday")."""
    if re.search(r"\d{4}s|\d+\s*(?:years?|days?|months?|weeks?)\b", expression, re.I):
        return None  # a decade or a duration
    words = DATE_WORD.findall(expression.lower())
    year = month = day = weekday = None
    seen = 0
    for i, word in enumerate(words):
        if word.isdigit():
            number = int(word)
            if 1800 <= number <= 2100 and len(word) == 4:
                seen += year is not None
                year = number
            elif 1 <= number <= 31 and month and i > 0 and words[i - 1][:3] in MONTHS:
                day = number
            elif 1 <= number <= 31 and i + 1 < len(words) and words[i + 1][:3] in MONTHS and not month:
                day = number  # "23 October" (day first)
        elif word[:3] in MONTHS and (len(word) == 3 or word in _MONTH_NAMES or word == "sept"):
            seen += month is not None
            month = MONTHS.index(word[:3]) + 1
        elif word in WEEKDAYS:
            seen += weekday is not None
            weekday = WEEKDAYS.index(word)
    if (year is None and month is None and weekday is None) or seen:
        return None  # nothing said, or a range ("January and February", "2019-2020")
    return DateParts(year, month, day, weekday)


_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"}


@dataclass(eq=False)
class SentenceView:
    """One sentence with what the slot checks read from it."""

    sentence: Sentence
    tokens: list[Token]
    clause_of: list[int]  # token position -> clause number
    entities: list[tuple[int, str, str, Mention]] = field(default_factory=list)  # (token, id, type, mention)
    times: list[tuple[int, str]] = field(default_factory=list)  # (token, expression) of DATE/TIME mentions
    numbers: list[tuple[int, Mention]] = field(default_factory=list)  # (token, mention) of counts and amounts

    @property
    def article_id(self) -> str:
        return self.sentence.article_id

    @cached_property
    def entity_ids(self) -> frozenset[str]:
        return frozenset(e[1] for e in self.entities)

    @cached_property
    def predicates(self) -> frozenset[str]:
        """Content verbs, and nouns counted by a number ("N:seat")."""
        verbs = {t.lemma for t in self.tokens if t.pos == "VERB" and t.lemma not in LIGHT_VERBS and len(t.lemma) > 2}
        counted = {"N:" + t.lemma for i, t in enumerate(self.tokens)
                   if t.pos == "NOUN" and i > 0 and self.tokens[i - 1].pos == "NUM"}
        return frozenset(verbs | counted)

    @cached_property
    def has_negator(self) -> bool:
        return any(t.text.lower() in NEGATORS or t.text.lower() in ("no", "t") for t in self.tokens)

    @property
    def text(self) -> str:
        return self.sentence.text

    def position_of(self, offset: int) -> int:
        """The token at or after character ``offset``."""
        for i, tok in enumerate(self.tokens):
            if tok.idx + len(tok.text) > offset:
                return i
        return max(len(self.tokens) - 1, 0)

    def clause_lemmas(self, position: int) -> set[str]:
        clause = self.clause_of[position] if self.tokens else -1
        return {t.lemma for i, t in enumerate(self.tokens)
                if self.clause_of[i] == clause and t.pos in ("NOUN", "VERB", "PROPN", "ADJ") and not t.is_stop}

    def verb_of(self, position: int, speech: bool = False) -> str | None:
        """The content verb of the clause holding ``position``: the nearest, preferring the left
        (verbs of saying count when ``speech``: "announced Saturday")."""
        clause = self.clause_of[position]
        skip = NON_SPEECH_LIGHT if speech else LIGHT_VERBS
        best: tuple[int, str] | None = None
        for i, tok in enumerate(self.tokens):
            if self.clause_of[i] != clause or tok.pos != "VERB" or tok.lemma in skip:
                continue
            if i > 0 and self.tokens[i - 1].text == "-":
                continue  # "a just-passed bill", "the Democratic-controlled House": an adjective
            distance = position - i if i < position else (i - position) * 2
            if i > position and self.tokens[i - 1].text.lower() == "to":
                distance *= 4  # "signed the bill Tuesday to aid employers": the date is the signing's
            if best is None or distance < best[0]:
                best = (distance, tok.lemma)
        return best[1] if best else None

    def future(self, position: int) -> bool:
        """A plan, not an event: "will try", "is set to vote", "plans to"."""
        before = [t.text.lower() for t in self.tokens[max(0, position - 4) : position]]
        return bool(FUTURE & set(before))

    def subject(self, position: int) -> str | None:
        """The entity named last before ``position`` (the doer of a verb there, in news word order)."""
        before = [e for e in self.entities if e[0] < position and e[2] in ACTOR_TYPES]
        return max(before, key=lambda e: e[0])[1] if before else None

    def other_doer(self, position: int, other: SentenceView, other_position: int) -> bool:
        """Each sentence names, before the slot, someone the other does not name at all
        ("Hurricane George destroyed it in 1998" / "destroyed by Hurricane Katrina in 2005")."""
        mine, theirs = self.subject(position), other.subject(other_position)
        return (mine is not None and theirs is not None and mine != theirs
                and mine not in other.entity_ids and theirs not in self.entity_ids)

    def verb_position(self, lemma: str) -> int:
        return next((i for i, t in enumerate(self.tokens) if t.pos == "VERB" and t.lemma == lemma), 0)

    def main_verb(self) -> str | None:
        """The first content or speech verb of the sentence (the main event of a news lead)."""
        skip = NON_SPEECH_LIGHT
        return next((t.lemma for t in self.tokens if t.pos == "VERB" and t.lemma not in skip), None)

    def asserted(self, position: int) -> bool:
        """Not an infinitive or a possibility ("to read", "may need"), not an adjective ("a
        just-passed bill"), and no negator earlier in its clause ("hasn't been invited or spoken")."""
        before = [t.text.lower() for t in self.tokens[max(0, position - 2) : position]]
        if UNASSERTED & set(before) or (before and before[-1] in ("-", "a", "an", "the")):
            return False
        clause = self.clause_of[position]
        return not any(self.tokens[j].text.lower() in NEGATORS for j in range(position - 3)
                       if self.clause_of[j] == clause)

    def negated(self, position: int) -> bool:
        """A negator in the three tokens before the verb at ``position``, with no verb between
        ("did not vote", "has yet to vote", "refused to vote")."""
        words = [j for j in range(position - 1, max(-1, position - 7), -1)
                 if self.tokens[j].text not in QUOTE_MARKS][:3]
        for j in words:
            tok = self.tokens[j]
            word = tok.text.lower()
            if word in NEGATORS or word == "no" or (word == "t" and j > 0 and self.tokens[j - 1].text in ("'", "’")):
                following = self.tokens[j + 1].text.lower() if j + 1 < len(self.tokens) else ""
                return following != "only"  # "not only repulsed" affirms
            if word == "to" and j > 0 and self.tokens[j - 1].lemma in NEGATING_VERBS:
                return True
            if j == words[0] and (tok.lemma in DENYING_VERBS or word in DENYING_VERBS):
                return True
            if tok.pos == "VERB" or self.clause_of[j] != self.clause_of[position]:
                break
        after = self.tokens[position + 1].text.lower() if position + 1 < len(self.tokens) else ""
        return after in ("no", "nothing", "none")  # "found no evidence"

    def is_question(self) -> bool:
        return self.text.rstrip(" \"'”’").endswith("?")


def _clauses(tokens: list[Token]) -> list[int]:
    clause, result = 0, []
    for i, tok in enumerate(tokens):
        if tok.text in CLAUSE_PUNCT or (tok.text.lower() in SUBORDINATORS and i > 0):
            clause += 1
        result.append(clause)
    return result


def sentence_views(doc: AnnotatedArticle, entity_of: dict[tuple[str, int], tuple[str, str]]) -> list[SentenceView]:
    """Views of every sentence of ``doc``; ``entity_of`` maps (article, mention start) to (id, type)."""
    views = [SentenceView(s, toks, _clauses(toks)) for s, toks in zip(doc.sentences, doc.tokens)]
    for m in doc.mentions:
        found = entity_of.get((m.article_id, m.start))
        if found and m.sentence < len(views):
            view = views[m.sentence]
            view.entities.append((view.position_of(m.start), found[0], found[1], m))
    for m in doc.dates:
        if m.sentence < len(views):
            view = views[m.sentence]
            view.times.append((view.position_of(m.start), m.text))
    for m in doc.numbers:
        if m.sentence < len(views):
            view = views[m.sentence]
            view.numbers.append((view.position_of(m.start), m))
    return views
