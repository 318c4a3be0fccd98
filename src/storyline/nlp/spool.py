"""Annotations parked on disk between the NLP pass and the per-story stages: ``brief`` keeps
only compact clustering features in memory and loads a story's annotated articles when it
builds that story."""

from __future__ import annotations

import os
import tempfile
from types import TracebackType

from storyline.nlp.annotate import AnnotatedArticle
from storyline.nlp.serialize import loads
from storyline.records import Article


class Spool:
    """An append-only temporary file of serialised annotations, read back by article id."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()/__exit__
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0
        self._dirty = False

    def put(self, article_id: str, blob: str) -> None:
        data = blob.encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        self._where[article_id] = (self._end, len(data))
        self._end += len(data)
        self._dirty = True

    def get(self, article: Article) -> AnnotatedArticle:
        start, size = self._where[article.id]
        self.flush()
        # pread: no shared file offset, so forked workers may read the spool at the same time
        return loads(article, os.pread(self._file.fileno(), size, start).decode("utf-8"))

    def flush(self) -> None:
        """Write what is buffered (before forking readers: they read the file, not the buffer)."""
        if self._dirty:
            self._file.flush()
            self._dirty = False

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
