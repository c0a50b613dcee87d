"""Quote variants grouped across outlets (being written for the quotes issue)."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import AnnotatedArticle, QuoteGroup


def group_quotes(articles: Sequence[tuple[str, AnnotatedArticle]]) -> list[QuoteGroup]:
    """Groups of one utterance's wordings across the story's articles."""
    return []
