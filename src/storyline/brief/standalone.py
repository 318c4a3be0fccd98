"""Can a sentence stand alone as a summary line? The rules, one function each.

- it leans on a missing antecedent: it opens with a pronoun, a demonstrative or a connective
  ("He said", "This comes", "But"), with a definite shell noun ("The move", "The decision",
  "The two countries"), or names someone only by pronoun before any name;
- it is a quote fragment without its speaker: it lies inside a quotation opened in an earlier
  sentence, or it quotes four or more words with no speech verb and no speaker outside the
  quotation marks;
- it is a question, or too short or too long to be a line.
Clean-up of a line's text (a wire dateline, an "Axios-style" label) is here too.
"""

from __future__ import annotations

import re

from storyline.nlp.annotate import AnnotatedArticle, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MIN_WORDS, MAX_WORDS = 8, 60
#: Quotations shorter than this are scare quotes or titles ("crisis pregnancy" centers).
QUOTE_MIN_WORDS = 4

PRONOUN_START = re.compile(
    r"^(?:He|She|It|They|We|His|Her|Its|Their|Him|Them|That|These|Those|Such|"
    r"This(?! (?:week|weekend|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter)\b)|"
    r"But|And|Or|So|Yet|Also|Still|However|Meanwhile|Moreover|Furthermore|Similarly|Likewise|"
    r"Instead|Nonetheless|Nevertheless|Thus|Therefore|Otherwise|Besides|Indeed|Interestingly|"
    r"Then|Both|Neither|Either|Finally|Ultimately|Additionally|Previously|Later|Afterwards?|"
    r"Consequently|Accordingly|Subsequently|Notably|Specifically|Again|(?:Another|Other)(?! [\d$]))\b")
CONNECTIVE_START = re.compile(
    r"^(?:In addition|In response|In contrast|By contrast|On the other hand|At the same time|"
    r"Even so|As a result|Despite this|Despite that|In turn|Because of this|For (?:his|her|their|its) part|"
    r"In fact|Of course|After that|Since then|Back then|At the time|By then|"
    r"The (?:other|latter|former|same)(?= [a-z]+(?:ed|s)\b|[,.;:]| (?:is|was|has|had|will|would|said|says)\b))")
#: Nouns that, after "The"/"This" at a sentence start, point back to something said before.
SHELL_NOUNS = _words("""
move moves decision decisions step steps announcement remarks comments comment statement
statements measure measures plan proposal deal agreement effort efforts action actions issue
news development incident episode letter call request claim claims allegation allegations
accusation accusations charge charges case report reports findings ruling order orders
change changes shift situation response reaction criticism attack attacks policy idea
pair duo couple trio men women countries nations sides leaders parties companies groups
officials lawmakers candidates senators governments
""")
NUMBER_WORDS = _words("two three four five six seven eight nine ten both")
SUBJECT_PRONOUNS = _words("he she they")
#: After a shell noun these make it self-contained ("The decision to ...", "The move by ...").
DEFINING_WORDS = _words("of to by for from at in on over between against that which")
SPEECH_LEMMAS = _words("""
say tell add write tweet state declare argue insist note explain claim warn ask announce
according accord reply respond testify post continue quip acknowledge admit suggest urge predict
vow pledge promise call describe label dub slam blast accuse condemn praise threaten demand
remark recall concede stress emphasize caution plead joke boast allege assert maintain
contend counter retort read quote inform
""")
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
OPEN_QUOTES, CLOSE_QUOTES = "“", "”"
POSSESSIVE = re.compile(r"[’']s?$")
QUOTE_MARK = re.compile(r'["“”]')
AGE = re.compile(r"^\d+-year-old$")
#: A short fronted phrase before the subject: "In February, ", "On Tuesday, ".
FRONTED = re.compile(r"^[A-Z][^,]{1,30},\s+")
#: A dateline ("SEOUL, South Korea — ", "WASHINGTON (AP) - ") or a newsletter label
#: ("Why it matters: ") before the sentence proper.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]+)?(?:\s*\([\w .]+\))?\s*[—–-]{1,2}\s+")
LABEL = re.compile(r"^(?:Why it matters|The big picture|Driving the news|The bottom line|Bottom line|"
                   r"Between the lines|What they're saying|What's next|The latest|Details|"
                   r"Go deeper|Flashback|Context|Background|Yes, but|The backstory|By the numbers)"
                   r"\s*:\s+")


def clean_text(text: str) -> str:
    """The sentence without a leading dateline or newsletter label."""
    text = DATELINE.sub("", text, count=1)
    text = LABEL.sub("", text, count=1)
    return text[:1].upper() + text[1:] if text else text


def leans_on_antecedent(text: str, tokens: list[Token]) -> bool:
    """True when the sentence needs an earlier one to be understood."""
    text = clean_text(text)
    if PRONOUN_START.match(text) or CONNECTIVE_START.match(text):
        return True
    if _shell_noun_start(text.split()) or _pronoun_before_name(tokens):
        return True
    fronted = FRONTED.match(text)  # "In February, the two countries ..."
    rest = text[fronted.end():] if fronted else ""
    return bool(rest) and _shell_noun_start((rest[:1].upper() + rest[1:]).split())


def _shell_noun_start(words: list[str]) -> bool:
    """"The move", "The two countries", "The latest decision": a definite noun phrase that
    points back, unless a defining word follows it ("The decision to ...")."""
    if len(words) < 3 or words[0] not in ("The", "Those", "These"):
        return False
    rest = [w.strip(",.;:").lower() if w[:1].islower() else w for w in words[1:5]]
    if rest[0] in NUMBER_WORDS and len(rest) > 1 and rest[1][:1].islower():
        return len(rest) < 3 or rest[2] not in DEFINING_WORDS
    if rest[0] in ("latest", "new", "surprise", "controversial", "unprecedented") and len(rest) > 1:
        rest = rest[1:]
    return rest[0] in SHELL_NOUNS and (len(rest) < 2 or rest[1] not in DEFINING_WORDS)


def _pronoun_before_name(tokens: list[Token]) -> bool:
    """Nobody is named, and the subject is a pronoun ("In an interview, he said") or an unnamed
    person ("the 52-year-old former counselor confirmed"), before any name or verb."""
    if any(t.ent == "PERSON" for t in tokens):
        return False
    for i, tok in enumerate(tokens):
        if tok.ent in SPEAKER_ENTS or tok.pos in ("VERB", "AUX") or (tok.pos == "PROPN" and not tok.ent):
            return False
        if tok.text.lower() in SUBJECT_PRONOUNS:
            return True
        if tok.text.lower() == "the" and i + 1 < len(tokens) and AGE.match(tokens[i + 1].text):
            return True
    return False


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations in ``text`` (curly or straight double quotes)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for mark in QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == '"' and start is None or ch in OPEN_QUOTES and start is None:
            start = i
        elif start is not None and ch in CLOSE_QUOTES + '"':
            spans.append((start, i))
            start = None
        elif ch in CLOSE_QUOTES:
            spans.append((0, i))  # closes a quotation opened before the sentence
    if start is not None:
        spans.append((start, len(text)))  # runs on into the next sentence
    return spans


def inside_open_quote(doc: AnnotatedArticle, index: int) -> bool:
    """True when sentence ``index`` starts inside a quotation opened in an earlier sentence."""
    before = doc.article.text[:doc.sentences[index].start]
    straight = before.count('"') % 2 == 1
    curly = before.count(OPEN_QUOTES) > before.count(CLOSE_QUOTES)
    return straight or curly


def unattributed_quote(text: str, tokens: list[Token], offset: int) -> bool:
    """True when the sentence quotes ``QUOTE_MIN_WORDS``+ words and says nobody said them:
    no speech verb, or no speaker (a name or a noun), outside the quotation marks."""
    spans = [(a, b) for a, b in _quote_spans(text) if len(text[a:b].split()) >= QUOTE_MIN_WORDS]
    if not spans:
        return False
    outside = [t for t in tokens if not any(a <= t.idx - offset < b for a, b in spans)]
    speech = any(t.lemma in SPEECH_LEMMAS or t.text == ":" for t in outside)
    speaker = any(t.ent in SPEAKER_ENTS or t.pos in ("PROPN", "NOUN") for t in outside
                  if t.lemma not in SPEECH_LEMMAS)
    return not (speech and speaker) or _pronoun_speaker(outside)


def _pronoun_speaker(outside: list[Token]) -> bool:
    """The quotation is attributed to "he", "she" or "they" ("..., he told the paper") and the
    sentence names no person: the speaker is in another sentence."""
    if any(t.ent == "PERSON" for t in outside):
        return False
    return any(a.text.lower() in SUBJECT_PRONOUNS and b.lemma in SPEECH_LEMMAS
               or a.lemma in SPEECH_LEMMAS and b.text.lower() in SUBJECT_PRONOUNS
               for a, b in zip(outside, outside[1:]))


def short_names(doc: AnnotatedArticle, index: int) -> tuple[frozenset[str], frozenset[str]]:
    """People in sentence ``index`` named by one word only ("Ri defected"), and the last words
    of the people it names in full ("Ri Il Kyu"), which introduce those short forms."""
    people = [POSSESSIVE.sub("", m.text) for m in doc.mentions if m.sentence == index and m.label == "PERSON"]
    full = frozenset(p.split()[-1] for p in people if len(p.split()) > 1)
    short = frozenset(p for p in people if len(p.split()) == 1) - full
    return short, full


def can_stand_alone(doc: AnnotatedArticle, index: int) -> bool:
    """Whether sentence ``index`` of ``doc`` may open a summary line on its own."""
    sentence, tokens = doc.sentences[index], doc.tokens[index]
    text = clean_text(sentence.text)
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS or text.rstrip("\"'”’ ").endswith("?"):
        return False
    if inside_open_quote(doc, index):
        return False
    found = doc.article.text.find(sentence.text, sentence.start)
    offset = found if found >= 0 else sentence.start
    return not unattributed_quote(sentence.text, tokens, offset) and not leans_on_antecedent(
        sentence.text, tokens)
