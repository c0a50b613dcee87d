"""The store: raw documents, articles, stories and their briefs in SQLite or PostgreSQL."""

from newsweave.store.db import DEFAULT_URL, Store, open_store

__all__ = ["DEFAULT_URL", "Store", "open_store"]
