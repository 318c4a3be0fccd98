"""The entities of one story: propagate recognised names, resolve, attach titles."""

from __future__ import annotations

from storyline.entities.demonyms import attach_demonyms
from storyline.entities.headlines import attach_headline_roles, split_headline_roles
from storyline.entities.propagate import propagate_mentions
from storyline.entities.resolve import EntityIndex, resolve_entities
from storyline.entities.teams import located_mentions
from storyline.entities.titles import attach_title_mentions
from storyline.nlp.annotate import AnnotatedArticle


def resolve_story(docs: list[AnnotatedArticle]) -> EntityIndex:
    """Entities of the articles of one story (adds propagated mentions to ``docs`` in place)."""
    split_headline_roles(docs)
    propagate_mentions(docs)
    mentions = [m for d in docs for m in d.mentions]
    located = located_mentions({d.id: d.article.text for d in docs}, mentions)
    index = resolve_entities(mentions, located)
    attach_title_mentions(docs, index)
    attach_demonyms(docs, index)
    attach_headline_roles(docs, index)
    return index
