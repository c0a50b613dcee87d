"""Store look-ups whose miss is the request's answer: a 404 that names what is not there."""

from __future__ import annotations

from fastapi import HTTPException

from newsweave.store.db import Store
from newsweave.store.queries import story_name


def story_title(store: Store, story_id: str) -> str | None:
    """The story's title; a 404 when there is no such story."""
    found = story_name(store, story_id)
    if found is None:
        raise HTTPException(404, f"There is no story {story_id!r} in this store.")
    return found.title
