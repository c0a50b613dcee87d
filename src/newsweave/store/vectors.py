"""Story vectors as the store keeps them: float32 bytes, computed once per article."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.cluster.features import Vector, lead_text
from newsweave.model import Article
from newsweave.options import DEFAULT, StoryOptions


def story_vectors(records: Sequence[Article], options: StoryOptions = DEFAULT.stories) -> Vector:
    """Headline-and-lead vectors, embedded as the story clusterer with ``options`` embeds them."""
    from newsweave.cluster.embed import encoder  # lazy: loads the model

    texts = [lead_text(a, options.embed_paragraphs) for a in records]
    return encoder().encode(texts)


def vector_bytes(vector: Vector) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def vector_from_bytes(data: bytes) -> Vector:
    return np.frombuffer(data, dtype=np.float32).copy()
