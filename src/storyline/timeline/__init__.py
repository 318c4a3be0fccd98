"""Dates: resolving expressions against publication dates, and a merged timeline."""

from storyline.timeline.resolver import ResolvedDate, resolve_expression

__all__ = ["ResolvedDate", "resolve_expression"]
