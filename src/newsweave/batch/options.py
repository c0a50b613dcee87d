"""Settings of a batch run, apart from ``Options`` (which holds ingest and extraction settings)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

from newsweave.batch.shards import CHUNK_BYTES
from newsweave.cluster.stories import DEFAULT_OPTIONS, StoryOptions
from newsweave.options import DEFAULT, Options

EngineName = Literal["local", "dask"]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch run is cut up and where it runs.

    ``chunk_docs`` documents make one extraction task and about ``chunk_articles`` articles
    one briefing task: small enough that two workers finish within a task of each other, large
    enough that a task's overhead (a few milliseconds) is lost in its work (about a second).
    """

    engine: EngineName = "local"
    workers: int | None = None  # None: one per CPU (local) or per CPU of a LocalCluster
    scheduler: str | None = None  # tcp://HOST:PORT of a running Dask scheduler
    chunk_docs: int = 16
    # ... and a chunk holds about this many bytes of documents at most (a bigger document is
    # a chunk of its own), so huge pages are never extracted side by side
    chunk_bytes: int = CHUNK_BYTES
    # chunks handed to the engine ahead of the results, per worker: the driver reads the
    # inputs only this far ahead, so a big corpus is never all in memory as pending tasks
    ahead: int = 2
    chunk_articles: int = 16
    options: Options = DEFAULT
    story_options: StoryOptions = field(default=DEFAULT_OPTIONS)

    def worker_count(self) -> int:
        return self.workers if self.workers and self.workers > 0 else os.cpu_count() or 1
