"""``newsweave watch``: poll feeds into the store."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from newsweave.cli.common import (
    DEFAULT_DB,
    AllowPrivate,
    Db,
    IgnoreRobots,
    build_options,
    fail,
    open_db,
    say,
)
from newsweave.options import DEFAULT, HELP, Options

if TYPE_CHECKING:
    from newsweave.service.notify import Notifier

NotifyUrl = Annotated[
    str | None,
    typer.Option(
        "--notify",
        metavar="URL",
        help="POST what each story update changed, as JSON, to URL (an address inside the "
        "network is refused unless --allow-private).",
        show_default=False,
    ),
]
NotifyCmd = Annotated[
    str | None,
    typer.Option(
        "--notify-cmd",
        metavar="CMD",
        help="Run CMD (no shell) for each story update, its JSON on standard input.",
        show_default=False,
    ),
]


def notifier(url: str | None, command: str | None, options: Options) -> Notifier | None:
    """The notifier ``--notify``/``--notify-cmd`` ask for; a bad URL is a usage error."""
    if url is None and command is None:
        return None
    from newsweave.service.notify import Notifier, check_target

    if url is not None and (why := check_target(url)):
        raise typer.BadParameter(why, param_hint="--notify")
    try:
        return Notifier(url, command, options)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--notify-cmd") from exc


# The options only ``watch`` takes.
Feeds = Annotated[
    list[str],
    typer.Argument(
        metavar="FEED",
        help="RSS or Atom feeds: http(s) URLs or local files.",
        show_default=False,
    ),
]
Every = Annotated[str, typer.Option("--every", help="Time between polls: 30s, 10m, 1h.")]
Once = Annotated[
    bool,
    typer.Option("--once", help="Poll once and stop; exit 1 when no feed could be read."),
]
RevisitHours = Annotated[
    float,
    typer.Option("--revisit-hours", min=0, metavar="HOURS", help=HELP["fetch.revisit_hours"]),
]


def watch(
    feeds: Feeds,
    every: Every = "10m",
    db: Db = DEFAULT_DB,
    once: Once = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    notify_url: NotifyUrl = None,
    notify_cmd: NotifyCmd = None,
    revisit_hours: RevisitHours = DEFAULT.fetch.revisit_hours,
) -> None:
    """Poll feeds, fetch and store the new articles, and refresh their stories' briefs.

    One line per cycle on standard output; a feed or article that fails is reported on
    standard error and the others go on. Articles edited since they were stored become new
    versions; what each refresh changed is served at /changes.atom and sent to --notify or
    --notify-cmd. Ctrl-C stops.
    """
    from newsweave.service.watch import Cycle
    from newsweave.service.watch import watch as run_watch

    interval = _interval(every)
    options = build_options(
        allow_private=allow_private, ignore_robots=ignore_robots, revisit_hours=revisit_hours
    )
    sender = notifier(notify_url, notify_cmd, options)
    cycles: list[Cycle] = []

    def report(cycle: Cycle) -> None:
        for p in cycle.problems:
            say("error", p)
        print(cycle.line(), flush=True)
        cycles.append(cycle)

    store = open_db(db, create=True)
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, _interrupt(stop))
    try:
        run_watch(
            store,
            feeds,
            options,
            every=interval,
            cycles=1 if once else None,
            report=report,
            notify=sender.send if sender else None,
            stop=stop,
        )
    except KeyboardInterrupt:
        stop.set()
    finally:
        signal.signal(signal.SIGINT, previous)
        store.close()
        if sender is not None:
            sender.close()
    if stop.is_set():
        print("newsweave: watch stopped", file=sys.stderr)
    if once and cycles and cycles[-1].unreadable == cycles[-1].feeds:
        fail("no feed could be read")


def _interrupt(stop: threading.Event) -> Callable[[int, FrameType | None], None]:
    """A Ctrl-C handler that stops the watch for sure: it sets ``stop``, which the loop
    checks, then raises KeyboardInterrupt to cut a cycle short (that exception alone is lost
    when it lands in a finalizer, and the watch would sleep on)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()
        raise KeyboardInterrupt

    return handler


def _interval(every: str) -> float:
    """The seconds between polls ``--every`` asks for; a bad value is a usage error."""
    from newsweave.service.watch import parse_every

    try:
        return parse_every(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
