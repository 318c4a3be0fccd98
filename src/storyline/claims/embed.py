"""Sentence embeddings for fact grouping: WordLlama's static token embeddings (256 dimensions,
bundled with the package, no download), cosine-normalised. About 0.3 ms a sentence on a laptop
core: paraphrases ("The Senate confirmed Barrett" / "the Senate voted to confirm Barrett") score
about 0.7-0.75, other sentences of the same story 0.4-0.5.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np


@lru_cache(maxsize=1)
def _model() -> Any:
    import wordllama

    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def cosine_matrix(texts: list[str]) -> np.ndarray:
    """Pairwise cosine of the sentences' embeddings."""
    if not texts:
        return np.zeros((0, 0))
    vectors = np.asarray(_model().embed(texts), dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1
    vectors = vectors / norms[:, None]
    return vectors @ vectors.T
