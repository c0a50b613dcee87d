"""What each article alone reports (being written for issue 5)."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import AnnotatedArticle, Claim, QuoteGroup, Unique


def unique_facts(
    articles: Sequence[tuple[str, AnnotatedArticle]],
    claims: Sequence[Claim] = (),
    quotes: Sequence[QuoteGroup] = (),
) -> list[tuple[str, tuple[Unique, ...]]]:
    """For each article id, the passages no other independent article of the story reports."""
    return [(aid, ()) for aid, _ in articles]
