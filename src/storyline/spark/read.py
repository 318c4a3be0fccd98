"""Inputs as one Spark DataFrame of articles, in the local engine's order.

JSON Lines and Parquet (local paths, globs, ``file:``, ``hdfs:``, ``s3a:``) are read by Spark, in
parallel, line by line: a 5 GB file is never held whole anywhere. Every other input (plain text,
HTML, feeds, JSON arrays, folders of them, URLs, ``-``) is read on the driver by the local readers.
Each record goes through the same ``article_from_record`` as in the local engine.

Rows keep ``(src, file, block, row)``: the input's position on the command line, the file, the
byte offset of the split and the row within it. Sorting on them gives the local engine's order.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator, Sequence
from typing import Any

from storyline.errors import InputError
from storyline.ingest.readers import expand, read_one
from storyline.ingest.structured import article_from_record
from storyline.records import Article

ARTICLE_FIELDS = ("id", "text", "title", "outlet", "url", "path", "published", "author", "error")
ORDER = ("src", "file", "block", "row")
SCHEMA = ("src int, file string, block long, row long, id string, text string, title string, "
          "outlet string, url string, path string, published string, author string, error string")
SPARK_SUFFIXES = (".jsonl", ".ndjson", ".parquet", ".jsonl.gz", ".ndjson.gz")
REMOTE_SCHEMES = ("hdfs:", "s3a:", "s3:", "gs:", "abfs:", "abfss:", "file:")
#: Bits of monotonically_increasing_id that hold the row within a partition (Spark's layout).
ROW_BITS = (1 << 33) - 1


def spark_readable(path: str) -> bool:
    """True for inputs Spark reads itself: JSON Lines, Parquet, or any remote URI."""
    lowered = path.lower().rstrip("/")
    return lowered.startswith(REMOTE_SCHEMES) or lowered.endswith(SPARK_SUFFIXES) or (
        os.path.isdir(path) and _parquet_dir(path))


def _parquet_dir(path: str) -> bool:
    return any(name.endswith(".parquet") for name in os.listdir(path))


def article_row(item: Article | InputError, order: tuple[int, str, int, int]) -> dict[str, Any]:
    """One output row: an article's fields, or the error that replaced it."""
    row: dict[str, Any] = dict(zip(ORDER, order))
    if isinstance(item, InputError):
        row.update({k: None for k in ARTICLE_FIELDS})
        row["error"] = str(item)
        return row
    row.update(id=item.id, text=item.text, title=item.title, outlet=item.outlet, url=item.url,
               path=item.path, published=item.published.isoformat() if item.published else None,
               author=item.author, error=None)
    return row


def record_rows(records: Iterator[tuple[Any, str, tuple[int, str, int, int]]]) -> Iterator[dict[str, Any]]:
    """Rows for JSON records (already decoded, or a raw line to decode) and where they came from."""
    for record, where, order in records:
        try:
            if isinstance(record, str):
                try:
                    record = json.loads(record)
                except json.JSONDecodeError as exc:
                    raise InputError(where, f"malformed JSON line ({exc.msg})") from None
            yield article_row(article_from_record(record, where), order)
        except InputError as exc:
            yield article_row(exc, order)


def _display(uri: str, names: dict[str, str]) -> str:
    """The path as the user gave it (relative stays relative), for messages and ``path``."""
    if uri in names:
        return names[uri]
    plain = uri[len("file:"):] if uri.startswith("file:") else uri
    while plain.startswith("//"):
        plain = plain[1:]
    return os.path.relpath(plain) if uri.startswith("file:") else uri


def _where(display: str, block: int, row: int) -> str:
    return f"{display}:{row + 1}" if block == 0 else f"{display}@{block}+{row + 1}"


def _json_lines_batches(batches: Iterator[Any], names: dict[str, str]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        items = []
        for src, file, block, mono, line in zip(batch["src"], batch["file"], batch["block"],
                                                batch["mono"], batch["value"]):
            if not line or not line.strip():
                continue
            row = int(mono) & ROW_BITS
            items.append((line, _where(_display(file, names), int(block), row),
                          (int(src), str(file), int(block), row)))
        yield pd.DataFrame(list(record_rows(iter(items))), columns=[*ORDER, *ARTICLE_FIELDS])


def _parquet_batches(batches: Iterator[Any], names: dict[str, str]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        items = []
        for rec in batch.to_dict("records"):
            row = int(rec.pop("mono")) & ROW_BITS
            src, file, block = int(rec.pop("src")), str(rec.pop("file")), int(rec.pop("block"))
            record = {k: v for k, v in rec.items() if v is not None and v == v}  # drop nulls and NaN
            items.append((record, _where(_display(file, names), block, row), (src, file, block, row)))
        yield pd.DataFrame(list(record_rows(iter(items))), columns=[*ORDER, *ARTICLE_FIELDS])


def _uri(path: str) -> str:
    return path if path.lower().startswith(REMOTE_SCHEMES) else "file://" + os.path.abspath(path)


def _spark_frame(spark: Any, src: int, path: str) -> Any:
    """One Spark-readable input (a file, glob or folder) as article rows."""
    from pyspark.sql import functions as F

    matches = sorted(glob.glob(path)) if any(c in path for c in "*?[") else [path]
    names = {_uri(m): m for m in matches if not m.lower().startswith(REMOTE_SCHEMES)}
    parquet = ".parquet" in path.lower() or (os.path.isdir(path) and _parquet_dir(path))
    reader = spark.read.parquet(_uri(path)) if parquet else spark.read.text(_uri(path))
    frame = reader.select("*", F.lit(src).alias("src"), F.input_file_name().alias("file"),
                          F.input_file_block_start().alias("block"),
                          F.monotonically_increasing_id().alias("mono"))
    if parquet:
        keep = [c for c in frame.columns if c in {"text", "body", "content", "title", "url", "outlet",
                                                  "source", "published", "date", "author", "path"}]
        frame = frame.select(*[F.col(c).cast("string") for c in keep], "src", "file", "block", "mono")
        return frame.mapInPandas(lambda b: _parquet_batches(b, names), SCHEMA)
    return frame.mapInPandas(lambda b: _json_lines_batches(b, names), SCHEMA)


def _driver_rows(src: int, raw: str, max_bytes: int) -> list[dict[str, Any]]:
    rows = []
    for source in expand([raw]):
        for i, item in enumerate(read_one(source, max_bytes)):
            rows.append(article_row(item, (src, source, 0, i)))
    return rows


def read_frame(spark: Any, paths: Sequence[str], max_bytes: int) -> Any:
    """All inputs as one DataFrame (``SCHEMA``), duplicates of an article kept once (the first)."""
    import pandas as pd
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    frames, local_rows = [], []
    for src, raw in enumerate(paths):
        if raw != "-" and spark_readable(raw):
            frames.append(_spark_frame(spark, src, raw))
        else:
            local_rows += _driver_rows(src, raw, max_bytes)
    if local_rows or not frames:
        frames.append(spark.createDataFrame(pd.DataFrame(local_rows, columns=[*ORDER, *ARTICLE_FIELDS]),
                                            SCHEMA))
    frame = frames[0]
    for other in frames[1:]:
        frame = frame.unionByName(other)
    first = Window.partitionBy("id").orderBy(*ORDER)
    ranked = frame.withColumn("_n", F.when(F.col("error").isNull(), F.row_number().over(first)))
    return ranked.filter(F.col("error").isNotNull() | (F.col("_n") == 1)).drop("_n")
