"""Where the story clusterer puts articles no arrival can meet any more, and gets them back.

An article a time window older than the newest arrival can no longer be compared with an
arrival in publication order, nor change story; so the clusterer freezes it: its features and
vector leave working memory for an ``Archive``, under its story. A story whose newest article
is a window old is then frozen whole. A late arrival (published before the newest one seen) or
an undated one may still belong to a frozen story; the clusterer asks the archive to thaw the
stories with an article close enough to it, and regroups them with the arrival as if they had
never left.

``MemoryArchive`` keeps frozen stories' features in memory (runs over a folder: the working
state shrinks, nothing else changes); ``newsweave.store.spill.SpillArchive`` writes them to a
file, for streams that run for months.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

import numpy as np

from newsweave.cluster.features import DocFeatures, Vector
from newsweave.model import day_of


@dataclass(frozen=True, slots=True)
class FrozenDoc:
    """One frozen article: its arrival number and what the clusterer knew of it."""

    index: int
    features: DocFeatures


@dataclass(frozen=True, slots=True)
class FrozenStory:
    """A story's frozen articles (its live ones, if any, are the clusterer's)."""

    id: str
    docs: tuple[FrozenDoc, ...]


@dataclass(frozen=True, slots=True)
class FrozenPart:
    """What a listing of stories needs of a story's frozen articles: their arrival numbers
    in order, and the earliest one that has a title, with it."""

    id: str
    members: tuple[int, ...]
    first_title: tuple[int, str] | None


class Archive(Protocol):
    """Frozen articles, by story, out of the clusterer's way until an arrival may meet one."""

    def freeze(self, story_id: str, docs: Sequence[FrozenDoc]) -> None:
        """Keep articles of a story (added to those of it already kept)."""
        ...

    def thaw(
        self, day: date | None, window_days: int, vector: Vector, min_cosine: float
    ) -> list[FrozenStory]:
        """Take out and return, whole, the stories that an arrival of ``day`` (None:
        undated) with ``vector`` may join: one of their frozen articles within the window of
        ``day`` has a vector at least ``min_cosine`` from the arrival's."""
        ...

    def story_of(self, index: int) -> str | None:
        """The story of a frozen arrival number, or None when it is not frozen."""
        ...

    def assignments(self) -> Iterator[tuple[int, str]]:
        """(arrival number, story id) of every frozen article."""
        ...

    def stories(self) -> Iterator[FrozenPart]:
        """Every story with frozen articles."""
        ...


class MemoryArchive:
    """Frozen articles kept in memory, found again by comparing vectors.

    A late dated arrival is compared with the frozen articles within a window of its day; an
    undated one (no time evidence either way) with the ``undated_reach`` most recently frozen
    articles, as the neighbour index keeps at least that many: a run over a folder loses
    nothing, and a long one does not compare each undated article with everything.
    """

    def __init__(self, undated_reach: int = 5_000) -> None:
        self._stories: dict[str, list[FrozenDoc]] = {}
        self._story_of: dict[int, str] = {}
        self._by_day: dict[date, list[tuple[str, FrozenDoc]]] = {}
        self._recent: deque[tuple[str, FrozenDoc]] = deque(maxlen=undated_reach)

    def __len__(self) -> int:
        return len(self._story_of)

    def freeze(self, story_id: str, docs: Sequence[FrozenDoc]) -> None:
        self._stories.setdefault(story_id, []).extend(docs)
        for d in docs:
            self._story_of[d.index] = story_id
            self._recent.append((story_id, d))
            day = day_of(d.features.day)
            if day is not None:
                self._by_day.setdefault(day, []).append((story_id, d))

    def thaw(
        self, day: date | None, window_days: int, vector: Vector, min_cosine: float
    ) -> list[FrozenStory]:
        if not self._story_of or not vector.size:
            return []
        if day is None:
            candidates = list(self._recent)
        else:
            candidates = []
            for offset in range(-window_days, window_days + 1):
                kept = self._by_day.get(day + timedelta(days=offset))
                if kept:
                    # entries thawed since (or frozen again under another story) go as met
                    kept[:] = [e for e in kept if self._story_of.get(e[1].index) == e[0]]
                    candidates.extend(kept)
        live = [
            (sid, d)
            for sid, d in candidates
            if self._story_of.get(d.index) == sid and d.features.vector.size == vector.size
        ]
        if not live:
            return []
        cosines = (np.stack([d.features.vector for _, d in live]) @ vector).tolist()
        hits = zip(live, cosines, strict=True)
        found = dict.fromkeys(sid for (sid, _), c in hits if c >= min_cosine)
        thawed = [FrozenStory(sid, tuple(self._stories.pop(sid))) for sid in found]
        for story in thawed:
            for d in story.docs:
                del self._story_of[d.index]
        return thawed

    def story_of(self, index: int) -> str | None:
        return self._story_of.get(index)

    def assignments(self) -> Iterator[tuple[int, str]]:
        yield from self._story_of.items()

    def stories(self) -> Iterator[FrozenPart]:
        for sid, docs in self._stories.items():
            ordered = sorted(docs, key=lambda d: d.index)
            titled = next(((d.index, d.features.title) for d in ordered if d.features.title), None)
            yield FrozenPart(sid, tuple(d.index for d in ordered), titled)
