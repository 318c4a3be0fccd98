"""The timeline stage: dated statements of every article, merged across sources."""

from __future__ import annotations

from datetime import date

from storyline.nlp.annotate import AnnotatedArticle
from storyline.records import Mention, TimeRef
from storyline.timeline.resolver import resolve_expression

#: "Today" and "now" in quotes and features rarely date an event of the story.
DEICTIC_ONLY = {"today", "now", "tonight", "currently", "recently"}


def story_reference_date(docs: list[AnnotatedArticle]) -> date | None:
    """The median publication date of the story: the anchor for undated articles."""
    known = sorted(d.article.published for d in docs if d.article.published)
    return known[(len(known) - 1) // 2] if known else None  # the lower median


def extract_dates(doc: AnnotatedArticle, fallback_ref: date | None) -> list[TimeRef]:
    """Resolve every DATE mention of one article."""
    return [r for _, r in resolved_mentions(doc, fallback_ref)]


def system_dates(doc: AnnotatedArticle, fallback_ref: date | None) -> list[tuple[int, int, str]]:
    """(start, end, TimeML value) of every resolved date: what the TimeML scorer reads."""
    from storyline.timeml import timeml_value

    return [(m.start, m.end, timeml_value(r.date, r.precision))
            for m, r in resolved_mentions(doc, fallback_ref)]


def resolved_mentions(doc: AnnotatedArticle, fallback_ref: date | None) -> list[tuple[Mention, TimeRef]]:
    ref = doc.article.published or fallback_ref
    anchor = "published" if doc.article.published else "story"
    text = doc.article.text
    refs: list[tuple[Mention, TimeRef]] = []
    for mention in doc.dates:
        if mention.text.lower().strip() in DEICTIC_ONLY:
            continue
        context = text[max(0, mention.start - 16) : mention.start]
        resolved = resolve_expression(mention.text, ref, context)
        if resolved is None:
            continue
        refs.append((mention, TimeRef(doc.id, mention.sentence, mention.text, resolved.date,
                            resolved.precision, resolved.qualifier, resolved.approximate, anchor)))
    return refs
