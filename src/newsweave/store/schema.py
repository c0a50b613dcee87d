"""Tables of the store, written once for SQLite and PostgreSQL.

Full-text search is not here: each database has its own (FTS5, tsvector), created by
``migrations.py`` next to these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

# One row per input document, keyed by the hash of its bytes: the same page read twice is
# one row, and its bytes stay so extraction can run again after a fix.
documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("media_type", String(40), nullable=True),
    Column("encoding", String(40), nullable=True),
    Column("hints", Text, nullable=False, default="{}"),
    Column("data", LargeBinary, nullable=True),
    # the last stage the document went through ("read", "extract") and, if it failed there, why
    Column("stage", String(20), nullable=False),
    Column("error", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("documents_origin", documents.c.origin)  # migration 4: watch looks items up by URL

stories = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text, nullable=True),
    Column("first_published", String(32), nullable=True),
    Column("last_published", String(32), nullable=True),
    Column("articles", Integer, nullable=False, default=0),
    Column("outlets", Text, nullable=False, default="[]"),  # JSON list, for the story list
    Column("conflicts", Integer, nullable=False, default=0),
    # CONTRACT.md's JSON; null until built. ``stale`` marks a story whose articles changed
    # since: a killed ingest leaves it set and the next ingest rebuilds it.
    Column("brief", Text, nullable=True),
    Column("brief_error", Text, nullable=True),
    Column("stale", Boolean, nullable=False, default=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # the rendered story page and the templates' fingerprint it was rendered with (migration 2)
    Column("page", Text, nullable=True),
    Column("page_key", String(40), nullable=True),
    # the verdicts its claims reach, " agree conflict " (migration 5): the list filters on it
    Column("verdicts", String(80), nullable=True),
)
Index("stories_updated", stories.c.updated_at)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),  # the id of the document it came from
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("story_id", String(40), ForeignKey("stories.id"), nullable=True),
    Column("origin", Text, nullable=False),
    Column("outlet", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("published", String(32), nullable=True),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),  # the Article as JSON (contract/encode.article_dict)
    # the headline-and-lead vector the story clusterer compares (float32 bytes; migration 3)
    Column("vector", LargeBinary, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # the page's URL (migration 6): fetched or ingested again with other text, the article
    # is revised in place (same id, same story) and its versions kept in article_versions
    Column("url", Text, nullable=True),
)
Index("articles_story", articles.c.story_id)
Index("articles_url", articles.c.url)

# Every version of a revised article (migration 6), the first included: ``articles`` holds
# the current one. ``diff`` is what changed from the version before (changes/revision.py's
# JSON); null for the first.
article_versions = Table(
    "article_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("title", Text, nullable=True),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("diff", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("article_id", "number", name="article_versions_number"),
)

# What each refresh of a story's brief changed (migration 6): one row per refresh that
# changed something, ``changes`` a JSON list (changes/story.py); an Atom entry each.
story_changes = Table(
    "story_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(40), ForeignKey("stories.id"), nullable=False),
    Column("title", Text, nullable=True),
    Column("changes", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("story_changes_story", story_changes.c.story_id, story_changes.c.id)
