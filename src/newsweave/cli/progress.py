"""Long jobs on a terminal: a rich bar per stage with its count, ETA and the item at hand.

Nothing is drawn when standard error is not a terminal (piped, redirected, in CI) or with
``--quiet``: the library then gets no report at all and does no counting for one.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from newsweave.progress import Report, Step
from newsweave.render.escape import one_line

ITEM_CHARS = 40  # of a file name or URL shown beside the bar


def stderr_is_terminal() -> bool:
    return Console(stderr=True).is_terminal


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Report | None]:
    """A report that draws the job's steps on standard error, or None when nobody watches."""
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[item]}", markup=False),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def report(step: Step) -> None:
            task = tasks.get(step.stage)
            if task is None:
                task = tasks[step.stage] = bar.add_task(step.stage, total=step.total, item="")
            bar.update(task, completed=step.done, total=step.total, item=_short(step.item))

        yield report


def _short(item: str) -> str:
    """The end of a long path or URL (its file name is what tells files apart)."""
    item = one_line(item)
    return item if len(item) <= ITEM_CHARS else "…" + item[-(ITEM_CHARS - 1) :]


@dataclass(slots=True)
class Clock:
    """Seconds since the command started, for its summary line."""

    started: float = field(default_factory=time.perf_counter)

    def seconds(self) -> str:
        return f"{time.perf_counter() - self.started:.1f} s"


def summary(line: str, quiet: bool) -> None:
    """The closing line of a job whose result went to standard output: on a terminal only."""
    if not quiet and stderr_is_terminal():
        print(f"newsweave: {line}", file=sys.stderr, flush=True)
