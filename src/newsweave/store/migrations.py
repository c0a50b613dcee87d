"""Schema versions: each migration runs once, in order, in its own transaction.

A small numbered list rather than alembic: the store has a handful of tables and two
dialects, and the list reads top to bottom. ``schema_version`` records what has run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, insert, inspect, select, text

from newsweave.store.schema import article_versions, metadata, schema_version, story_changes

Migration = Callable[[Connection, str], None]


def _v1_tables(conn: Connection, dialect: str) -> None:
    """Documents, articles, stories, and each dialect's full-text index over articles."""
    metadata.create_all(conn, checkfirst=True)  # today's tables, so later steps check first
    if dialect == "sqlite":
        # A standalone FTS5 table (not external-content): simple to keep in step, since it is
        # written in the same transaction as the article.
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                "article_id UNINDEXED, title, text, tokenize='porter unicode61')"
            )
        )
    else:
        conn.execute(
            text(
                "ALTER TABLE articles ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS"
                " (setweight(to_tsvector('english', coalesce(title, '')), 'A') ||"
                " to_tsvector('english', text)) STORED"
            )
        )
        conn.execute(
            text("CREATE INDEX IF NOT EXISTS articles_search ON articles USING gin (search)")
        )


def _v2_page_cache(conn: Connection, dialect: str) -> None:
    """A rendered story page per story, so a page view is one row read, not a render."""
    have = {c["name"] for c in inspect(conn).get_columns("stories")}
    if "page" not in have:
        conn.execute(text("ALTER TABLE stories ADD COLUMN page TEXT"))
    if "page_key" not in have:
        conn.execute(text("ALTER TABLE stories ADD COLUMN page_key VARCHAR(40)"))


def _v3_article_vectors(conn: Connection, dialect: str) -> None:
    """Each article's story vector, so assigning a new arrival never re-encodes old ones."""
    have = {c["name"] for c in inspect(conn).get_columns("articles")}
    if "vector" not in have:
        kind = "BLOB" if dialect == "sqlite" else "BYTEA"
        conn.execute(text(f"ALTER TABLE articles ADD COLUMN vector {kind}"))


def _v4_document_origins(conn: Connection, dialect: str) -> None:
    """An index on documents' origins: ``watch`` asks, each cycle, which feed items' URLs
    are stored already."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS documents_origin ON documents (origin)"))


def story_verdicts(brief: dict[str, object]) -> str:
    """The verdicts a brief's claims reach, as the ``stories.verdicts`` column holds them:
    " agree conflict " (each word once, spaces around), so a filter is one LIKE '% conflict %'."""
    claims = brief.get("claims")
    listed = claims if isinstance(claims, list) else []
    found = {str(c.get("verdict")) for c in listed if isinstance(c, dict) and c.get("verdict")}
    return " " + " ".join(sorted(found)) + " "


def _v5_story_verdicts(conn: Connection, dialect: str) -> None:
    """The verdicts each story's claims reach, so the story list filters on them without
    reading every brief (``/api/stories?verdict=conflict``, ``stories --verdict``)."""
    have = {c["name"] for c in inspect(conn).get_columns("stories")}
    if "verdicts" not in have:
        conn.execute(text("ALTER TABLE stories ADD COLUMN verdicts VARCHAR(80)"))
    rows = conn.execute(text("SELECT id, brief FROM stories WHERE brief IS NOT NULL")).all()
    for row in rows:
        conn.execute(
            text("UPDATE stories SET verdicts = :v WHERE id = :i"),
            {"v": story_verdicts(json.loads(row.brief)), "i": row.id},
        )


def _v6_revisions_and_changes(conn: Connection, dialect: str) -> None:
    """Articles revised in place (their URL, every version) and what each refresh of a story
    changed (issue 19)."""
    have = {c["name"] for c in inspect(conn).get_columns("articles")}
    if "url" not in have:
        conn.execute(text("ALTER TABLE articles ADD COLUMN url TEXT"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS articles_url ON articles (url)"))
    article_versions.create(conn, checkfirst=True)
    story_changes.create(conn, checkfirst=True)
    for index in story_changes.indexes:
        index.create(conn, checkfirst=True)
    # the URL of articles stored before: the page's own (as extraction kept it), else the
    # URL it was fetched from
    rows = conn.execute(text("SELECT id, origin, record FROM articles WHERE url IS NULL")).all()
    for row in rows:
        url = json.loads(row.record).get("url") or row.origin
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            conn.execute(
                text("UPDATE articles SET url = :u WHERE id = :i"), {"u": url, "i": row.id}
            )


MIGRATIONS: list[Migration] = [
    _v1_tables,
    _v2_page_cache,
    _v3_article_vectors,
    _v4_document_origins,
    _v5_story_verdicts,
    _v6_revisions_and_changes,
]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    return int(
        conn.execute(select(func.coalesce(func.max(schema_version.c.version), 0))).scalar_one()
    )


def upgrade(engine: Engine) -> int:
    """Bring the database up to ``LATEST``, each step in its own transaction; returns the
    version it is at. Takes the engine, not the ``Store`` that ``store/db.py`` opens with it:
    opening calls this module, so this module does not call back."""
    with engine.begin() as conn:
        schema_version.create(conn, checkfirst=True)
    version = 0
    for number, migration in enumerate(MIGRATIONS, start=1):
        with engine.begin() as conn:
            version = current_version(conn)
            if version >= number:
                continue
            migration(conn, engine.dialect.name)
            conn.execute(
                insert(schema_version).values(version=number, applied_at=datetime.now(UTC))
            )
            version = number
    return version
