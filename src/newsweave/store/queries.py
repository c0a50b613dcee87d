"""What the web app and the CLI read from the store: plain rows, no analysis."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Row, Select, func, select, update

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


Verdict = Literal["agree", "differ", "conflict", "single"]


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Which stories a list shows: every condition given must hold.

    ``outlet``: one of the story's outlets, by name (case aside, ASCII letters); ``since`` /
    ``until``: the story's span of publication dates meets the day range; ``verdict``: at
    least one of its claims reaches it."""

    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    verdict: Verdict | None = None


ANY = StoryFilter()


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article of a story, as its page and the story detail list it."""

    id: str
    origin: str
    outlet: str | None
    title: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class StoryDetail:
    """A stored story: its list row, its articles oldest first, and any brief error."""

    story: StoryRow
    articles: tuple[ArticleRow, ...]
    verdicts: tuple[str, ...]


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


def _conditions(where: StoryFilter) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = [stories.c.brief.is_not(None)]
    if where.outlet:
        # outlets is a JSON list: an element is its JSON string, quotes and all, so the
        # match is whole names only; LIKE's own wildcards in a name are escaped
        needle = json.dumps(where.outlet.strip().lower(), ensure_ascii=False)
        needle = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        out.append(func.lower(stories.c.outlets).like(f"%{needle}%", escape="\\"))
    if where.since:
        out.append(stories.c.last_published >= where.since.isoformat())
    if where.until:
        out.append(stories.c.first_published < (where.until + timedelta(days=1)).isoformat())
    if where.verdict:
        out.append(stories.c.verdicts.like(f"% {where.verdict} %"))
    return out


def _story_columns() -> Select[Any]:
    return select(
        stories.c.id,
        stories.c.title,
        stories.c.articles,
        stories.c.outlets,
        stories.c.conflicts,
        stories.c.first_published,
        stories.c.last_published,
        stories.c.updated_at,
    )


def _story_row(r: Row[Any]) -> StoryRow:
    return StoryRow(
        r.id,
        r.title,
        r.articles,
        tuple(json.loads(r.outlets)),
        r.conflicts,
        r.first_published,
        r.last_published,
        r.updated_at.isoformat(timespec="seconds"),
    )


def list_stories(
    store: Store, limit: int = 50, offset: int = 0, where: StoryFilter = ANY
) -> list[StoryRow]:
    """Stories with a brief that pass ``where``, most recently updated first."""
    q = (
        _story_columns()
        .where(*_conditions(where))
        .order_by(stories.c.updated_at.desc(), stories.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.read() as conn:
        return [_story_row(r) for r in conn.execute(q)]


def count_stories(store: Store, where: StoryFilter = ANY) -> int:
    with store.read() as conn:
        q = select(func.count()).select_from(stories).where(*_conditions(where))
        return int(conn.execute(q).scalar_one())


def story_detail(store: Store, story_id: str) -> StoryDetail | None:
    """A story with a brief, and its articles oldest first; None when there is none."""
    with store.read() as conn:
        row = conn.execute(
            _story_columns()
            .add_columns(stories.c.verdicts)
            .where(stories.c.id == story_id, stories.c.brief.is_not(None))
        ).first()
        if row is None:
            return None
        members = conn.execute(
            select(
                articles.c.id,
                articles.c.origin,
                articles.c.outlet,
                articles.c.title,
                articles.c.published,
            )
            .where(articles.c.story_id == story_id)
            .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id)
        ).all()
    return StoryDetail(
        _story_row(row),
        tuple(ArticleRow(m.id, m.origin, m.outlet, m.title, m.published) for m in members),
        tuple((row.verdicts or "").split()),
    )


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


@dataclass(frozen=True, slots=True)
class StoryName:
    """A stored story's title: None until a brief names it."""

    title: str | None


def story_name(store: Store, story_id: str) -> StoryName | None:
    """The story's title, or None when there is no such story (a feed of it is a 404)."""
    with store.read() as conn:
        row = conn.execute(select(stories.c.title).where(stories.c.id == story_id)).first()
    return None if row is None else StoryName(row.title)


@dataclass(frozen=True, slots=True)
class PageStamp:
    """Which version of a story a rendered page shows: the story's last update, and the
    templates' fingerprint the stored page was rendered with (None when none is stored)."""

    updated_at: datetime
    page_key: str | None


def page_stamp(store: Store, story_id: str) -> PageStamp | None:
    """The stamp of a story with a brief; None when there is no such story to show."""
    with store.read() as conn:
        row = conn.execute(
            select(stories.c.updated_at, stories.c.page_key).where(
                stories.c.id == story_id, stories.c.brief.is_not(None)
            )
        ).first()
    return None if row is None else PageStamp(row.updated_at, row.page_key)


def stored_page(store: Store, story_id: str) -> str | None:
    """The story page another process rendered and kept (``keep_page``)."""
    with store.read() as conn:
        page: str | None = conn.execute(
            select(stories.c.page).where(stories.c.id == story_id)
        ).scalar_one_or_none()
        return page


def keep_page(store: Store, story_id: str, stamp: datetime, key: str, html: str) -> None:
    """Store the rendered page unless the story changed meanwhile (then it is stale anyway)."""
    with store.begin() as conn:
        conn.execute(
            update(stories)
            .where(stories.c.id == story_id, stories.c.updated_at == stamp)
            .values(page=html, page_key=key)
        )


AnyRow = Row[*tuple[Any, ...]]  # a row of any columns, read by name
# What the home page lists of a story; read on the caller's connection, so that the order,
# the briefs it is decided from and the page's rows come from one read.
HOME_COLUMNS = (
    stories.c.id,
    stories.c.title,
    stories.c.articles,
    stories.c.outlets,
    stories.c.first_published,
    stories.c.last_published,
    stories.c.updated_at,
    stories.c.conflicts,
)


def latest_home_rows(conn: Connection, limit: int, offset: int) -> Sequence[AnyRow]:
    """A page of stories with a brief (``HOME_COLUMNS``), latest activity first."""
    return conn.execute(
        select(*HOME_COLUMNS)
        .where(stories.c.brief.is_not(None))
        .order_by(stories.c.updated_at.desc(), stories.c.id)
        .limit(limit)
        .offset(offset)
    ).all()


def story_versions(conn: Connection) -> Sequence[AnyRow]:
    """Every story with a brief: its id, last update and conflict count (to order them by)."""
    return conn.execute(
        select(stories.c.id, stories.c.updated_at, stories.c.conflicts).where(
            stories.c.brief.is_not(None)
        )
    ).all()


def home_rows_by_id(conn: Connection, ids: Sequence[str]) -> dict[str, AnyRow]:
    """The stories ``ids`` name (``HOME_COLUMNS``), by id; any not stored are left out."""
    return {r.id: r for r in conn.execute(select(*HOME_COLUMNS).where(stories.c.id.in_(ids)))}


def briefs_of(conn: Connection, ids: Sequence[str]) -> list[tuple[str, str | None]]:
    """(story id, stored brief JSON) for each of ``ids`` that is stored."""
    rows = conn.execute(select(stories.c.id, stories.c.brief).where(stories.c.id.in_(ids)))
    return [(r.id, r.brief) for r in rows]


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
