"""How alike two counted phrases are ("cars" and "vehicles"), from the packaged MiniLM model.

Only the phrase pairs the claims need are encoded, each distinct phrase once; the model loads
on first use (``cluster.embed.encoder``), so a story whose figures never need it never pays.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsweave.cluster.embed import encoder
from newsweave.errors import ModelMissingError

log = logging.getLogger(__name__)


def phrase_similarity(pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """Cosine similarity of each pair of phrases; empty when the model is not installed."""
    if not pairs:
        return {}
    phrases = sorted({p for pair in pairs for p in pair if p})
    try:
        vectors = encoder().encode(phrases)
    except (ModelMissingError, OSError) as err:
        log.warning("phrase similarity unavailable (%s); counted nouns must match", err)
        return {}
    row = {p: i for i, p in enumerate(phrases)}
    out: dict[tuple[str, str], float] = {}
    for a, b in pairs:
        if a in row and b in row:
            out[(a, b)] = float(vectors[row[a]] @ vectors[row[b]])
    return out
