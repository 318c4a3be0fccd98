"""Story clustering: articles about the same seminal event form one story."""

from storyline.cluster.stories import article_vectors, cluster_articles

__all__ = ["article_vectors", "cluster_articles"]
