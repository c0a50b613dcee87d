"""Story vectors as the store keeps them: float32 bytes, computed once per article."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.cluster.features import Vector, lead_text
from newsweave.cluster.stories import DEFAULT_OPTIONS
from newsweave.model import Article


def story_vectors(records: Sequence[Article]) -> Vector:
    """Headline-and-lead vectors, as the story clusterer's defaults embed them."""
    from newsweave.cluster.embed import encoder  # lazy: loads the model

    texts = [lead_text(a, DEFAULT_OPTIONS.lead_paragraphs) for a in records]
    return encoder().encode(texts)


def vector_bytes(vector: Vector) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def vector_from_bytes(data: bytes) -> Vector:
    return np.frombuffer(data, dtype=np.float32).copy()
