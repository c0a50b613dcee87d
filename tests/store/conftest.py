"""Store fixtures: a SQLite file per test, and the throwaway PostgreSQL from ``pg.py``."""

from __future__ import annotations

import pytest

from pg import postgres_url

__all__ = ["postgres_url"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs a PostgreSQL server (started by the test)")
