"""Entities merged across a story's articles (being written for issue 5)."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import AnnotatedArticle, EntityGroup


def merge_entities(articles: Sequence[tuple[str, AnnotatedArticle]]) -> list[EntityGroup]:
    """People, organisations and places of the story, aliases merged."""
    return []
