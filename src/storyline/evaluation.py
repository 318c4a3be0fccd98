"""Scoring against labelled data: an ECB+ reader and B-cubed F1 (used by tests and benchmarks)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from storyline.records import Article, Mention

#: The ECB+ dev split used by the literature (Cybulska & Vossen 2015).
ECB_DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
ECB_TRAIN_TOPICS = (1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29,
                    30, 31, 32, 33)
PARTICIPANT_TAGS = ("HUMAN_PART", "LOC_")
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we",
            "you", "who", "this", "that"}


@dataclass
class EcbDoc:
    name: str
    topic: int
    subtopic: str  # "ecb" or "ecbplus": the seminal event within the topic
    article: Article
    offsets: dict[int, tuple[int, int]]  # token id -> (start, end) characters
    gold: dict[int, str] = field(default_factory=dict)  # mention id -> instance id
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # mention id -> chars
    named: set[int] = field(default_factory=set)


def read_ecb_doc(path: Path) -> EcbDoc:
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[int, tuple[int, int]] = {}
    pos, sentence = 0, None
    for tok in root.iter("token"):
        if sentence is not None and tok.get("sentence") != sentence:
            pieces.append("\n")
            pos += 1
        elif pieces:
            pieces.append(" ")
            pos += 1
        sentence = tok.get("sentence")
        text = tok.text or ""
        offsets[int(tok.get("t_id", 0))] = (pos, pos + len(text))
        pieces.append(text)
        pos += len(text)
    text = "".join(pieces)
    topic = int(path.name.split("_")[0])
    subtopic = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
    doc = EcbDoc(path.name, topic, subtopic, Article(text=text, path=str(path)), offsets)
    _read_gold(root, doc, text)
    return doc


def _read_gold(root: ET.Element, doc: EcbDoc, text: str) -> None:
    markables = root.find("Markables")
    tokens_of: dict[int, list[int]] = {}
    for m in markables if markables is not None else []:
        if m.tag.startswith(PARTICIPANT_TAGS):
            ids = [int(a.get("t_id", 0)) for a in m.findall("token_anchor")]
            if ids:
                tokens_of[int(m.get("m_id", 0))] = ids
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag != "CROSS_DOC_COREF":
            continue
        for src in rel.findall("source"):
            mid = int(src.get("m_id", 0))
            if mid in tokens_of:
                doc.gold[mid] = rel.get("note", "")
    for mid in doc.gold:
        ids = tokens_of[mid]
        start, end = doc.offsets[ids[0]][0], doc.offsets[ids[-1]][1]
        doc.spans[mid] = (start, end)
        if _is_named(text, start, end):
            doc.named.add(mid)


def _is_named(text: str, start: int, end: int) -> bool:
    """A proper name: capitalised words, not a capitalised common noun at a sentence start or
    in an all-caps headline ("Police", "DRIVER"), not a pronoun."""
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if not words or words[0].lower() in PRONOUNS or not words[0][:1].isupper():
        return False
    sentence_start = start == 0 or text[start - 1] == "\n"
    if len(words) == 1:
        word = words[0]
        if word.isupper():
            return len(word) <= 5  # an acronym (NYPD), not a shouted headline word
        return not sentence_start
    return all(w[:1].isupper() for w in words if len(w) > 3)


def read_ecb_topics(root: Path, topics: tuple[int, ...]) -> list[EcbDoc]:
    docs = []
    for topic in topics:
        folder = root / str(topic)
        if folder.is_dir():
            docs += [read_ecb_doc(p) for p in sorted(folder.glob("*.xml"))]
    return docs


Clusters = dict[Hashable, Hashable]


def entity_alignment(docs: list[EcbDoc], mentions: list[list[Mention]],
                     entity_of: Mapping[tuple[str, int], str]) -> tuple[Clusters, Clusters]:
    """Gold and system clusters of the named participant mentions of ``docs``: a gold mention
    takes the entity of the first system mention (of ``mentions``, per doc) overlapping it;
    one the system did not find stays a singleton in ``bcubed``."""
    gold: Clusters = {}
    system: Clusters = {}
    for doc, found in zip(docs, mentions):
        for mid in sorted(doc.named):
            start, end = doc.spans[mid]
            gold[(doc.name, mid)] = doc.gold[mid]
            for m in found:
                if m.start < end and start < m.end and (m.article_id, m.start) in entity_of:
                    system[(doc.name, mid)] = entity_of[(m.article_id, m.start)]
                    break
    return gold, system


def bcubed(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``gold`` (each maps item -> cluster)."""
    items = list(gold)
    if not items:
        return 1.0, 1.0, 1.0
    gold_sets: dict[Hashable, set[Hashable]] = defaultdict(set)
    sys_sets: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item in items:
        gold_sets[gold[item]].add(item)
        sys_sets[system.get(item, ("singleton", item))].add(item)
    precision = recall = 0.0
    for item in items:
        g = gold_sets[gold[item]]
        s = sys_sets[system.get(item, ("singleton", item))]
        overlap = len(g & s)
        precision += overlap / len(s)
        recall += overlap / len(g)
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_neus_triplets(path: Path) -> tuple[list[Article], dict[str, int]]:
    """NeuS roundups (``val.source``): one line a story, articles separated by ``[SEP]``, each
    ``TITLE=> ... ARTICLE=> ...``. Returns the articles and their gold story (line number)."""
    import re

    articles: list[Article] = []
    gold: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        for part in line.split("[SEP]"):
            match = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", part, re.S)
            if match and match[2].strip():
                article = Article(text=match[2].strip(), title=match[1].strip() or None)
                if article.id not in gold:
                    articles.append(article)
                    gold[article.id] = number
    return articles, gold
