"""Store fixtures: a SQLite file per test, and the throwaway PostgreSQL from ``pg.py``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from newsweave.store import Store, open_store
from pg import postgres_url

__all__ = ["postgres_url"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs a PostgreSQL server (started by the test)")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'nw.db'}")
    else:
        url = request.getfixturevalue("postgres_url")
        s = open_store(url)
        with s.begin() as conn:  # each test starts from an empty schema
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        s.close()
        s = open_store(url)
    yield s
    s.close()
