"""Poll feeds and ingest the articles they announce, one cycle at a time.

A cycle reads every feed, fetches the items whose URL the store has not seen, and ingests
them (stories assigned, briefs refreshed). A URL is seen once any document was stored under
it, fetched or failed for good (404, refused, not an article): it is not fetched as new again.
An item still listed whose article was first stored less than ``revisit_hours`` ago is fetched
again each cycle, to catch an outlet's edits: changed text becomes a new version of the
article (``store/revisions.py``), the same text is dropped. A failure that may pass (the
server was down or slow) is reported but not stored, so the next cycle tries that URL again.
One broken feed or page never stops the others.

What each cycle's refreshed briefs changed (``changes/story.py``) is stored for the Atom
feeds and handed to ``notify`` (``service/notify.py``), one call per story update.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from newsweave.changes.story import StoryUpdate
from newsweave.errors import FetchError, InputError
from newsweave.ingest.feeds import FeedItem, read_feed
from newsweave.ingest.web import Fetcher
from newsweave.model import Problem, RawDocument
from newsweave.options import DEFAULT, Options
from newsweave.progress import count
from newsweave.service.ingest import ingest_documents
from newsweave.store.assign import StoryAssigner
from newsweave.store.db import Store
from newsweave.store.schema import articles, documents

Report = Callable[["Cycle"], None]
Sleep = Callable[[float], None]
# Delivers one story update; the problems, one per target that failed.
Notify = Callable[[StoryUpdate], list[Problem]]

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600}
# URLs looked up in the store per query (well under any database's parameter limit)
_LOOKUP_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Cycle:
    """What one polling cycle did.

    ``items`` counts the feeds' items, ``new`` the articles fetched and stored this cycle,
    ``failed`` the items that could not be fetched or held no article; ``problems`` say why,
    one line each, for those, for unreadable feeds and for notifications not delivered.
    ``revised`` counts stored articles whose page came back with other text, ``updates``
    what the refreshed briefs changed.
    """

    at: datetime
    feeds: int
    unreadable: int
    items: int
    new: int
    failed: int
    stories: int
    problems: tuple[Problem, ...] = field(default=())
    revised: int = 0
    updates: tuple[StoryUpdate, ...] = field(default=())

    def line(self) -> str:
        """The progress line: "12:00:03 3 feeds, 41 items, 5 new, 0 failed, 2 stories refreshed"
        (then ", 1 revised, 2 story updates" when there are)."""
        bad = f" ({self.unreadable} unreadable)" if self.unreadable else ""
        extra = f", {self.revised} revised" if self.revised else ""
        if self.updates:
            extra += f", {count(len(self.updates), 'story update')}"
        return (
            f"{self.at:%H:%M:%S} {count(self.feeds, 'feed')}{bad}, {count(self.items, 'item')}, "
            f"{self.new} new, {self.failed} failed, "
            f"{count(self.stories, 'story', 'stories')} refreshed{extra}"
        )


def parse_every(text: str) -> float:
    """Seconds from "30s", "10m", "1h" (a bare number is seconds); raises ValueError."""
    match = _EVERY.match(text)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval: write it like 30s, 10m or 1h")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


def watch(
    store: Store,
    sources: Sequence[str],
    options: Options = DEFAULT,
    *,
    every: float,
    cycles: int | None = None,
    report: Report | None = None,
    fetcher: Fetcher | None = None,
    sleep: Sleep = time.sleep,
    assigner: StoryAssigner | None = None,
    notify: Notify | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Run cycles ``every`` seconds apart, ``cycles`` of them (None: until interrupted).

    Returns the number of cycles run. Ctrl-C raises KeyboardInterrupt out of here, between
    or during a cycle; what was stored stays consistent (each document is its own
    transaction) and the next run goes on from there. ``stop``, once set, ends the run
    before the next cycle: a Ctrl-C handler sets it, since the KeyboardInterrupt it raises
    is lost where it lands in a finalizer run by the garbage collector.
    """
    own = fetcher is None
    client = fetcher or Fetcher(options)
    done = 0
    try:
        while cycles is None or done < cycles:
            if done:
                if stop is None:
                    sleep(every)
                elif stop.wait(every):
                    break
            if stop is not None and stop.is_set():
                break
            cycle = run_cycle(store, sources, options, client, assigner=assigner, notify=notify)
            done += 1
            if report is not None:
                report(cycle)
    finally:
        if own:
            client.close()
    return done


def run_cycle(
    store: Store,
    sources: Sequence[str],
    options: Options,
    fetcher: Fetcher,
    *,
    assigner: StoryAssigner | None = None,
    notify: Notify | None = None,
) -> Cycle:
    """Read every feed once, then fetch and ingest the items not seen before and those
    still young enough to be revisited; tell ``notify`` what the refreshed stories changed."""
    at = datetime.now().astimezone()
    problems: list[Problem] = []
    unreadable = 0
    listed: dict[str, FeedItem] = {}
    count = 0
    for source in sources:
        try:
            feed = read_feed(source, options, fetcher)
        except Exception as exc:  # a bug on one feed must not stop the others
            feed = Problem(source, f"unexpected error: {type(exc).__name__}: {exc}")
        if isinstance(feed, Problem):
            problems.append(feed)
            unreadable += 1
            continue
        problems.extend(feed.problems)
        count += len(feed.items)
        for item in feed.items:
            listed.setdefault(item.url, item)  # two feeds may list one article
    seen = stored_origins(store, list(listed))
    todo = [item for url, item in listed.items() if url not in seen]
    young = young_articles(
        store, [url for url in listed if url in seen], options.fetch.revisit_hours
    )
    todo.extend(item for url, item in listed.items() if url in young)
    passing: list[Problem] = []
    result = ingest_documents(store, _fetch_all(todo, fetcher, passing), options, assigner=assigner)
    # result.problems holds the lasting fetch failures (now stored) and the extraction failures
    problems.extend(passing)
    problems.extend(result.problems)
    failed = len(passing) + len(result.problems)
    if notify is not None:
        for update in result.updates:
            problems.extend(notify(update))
    return Cycle(
        at,
        len(sources),
        unreadable,
        count,
        new=result.new_articles,
        failed=failed,
        stories=len(result.stories),
        problems=tuple(problems),
        revised=len(result.revised),
        updates=tuple(result.updates),
    )


def stored_origins(store: Store, origins: Sequence[str]) -> set[str]:
    """Which of ``origins`` already have a stored document (read, or failed for good)."""
    found: set[str] = set()
    with store.read() as conn:
        for start in range(0, len(origins), _LOOKUP_CHUNK):
            chunk = origins[start : start + _LOOKUP_CHUNK]
            query = select(documents.c.origin).where(documents.c.origin.in_(chunk)).distinct()
            found.update(conn.execute(query).scalars())
    return found


def young_articles(store: Store, origins: Sequence[str], hours: float) -> set[str]:
    """Which of ``origins`` hold an article first stored less than ``hours`` ago (worth
    fetching again: outlets edit an article in its first hours, rarely later)."""
    if hours <= 0 or not origins:
        return set()
    since = datetime.now(UTC) - timedelta(hours=hours)
    found: set[str] = set()
    with store.read() as conn:
        for start in range(0, len(origins), _LOOKUP_CHUNK):
            chunk = origins[start : start + _LOOKUP_CHUNK]
            query = select(articles.c.origin).where(
                articles.c.origin.in_(chunk), articles.c.created_at >= since
            )
            found.update(conn.execute(query.distinct()).scalars())
    return found


def _fetch_all(
    items: Iterable[FeedItem], fetcher: Fetcher, passing: list[Problem]
) -> Iterator[RawDocument | Problem]:
    """Fetch lazily, so each page is stored as soon as it arrives (a kill loses little).

    A lasting failure is yielded (and stored, so it is not fetched again); a passing one is
    only reported, so the next cycle tries again.
    """
    for item in items:
        try:
            doc: RawDocument | Problem = fetcher.document(item.url, item.hints())
        except FetchError as exc:
            if exc.transient:
                passing.append(Problem(item.url, exc.message))
                continue
            doc = Problem(item.url, exc.message)
        except InputError as exc:
            doc = Problem(item.url, exc.message)
        except Exception as exc:  # a bug on one odd item must not stop the cycle (or watch)
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            doc = Problem(item.url, f"unexpected error ({type(exc).__name__}: {first})")
        yield doc
