"""Which story an ingested article joins.

``ClusterAssigner`` (the default) replays the stored articles published near the new ones
through the incremental story clusterer with their stored vectors, then adds the arrivals: an
arrival joins the stored story that most of its cluster-mates already belong to, or starts a
new one. Stored articles never move, so a story's id and its bookmarked page stay put, and
replaying only a time window keeps each ingest's cost flat as the store grows.

``OneStoryPerIngest`` is for a folder the user already knows is one event: every article of
one ``ingest --one-story`` command joins one story.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from newsweave.cluster.features import Vector, article_features
from newsweave.cluster.stories import (
    StoryClusterer,
    publication_order,
)
from newsweave.model import Article
from newsweave.options import DEFAULT, StoryOptions


@dataclass(frozen=True, slots=True)
class Placed:
    """A stored article as story assignment sees it; ``story_id`` is None for an arrival."""

    id: str
    article: Article
    vector: Vector
    story_id: str | None


class StoryAssigner(Protocol):
    #: Stored articles this close in days to an arrival are its context (besides the run's
    #: own stored articles, which always are).
    window_days: int

    def assign(self, arrivals: Sequence[Placed], recent: Sequence[Placed]) -> dict[str, str]:
        """Story id for each arrival, given the stored articles published near them."""
        ...


def new_story_id(article_ids: Sequence[str]) -> str:
    """A story id named after its first articles: the same run twice names it the same."""
    digest = hashlib.sha256("\n".join(sorted(article_ids)).encode()).hexdigest()
    return "s" + digest[:15]


class ClusterAssigner:
    """Arrivals join stories by the two-stage story clusterer (cluster/stories.py)."""

    def __init__(self, options: StoryOptions = DEFAULT.stories) -> None:
        self.options = options
        self.window_days = options.window_days

    def assign(self, arrivals: Sequence[Placed], recent: Sequence[Placed]) -> dict[str, str]:
        everyone = [*recent, *arrivals]
        order = publication_order([p.article for p in everyone])
        clusterer = StoryClusterer(self.options, encode=_no_encoder)
        clusterer.add_many(article_features(everyone[i].article, everyone[i].vector) for i in order)
        mapping: dict[str, str] = {}
        for story in clusterer.stories():
            members = [everyone[order[m]] for m in story.members]
            new = [p.id for p in members if p.story_id is None]
            if not new:
                continue
            held = Counter(p.story_id for p in members if p.story_id is not None)
            # the stored story most of the cluster is in; ties go to the smaller id (stable)
            story_id = min(held, key=lambda s: (-held[s], s)) if held else new_story_id(new)
            mapping.update(dict.fromkeys(new, story_id))
        return mapping


class OneStoryPerIngest:
    """All the articles of one ingest command are one story (or join the one they touch)."""

    window_days = 0

    def assign(self, arrivals: Sequence[Placed], recent: Sequence[Placed]) -> dict[str, str]:
        if not arrivals:
            return {}
        # With no window, ``recent`` holds only this run's articles that are already stored.
        held = sorted({p.story_id for p in recent if p.story_id is not None})
        story_id = held[0] if held else new_story_id([p.id for p in arrivals])
        return {p.id: story_id for p in arrivals}


def _no_encoder(texts: Sequence[str]) -> Vector:
    raise AssertionError("stored articles always carry their vectors")


def default_assigner(options: StoryOptions = DEFAULT.stories) -> StoryAssigner:
    """The assigner ``ingest`` uses."""
    return ClusterAssigner(options)
