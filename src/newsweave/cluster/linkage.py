"""Complete-linkage grouping cut at a similarity threshold, for the small sets of one topic.

Merging the two closest groups while their *least* similar pair still reaches the threshold
is what scipy's complete linkage cut with ``fcluster`` gives; done directly on the similarity
matrix it skips building and checking the whole tree, which dominated the cost of an arrival
on topics of a few dozen reports.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def complete_linkage(similarity: npt.NDArray[np.float64], threshold: float) -> list[int]:
    """A group label per row: rows whose every pair scores at least ``threshold`` together.

    Ties go to the lowest-numbered pair, so the result is the same on every run.
    """
    n = similarity.shape[0]
    labels = list(range(n))
    if n < 2:
        return labels
    sim = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(sim, -np.inf)
    while True:
        flat = int(np.argmax(sim))
        a, b = divmod(flat, n)
        if sim[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        # Complete linkage: the merged group is as close to a third as its farther half is.
        merged = np.minimum(sim[a], sim[b])
        sim[a, :] = merged
        sim[:, a] = merged
        sim[a, a] = -np.inf
        sim[b, :] = -np.inf
        sim[:, b] = -np.inf
        labels = [a if label == b else label for label in labels]
    return labels
