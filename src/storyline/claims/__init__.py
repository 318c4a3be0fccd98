"""Figures, quotes, claims aligned across articles, and the conflicts between them."""
