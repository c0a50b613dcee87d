"""Which story an ingested article joins: the one place to change when clustering lands.

For now one ``ingest`` command's articles form one story. An article that is already in a
story keeps it, so ingesting the same pages again changes nothing, and a run that adds pages
to pages already stored joins them to that story.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol


class StoryAssigner(Protocol):
    def assign(self, article_ids: Sequence[str], known: dict[str, str]) -> dict[str, str]:
        """Story id for each article id; ``known`` maps already-assigned articles to theirs."""
        ...


class OneStoryPerIngest:
    """All the articles of one ingest command are one story."""

    def assign(self, article_ids: Sequence[str], known: dict[str, str]) -> dict[str, str]:
        if not article_ids:
            return {}
        existing = sorted({known[a] for a in article_ids if a in known})
        if existing:
            story = existing[0]  # the oldest-named story the run touches
        else:
            digest = hashlib.sha256("\n".join(sorted(article_ids)).encode()).hexdigest()
            story = "s" + digest[:15]
        return {a: known.get(a, story) for a in article_ids}


def default_assigner() -> StoryAssigner:
    """The assigner ``ingest`` uses; swap for the story clusterer here."""
    return OneStoryPerIngest()
