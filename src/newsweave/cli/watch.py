"""``newsweave watch``: poll feeds into the store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from newsweave.cli.common import DEFAULT_DB, AllowPrivate, Db, IgnoreRobots, fail, open_db, say
from newsweave.options import Options


def watch(
    feeds: Annotated[
        list[str],
        typer.Argument(
            metavar="FEED",
            help="RSS or Atom feeds: http(s) URLs or local files.",
            show_default=False,
        ),
    ],
    every: Annotated[
        str, typer.Option("--every", help="Time between polls: 30s, 10m, 1h.")
    ] = "10m",
    db: Db = DEFAULT_DB,
    once: Annotated[
        bool,
        typer.Option("--once", help="Poll once and stop; exit 1 when no feed could be read."),
    ] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
) -> None:
    """Poll feeds, fetch and store the new articles, and refresh their stories' briefs.

    One line per cycle on standard output; a feed or article that fails is reported on
    standard error and the others go on. Ctrl-C stops.
    """
    from newsweave.ingest.watch import Cycle, parse_every
    from newsweave.ingest.watch import watch as run_watch

    try:
        interval = parse_every(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
    options = Options(allow_private=allow_private, respect_robots=not ignore_robots)
    cycles: list[Cycle] = []

    def report(cycle: Cycle) -> None:
        for p in cycle.problems:
            say("error", p)
        print(cycle.line(), flush=True)
        cycles.append(cycle)

    store = open_db(db, create=True)
    try:
        run_watch(store, feeds, options, every=interval, cycles=1 if once else None, report=report)
    except KeyboardInterrupt:
        print("newsweave: watch stopped", file=sys.stderr)
    finally:
        store.close()
    if once and cycles and cycles[-1].unreadable == cycles[-1].feeds:
        fail("no feed could be read")
