"""Direct quotes and their speakers (being written for the quotes issue)."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import Article, Entity, Quote, Span


def find_quotes(
    article: Article, sentences: Sequence[Span], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Every direct quote of the article with its speaker."""
    return ()
