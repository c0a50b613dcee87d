"""Searching a block ahead on a second thread finds what a search per arrival finds."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import numpy as np

from newsweave.cluster.ann import RecentIndex
from newsweave.cluster.features import DocFeatures
from newsweave.cluster.stories import StoryClusterer
from newsweave.options import StoryOptions

DIM = 32


def _stream(n: int, seed: int = 3) -> tuple[list[DocFeatures], list[int]]:
    """Small stories (a centre each, documents near it), a few a day, in time order."""
    rng = np.random.default_rng(seed)
    docs: list[DocFeatures] = []
    gold: list[int] = []
    story = 0
    while len(docs) < n:
        centre = rng.standard_normal(DIM)
        centre /= np.linalg.norm(centre)
        for _ in range(int(rng.integers(1, 8))):
            v = centre + 0.35 * rng.standard_normal(DIM) / np.sqrt(DIM)
            day = date(2025, 1, 1) + timedelta(days=len(docs) // 40)
            names = {f"n{story}": 1.0, f"x{rng.integers(10_000)}": 1.0}
            docs.append(
                DocFeatures(names=names, vector=(v / np.linalg.norm(v)).astype(np.float32), day=day)
            )
            gold.append(story)
        story += 1
    return docs[:n], gold[:n]


def test_add_many_groups_as_add_one_by_one() -> None:
    docs, gold = _stream(700)
    options = StoryOptions(window_days=2)
    one = StoryClusterer(options)
    for d in docs:
        one.add_features(d)
    many = StoryClusterer(options)
    # blocks of 64: many block boundaries, and the index rolls over generations as days pass
    many.add_many(docs[:300], block_size=64)
    many.add_many(iter(docs[300:]), block_size=64)  # a second call picks up where it stopped
    assert len(many) == len(one) == 700
    a = [one.story_of(i) for i in range(700)]
    b = [many.story_of(i) for i in range(700)]
    assert _agreement(a, b) > 0.98
    assert _agreement(gold, b) > 0.95


def test_add_block_indexes_as_add_does() -> None:
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((300, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    days = [date(2025, 1, 1) + timedelta(days=i // 50) for i in range(300)]
    one = RecentIndex(DIM, window_days=1, min_generation=60)
    for i, (v, d) in enumerate(zip(vectors, days, strict=True)):
        one.add(i, v, d)
    block = RecentIndex(DIM, window_days=1, min_generation=60)
    block.add_block(0, vectors[:130], days[:130])
    block.add_block(130, vectors[130:], days[130:])
    assert len(block) == len(one) < 300  # old generations were dropped alike
    for q in vectors[::37]:
        ids, scores = block.search_arrays(q.reshape(1, -1), 5)
        hits = sorted(
            zip(ids[0][ids[0] >= 0].tolist(), scores[0][ids[0] >= 0].tolist(), strict=True),
            key=lambda p: -p[1],
        )[:5]
        assert [i for i, _ in hits] == [i for i, _ in one.search(q, 5)]


def _agreement(a: list[object], b: list[object]) -> float:
    """B-cubed F1 of two labelings of the same items."""
    joint = Counter(zip(a, b, strict=True))
    ca, cb = Counter(a), Counter(b)
    p = sum(c * c / cb[y] for (_, y), c in joint.items()) / len(a)
    r = sum(c * c / ca[x] for (x, _), c in joint.items()) / len(a)
    return 2 * p * r / (p + r)
