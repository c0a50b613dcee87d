"""What each refresh of a story changed, kept so feeds and notifications can tell it.

One row of ``story_changes`` per refresh that changed something (``changes/story.py`` says
what): an Atom entry, and one notification.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from newsweave.changes.story import Change, StoryUpdate
from newsweave.store.db import Store
from newsweave.store.schema import story_changes

# Entries an Atom feed lists: readers poll it, so the newest are what matters.
FEED_ENTRIES = 50


def record_update(
    conn: Connection, story_id: str, title: str | None, changes: list[Change], at: datetime
) -> StoryUpdate:
    """Keep what a refresh changed (inside the refresh's transaction)."""
    inserted = conn.execute(
        story_changes.insert()
        .values(
            story_id=story_id,
            title=title,
            changes=json.dumps([c.to_dict() for c in changes], ensure_ascii=False),
            created_at=at,
        )
        .returning(story_changes.c.id)
    ).scalar_one()
    return StoryUpdate(int(inserted), story_id, title, at, tuple(changes))


def story_updates(
    store: Store, story_id: str | None = None, limit: int = FEED_ENTRIES
) -> list[StoryUpdate]:
    """The newest updates, of one story or of all, newest first."""
    query = select(
        story_changes.c.id,
        story_changes.c.story_id,
        story_changes.c.title,
        story_changes.c.changes,
        story_changes.c.created_at,
    )
    if story_id is not None:
        query = query.where(story_changes.c.story_id == story_id)
    with store.read() as conn:
        rows = conn.execute(query.order_by(story_changes.c.id.desc()).limit(limit)).all()
    return [
        StoryUpdate(
            int(r.id),
            r.story_id,
            r.title,
            _aware(r.created_at),
            tuple(Change.from_dict(c) for c in json.loads(r.changes)),
        )
        for r in rows
    ]


def _aware(at: datetime) -> datetime:
    """SQLite gives back times without their zone; they were written in UTC."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at
