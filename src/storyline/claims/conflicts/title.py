"""Titles: one person given different offices or ranks right before the name by different
articles ("Sen. Smith" / "Rep. Smith"; "Capt. Diaz" / "Lt. Diaz"). "former", "then-" and
"-elect" titles are other times, not a disagreement; an article using two titles is skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.claims.conflicts import Evidence, per_referent
from storyline.claims.facts import Fact
from storyline.records import Conflict

OFFICES = {
    "sen": "senator", "senator": "senator", "rep": "representative", "representative": "representative",
    "congressman": "representative", "congresswoman": "representative", "gov": "governor",
    "governor": "governor", "mayor": "mayor", "president": "president", "vice president": "vice president",
    "judge": "judge", "justice": "justice", "gen": "general", "general": "general", "lt": "lieutenant",
    "lieutenant": "lieutenant", "col": "colonel", "colonel": "colonel", "maj": "major", "major": "major",
    "capt": "captain", "captain": "captain", "sgt": "sergeant", "sergeant": "sergeant",
    "prime minister": "prime minister", "chancellor": "chancellor",
}
_OFFICE = "|".join(sorted(OFFICES, key=len, reverse=True))
TITLE = re.compile(rf"(?:\b(?P<time>former|ex|then|late|acting|interim)[\s-]+)?(?:\b[A-Z][\w.]*\s+){{0,2}}?"
                   rf"\b(?P<t>{_OFFICE})\.?\s+$", re.I)


def _title_before(text: str, start: int, mention: str) -> str | None:
    inner = re.match(rf"^\s*(?:\b(?:{_OFFICE})\.?\s+)+", mention, re.I)
    window = text[max(0, start - 40) : start] + (inner[0] if inner else "")
    match = TITLE.search(window)
    if not match or match["time"] or re.match(r"\s*-?elect\b", text[start + len(mention) : start + len(mention) + 7]):
        return None
    word = match["t"].lower()
    if word in ("president", "major", "general", "justice") and not match["t"][0].isupper():
        return None  # "the general manager", "a major poll"
    return OFFICES[word]


def check(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    texts = evidence.texts
    sentence_text = {(v.article_id, v.sentence.index): v.text for f in facts for v in f.views}
    titles: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for entity in evidence.index.entities:
        if entity.type != "PERSON":
            continue
        for m in sorted(entity.mentions, key=lambda m: (m.article_id, m.start)):
            title = _title_before(texts.get(m.article_id, ""), m.start, m.text)
            if title:
                titles[entity.id][m.article_id].setdefault(title, sentence_text.get((m.article_id, m.sentence), ""))
    return per_referent("title", "title", titles, evidence)
