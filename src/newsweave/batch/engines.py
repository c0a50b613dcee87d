"""Where the batch stages run. An engine is two calls: ``map`` a function over items (results
in item order), and ``map_fold`` (a map whose results are also folded by one function in one
task). Both engines load the models once per worker process before the first task.

``local`` is a process pool on this machine (no extra install); ``dask`` runs on a Dask
cluster (``dask_engine.py``, imported only when asked for).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Protocol, TypeVar

from newsweave.closable import Closable
from newsweave.errors import EngineError
from newsweave.options import BatchOptions

# The environment Dask's nanny gives its workers, given to the pool's workers too, so that
# both engines compute under the same conditions. One BLAS/OpenMP thread: the engines scale
# out by processes, and float sums split over a varying number of threads can tip a near-tie
# in claim alignment. A fixed hash seed (Dask's own, 6640): some stages still sum floats in
# set order, and one story in 327 of bench/batch.py got another claim grouping when two
# workers drew different seeds.
WORKER_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
    "PYTHONHASHSEED": "6640",
}

T = TypeVar("T")
R = TypeVar("R")
F = TypeVar("F")


class Engine(Protocol):
    """What a batch run needs of an engine."""

    name: str
    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """``fn`` of every item, in parallel, in item order; items are taken as they come."""
        ...

    def map_fold(
        self, fn: Callable[[T], R], fold: Callable[[list[R]], F], items: Iterable[T]
    ) -> tuple[list[R], F]:
        """``map``, and ``fold`` of all its results in one task."""
        ...

    def close(self) -> None: ...


def open_engine(options: BatchOptions) -> Engine:
    """The engine ``options`` name, started and with its models loaded."""
    if options.engine == "dask":
        try:
            from newsweave.batch.dask_engine import DaskEngine
        except ImportError as exc:
            raise EngineError(
                f"the dask engine needs the dask extra ({exc.name or exc} is missing): "
                "pip install 'newsweave[dask]'"
            ) from exc
        return DaskEngine(options.worker_count(), options.scheduler, ahead=options.ahead)
    if options.scheduler:
        raise EngineError("--scheduler is for the dask engine; add --engine dask")
    return LocalEngine(options.worker_count(), ahead=options.ahead)


class LocalEngine(Closable):
    """A pool of worker processes on this machine (spawned, not forked: a fork of a process
    holding model threads can deadlock), each loading the models once as it starts.

    Everything, the fold included, runs in the workers, under the same thread settings as
    Dask workers: that is what makes the two engines' output the same.
    """

    name = "local"

    def __init__(self, workers: int, *, ahead: int = 2) -> None:
        self.workers = workers
        # tasks handed out ahead of the results: the items are read only this far ahead
        self.window = max(1, workers * ahead)
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)
        with _environment(WORKER_ENV):  # a spawned process takes the environment it sees
            self._ready()

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        # Submitted while the items are read, so workers start on the first ones at once,
        # but never more than ``window`` ahead of the results: a corpus read faster than it
        # is extracted would otherwise sit whole in the pool's queue.
        futures: list[Future[R]] = []
        running: set[Future[R]] = set()
        for item in items:
            while len(running) >= self.window:
                running = wait(running, return_when=FIRST_COMPLETED).not_done
            future = self._pool.submit(fn, item)
            futures.append(future)
            running.add(future)
        return [f.result() for f in futures]

    def map_fold(
        self, fn: Callable[[T], R], fold: Callable[[list[R]], F], items: Iterable[T]
    ) -> tuple[list[R], F]:
        results = self.map(fn, items)
        return results, self._pool.submit(fold, results).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _ready(self) -> None:
        """Start every process and wait until each has loaded its models.

        The pool spawns a process per task while none is idle; a task that lingers a moment
        lets the slower starters take one too. A run timed after this times work only.
        """
        seen: set[int] = set()
        for _ in range(20):
            seen.update(self._pool.map(_pid_after, [0.2] * self.workers))
            if len(seen) >= self.workers:
                return


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``values`` set, restored afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _start_worker() -> None:
    from newsweave.batch.stages import warm

    warm()


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()
