"""Ages: one person given different ages by different articles ("Smith, 45," / "the
47-year-old Smith" / "Smith, aged 45"). The age must sit right next to the name: an age
elsewhere in the sentence may be someone else's.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.claims.conflicts import Evidence, per_referent
from storyline.claims.facts import Fact
from storyline.records import Conflict

#: "45-year-old [former counselor] NAME": the age, then up to this many characters before the name.
BEFORE_NAME = re.compile(r"(\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,3}$")
#: "NAME, 45," / "NAME (45)" / "NAME, aged 45" / "NAME, a 45-year-old ...".
AFTER_NAME = re.compile(r"^(?:,\s*|\s*\()(?:aged\s+|age\s+|an?\s+|the\s+)?(\d{1,3})(?:-year-old\b|\s*[,)])")


def _ages(evidence: Evidence, facts: list[Fact]) -> dict[str, dict[str, dict[str, str]]]:
    """person id -> article -> age -> sentence text."""
    found: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    texts = evidence.texts
    for view in (v for f in facts for v in f.views):
        text = texts.get(view.article_id, "")
        for _, eid, etype, mention in view.entities:
            if etype != "PERSON" or mention.label == "NORP":
                continue  # "the 41-year-old American" is a person only by the demonym rule's guess
            before = BEFORE_NAME.search(text[max(0, mention.start - 60) : mention.start])
            after = AFTER_NAME.match(text[mention.end : mention.end + 24])
            for match in (before, after):
                if match and 0 < int(match[1]) < 120:
                    found[eid][view.article_id][match[1]] = view.text
    return found


def check(facts: list[Fact], evidence: Evidence) -> list[Conflict]:
    return per_referent("age", "age", _ages(evidence, facts), evidence)
