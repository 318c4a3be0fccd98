"""One options object for the whole pipeline (instead of keyword lists everywhere)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """Knobs a user may turn; every default is what the CLI uses."""

    model: str | None = None  # spaCy package or path; None picks the best installed
    batch_size: int = 16  # spaCy nlp.pipe batch size
    max_summary: int = 7  # sentences in a story summary
    max_bytes: int = 10_000_000  # inputs larger than this are rejected (10 MB)
    min_story_size: int = 1  # stories with fewer articles are still written
    progress: bool = False  # show progress bars on stderr
    cluster_threshold: float | None = None  # override STORY_THRESHOLD (one-shot) or JOIN_THRESHOLD (ingest)
    processes: int | None = None  # NLP worker processes; None: both cores for big inputs
