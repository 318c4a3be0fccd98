"""One exception hierarchy for storyline; every message says what to do next."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """One input (file, URL, line) could not be read; the rest of the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(StorylineError):
    """No usable spaCy English model is installed."""


class StoreError(StorylineError):
    """The SQLite store cannot be opened or migrated."""


class EngineError(StorylineError):
    """The distributed engine (Spark) cannot run: not installed, no Java, bad master URL."""


class QueryError(StorylineError):
    """A search or listing request the store cannot answer as asked (bad syntax, bad page token)."""
