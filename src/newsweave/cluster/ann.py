"""An approximate-nearest-neighbour index over recent article vectors (faiss HNSW).

Stories live within a time window, so only recent articles are worth finding. The index is
kept in two generations: new vectors go into the current one; once it spans a window and
holds ``min_generation`` vectors, the older generation is dropped and a new one started. Each
search looks at two bounded graphs, so the cost of an arrival stays flat however long the
stream runs, and memory for vectors stays bounded. The floor keeps small collections whole:
there an undated article (no time evidence) can still meet every other article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from newsweave.cluster.features import Vector


@dataclass(slots=True)
class _Generation:
    index: Any
    # Ids arrive in increasing order and without gaps, so a row's id is ``base + row``.
    base: int = -1
    size: int = 0
    first: date | None = None


class RecentIndex:
    """Inner-product HNSW over unit vectors, forgetting what is two windows old."""

    def __init__(
        self,
        dimension: int,
        window_days: int,
        min_generation: int = 5_000,
        links: int = 8,
        ef: int = 32,
    ) -> None:
        self._dimension = dimension
        self._window_days = window_days
        self._min_generation = min_generation
        self._links = links
        self._ef = ef
        self._generations: list[_Generation] = [self._new()]

    def __len__(self) -> int:
        return sum(g.size for g in self._generations)

    def search(self, vector: Vector, k: int, min_score: float = -1.0) -> list[tuple[int, float]]:
        """Up to ``k`` (id, cosine) of the nearest indexed vectors at ``min_score`` or above,
        best first."""
        query = vector.reshape(1, -1)
        found: list[tuple[int, float]] = []
        for generation in self._generations:
            if not generation.size:
                continue
            scores, rows = generation.index.search(query, min(k, generation.size))
            keep = (rows[0] >= 0) & (scores[0] >= min_score)
            ids = (rows[0][keep] + generation.base).tolist()
            found.extend(zip(ids, scores[0][keep].tolist(), strict=True))
        found.sort(key=lambda pair: (-pair[1], pair[0]))
        return found[:k]

    def add(self, doc_id: int, vector: Vector, day: date | None) -> None:
        """Index a vector; a dated arrival a window past the current generation rolls it over."""
        current = self._generations[-1]
        if day is not None:
            if current.first is None:
                current.first = day
            elif (
                current.size >= self._min_generation
                and (day - current.first).days >= self._window_days
            ):
                # Older than two windows: no arrival can join a story through it any more.
                self._generations = [current, self._new(day)]
                current = self._generations[-1]
        if current.size and doc_id != current.base + current.size:
            raise ValueError("ids must be added in increasing order without gaps")
        if not current.size:
            current.base = doc_id
        current.index.add(vector.reshape(1, -1).astype(np.float32, copy=False))
        current.size += 1

    def _new(self, first: date | None = None) -> _Generation:
        import faiss  # lazy: only a process that clusters loads faiss

        # One query at a time: OpenMP threads cost more to wake than the search takes.
        faiss.omp_set_num_threads(1)
        # 8 links per node: 185 us per add + search at 20k vectors against 267 us for 16
        # links; efSearch 32: at 16 B-cubed on the synthetic stream fell 0.995 -> 0.918.
        index = faiss.IndexHNSWFlat(self._dimension, self._links, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = self._ef
        index.hnsw.efSearch = self._ef
        return _Generation(index=index, first=first)
