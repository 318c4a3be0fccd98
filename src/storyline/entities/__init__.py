"""Cross-document entity resolution: one entity per referent across spellings."""

from storyline.entities.names import name_key, phonetic, tokens_of
from storyline.entities.resolve import EntityIndex, resolve_entities
from storyline.entities.story import resolve_story

__all__ = ["EntityIndex", "name_key", "phonetic", "resolve_entities", "resolve_story", "tokens_of"]
