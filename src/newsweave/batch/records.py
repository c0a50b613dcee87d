"""Frozen records passed between the batch stages (and pickled to worker processes).

Documents and articles carry ``seq``, their position in the input stream (files in the order
given, folders in name order, archive records by offset): every output is sorted by it, so
the result does not depend on which worker finished first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from newsweave.cluster.features import DocFeatures
    from newsweave.model import Article, Problem, RawDocument

Stage = Literal["read", "extract", "brief"]


@dataclass(frozen=True, slots=True)
class Failure:
    """A document (or story) a stage could not handle; the run goes on without it."""

    seq: int
    stage: Stage
    problem: Problem


@dataclass(frozen=True, slots=True)
class Chunk:
    """Documents that one extraction task reads, with their input positions."""

    docs: tuple[tuple[int, RawDocument], ...]


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article and what the story clusterer needs of it (vector included)."""

    seq: int
    doc_id: str  # content hash of the document (``store.records.document_id``)
    article: Article
    features: DocFeatures


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """What one extraction task gives back."""

    extracted: tuple[Extracted, ...]
    failures: tuple[Failure, ...]
    # the analysis limits an extracted article runs into (it is briefed all the same)
    notes: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One story found by the fold: its id (a hash of its documents' ids, so the same input
    gives the same id however it was cut up) and its articles' input positions, in order."""

    id: str
    title: str | None
    members: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StoryInput:
    """A story's articles, as one briefing task receives them."""

    id: str
    seq: int  # of its first article: where a failure of the story is listed
    articles: tuple[Article, ...]
    doc_ids: tuple[str, ...]  # of each article, in the same order


@dataclass(frozen=True, slots=True)
class StoryOutput:
    """A story's brief (CONTRACT JSON, one line) and its Parquet rows, or why it failed."""

    id: str
    brief_json: str | None
    rows: dict[str, list[dict[str, Any]]]
    failure: Failure | None = None
