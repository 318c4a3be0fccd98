"""Cross-document entity resolution: one entity per referent across spellings."""

from storyline.entities.names import name_key, phonetic, tokens_of
from storyline.entities.resolve import EntityIndex, resolve_entities

__all__ = ["EntityIndex", "name_key", "phonetic", "resolve_entities", "tokens_of"]
