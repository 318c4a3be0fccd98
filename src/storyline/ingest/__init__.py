"""Readers: turn files, folders, globs, feeds, URLs and JSON Lines into ``Article`` records."""

from storyline.ingest.readers import ReadResult, read_sources, stream_sources

__all__ = ["ReadResult", "read_sources", "stream_sources"]
