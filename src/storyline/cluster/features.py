"""Compact per-article clustering features, the corpus IDF table, and the exact similarity of one
pair of articles. Pure, deterministic functions: the local engine (``cluster.engine``) and a
distributed one call the same code, so both find the same stories.

    article_features(doc) -> {feature: count}     (serialisable: str -> float)
    document_frequencies(features...) -> {feature: df};  idf_table(df, n) -> {feature: idf}
    pair_similarity(feat_a, feat_b, idf, date_a, date_b) -> float

Besides the weighted terms, the features hold markers (``T:``, see ``is_marker``) of when the
lead says its event happened: they are not terms (no weight, no block key) but scale the pair's
similarity (``lead_date_factor``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.entities.names import name_key
from storyline.nlp.annotate import AnnotatedArticle

#: Extra weight of a name (on top of its words): two earthquakes differ by place and people.
#: 1.0 on ECB+ train topics and NeuS val triplets (2.0 over-weights ubiquitous names).
ENTITY_WEIGHT = 1.0
#: Headline words count this many times: a title states the event in a few words
#: (+0.05 B-cubed F1 on NeuS val triplets).
TITLE_WEIGHT = 2.0
#: Years named in the text weigh like names: two floods of the same river differ by year.
YEAR_WEIGHT = 4.0
#: Numbers (counts, sums, percentages, in the text or the headline) weigh like names: "943,000
#: jobs in July" and "136,000 jobs in September" are two reports. 1.0 on NeuS val triplets and
#: ECB+ train topics (B-cubed F1 +0.01 with COHESION; 2.0 lost ECB+ recall).
NUMBER_WEIGHT = 1.0
#: Coverage of one seminal event is published within days; similarity is scaled by the gap
#: between publication dates: (at most this many days, factor), then FAR_APART. The boost for
#: 3 days was chosen on NeuS val triplets given simulated dates over ten years (B-cubed F1
#: 0.956 -> 0.977, precision >= 0.99); undated corpora are unaffected.
DATE_PENALTIES = ((3, 1.5), (14, 1.0), (60, 0.6), (365, 0.3))
FAR_APART = 0.1
#: Related events on one topic (a judge blocks a law on Wednesday, the appeals court lets it resume
#: on Friday; a bill unveiled on Friday, passed on Wednesday; the June and the July border figures)
#: share topic words and names, but their leads date different days. When both leads (headline and
#: first sentence) name weekdays and none is within LEAD_DAY_TOLERANCE days of the other's, or both
#: name months and none the same, the similarity is scaled by LEAD_DATE_FACTOR. Tolerance 1: one
#: event is dated "Friday night" and "said Saturday" (tolerance 0: ECB+ train 0.925 -> 0.913, dev
#: 0.927 -> 0.903). Factor tuned on the NeuS val tune half and ECB+ train topics (B-cubed F1 tune
#: 0.914 -> 0.924, dated 0.986 -> 0.986, ECB+ train 0.925 -> 0.925; 0.5: 0.923, 0.7: 0.924); see
#: benchmarks/RESULTS.md, "Clustering: the lead's date".
LEAD_DATE_FACTOR = 0.6
LEAD_DAY_TOLERANCE = 1
#: Two leads naming the same weekday (and no months apart) report one day's event: the similarity
#: is scaled by this. Tuned after LEAD_DATE_FACTOR on the same data: 1.15 / 1.2 / 1.3 / 1.4 / 1.5 /
#: 1.7 -> NeuS tune half 0.917 / 0.921 / 0.927 / 0.928 / 0.927 / 0.924, ECB+ train 0.925 up to 1.4,
#: 0.924 at 1.5, 0.921 at 1.7: 1.3, the smallest on the plateau.
LEAD_SAME_DAY_FACTOR = 1.3
#: A lead sentence has at least this many words (skips datelines, bylines and URL fragments).
LEAD_MIN_WORDS = 5
MARKER = "T:"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
#: Month names; "March" and "May" count only before a day number (a verb or a modal otherwise).
_MONTH = re.compile(r"\b(?:(January|February|April|June|July|August|September|October|November|December)"
                    r"|(March|May)(?=\s+\d))\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
#: Similarities are rounded to this many decimals so that a vectorised computation and
#: ``pair_similarity`` (summing in another order) agree exactly.
SIM_DECIMALS = 9
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}

Features = dict[str, float]


def date_factor(a: date | None, b: date | None) -> float:
    """How much two articles' publication gap scales their similarity (1.0: unknown dates)."""
    if a is None or b is None:
        return 1.0
    gap = abs((a - b).days)
    return next((factor for days, factor in DATE_PENALTIES if gap <= days), FAR_APART)


def article_features(doc: AnnotatedArticle) -> Features:
    """Content words (lower case), headline words, names (``E:``), years (``Y:``) and numbers (``N:``) of one
    article, with their weighted counts, and the markers of its lead's date (``T:``, ``lead_markers``).
    Only what clustering needs: a few hundred bytes."""
    feats: Features = {}
    for tokens in doc.tokens:
        for tok in tokens:
            word = tok.text.lower()
            if tok.pos in CONTENT_POS and not tok.is_stop and word.isalpha() and len(word) > 2:
                feats[word] = feats.get(word, 0.0) + 1
    for word in re.findall(r"[a-z]+", (doc.article.title or "").lower()):
        if len(word) > 2 and word not in STOP_WORDS:
            feats[word] = feats.get(word, 0.0) + TITLE_WEIGHT
    for m in doc.mentions:
        key = name_key(m.text, m.label)
        if key:
            feats["E:" + key] = feats.get("E:" + key, 0.0) + ENTITY_WEIGHT
    for m in doc.dates:
        for year in re.findall(r"\b(?:19|20)\d\d\b", m.text):
            feats["Y:" + year] = feats.get("Y:" + year, 0.0) + YEAR_WEIGHT
    for number in _numbers([m.text for m in doc.numbers] + [doc.article.title or ""]):
        feats["N:" + number] = feats.get("N:" + number, 0.0) + NUMBER_WEIGHT
    for marker in lead_markers(doc):
        feats[marker] = 1.0
    return {k: v for k, v in sorted(feats.items()) if v > 0}


def lead_markers(doc: AnnotatedArticle) -> list[str]:
    """``T:<weekday>`` and ``T:<month>`` for the weekdays and months the headline and the first
    sentence of at least LEAD_MIN_WORDS words (not a URL) name: when the lead says its event happened."""
    first = next((s.text for s in doc.sentences
                  if "http" not in s.text and len(re.findall(r"[A-Za-z]{2,}", s.text)) >= LEAD_MIN_WORDS), "")
    lead = f"{doc.article.title or ''}\n{first}"
    found = {w.lower() for w in _WEEKDAY.findall(lead)}
    found.update((full or short).lower() for full, short in _MONTH.findall(lead))
    return sorted(MARKER + name for name in found)


def is_marker(feature: str) -> bool:
    """A lead-date marker: not a term of the similarity vectors nor a block key."""
    return feature.startswith(MARKER)


def add_into(total: dict[str, float], vector: Mapping[str, float]) -> None:
    """Add ``vector`` into the running sum ``total`` (a centroid, a story profile)."""
    for k, w in vector.items():
        total[k] = total.get(k, 0.0) + w


def lead_date_factor(feat_a: Mapping[str, float], feat_b: Mapping[str, float]) -> float:
    """LEAD_DATE_FACTOR when the two leads date different days (weekdays more than
    LEAD_DAY_TOLERANCE apart) or different months, else LEAD_SAME_DAY_FACTOR when they name a
    weekday in common, else 1.0."""
    return masks_factor(lead_masks(feat_a), lead_masks(feat_b))


def masks_factor(a: tuple[int, int], b: tuple[int, int]) -> float:
    """``lead_date_factor`` of two leads given as ``lead_masks``."""
    if leads_apart(a, b):
        return LEAD_DATE_FACTOR
    return LEAD_SAME_DAY_FACTOR if a[0] & b[0] else 1.0


def lead_masks(feats: Mapping[str, float]) -> tuple[int, int]:
    """The lead's weekdays and months as bit masks (bit 0: Monday / January)."""
    days = sum(1 << i for i, w in enumerate(WEEKDAYS) if MARKER + w in feats)
    months = sum(1 << i for i, m in enumerate(MONTHS) if MARKER + m in feats)
    return days, months


def near_days(days: int) -> int:
    """The weekday mask widened by LEAD_DAY_TOLERANCE days either side (the week wraps)."""
    near = days
    for shift in range(1, LEAD_DAY_TOLERANCE + 1):
        near |= ((days << shift) | (days >> (7 - shift))) & 0x7F
        near |= ((days >> shift) | (days << (7 - shift))) & 0x7F
    return near


def leads_apart(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Both leads name weekdays, none near one of the other's; or both name months, none shared."""
    return bool((a[0] and b[0] and not near_days(a[0]) & b[0]) or (a[1] and b[1] and not a[1] & b[1]))


def _numbers(texts: list[str]) -> list[str]:
    """Numbers of two or more digits (not years), without thousands separators."""
    found = []
    for text in texts:
        for raw in re.findall(r"\d[\d,.]*\d|\d", text):
            number = raw.replace(",", "").rstrip(".")
            if len(number) >= 2 and not re.fullmatch(r"(?:19|20)\d\d", number):
                found.append(number)
    return found


def document_frequencies(features: Iterable[Mapping[str, float]]) -> Counter[str]:
    """In how many articles each feature occurs."""
    df: Counter[str] = Counter()
    for feats in features:
        df.update(feats.keys())
    return df


def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency of a feature found in ``df`` of ``n`` articles."""
    return math.log((1 + n) / (1 + df)) + 1


def idf_table(df: Mapping[str, int], n: int) -> dict[str, float]:
    return {k: idf(v, n) for k, v in df.items()}


def weights(feats: Mapping[str, float], idf_of: Mapping[str, float]) -> dict[str, float]:
    """Sublinear TF-IDF weights (a feature missing from the table has idf 1.0), L2-normalised."""
    raw = {k: (1 + math.log(v)) * idf_of.get(k, 1.0) for k, v in feats.items() if v > 0 and not is_marker(k)}
    norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
    return {k: w / norm for k, w in raw.items()}


def pair_similarity(feat_a: Mapping[str, float], feat_b: Mapping[str, float],
                    idf_of: Mapping[str, float], date_a: date | None = None,
                    date_b: date | None = None) -> float:
    """Cosine of the two articles' TF-IDF vectors scaled by their publication gap and by their
    leads' dates, rounded to ``SIM_DECIMALS``: the exact similarity of one candidate pair."""
    wa, wb = weights(feat_a, idf_of), weights(feat_b, idf_of)
    dot = sum(wa[k] * wb[k] for k in sorted(wa.keys() & wb.keys()))
    return round(dot * date_factor(date_a, date_b) * lead_date_factor(feat_a, feat_b), SIM_DECIMALS)
