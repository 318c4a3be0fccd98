"""Parquet files: one article per row (columns as in JSON: ``text``, ``title``, ``url``, ...).

Read in record batches, so a file larger than memory streams. Needs pyarrow (installed with
the ``spark`` extra, which reads the same files on a cluster).
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.errors import InputError
from storyline.ingest.structured import article_from_record
from storyline.records import Article

#: Rows per record batch read from a Parquet file.
BATCH_ROWS = 1024


def iter_parquet(path: str, source: str) -> Iterator[Article | InputError]:
    """Every row of a Parquet file as an article, or the reason it is not one (``source:ROW``)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError(source, "reading Parquet needs pyarrow: pip install 'storyline[spark]'")
        return
    try:
        batches = pq.ParquetFile(path).iter_batches(batch_size=BATCH_ROWS)
        row = 0
        for batch in batches:
            for record in batch.to_pylist():
                row += 1
                where = f"{source}:{row}"
                try:
                    yield article_from_record({k: v for k, v in record.items() if v is not None}, where)
                except InputError as exc:
                    yield exc
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on bad files
        yield InputError(source, f"unreadable Parquet file ({str(exc).splitlines()[0][:120]})")
