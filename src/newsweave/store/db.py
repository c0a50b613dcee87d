"""Engine and connection handling: one URL names the database, SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from newsweave.errors import NewsweaveError

DEFAULT_URL = "sqlite:///newsweave.db"


class StoreError(NewsweaveError):
    """The database could not be opened or used; the message names the URL."""


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 (SQLAlchemy's bare scheme would pick psycopg2)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets the web server read while an ingest writes; NORMAL sync is safe with WAL
    # (a crash loses at most the last commits, never consistency).
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


@dataclass(frozen=True, slots=True)
class Store:
    """An open database: its engine and which dialect's full-text search it uses."""

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One transaction: committed on success, rolled back on any error or kill."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str = DEFAULT_URL, *, migrate: bool = True) -> Store:
    """Open (and by default create or upgrade) the database at ``url``."""
    from newsweave.store.migrations import upgrade

    real = normalise_url(url)
    try:
        parsed = make_url(real)
    except Exception as exc:  # SQLAlchemy raises ArgumentError with little context
        raise StoreError(f"{url}: not a database URL ({exc})") from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{url}: only sqlite:/// and postgresql:// databases are supported")
    engine = create_engine(real, pool_pre_ping=parsed.get_backend_name() == "postgresql")
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine, url)
    if migrate:
        try:
            upgrade(store)
        except Exception as exc:
            engine.dispose()
            raise StoreError(f"{url}: cannot open the database ({exc})") from exc
    return store
