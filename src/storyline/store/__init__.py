"""The SQLite store: articles, their annotations, stories and their briefs."""

from storyline.store.db import Store
from storyline.store.ingest import IngestReport, ingest, ingest_articles

__all__ = ["IngestReport", "Store", "ingest", "ingest_articles"]
