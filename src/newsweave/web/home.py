"""The home page's story list: when each event happened, how many outlets, and how much they
disagree, latest first or most disagreements first.

The store keeps a story's conflict count in a column; the count of quotations whose wording
changes their meaning, and the outlets as every format labels them (an unnamed one by its
domain or file, as the story page does), are read from the stored brief and remembered per
story version, so the list costs one parse per changed story, not one per view.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from threading import Lock
from typing import Any, Literal

from sqlalchemy import Connection

from newsweave.contract.decode import brief_from_dict
from newsweave.render.disagree import QuoteLine, disagreements
from newsweave.store.db import Store
from newsweave.store.queries import briefs_of, home_rows_by_id, latest_home_rows, story_versions

Sort = Literal["latest", "disagreements"]
# Story versions whose changed-quotation count is remembered.
COUNTS_KEPT = 4096


@dataclass(frozen=True, slots=True)
class HomeRow:
    id: str
    title: str | None
    articles: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    updated_at: str
    conflicts: int
    changed_quotes: int

    @property
    def disagreements(self) -> int:
        return self.conflicts + self.changed_quotes


@dataclass(frozen=True, slots=True)
class _Read:
    changed_quotes: int
    outlets: tuple[str, ...]


class _Counts:
    """(story id, updated_at) → what the brief says, least recently used dropped first."""

    def __init__(self, size: int = COUNTS_KEPT) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, str], _Read] = OrderedDict()
        self.lock = Lock()

    def get(self, key: tuple[str, str]) -> _Read | None:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: tuple[str, str], value: _Read) -> None:
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_COUNTS = _Counts()


def read_brief(brief_text: str | None) -> _Read:
    """Quotations an outlet prints in words that reverse or shift them (what disagrees), and
    the outlets' labels, from a stored brief."""
    if not brief_text:
        return _Read(0, ())
    brief = brief_from_dict(json.loads(brief_text))
    changed = sum(1 for x in disagreements(brief) if isinstance(x, QuoteLine))
    labels = tuple(dict.fromkeys(b.article.outlet_label() for b in brief.articles))
    return _Read(changed, labels)


# Briefs read per query while filling the counts: a bound on memory, not on the work.
READ_BATCH = 200


def home_rows(
    store: Store, sort: Sort = "latest", limit: int = 50, offset: int = 0
) -> list[HomeRow]:
    """Stories with a brief: latest activity first, or most disagreements (figures in
    conflict and changed quotations) first, then latest."""
    with store.read() as conn:
        if sort == "latest":
            rows = latest_home_rows(conn, limit, offset)
            _fill(conn, [(r.id, r.updated_at) for r in rows])
        else:
            # Every story's count decides the order, so every story is read once per
            # version (then remembered); the page's rows are fetched afterwards.
            every = story_versions(conn)
            _fill(conn, [(r.id, r.updated_at) for r in every])

            def weight(r: Any) -> tuple[int, float, str]:
                read = _COUNTS.get(_key(r.id, r.updated_at))
                changed = read.changed_quotes if read else 0
                return (-(r.conflicts + changed), -r.updated_at.timestamp(), r.id)

            page = [r.id for r in sorted(every, key=weight)[offset : offset + limit]]
            found = home_rows_by_id(conn, page)
            rows = [found[i] for i in page if i in found]
    return [_row(r) for r in rows]


def _key(story_id: str, updated_at: datetime) -> tuple[str, str]:
    return story_id, updated_at.isoformat()


def _fill(conn: Connection, versions: list[tuple[str, datetime]]) -> None:
    """Read the briefs of the story versions not yet counted."""
    missing = {sid: at for sid, at in versions if _COUNTS.get(_key(sid, at)) is None}
    ids = list(missing)
    for i in range(0, len(ids), READ_BATCH):
        batch = ids[i : i + READ_BATCH]
        for sid, text in briefs_of(conn, batch):
            _COUNTS.put(_key(sid, missing[sid]), read_brief(text))


def _row(r: Any) -> HomeRow:
    read = _COUNTS.get(_key(r.id, r.updated_at)) or _Read(0, tuple(json.loads(r.outlets)))
    return HomeRow(
        r.id,
        r.title,
        r.articles,
        read.outlets,
        r.first_published,
        r.last_published,
        r.updated_at.isoformat(timespec="seconds"),
        r.conflicts,
        read.changed_quotes,
    )
