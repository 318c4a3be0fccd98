"""Names the story already recognised, tagged where the model missed them.

spaCy misses names in headlines, in short forms ("Chiefs", "Saints", "Bush") and in odd
sentences; when the same string is tagged elsewhere in the story, each untagged occurrence
(case-sensitive, whole words) becomes a mention with the label the form carries most often
(document-level label consistency, a standard trick in NER). A one-word form that the story
also uses as an ordinary lower-case word ("People" / "people") is not tagged at the start of
a sentence, where capitals say nothing.

A rare headline run holding two such names apart ("Colts Beat Chiefs", "Obama Reverses
Bush") is split into them first.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from storyline.entities.names import clean_surface
from storyline.nlp.annotate import AnnotatedArticle
from storyline.nlp.spans import CONNECTORS, is_junk
from storyline.records import Mention

#: Shortest form propagated (two-letter forms such as "Us" or "AP" are too ambiguous).
MIN_FORM_CHARS = 3
#: A run is split only when each name in it is this many times as frequent as the run
#: (ECB+ training topics).
RUN_RARITY = 2
#: Share of upper-case letters that makes a line a headline in capitals.
SHOUTED_SHARE = 0.8


def _form_labels(docs: list[AnnotatedArticle]) -> dict[str, Counter[str]]:
    """Every tagged surface form of the story with the labels it was given."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for m in doc.mentions:
            form = clean_surface(m.text)
            if len(form) >= MIN_FORM_CHARS and form[:1].isupper() and not is_junk(form, m.label):
                labels[form][m.label] += 1
    return labels


def _known_parts(text: str, labels: dict[str, Counter[str]]) -> list[tuple[int, int]]:
    """Leftmost-longest runs of words of ``text`` that are known forms (not ``text`` itself)."""
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", text)]
    parts, i = [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            start, end = words[i][0], words[j - 1][1]
            if (start, end) != (0, len(text)) and text[start:end] in labels:
                parts.append((start, end))
                i = j
                break
        else:
            i += 1
    return parts


def _split_runs(doc: AnnotatedArticle, labels: dict[str, Counter[str]]) -> None:
    """Replace a rare run holding two known names apart by those names."""
    out: list[Mention] = []
    for m in doc.mentions:
        count = sum(labels.get(clean_surface(m.text), Counter()).values())
        parts = _known_parts(m.text, labels) if " " in m.text else []
        gaps = [m.text[a[1] : b[0]].split() for a, b in zip(parts, parts[1:])]
        if len(parts) < 2 or not all(any(w.lower() not in CONNECTORS for w in g) for g in gaps) or any(
                sum(labels[m.text[a:b]].values()) < RUN_RARITY * count for a, b in parts):
            out.append(m)
            continue
        for a, b in parts:
            form = labels[m.text[a:b]]
            label = min(form, key=lambda lab: (-form[lab], lab))
            out.append(Mention(m.article_id, m.sentence, m.start + a, m.start + b, m.text[a:b], label))
    doc.mentions = out


def _pattern(forms: dict[str, str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])")


def _common_words(docs: list[AnnotatedArticle]) -> set[str]:
    return {w for d in docs for w in re.findall(r"\b[a-z]+\b", d.article.text)}


def _shouted(text: str) -> bool:
    """A line in capitals (a headline): most of its letters upper-case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_FORM_CHARS and sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)


def _occurrences(doc: AnnotatedArticle, pattern: re.Pattern[str], forms: dict[str, str],
                 common: set[str], shouted: bool) -> list[Mention]:
    """Untagged occurrences of known forms in one article (``shouted``: their capitalised
    spellings, only in lines written in capitals)."""
    text = doc.article.text
    taken = sorted((m.start, m.end) for m in doc.mentions + doc.dates + doc.numbers)
    starts = [s.start for s in doc.sentences]
    added = []
    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_left(taken, (end, end))
        if not starts or any(e > start for _, e in taken[max(0, i - 3) : i]):
            continue  # overlaps a mention already there
        sentence = max(0, bisect.bisect_right(starts, start) - 1)
        if shouted and not _shouted(doc.sentences[sentence].text):
            continue
        at_start = not text[doc.sentences[sentence].start : start].strip(" \"'“‘(")
        if at_start and " " not in match[0] and match[0].lower() in common:
            continue
        added.append(Mention(doc.id, sentence, start, end, match[0], forms[match[0]]))
    return added


def propagate_mentions(docs: list[AnnotatedArticle]) -> None:
    """Add a mention for each untagged occurrence of a form tagged elsewhere in the story
    (in place; running it twice adds nothing)."""
    labels = _form_labels(docs)
    forms = {f: min(c, key=lambda lab: (-c[lab], lab)) for f, c in labels.items()}
    caps = {f.upper(): label for f, label in sorted(forms.items()) if f.upper() != f}
    pattern, caps_pattern = _pattern(forms), _pattern(caps)
    if pattern is None or caps_pattern is None:
        return
    common = _common_words(docs)
    for doc in docs:
        _split_runs(doc, labels)
        for pat, known, shouted in ((pattern, forms, False), (caps_pattern, caps, True)):
            added = _occurrences(doc, pat, known, common, shouted)
            if added:
                doc.mentions = sorted(doc.mentions + added, key=lambda m: (m.start, m.end))
