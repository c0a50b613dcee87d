"""Lexical similarity with IDF counted inside one topic.

Inside a topic every report says "earthquake", "magnitude" and "injured"; what sets one
event's reports apart from its sibling's are the words that only some of the topic's reports
use (the town, the day, the toll). Counting IDF over the topic's own members weighs exactly
those (on ECB+, the "local" stage of the two-stage design; bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # scipy ships no stubs

Ids = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(slots=True)
class Vocabulary:
    """Numbers for words, given out as they are first seen (ids are never reused).

    Kept in two generations, rolled with the collection's counts: a word no arrival has used
    for two generations is forgotten, so a stream of months does not hold every word it ever
    met. Two reports compared are at most a window apart, so both hold a word's current id.
    """

    ids: dict[str, int] = field(default_factory=dict)
    older: dict[str, int] = field(default_factory=dict)
    next_id: int = 0

    def encode(self, counts: dict[str, float]) -> tuple[Ids, Floats]:
        """A report's words as id and weight arrays, in a fixed (sorted-word) order."""
        if not counts:
            return _NO_WORDS
        keys = sorted(counts)
        index = np.fromiter((self._id(k) for k in keys), np.int64, len(keys))
        return index, np.fromiter((counts[k] for k in keys), np.float64, len(keys))

    def roll(self) -> None:
        self.older, self.ids = self.ids, {}

    def _id(self, word: str) -> int:
        found = self.ids.get(word)
        if found is None:
            found = self.older.get(word)
            if found is None:
                found = self.next_id
                self.next_id += 1
            self.ids[word] = found
        return found


# One pair of empty arrays for every report without words (never written to).
_NO_WORDS: tuple[Ids, Floats] = (np.zeros(0, np.int64), np.zeros(0, np.float64))
for _empty in _NO_WORDS:
    _empty.flags.writeable = False


def local_similarity(rows: Sequence[tuple[Ids, Floats]]) -> Floats:
    """Cosine matrix of the rows' TF-IDF vectors, IDF counted over these rows only."""
    n = len(rows)
    if n == 0:
        return np.zeros((0, 0))
    lengths = [len(ids) for ids, _ in rows]
    all_ids = np.concatenate([ids for ids, _ in rows]) if sum(lengths) else np.zeros(0, np.int64)
    weights = np.concatenate([w for _, w in rows]) if sum(lengths) else np.zeros(0)
    columns, compact = np.unique(all_ids, return_inverse=True)
    row_of = np.repeat(np.arange(n), lengths)
    df = np.bincount(compact, minlength=len(columns))
    # Smoothed IDF over the topic: a word every member uses still counts, a little.
    idf = np.log((n + 1) / (df + 1)) + 1.0
    values = weights * idf[compact]
    norms = np.sqrt(np.bincount(row_of, weights=values * values, minlength=n))
    values = values / np.maximum(norms[row_of], 1e-12)
    matrix = csr_matrix((values, (row_of, compact)), shape=(n, len(columns)))
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float64)
