"""Engine and connection handling: one URL names the database, SQLite or PostgreSQL.

``--db`` takes what people type: a plain file path (``nw.db``) is a SQLite file, a URL is used
as given. Every way of naming a database that cannot work fails with one ``StoreError`` line
naming it; a store opened to read (``create=False``) is never created.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

from newsweave.errors import StoreError

DEFAULT_URL = "sqlite:///newsweave.db"
# What opens like "name://" (or "name+driver://") is a URL; anything else is a file path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def database_url(db: str | os.PathLike[str]) -> str:
    """The URL for a ``--db`` value: a URL as given, a file path as ``sqlite:///ABSOLUTE``."""
    text = os.fspath(db)
    if _URL.match(text):
        return text
    return "sqlite:///" + str(Path(text).expanduser().absolute())


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


def open_store(
    db: str | os.PathLike[str] = DEFAULT_URL, *, migrate: bool = True, create: bool = True
) -> Store:
    """Open the database ``db`` names (a file path or a URL) and bring its schema up to date.

    With ``create=False`` (the read-only commands) a database that does not exist, or holds
    no newsweave store, is an error instead of a new empty one.
    """
    shown = os.fspath(db)
    real = normalise_url(database_url(shown))
    try:
        parsed = make_url(real)
    except Exception as exc:  # SQLAlchemy raises ArgumentError with little context
        raise StoreError(f"{shown}: not a database URL or file path ({_first_line(exc)})") from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            f"{shown}: {backend} is not supported; use a file path (SQLite), "
            "sqlite:///FILE or postgresql://USER@HOST/DB"
        )
    if backend == "sqlite":
        _check_sqlite_file(shown, parsed.database, create)
    engine = create_engine(real, pool_pre_ping=backend == "postgresql")
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine, database_url(shown))
    try:
        if not create and not _has_schema(store):
            raise StoreError(f"{shown}: holds no newsweave store; `newsweave ingest` fills one")
        if migrate:
            from newsweave.store.migrations import upgrade

            upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise StoreError(f"{shown}: cannot open the database ({_first_line(exc)})") from exc
    return store


def _check_sqlite_file(shown: str, database: str | None, create: bool) -> None:
    """A SQLite file's folder must exist, and the file too unless it is to be created."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if path.is_dir():
        raise StoreError(f"{shown}: is a folder, not a database file")
    if not path.parent.is_dir():
        raise StoreError(f"{shown}: the folder {path.parent} does not exist; create it first")
    if not create and not path.exists():
        raise StoreError(
            f"{shown}: no such database; `newsweave ingest --db {shown} PATH...` creates one"
        )


def _has_schema(store: Store) -> bool:
    with store.read() as conn:
        return inspect(conn).has_table("schema_version")


def _first_line(exc: BaseException) -> str:
    """A driver error's first line, without SQLAlchemy's background link and SQL echo."""
    inner = getattr(exc, "orig", None) or exc
    lines = str(inner).strip().splitlines()
    return (lines[0] if lines else type(inner).__name__)[:300]
