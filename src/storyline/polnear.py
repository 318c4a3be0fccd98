"""PolNeAR (Newell, Margolin and Ruths, LREC 2018): a reader for its brat standoff files and a
scorer for storyline's quotes (quotes found, speaker accuracy by kind of source).

Choices, so that a number means one thing:
- **Annotator:** an article annotated by several people is read from the annotator whose id sorts
  first (``_4b22`` before ``_ef2d``); every other article has one annotator.
- **Direct quote:** an attribution whose Content (widened by one character on each side when that
  character is a quotation mark) starts or ends with a quotation mark. Contents that only contain a
  quoted phrase ("called it a “disaster”") are *partial* quotes, scored separately.
- **Found:** a storyline quote overlaps the gold content span by at least one character.
- **Speaker:** the gold Source is typed ``name`` (its head ends in a capitalised name), ``pronoun``
  (he, she, they, ...) or ``description`` ("the senator", "a source", "Sanders aides"). A name
  stands for its surname (the last word of the name, titles and suffixes dropped). A pronoun, or a
  definite description of a person or body ("the senator", "the newspaper"), stands for the named
  source the annotation supports (the nearest Source typed ``name`` before it) and the one the text
  supports (the named source whose surname occurs last before it); for he/she only people count
  (a source named with a first name or an honorific in the annotation or the text: "Donald
  Trump", "Mr. Obama", not "China").
  Indefinite, plural or non-agent descriptions ("a source", "the two lawmakers", "the ad") stand
  for no name. A relative pronoun ("Franklin Graham, who said") stands for the phrase before it; a
  possessive before a name is the employer ("Gallup's Jeffrey M. Jones" is Jones); a name in
  apposition to a description is the source ("A top strategist, John Weaver,").
- **Right speaker:** one of the gold surnames is a word of the predicted speaker or of one of its
  entity's spellings (surname / entity-variant match); for a description that stands for no name,
  the predicted speaker holds the description's head noun ("a campaign spokesman" for "the
  spokesman"). A quote found without a speaker is wrong. Speaker accuracy is over found quotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from storyline.claims.speech import word_set
from storyline.records import Article

QUOTE_MARKS = "\"“”"
PRONOUN_SOURCES = frozenset({"he", "she", "they", "i", "we", "it", "you", "him", "her", "them"})
#: Capitalised words that do not make a source a name ("the Republican nominee").
NOT_NAMES = word_set("""the a an his her their its our this that these those republican republicans
democrat democrats democratic gop american americans u.s. us federal white house""")
TITLES = word_set("""mr mrs ms dr rep sen gov president vice secretary gen senator governor
representative mayor judge justice pres prof rev lt col sgt capt adm former""")
#: Titles only a person bears ("Mr. Obama", "Sen. Cruz"): a source named with one is a person.
HONORIFICS = TITLES - {"former"}
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Heads of descriptions that stand for a person or a body ("the senator", "the newspaper").
AGENT_NOUNS = word_set("""senator president candidate nominee governor mayor congressman congresswoman
spokesman spokeswoman secretary official minister leader chairman chairwoman director chief
founder ceo businessman billionaire businesswoman mogul lawmaker representative judge attorney
lawyer general adviser advisor aide manager host anchor reporter author writer columnist analyst
expert professor economist doctor officer mother father wife husband daughter son woman man
newspaper paper daily magazine network agency campaign committee organization group company
union commission council administration department government party board court pollster
democrat republican activist candidate star actor actress singer rapper former""")
INDEFINITE = re.compile(r"^(?:a|an|some|one|two|three|several|many|other|another|most|few|no)\b", re.I)


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: content span(s), source span and cue."""

    content: tuple[tuple[int, int], ...]
    content_text: str
    source: tuple[int, int] | None
    source_text: str | None
    cue_text: str | None
    kind: str  # "direct", "partial" or "indirect"

    @property
    def start(self) -> int:
        return min(a for a, _ in self.content)

    @property
    def end(self) -> int:
        return max(b for _, b in self.content)


@dataclass
class PolnearDoc:
    name: str
    annotator: str
    article: Article
    attributions: list[GoldAttribution] = field(default_factory=list)

    @property
    def quotes(self) -> list[GoldAttribution]:
        return [a for a in self.attributions if a.kind == "direct"]


def _annotation_files(root: Path, split: str) -> dict[str, Path]:
    """The .ann file of each article: the annotator id that sorts first."""
    chosen: dict[str, Path] = {}
    for path in sorted((root / split / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, path)
    return chosen


def _kind(text: str, start: int, end: int) -> str:
    content = text[start:end].strip()
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        content = text[start - 1] + content
    if end < len(text) and text[end] in QUOTE_MARKS:
        content += text[end]
    bare = content.rstrip(".,;:!? ")
    if content[:1] in QUOTE_MARKS or bare[-1:] in QUOTE_MARKS:
        return "direct"
    return "partial" if re.search(r"[“\"][^”\"]+[”\"]", content) else "indirect"


def read_ann(text: str, ann: str) -> list[GoldAttribution]:
    spans: dict[str, tuple[tuple[tuple[int, int], ...], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            _, offsets = parts[1].split(" ", 1)
            ranges = tuple((int(a), int(b)) for a, b in (r.split() for r in offsets.split(";")))
            spans[parts[0]] = (ranges, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:] if ":" in arg))
    out = []
    for args in events:
        if "Content" not in args or args["Content"] not in spans:
            continue
        content, content_text = spans[args["Content"]]
        source = spans.get(args.get("Source", ""))
        cue = spans.get(args.get("Cue", ""))
        start, end = min(a for a, _ in content), max(b for _, b in content)
        out.append(GoldAttribution(
            content, content_text, (source[0][0][0], source[0][-1][1]) if source else None,
            source[1] if source else None, cue[1] if cue else None, _kind(text, start, end)))
    out.sort(key=lambda g: (g.start, g.end))
    return out


def read_polnear(root: Path, split: str) -> list[PolnearDoc]:
    """The articles of ``split`` ("train" or "dev"; never "test") with their attributions."""
    if split not in ("train", "dev"):
        raise ValueError("only the train and dev splits of PolNeAR may be read")
    docs = []
    for stem, path in sorted(_annotation_files(root, split).items()):
        text_path = root / split / "text" / f"{stem}.txt"
        text = text_path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0].strip() or None
        article = Article(text=text, title=title, path=str(text_path))
        annotator = path.stem.rsplit("_", 1)[1]
        docs.append(PolnearDoc(stem, annotator, article, read_ann(text, path.read_text(encoding="utf-8"))))
    return docs


# --- gold speakers -------------------------------------------------------------------------


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-zÀ-ÿ][\w'.-]*", text)


def _name_words(name: str) -> list[str]:
    """The capitalised words ending the head of a source ("Rep. Elijah Cummings of Maryland, ..."
    -> Elijah, Cummings); none when the head ends in a common noun ("Sanders aides"). A possessive
    before a name is the name's employer ("Gallup's Jeffrey M. Jones" -> Jeffrey, M, Jones); before
    a common noun it is the source ("Trump's campaign" -> Trump), unless a name in apposition follows
    ("Sanders's campaign manager, Jeff Weaver," -> Jeff, Weaver). A name in apposition to a
    description is the source ("the presumptive GOP nominee, Donald Trump," -> Donald, Trump)."""
    head = re.split(r",| of | who | from | at | in | for |\(", name.replace("’", "'"), maxsplit=1)[0]
    apposed = re.match(r"[^,]*,\s*((?:[A-Z][\w'.-]*\s*)+)(?:,|$)", name.replace("’", "'"))
    if apposed and re.search(r"(?:'s|')\s+(?:[\w-]+\s+)*[a-z][\w-]*\s*$", head):
        return _name_words(apposed[1])  # "Sanders's campaign manager, Jeff Weaver," is Weaver
    owned = re.search(r"(?:'s|')\s+(.*\b[A-Z][\w'.-]*)\s*$", head)
    head = owned[1] if owned else re.sub(r"(?:'s|')(?=\s|$).*$", "", head)
    words = [w.rstrip(".") for w in _words(head) if fold(w.rstrip(".")) not in SUFFIXES]
    if (not words or not words[-1][:1].isupper()) and apposed:
        return _name_words(apposed[1])  # "A top strategist, John Weaver," is Weaver
    if not words or not words[-1][:1].isupper():
        return []
    return [w for w in words if w[:1].isupper() and fold(w) not in NOT_NAMES and fold(w) not in TITLES]


def surname(name: str) -> str | None:
    """The last word of the name a source holds, folded (titles and suffixes dropped)."""
    names = _name_words(name)
    return fold(names[-1]) if names else None


def source_type(source: str | None) -> str:
    if source is None:
        return "none"
    if fold(source.strip()) in PRONOUN_SOURCES:
        return "pronoun"
    return "name" if surname(source) else "description"


def _head_noun(description: str) -> str:
    head = re.split(r",| of | who | from | at | in | with |\(", description, maxsplit=1)[0]
    words = [fold(w) for w in _words(head)]
    return words[-1] if words else ""


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def gold_referents(doc: PolnearDoc, gold: GoldAttribution) -> set[str]:
    """The surnames a gold source may stand for: its own name; for a pronoun or a definite
    description of a person or body, the named source the annotation supports (the nearest
    named Source before it) and the one the text supports (the named source whose surname
    occurs last before it). Empty for indefinite or non-agent descriptions ("a source", "the ad")."""
    kind = source_type(gold.source_text)
    if kind == "name":
        return {s for s in [surname(gold.source_text or "")] if s}
    if kind == "none" or gold.source is None or INDEFINITE.match(gold.source_text or ""):
        return set()
    head = _head_noun(gold.source_text or "")
    if kind == "description" and (_singular(head) not in AGENT_NOUNS or _singular(head) != head):
        return set()  # not an agent, or several people ("the two lawmakers"): no one name
    named = _named_sources(doc, fold(gold.source_text or "").strip())
    before = [(start, s) for start, s in named if start < gold.source[0]]
    out = {fold(max(before)[1])} if before else set()
    text = doc.article.text[: gold.source[0]]
    last = [(max((m.start() for m in re.finditer(rf"\b{re.escape(s)}\b", text)), default=-1), s)
            for s in sorted({s for _, s in named})]
    found = [x for x in last if x[0] >= 0]
    if found:
        out.add(fold(max(found)[1]))
    return out


def _named_sources(doc: PolnearDoc, pronoun: str) -> list[tuple[int, str]]:
    """(offset, surname) of the article's named sources a pronoun may refer to: for he/she, people
    (named with a first name or an honorific in the annotation or the text: "Donald Trump",
    "Mr. Obama", not "China")."""
    named = [(a.source[0], _name_words(a.source_text or "")) for a in doc.attributions
             if a.source and source_type(a.source_text) == "name"]
    if pronoun not in ("he", "she", "him", "her"):
        return [(start, words[-1]) for start, words in named]
    full = {words[-1] for _, words in named if len(words) >= 2}
    for _, words in named:
        if words[-1] in full:
            continue
        for match in re.finditer(rf"\b([A-Z][a-z]+)\.?\s+(?:[A-Z]\.\s+)?{re.escape(words[-1])}\b", doc.article.text):
            # a full name ("Donald Trump", "Donald J. Trump") or an honorific ("Mr. Obama", "President Obama")
            if fold(match[1]) in HONORIFICS or (fold(match[1]) not in TITLES and fold(match[1]) not in NOT_NAMES):
                full.add(words[-1])
                break
    return [(start, words[-1]) for start, words in named if words[-1] in full]


#: Relative pronouns annotated as a Source ("said Beck, who said ...").
RELATIVE_SOURCES = frozenset({"who", "which", "that"})


def relative_antecedent(doc: PolnearDoc, gold: GoldAttribution) -> GoldAttribution:
    """A relative pronoun Source stands for the phrase it follows: the name ending there
    ("evangelist Franklin Graham, who has vowed": Franklin Graham), else the noun before it ("her
    campaign's leadership, who": leadership). Any other Source stands for itself."""
    if gold.source is None or fold((gold.source_text or "").strip()) not in RELATIVE_SOURCES:
        return gold
    end = len(doc.article.text[: gold.source[0]].rstrip(" ,"))
    before = doc.article.text[max(0, end - 80) : end]
    name = re.search(r"(?<![\w'’.-])(?:(?:[A-Z][\w'’.-]*|[a-z]{1,3}|[A-Z]\.)\s+)*[A-Z][\w'’.-]*$", before)
    phrase = name[0] if name else (re.findall(r"[\w'’-]+$", before) or [""])[0]
    if not phrase:
        return gold
    return replace(gold, source=(end - len(phrase), end), source_text=phrase)


def speaker_matches(predicted: str | None, variants: Iterable[str], doc: PolnearDoc,
                    gold: GoldAttribution) -> bool:
    if not predicted:
        return False
    gold = relative_antecedent(doc, gold)
    words = {w.rstrip(".") for v in (predicted, *variants) for w in _words(fold(v))}
    words |= {w.removesuffix("'s") for w in words}
    referents = gold_referents(doc, gold)
    if referents:
        return bool(referents & words)
    if source_type(gold.source_text) == "description":
        head = _singular(_head_noun(gold.source_text or ""))
        return bool(head) and any(_singular(w) == head for w in words)
    return False


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Predicted:
    """A storyline quote on a PolNeAR article: its character span and speaker."""

    start: int
    end: int
    speaker: str | None
    variants: tuple[str, ...] = ()


@dataclass
class Score:
    gold: Counter[str] = field(default_factory=Counter)  # by source type
    found: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    no_speaker: int = 0
    errors: list[tuple[str, str, str | None, str]] = field(default_factory=list)

    def rate(self, counter: Counter[str], base: Counter[str], kinds: tuple[str, ...] | None = None) -> float:
        kinds = kinds or tuple(base)
        total = sum(base[k] for k in kinds)
        return sum(counter[k] for k in kinds) / total if total else 0.0

    @property
    def found_rate(self) -> float:
        return self.rate(self.found, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        """Right speaker among the found quotes."""
        return self.rate(self.right, self.found)


def _overlap(p: Predicted, gold: GoldAttribution) -> int:
    return sum(max(0, min(p.end, b) - max(p.start, a)) for a, b in gold.content)


def score(docs: list[PolnearDoc], predictions: dict[str, list[Predicted]], kind: str = "direct") -> Score:
    result = Score()
    for doc in docs:
        predicted = predictions.get(doc.name, [])
        for gold in (a for a in doc.attributions if a.kind == kind):
            stype = "pronoun/description" if source_type(gold.source_text) in ("pronoun", "description") \
                else source_type(gold.source_text)
            result.gold[stype] += 1
            best = max(predicted, key=lambda p: (_overlap(p, gold), -p.start), default=None)
            if best is None or _overlap(best, gold) == 0:
                continue
            result.found[stype] += 1
            if best.speaker is None:
                result.no_speaker += 1
            if speaker_matches(best.speaker, best.variants, doc, gold):
                result.right[stype] += 1
            else:
                result.errors.append((doc.name, gold.source_text or "", best.speaker, gold.content_text[:80]))
    return result


def predict(docs: list[PolnearDoc], nlp: Any) -> dict[str, list[Predicted]]:
    """Storyline's quotes on each article (each article is its own story)."""
    from storyline.claims.attribution import attribute
    from storyline.entities import resolve_entities
    from storyline.entities.titles import attach_title_mentions
    from storyline.nlp import annotate

    out: dict[str, list[Predicted]] = {}
    for doc, annotated in zip(docs, annotate([d.article for d in docs], nlp)):
        index = resolve_entities(annotated.mentions)
        attach_title_mentions([annotated], index)
        out[doc.name] = [Predicted(q.start, q.end, q.speaker.name if q.speaker else None, q.variants)
                         for q in attribute(annotated, index)]
    return out
