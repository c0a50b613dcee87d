"""Articles revised in place: the same page fetched or ingested again with other text.

An article is known by its page's URL (``articles.url``). When a document for that URL
arrives with text or headline changed, the article row takes the new version (its id, its
story and its page stay put, so bookmarks and citations keep working) and every version,
the first included, is kept in ``article_versions`` with what changed from the one before
(``changes/revision.py``). The document, the versions, the article and its story's staleness
are written in one transaction: a kill leaves the old version or the new one, never half.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsweave.changes.revision import RevisionDiff, diff_articles, diff_dict
from newsweave.ingest.sniff import is_url
from newsweave.model import Article, RawDocument
from newsweave.store.db import Store
from newsweave.store.records import article_from_json, article_json, hints_dict
from newsweave.store.schema import article_versions, articles, documents, stories


@dataclass(frozen=True, slots=True)
class Current:
    """The stored article a page's URL names, as it stands."""

    id: str
    document_id: str
    story_id: str | None
    article: Article


@dataclass(frozen=True, slots=True)
class Version:
    """One version of an article, as its page lists them (``diff``: JSON, from the one before)."""

    number: int
    document_id: str
    title: str | None
    text: str
    created_at: datetime
    diff: dict[str, Any] | None


def page_url(doc: RawDocument) -> str | None:
    """The URL a document is a version of: where it was fetched from (after redirects), or
    the URL a feed item or JSON row gave; None for a local file without one."""
    for candidate in (doc.hints.url, doc.origin):
        if candidate and is_url(candidate):
            return candidate
    return None


def article_url(article: Article) -> str | None:
    for candidate in (article.url, article.origin):
        if candidate and is_url(candidate):
            return candidate
    return None


def current_article(conn: Connection, url: str) -> Current | None:
    """The article stored for ``url`` (the latest stored, should an old store hold two)."""
    row = conn.execute(
        select(articles.c.id, articles.c.document_id, articles.c.story_id, articles.c.record)
        .where(articles.c.url == url)
        .order_by(articles.c.created_at.desc(), articles.c.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    return Current(row.id, row.document_id, row.story_id, article_from_json(row.record))


def same_version(a: Article, b: Article) -> bool:
    """Whether two extractions of a page say the same (a new ad or time stamp is no edit)."""
    return a.text == b.text and a.title == b.title


def store_revision(
    store: Store, current: Current, document_id: str, doc: RawDocument, article: Article
) -> RevisionDiff:
    """Store ``article`` (extracted from ``doc``) as the next version of ``current``."""
    diff = diff_articles(current.article, article)
    now = datetime.now(UTC)
    with store.begin() as conn:
        _insert_document(conn, document_id, doc, now)
        last = _last_version(conn, current)
        record = article_json(article)
        conn.execute(
            article_versions.insert().values(
                article_id=current.id,
                number=last + 1,
                document_id=document_id,
                title=article.title,
                text=article.text,
                record=record,
                diff=json.dumps(
                    diff_dict(diff, current.article.text, article.text), ensure_ascii=False
                ),
                created_at=now,
            )
        )
        _replace_article(conn, store.dialect, current.id, document_id, article, record)
        if current.story_id is not None:
            conn.execute(
                update(stories)
                .where(stories.c.id == current.story_id)
                .values(stale=True, updated_at=now)
            )
    return diff


def _last_version(conn: Connection, current: Current) -> int:
    """The number of the article's last stored version. An article never revised has no
    versions yet: the one stored until now becomes number 1, so that every version is kept."""
    last = conn.execute(
        select(func.max(article_versions.c.number)).where(
            article_versions.c.article_id == current.id
        )
    ).scalar_one()
    if last is not None:
        return int(last)
    stored = conn.execute(
        select(articles.c.created_at).where(articles.c.id == current.id)
    ).scalar_one()
    conn.execute(
        article_versions.insert().values(
            article_id=current.id,
            number=1,
            document_id=current.document_id,
            title=current.article.title,
            text=current.article.text,
            record=article_json(current.article),
            diff=None,
            created_at=stored,
        )
    )
    return 1


def _replace_article(
    conn: Connection,
    dialect: str,
    article_id: str,
    document_id: str,
    article: Article,
    record: str,
) -> None:
    """The article row, and its full-text entry, take the new version; its id stays."""
    conn.execute(
        update(articles)
        .where(articles.c.id == article_id)
        .values(
            document_id=document_id,
            outlet=article.outlet,
            title=article.title,
            published=article.published.isoformat() if article.published else None,
            text=article.text,
            record=record,
            vector=None,  # the lead may have changed: computed again when next needed
        )
    )
    if dialect == "sqlite":
        conn.execute(text("DELETE FROM articles_fts WHERE article_id = :i"), {"i": article_id})
        conn.execute(
            text("INSERT INTO articles_fts (article_id, title, text) VALUES (:i, :t, :x)"),
            {"i": article_id, "t": article.title or "", "x": article.text},
        )


def _insert_document(conn: Connection, did: str, doc: RawDocument, now: datetime) -> None:
    """The new version's document, already extracted (so no later run extracts it again as
    an article of its own)."""
    ins = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(
        ins(documents)
        .values(
            id=did,
            origin=doc.origin,
            media_type=doc.media_type,
            encoding=doc.encoding,
            hints=json.dumps(hints_dict(doc.hints)),
            data=doc.data,
            stage="extract",
            error=None,
            created_at=now,
        )
        .on_conflict_do_nothing()
    )


def versions(store: Store, article_id: str) -> list[Version]:
    """Every version of an article, oldest first; empty when it was never revised."""
    with store.read() as conn:
        rows = conn.execute(
            select(
                article_versions.c.number,
                article_versions.c.document_id,
                article_versions.c.title,
                article_versions.c.text,
                article_versions.c.created_at,
                article_versions.c.diff,
            )
            .where(article_versions.c.article_id == article_id)
            .order_by(article_versions.c.number)
        ).all()
    return [
        Version(
            r.number,
            r.document_id,
            r.title,
            r.text,
            r.created_at,
            json.loads(r.diff) if r.diff else None,
        )
        for r in rows
    ]


def revision_counts(store: Store, article_ids: list[str]) -> dict[str, int]:
    """How many times each of these articles was revised (absent: never)."""
    if not article_ids:
        return {}
    with store.read() as conn:
        rows = conn.execute(
            select(article_versions.c.article_id, func.max(article_versions.c.number))
            .where(article_versions.c.article_id.in_(article_ids))
            .group_by(article_versions.c.article_id)
        ).all()
    return {str(r[0]): int(r[1]) - 1 for r in rows}
