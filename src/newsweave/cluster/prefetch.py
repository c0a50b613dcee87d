"""Neighbour search one block ahead, on a second thread, for a stream of arrivals.

Clustering an arrival has two parts: finding its nearest recent articles (the ANN index) and
regrouping its topic. The search does not need the regrouping's result, only the vectors
that came before, so a stream can be cut into blocks and the index searched for block k+1
while block k is regrouped (faiss releases the GIL: the two run on two cores).

The index lags by up to two blocks: when block k+1 is searched, blocks k and k+1 are not in
it yet. Their vectors are compared directly instead (one small matrix product per block), so
every arrival still sees every earlier article that is close enough; the candidates are
merged and cut to the ``k`` best, as a search of a complete index would return them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from newsweave.cluster.ann import RecentIndex
from newsweave.cluster.features import DocFeatures, Vector
from newsweave.cluster.local import Ids
from newsweave.model import day_of

Found = list[tuple[int, float]]


@dataclass(frozen=True, slots=True)
class _Block:
    first_id: int
    docs: list[DocFeatures]
    # rows of ``docs`` that have a vector, and those vectors stacked
    rows: list[int]
    vectors: Vector


def _block(first_id: int, docs: list[DocFeatures]) -> _Block:
    rows = [i for i, d in enumerate(docs) if d.vector.size]
    vectors = (
        np.stack([docs[i].vector for i in rows]).astype(np.float32, copy=False)
        if rows
        else np.zeros((0, 0), dtype=np.float32)
    )
    return _Block(first_id, docs, rows, vectors)


Hits = tuple[Ids, Vector]  # per row of a block: ids (-1: none) and cosines


def _search(index: RecentIndex, block: _Block, k: int) -> Hits | None:
    if not len(index) or not block.rows:
        return None
    return index.search_arrays(block.vectors, k)


def _index_block(index: RecentIndex, block: _Block) -> None:
    if block.rows:
        days = [day_of(block.docs[row].day) for row in block.rows]
        index.add_block(block.first_id + block.rows[0], block.vectors, days)


def with_neighbours(
    docs: Iterable[DocFeatures],
    first_id: int,
    index: RecentIndex,
    k: int,
    min_score: float,
    block_size: int = 256,
) -> Iterator[tuple[DocFeatures, Found]]:
    """Each doc with up to ``k`` (id, cosine) of its nearest earlier docs at ``min_score`` or
    above, best first. Every doc is in ``index`` when the iterator is exhausted; the caller
    must not touch ``index`` before then."""
    stream = iter(docs)
    chunks = iter(lambda: list(itertools.islice(stream, block_size)), [])
    blocks: Iterator[_Block] = (
        _block(first_id + n * block_size, chunk) for n, chunk in enumerate(chunks)
    )
    current = next(blocks, None)
    if current is None:
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="nw-ann") as pool:
        ahead: Future[Hits | None] = pool.submit(_search, index, current, k)
        previous: _Block | None = None
        while current is not None:
            found = ahead.result()
            upcoming = next(blocks, None)
            if upcoming is not None:
                ahead = pool.submit(_index_then_search, index, previous, upcoming, k)
            elif previous is not None:
                ahead = pool.submit(_index_then_search, index, previous, None, k)
            recent = [b for b in (previous, current) if b is not None and b.rows]
            yield from _merge(current, found, recent, k, min_score)
            previous, current = current, upcoming
        ahead.result()
        if previous is not None:
            _index_block(index, previous)


def _index_then_search(
    index: RecentIndex, previous: _Block | None, upcoming: _Block | None, k: int
) -> Hits | None:
    if previous is not None:
        _index_block(index, previous)
    return _search(index, upcoming, k) if upcoming is not None else None


def _merge(
    block: _Block, found: Hits | None, recent: Sequence[_Block], k: int, min_score: float
) -> Iterator[tuple[DocFeatures, Found]]:
    """Each doc's index hits plus its direct cosines with the not-yet-indexed earlier docs,
    at ``min_score`` or above, the ``k`` best."""
    if not block.rows:
        for doc in block.docs:
            yield doc, []
        return
    direct_ids = np.concatenate([np.array(b.rows, dtype=np.int64) + b.first_id for b in recent])
    direct = block.vectors @ np.concatenate([b.vectors for b in recent]).T
    row_of = {row: i for i, row in enumerate(block.rows)}
    for row, doc in enumerate(block.docs):
        at = row_of.get(row)
        if at is None:
            yield doc, []
            continue
        own = block.first_id + row
        ids, scores = direct_ids, direct[at]
        keep = (scores >= min_score) & (ids < own)
        if found is not None:
            ids = np.concatenate([found[0][at], ids])
            scores = np.concatenate([found[1][at], scores])
            keep = np.concatenate([(found[0][at] >= 0) & (found[1][at] >= min_score), keep])
        ids, scores = ids[keep], scores[keep]
        best = np.lexsort((ids, -scores))[:k]
        yield doc, list(zip(ids[best].tolist(), scores[best].tolist(), strict=True))
