"""Frozen stories of a long clustering run, kept in a SQLite file instead of memory.

The story clusterer freezes stories a window old (``cluster/archive.py``). For a stream of
months (a batch over years of web archives, the scale bench) keeping their features in memory
would grow without bound, so ``SpillArchive`` writes them to a scratch file: each article's
vector (float16 bytes, as the clusterer keeps it in working memory) and features (JSON),
indexed by day and by story. A late arrival reads back only the days within its window;
undated arrivals are not compared with frozen stories (that would read the whole file for
each: they meet the live window only).

Rows are written behind the stream, a batch at a time on one writer thread: SQLite releases
the GIL while it inserts, so the B-tree work (which grows with the file) runs on the second
core while the clusterer goes on. At most one batch is in flight; every read waits for it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime, timedelta
from os import PathLike

import numpy as np

from newsweave.closable import Closable
from newsweave.cluster.archive import FrozenDoc, FrozenPart, FrozenStory
from newsweave.cluster.features import DocFeatures, Vector
from newsweave.model import day_of

# Rows written per transaction: one commit per frozen story would cost more than the writing.
_BATCH = 5_000

_Row = tuple[int, str, int | None, str | None, bytes, str]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    idx INTEGER PRIMARY KEY, story TEXT NOT NULL, day INTEGER, title TEXT, vector BLOB,
    features TEXT
);
CREATE INDEX IF NOT EXISTS docs_day ON docs (day);
CREATE INDEX IF NOT EXISTS docs_story ON docs (story);
"""


class SpillArchive(Closable):
    """An ``Archive`` in a SQLite file (created if missing; a scratch file, written without
    a journal: it lives as long as the run)."""

    def __init__(self, path: str | PathLike[str]) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(_SCHEMA)
        self._docs: list[_Row] = []
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spill")
        self._writing: Future[None] | None = None

    def close(self) -> None:
        try:
            self._flush()
        finally:  # a failed write still lets the thread and the file go
            self._writer.shutdown()
            self._db.close()

    def freeze(self, story_id: str, docs: Sequence[FrozenDoc]) -> None:
        for d in docs:
            day = day_of(d.features.day)
            self._docs.append(
                (
                    d.index,
                    story_id,
                    day.toordinal() if day else None,
                    d.features.title,
                    np.asarray(d.features.vector, dtype=np.float16).tobytes(),
                    _features_json(d.features),
                )
            )
        if len(self._docs) >= _BATCH:
            self._wait()  # one batch in flight at most: memory stays bounded
            batch, self._docs = self._docs, []
            self._writing = self._writer.submit(self._insert, batch)

    def thaw(
        self, day: date | None, window_days: int, vector: Vector, min_cosine: float
    ) -> list[FrozenStory]:
        if day is None or not vector.size:
            return []
        self._flush()
        low = (day - timedelta(days=window_days)).toordinal()
        high = (day + timedelta(days=window_days)).toordinal()
        rows = self._db.execute(
            "SELECT story, vector FROM docs WHERE day BETWEEN ? AND ?", (low, high)
        ).fetchall()
        width = vector.size * 2
        rows = [r for r in rows if r[1] is not None and len(r[1]) == width]
        if not rows:
            return []
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float16).reshape(
            len(rows), vector.size
        )
        cosines = (matrix.astype(np.float32) @ vector.astype(np.float32)).tolist()
        found = sorted({r[0] for r, c in zip(rows, cosines, strict=True) if c >= min_cosine})
        return [self._take(story_id) for story_id in found]

    def story_of(self, index: int) -> str | None:
        self._flush()
        row = self._db.execute("SELECT story FROM docs WHERE idx = ?", (index,)).fetchone()
        return None if row is None else str(row[0])

    def assignments(self) -> Iterator[tuple[int, str]]:
        self._flush()
        for idx, story in self._db.execute("SELECT idx, story FROM docs"):
            yield int(idx), str(story)

    def stories(self) -> Iterator[FrozenPart]:
        self._flush()
        current: str | None = None
        members: list[int] = []
        titled: tuple[int, str] | None = None
        query = "SELECT idx, story, title FROM docs ORDER BY story, idx"
        for idx, story, title in self._db.execute(query):
            if story != current:
                if current is not None:
                    yield FrozenPart(current, tuple(members), titled)
                current, members, titled = story, [], None
            members.append(int(idx))
            if titled is None and title:
                titled = (int(idx), str(title))
        if current is not None:
            yield FrozenPart(current, tuple(members), titled)

    def size(self) -> int:
        """Articles frozen so far."""
        self._flush()
        return int(self._db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def _take(self, story_id: str) -> FrozenStory:
        rows = self._db.execute(
            "SELECT idx, vector, features FROM docs WHERE story = ? ORDER BY idx", (story_id,)
        ).fetchall()
        self._db.execute("DELETE FROM docs WHERE story = ?", (story_id,))
        docs = tuple(
            FrozenDoc(int(idx), _features_from(features, vector)) for idx, vector, features in rows
        )
        return FrozenStory(story_id, docs)

    def _flush(self) -> None:
        """Every frozen row in the file: what any read needs first."""
        self._wait()
        if self._docs:
            batch, self._docs = self._docs, []
            self._insert(batch)

    def _wait(self) -> None:
        if self._writing is not None:
            writing, self._writing = self._writing, None
            writing.result()  # a failed write raises here, in the clusterer's thread

    def _insert(self, rows: Sequence[_Row]) -> None:
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?)", rows)
        self._db.execute("COMMIT")


def _features_json(f: DocFeatures) -> str:
    day = f.day.isoformat() if f.day is not None else None
    return json.dumps(
        {
            "terms": f.terms,
            "lead": f.lead_terms,
            "names": f.names,
            "key": f.key_scores,
            "years": sorted(f.years),
            "day": day,
            "datetime": isinstance(f.day, datetime),
            "title": f.title,
        },
        ensure_ascii=False,
    )


def _features_from(text: str, vector: bytes | None) -> DocFeatures:
    data = json.loads(text)
    day: date | None = None
    if data["day"] is not None:
        parse = datetime.fromisoformat if data["datetime"] else date.fromisoformat
        day = parse(data["day"])
    return DocFeatures(
        terms=data["terms"],
        lead_terms=data["lead"],
        names=data["names"],
        key_scores=data["key"],
        years=frozenset(data["years"]),
        day=day,
        vector=np.frombuffer(vector or b"", dtype=np.float16).astype(np.float32),
        title=data["title"],
    )
