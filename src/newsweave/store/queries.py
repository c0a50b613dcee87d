"""What the web app and the CLI read from the store: plain rows, no analysis."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select

from newsweave.model import Article
from newsweave.store.db import Store
from newsweave.store.records import article_from_json
from newsweave.store.schema import articles, documents, stories


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the story list."""

    id: str
    title: str | None
    articles: int
    outlets: tuple[str, ...]
    conflicts: int
    first_published: str | None
    last_published: str | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    story_id: str | None
    article: Article


@dataclass(frozen=True, slots=True)
class Failure:
    """A stored document that failed a stage, with its error."""

    id: str
    origin: str
    stage: str
    error: str


def list_stories(store: Store, limit: int = 50, offset: int = 0) -> list[StoryRow]:
    """Stories with a brief, most recently updated first."""
    q = (
        select(
            stories.c.id,
            stories.c.title,
            stories.c.articles,
            stories.c.outlets,
            stories.c.conflicts,
            stories.c.first_published,
            stories.c.last_published,
            stories.c.updated_at,
        )
        .where(stories.c.brief.is_not(None))
        .order_by(stories.c.updated_at.desc(), stories.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.read() as conn:
        return [
            StoryRow(
                r.id,
                r.title,
                r.articles,
                tuple(json.loads(r.outlets)),
                r.conflicts,
                r.first_published,
                r.last_published,
                r.updated_at.isoformat(timespec="seconds"),
            )
            for r in conn.execute(q)
        ]


def count_stories(store: Store) -> int:
    with store.read() as conn:
        q = select(func.count()).select_from(stories).where(stories.c.brief.is_not(None))
        return int(conn.execute(q).scalar_one())


def brief_json(store: Store, story_id: str) -> str | None:
    """The stored brief, as CONTRACT.md's JSON text (None when there is no such story)."""
    with store.read() as conn:
        return conn.execute(
            select(stories.c.brief).where(stories.c.id == story_id)
        ).scalar_one_or_none()


def get_article(store: Store, article_id: str) -> StoredArticle | None:
    with store.read() as conn:
        row = conn.execute(
            select(articles.c.story_id, articles.c.record).where(articles.c.id == article_id)
        ).first()
    if row is None:
        return None
    return StoredArticle(article_id, row.story_id, article_from_json(row.record))


def failures(store: Store) -> list[Failure]:
    with store.read() as conn:
        rows = conn.execute(
            select(documents.c.id, documents.c.origin, documents.c.stage, documents.c.error)
            .where(documents.c.error.is_not(None))
            .order_by(documents.c.origin)
        )
        return [Failure(r.id, r.origin, r.stage, r.error) for r in rows]


def counts(store: Store) -> dict[str, int]:
    """Rows per table: what tests and ``ingest`` report."""
    with store.read() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (documents, articles, stories)
        }
