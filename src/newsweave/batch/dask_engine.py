"""The Dask engine: a running scheduler (``--scheduler tcp://HOST:PORT``) or a LocalCluster
of single-threaded worker processes bound to 127.0.0.1.

Models load once per worker through a worker plugin, so a worker that joins later loads them
too. The story fold is one Dask task that takes every extraction task's result straight from
the workers that hold them.

Dask's statistical profiler is turned off on the workers: every 10 ms it walks the stack of
the running task on the worker's event loop, and the stacks of spaCy and trafilatura are
deep enough that this took about as much CPU as the task itself, so two workers on two
cores ran no faster than one. Dask's default ``MALLOC_TRIM_THRESHOLD_`` (64 KiB) is unset
too: handing freed memory back to the system that eagerly made briefing (spaCy allocates and
frees many small arrays) about 15% slower than in the local engine's workers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import dask
from distributed import Client, LocalCluster, WorkerPlugin, wait

from newsweave.errors import EngineError

T = TypeVar("T")
R = TypeVar("R")
F = TypeVar("F")

_CONNECT_TIMEOUT = "20s"
_SUBMIT_BLOCK = 8
# Passed on to the workers a LocalCluster spawns (a worker reads it as it starts).
_QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class LoadModels(WorkerPlugin):
    """Loads spaCy, MiniLM and the rest on each worker as it joins."""

    name = "newsweave-models"

    def setup(self, worker: Any) -> None:
        from newsweave.batch.stages import warm

        # A worker of a cluster started elsewhere still profiles: stop it here.
        for name in ("profile", "profile-cycle"):
            callback = worker.periodic_callbacks.pop(name, None)
            if callback is not None:
                callback.stop()
        warm()


class DaskEngine:
    name = "dask"

    def __init__(self, workers: int, scheduler: str | None = None, *, ahead: int = 2) -> None:
        self._cluster: LocalCluster | None = None
        self._ahead = ahead
        try:
            if scheduler:
                self._client = Client(scheduler, timeout=_CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
            else:
                with dask.config.set(_QUIET_WORKERS):
                    self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address="127.0.0.1:0",
                        silence_logs=logging.ERROR,
                    )
                self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            self.close()
            where = scheduler or "a local cluster"
            raise EngineError(f"cannot reach the Dask scheduler at {where}: {exc}") from exc
        self._client.register_plugin(LoadModels())
        self.workers = len(self._client.scheduler_info()["workers"])

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        futures = self._submit(fn, items)
        results: list[R] = self._client.gather(futures)  # type: ignore[no-untyped-call]
        return results

    def map_fold(
        self, fn: Callable[[T], R], fold: Callable[[list[R]], F], items: Iterable[T]
    ) -> tuple[list[R], F]:
        futures = self._submit(fn, items)
        folded = self._client.submit(fold, futures, pure=False)
        results, value = self._client.gather([futures, folded])  # type: ignore[no-untyped-call]
        return results, value

    def _submit(self, fn: Callable[[T], R], items: Iterable[T]) -> list[Any]:
        """Futures of ``fn`` over the items, sent a block at a time as the items come: one
        graph update per block costs the driver (where a LocalCluster's scheduler also runs)
        less than one per task, and the first block starts while later items are read."""
        futures: list[Any] = []
        running: set[Any] = set()
        # never more than this many tasks ahead of the results (the items are read lazily)
        window = max(2 * _SUBMIT_BLOCK, self.workers * self._ahead)
        block: list[T] = []
        for item in items:
            block.append(item)
            if len(block) >= _SUBMIT_BLOCK:
                while len(running) >= window:
                    finished = wait(list(running), return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
                    running = set(finished.not_done)
                submitted = self._client.map(fn, block, pure=False)
                futures.extend(submitted)
                running.update(submitted)
                block = []
        if block:
            futures.extend(self._client.map(fn, block, pure=False))
        return futures

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
