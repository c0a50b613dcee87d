"""Cross-checking: what the articles of one story say about the same things."""

from __future__ import annotations

from newsweave.crosscheck.claims import align
from newsweave.crosscheck.coverage import unique_facts
from newsweave.crosscheck.entities import merge_entities
from newsweave.crosscheck.origins import with_origins
from newsweave.crosscheck.quotes import group_quotes
from newsweave.model import CrossCheck, Story

__all__ = ["cross_check"]


def cross_check(story: Story) -> CrossCheck:
    """Claims (with their sources), quote groups, entities and coverage of an analysed story:
    the one entry to this stage, so the pipeline and the bench run the same checks."""
    claims = with_origins(align(story), story)
    quotes = group_quotes(story)
    entities = merge_entities(story)
    coverage = unique_facts(story, claims, quotes, entities)
    return CrossCheck(tuple(claims), tuple(quotes), tuple(entities), tuple(coverage))
