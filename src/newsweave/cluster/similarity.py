"""How alike two reports are, as evidence that they tell the same event.

The parts (words, names, lead, vector, years) each give a cosine or overlap in [0, 1]; the
score is their weighted mean over the parts both reports have, less a penalty when each report
is mostly about a name the other never mentions (Felt's death against LaRue's, a Klitschko
fight against Rahman and one against Thompson). Word and name weights use IDF counted over
the articles seen so far, so the score needs no fitted vocabulary and works from the first
arrival.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsweave.cluster.features import DocFeatures, Vector
from newsweave.model import day_of
from newsweave.options import Weights


@dataclass(slots=True)
class _Counts:
    docs: int = 0
    term_df: Counter[str] = field(default_factory=Counter)
    name_df: Counter[str] = field(default_factory=Counter)
    first: date | None = None


@dataclass(slots=True)
class Collection:
    """Document frequencies of words and names over the articles seen so far.

    With ``window_days`` set, counts are kept in two generations, like the neighbour index:
    once the current one spans a window (and holds ``min_docs``), the older is dropped. IDF
    then rests on the last one or two windows of news, and the words and names of stories long
    over stop taking memory (a stream of months meets millions of names). Without it, or on
    undated articles, every article counts.
    """

    window_days: int = 0
    min_docs: int = 5_000
    current: _Counts = field(default_factory=_Counts)
    older: _Counts = field(default_factory=_Counts)
    rolls: int = 0  # generations dropped so far

    @property
    def docs(self) -> int:
        return self.current.docs + self.older.docs

    def count(self, doc: DocFeatures) -> None:
        self._roll(day_of(doc.day))
        now = self.current
        now.docs += 1
        now.term_df.update(doc.terms.keys())
        now.name_df.update(doc.names.keys())

    def term_idf(self, term: str) -> float:
        return self._idf(self.current.term_df.get(term, 0) + self.older.term_df.get(term, 0))

    def name_idf(self, name: str) -> float:
        return self._idf(self.current.name_df.get(name, 0) + self.older.name_df.get(name, 0))

    def _idf(self, df: int) -> float:
        # Smoothed IDF (scikit-learn's): never zero, so a word in every report still counts a bit.
        return math.log((self.docs + 1) / (df + 1)) + 1.0

    def _roll(self, day: date | None) -> None:
        now = self.current
        if day is None or self.window_days <= 0:
            return
        if now.first is None:
            now.first = day
        elif now.docs >= self.min_docs and (day - now.first).days >= self.window_days:
            self.older, self.current = now, _Counts(first=day)
            self.rolls += 1


@dataclass(frozen=True, slots=True)
class Weighted:
    """A report's parts with IDF applied, ready to compare (unit length each)."""

    terms: dict[str, float]
    lead: dict[str, float]
    names: dict[str, float]  # every name of the report (weights are never zero)
    key: str | None
    years: frozenset[int]
    vector: Vector


def weigh(doc: DocFeatures, seen: Collection) -> Weighted:
    """Apply the collection's IDF as it stands when the report arrives."""
    key_scores = {n: s * seen.name_idf(n) for n, s in doc.key_scores.items()}
    # Ties go to the alphabetically first name, so the key never depends on dict order.
    key = min(key_scores, key=lambda n: (-key_scores[n], n)) if key_scores else None
    return Weighted(
        terms=_unit({t: w * seen.term_idf(t) for t, w in doc.terms.items()}),
        lead=_unit({t: w * seen.term_idf(t) for t, w in doc.lead_terms.items()}),
        names=_unit({n: w * seen.name_idf(n) for n, w in doc.names.items()}),
        key=key,
        years=doc.years,
        vector=doc.vector,
    )


def event_score(
    a: Weighted,
    b: Weighted,
    weights: Weights,
    conflict_penalty: float,
    cosine: float | None = None,
) -> float:
    """Weighted mean of the parts both reports have, less the key-name conflict penalty.

    ``cosine`` is the vectors' cosine when the caller computed a row of them at once.
    """
    total = weights.years
    score = weights.years * year_agreement(a.years, b.years)
    if a.names and b.names:
        total += weights.names
        score += weights.names * _dot(a.names, b.names)
    if a.terms and b.terms:
        total += weights.terms
        score += weights.terms * _dot(a.terms, b.terms)
    if a.lead and b.lead:
        total += weights.lead
        score += weights.lead * _dot(a.lead, b.lead)
    if a.vector.size and b.vector.size:
        total += weights.vector
        if cosine is None:  # in float32: working memory may keep vectors in float16
            cosine = float(a.vector.astype(np.float32) @ b.vector.astype(np.float32))
        score += weights.vector * cosine
    mean = score / total if total else 0.0
    return mean - conflict_penalty * key_conflict(a, b)


def key_conflict(a: Weighted, b: Weighted) -> float:
    """1 when each report is mostly about a name the other never mentions, else 0."""
    if a.key is None or b.key is None:
        return 0.0
    return float(a.key not in b.names and b.key not in a.names)


def year_agreement(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard overlap of the years two reports mention; 0.5 (no evidence) when one has none."""
    if not a or not b:
        return 0.5
    return len(a & b) / len(a | b)


def _unit(vector: dict[str, float]) -> dict[str, float]:
    if not vector:
        return _EMPTY  # one shared empty part: most reports of a stream lack one or two
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else _EMPTY


_EMPTY: dict[str, float] = {}  # never written to


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
