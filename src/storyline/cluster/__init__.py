"""Story clustering: articles about the same seminal event form one story.

The pure functions a distributed engine reuses (same input, same stories):
``article_features`` (per article) -> ``document_frequencies``/``idf_table`` (corpus) ->
``block_keys`` (per article, with ``corpus_windows``) -> candidate pairs (articles sharing a key
of at most ``MAX_BLOCK`` articles) -> ``pair_similarity`` -> edges at or above
``STORY_THRESHOLD`` -> connected components -> ``cluster_component`` (complete link inside one).
``cluster_features`` is the local engine; ``cluster_articles`` runs it on annotated articles.
Stories come biggest first, then by smallest article id (never by input order); inside a story
``cluster_articles`` and ``pipeline.run`` keep the input order of the articles.
"""

from storyline.cluster.blocking import MAX_BLOCK, block_keys, candidate_pairs, corpus_windows
from storyline.cluster.engine import cluster_features
from storyline.cluster.features import (
    article_features,
    date_factor,
    document_frequencies,
    idf_table,
    pair_similarity,
)
from storyline.cluster.link import cluster_component
from storyline.cluster.stories import STORY_THRESHOLD, article_vectors, cluster_articles

__all__ = ["MAX_BLOCK", "STORY_THRESHOLD", "article_features", "article_vectors", "block_keys",
           "candidate_pairs", "cluster_articles", "cluster_component", "cluster_features",
           "corpus_windows", "date_factor", "document_frequencies", "idf_table", "pair_similarity"]
