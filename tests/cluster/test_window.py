"""The window: stories a window old are frozen (out of working memory, into an archive) and a
late or undated article that belongs to one thaws it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from newsweave.cluster.archive import Archive, MemoryArchive
from newsweave.cluster.features import DocFeatures
from newsweave.cluster.stories import StoryClusterer
from newsweave.options import StoryOptions
from newsweave.store.spill import SpillArchive

DIM = 32
START = date(2025, 3, 1)
# Freezing from the first story on; a window of two days.
OPTIONS = StoryOptions(window_days=2, min_live=0)


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _stream(days: int, per_day: int = 12, seed: int = 11) -> tuple[list[DocFeatures], list[int]]:
    """Stories of four articles over two days, a few starting each day, in time order."""
    rng = np.random.default_rng(seed)
    docs: list[tuple[date, int, DocFeatures]] = []
    story = 0
    for day in range(days):
        for _ in range(per_day // 4):
            centre = rng.standard_normal(DIM)
            for k in range(4):
                when = START + timedelta(days=day + k // 2)
                v = _unit(centre + 0.3 * rng.standard_normal(DIM) / np.sqrt(DIM))
                names = {f"place{story}": 1.0, f"person{story}": 1.0}
                docs.append((when, story, DocFeatures(names=names, vector=v, day=when)))
            story += 1
    docs.sort(key=lambda d: d[0])
    return [d for _, _, d in docs], [s for _, s, _ in docs]


def _labels(clusterer: StoryClusterer, n: int) -> list[str]:
    return [clusterer.story_of(i) for i in range(n)]


def _same_grouping(a: list[str], b: list[object]) -> bool:
    pairs = set(zip(a, b, strict=True))
    return len(pairs) == len(set(a)) == len(set(b))


def test_frozen_stories_leave_working_memory_and_change_nothing() -> None:
    docs, gold = _stream(20)
    freezing = StoryClusterer(OPTIONS)
    freezing.add_many(docs, block_size=16)
    whole = StoryClusterer(StoryOptions(window_days=2, min_live=10**9))
    whole.add_many(docs, block_size=16)
    # at the end only the last window's stories are live; the rest are in the archive
    assert freezing.live() < len(docs) / 4
    assert whole.live() == len(docs)
    assert _labels(freezing, len(docs)) == _labels(whole, len(docs))
    assert _same_grouping(_labels(freezing, len(docs)), list(gold))
    assert sorted(s.members for s in freezing.stories()) == sorted(
        s.members for s in whole.stories()
    )


@pytest.fixture(params=["memory", "spill"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Archive:
    if request.param == "memory":
        return MemoryArchive()
    spill = SpillArchive(tmp_path / "frozen.db")
    request.addfinalizer(spill.close)
    return spill


def test_a_late_article_reopens_its_frozen_story(archive: Archive) -> None:
    docs, _ = _stream(20)
    clusterer = StoryClusterer(OPTIONS, archive=archive)
    clusterer.add_many(docs, block_size=16)
    first = clusterer.story_of(0)
    assert archive.story_of(0) == first  # frozen long ago
    # published on the first day, arriving after all the rest: a late report of story 0
    late = DocFeatures(
        names=dict(docs[0].names), vector=_unit(docs[0].vector + docs[1].vector), day=START
    )
    joined = clusterer.add_features(late)
    assert joined == first
    assert archive.story_of(len(docs)) == first  # frozen again, with the late article
    story = next(s for s in clusterer.stories() if s.id == first)
    assert len(docs) in story.members
    assert len(story.members) == 5


def test_a_late_article_that_matches_nothing_starts_its_own_story(archive: Archive) -> None:
    docs, _ = _stream(10)
    clusterer = StoryClusterer(OPTIONS, archive=archive)
    clusterer.add_many(docs, block_size=16)
    stray = DocFeatures(
        names={"elsewhere": 1.0},
        vector=_unit(np.random.default_rng(99).standard_normal(DIM)),
        day=START,
    )
    joined = clusterer.add_features(stray)
    assert joined not in {clusterer.story_of(i) for i in range(len(docs))}


def test_an_undated_article_reaches_a_frozen_story_in_memory() -> None:
    docs, _ = _stream(12)
    clusterer = StoryClusterer(OPTIONS)
    clusterer.add_many(docs, block_size=16)
    undated = DocFeatures(names=dict(docs[0].names), vector=docs[0].vector, day=None)
    assert clusterer.add_features(undated) == clusterer.story_of(0)
