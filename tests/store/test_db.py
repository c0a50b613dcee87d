"""Opening a store the way people name one: a plain path or a URL; every bad name is one
StoreError line naming it; a store opened to read is never created."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from newsweave.errors import StoreError
from newsweave.service.ingest import ingest
from newsweave.store import Store, open_store
from newsweave.store.db import database_url
from newsweave.store.migrations import story_verdicts
from newsweave.store.queries import (
    StoryFilter,
    count_stories,
    list_stories,
    story_detail,
)
from newsweave.store.search import count_matches, search
from paths import EXAMPLES


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("nw.db") == f"sqlite:///{tmp_path / 'nw.db'}"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url("postgresql://me@host/db") == "postgresql://me@host/db"
    store = open_store("nw.db")
    store.close()
    assert (tmp_path / "nw.db").is_file()
    open_store(tmp_path / "nw.db", create=False).close()  # a Path works too


@pytest.mark.parametrize(
    ("db", "says"),
    [
        ("missing/folder/nw.db", "does not exist; create it first"),
        ("mysql://me@host/news", "mysql is not supported"),
        ("oracle+cx://x", "is not supported"),
        (".", "is a folder, not a database file"),
    ],
)
def test_a_bad_database_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db: str, says: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError) as err:
        open_store(db)
    message = str(err.value)
    assert message.startswith(f"{db}: ") and says in message
    assert "\n" not in message


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database at all, just some words in a file\n" * 20)
    with pytest.raises(StoreError, match=r"notes.txt: cannot open the database \(file is not"):
        open_store(junk)


def test_reading_never_creates_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database; `newsweave ingest --db"):
        open_store(tmp_path / "nope.db", create=False)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{tmp_path / 'nope.db'}", create=False)
    assert list(tmp_path.iterdir()) == []


def test_reading_a_database_that_holds_no_store(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="holds no newsweave store"):
        open_store(other, create=False)


@pytest.mark.postgres
def test_reading_an_empty_postgresql_database_creates_nothing(postgres_url: str) -> None:
    s = open_store(postgres_url)
    with s.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    s.close()
    with pytest.raises(StoreError, match="holds no newsweave store"):
        open_store(postgres_url, create=False)
    s = open_store(postgres_url, migrate=False)
    with s.read() as conn:
        tables = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname='public'"))
        assert tables.scalar_one() == 0
    s.close()


def test_an_unreachable_server_is_one_line() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert "cannot open the database" in str(err.value) and "\n" not in str(err.value)


@pytest.fixture
def filled(store: Store) -> tuple[Store, str]:
    (story,) = ingest(store, [EXAMPLES / "harbour-fire"]).stories
    return store, story


def test_filters_and_detail(filled: tuple[Store, str]) -> None:
    store, story = filled

    def ids(where: StoryFilter) -> list[str]:
        assert count_stories(store, where) == len(list_stories(store, where=where))
        return [r.id for r in list_stories(store, where=where)]

    from datetime import date

    assert ids(StoryFilter()) == [story]
    assert ids(StoryFilter(outlet="SOUTHSHORE GAZETTE")) == [story]
    assert ids(StoryFilter(outlet="Southshore")) == []
    assert ids(StoryFilter(outlet="100%_")) == []  # LIKE's wildcards are escaped
    assert ids(StoryFilter(since=date(2025, 3, 13), until=date(2025, 3, 20))) == [story]
    assert ids(StoryFilter(until=date(2025, 3, 10))) == []
    assert ids(StoryFilter(verdict="conflict")) == [story]
    detail = story_detail(store, story)
    assert detail is not None and len(detail.articles) == 6 and "conflict" in detail.verdicts
    assert story_detail(store, "nope") is None


def test_search_pages_without_overlap(filled: tuple[Store, str]) -> None:
    store, _ = filled
    total = count_matches(store, "fire")
    pages = [search(store, "fire", limit=2, offset=k) for k in range(0, total, 2)]
    seen = [h.article_id for page in pages for h in page]
    assert len(seen) == total == len(set(seen))
    text_, spans = pages[0][0].highlighted()
    assert spans and all(text_[a:b].lower().startswith("fire") for a, b in spans)


def test_verdicts_column_and_its_migration() -> None:
    assert story_verdicts({"claims": [{"verdict": "conflict"}, {"verdict": "agree"}]}) == (
        " agree conflict "
    )
    assert story_verdicts({"claims": []}) == "  "
    assert story_verdicts(json.loads('{"claims": "odd"}')) == "  "


def test_an_older_store_gains_its_stories_verdicts(tmp_path: Path) -> None:
    s = open_store(tmp_path / "old.db")
    ingest(s, [EXAMPLES / "harbour-fire"])
    with s.begin() as conn:  # as a store from before migration 5 would be
        conn.execute(text("UPDATE stories SET verdicts = NULL"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 5"))
    s.close()
    s = open_store(tmp_path / "old.db", create=False)
    assert [r.id for r in list_stories(s, where=StoryFilter(verdict="conflict"))]
    s.close()
