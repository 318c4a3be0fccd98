"""Sentences, tokens and named entities (spaCy plus a rule layer for news)."""

from storyline.nlp.annotate import AnnotatedArticle, Token, annotate
from storyline.nlp.model import load_model

__all__ = ["AnnotatedArticle", "Token", "annotate", "load_model"]
