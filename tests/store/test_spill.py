"""The spill archive: frozen stories written behind the stream, read back whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from newsweave.cluster.archive import FrozenDoc
from newsweave.cluster.features import DocFeatures, Vector
from newsweave.store.spill import SpillArchive

DAY = date(2025, 3, 1)


def _doc(index: int, vector: Vector) -> FrozenDoc:
    names = {f"harbour{index % 7}": 1.0}
    return FrozenDoc(index, DocFeatures(names=names, vector=vector, day=DAY, title=f"t{index}"))


def test_rows_written_behind_are_all_read_back(tmp_path: Path) -> None:
    """More rows than one batch, so some are still being written when the reads come."""
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((12_500, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    spill = SpillArchive(tmp_path / "frozen.db")
    try:
        for story in range(2_500):
            docs = [_doc(i, vectors[i]) for i in range(story * 5, story * 5 + 5)]
            spill.freeze(f"s{story + 1}", docs)
        assert spill.size() == 12_500
        assert spill.story_of(12_499) == "s2500"
        assert dict(spill.assignments())[7] == "s2"
        (back,) = spill.thaw(DAY, 2, vectors[42], 0.999)
        assert back.id == "s9"
        assert [d.index for d in back.docs] == list(range(40, 45))
        # Kept in half precision, as working memory keeps it: within float16's rounding.
        assert np.allclose(back.docs[2].features.vector, vectors[42], atol=1e-3)
        assert spill.size() == 12_495
    finally:
        spill.close()


def test_closing_writes_the_batch_in_flight_and_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "frozen.db"
    vector = np.ones(4, dtype=np.float32) / 2
    spill = SpillArchive(path)
    spill.freeze("s1", [_doc(i, vector) for i in range(6_000)])  # one batch, handed over
    spill.freeze("s2", [_doc(i, vector) for i in range(6_000, 6_003)])  # still held
    spill.close()
    reopened = SpillArchive(path)
    try:
        assert reopened.size() == 6_003
    finally:
        reopened.close()
