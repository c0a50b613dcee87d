"""The API's changes: what refreshes of stories changed, and a revised article's versions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from newsweave.store.changes import FEED_ENTRIES, story_updates
from newsweave.store.db import Store
from newsweave.store.queries import get_article
from newsweave.store.revisions import Version, versions
from newsweave.web.bounds import NOT_FOUND, Entries
from newsweave.web.change_models import ArticleVersions, UpdateList
from newsweave.web.lookups import story_title


def version_dict(v: Version) -> dict[str, Any]:
    """One version as ``/api/articles/{id}/versions`` lists it."""
    return {
        "number": v.number,
        "document": v.document_id,
        "title": v.title,
        "text": v.text,
        "at": v.created_at.isoformat(),
        "diff": v.diff,
    }


def change_routes(store: Store) -> APIRouter:
    """``/api/changes`` and ``/api/articles/{id}/versions`` over ``store``."""
    router = APIRouter()

    @router.get(
        "/api/changes",
        tags=["api"],
        summary="What refreshes of stories changed",
        response_model=UpdateList,
        responses=NOT_FOUND,
    )
    def api_changes(
        story: Annotated[str | None, Query(max_length=40, description="One story's id.")] = None,
        limit: Entries = FEED_ENTRIES,
    ) -> dict[str, Any]:
        """Newest first: each refresh of a story that changed something, with its changes
        (kinds: new_conflict, figure_updated, quote_changed, new_outlet, article_revised)."""
        if story is not None:
            story_title(store, story)
        return {"updates": [u.to_dict() for u in story_updates(store, story, limit=limit)]}

    @router.get(
        "/api/articles/{article_id}/versions",
        tags=["api"],
        summary="An article's versions",
        response_model=ArticleVersions,
        responses=NOT_FOUND,
    )
    def api_versions(article_id: str) -> dict[str, Any]:
        """Every version of a revised article, oldest first, each (but the first) with what
        changed from the one before; ``versions`` is empty for an article never revised."""
        if get_article(store, article_id) is None:
            raise HTTPException(404, f"There is no article {article_id!r} in this store.")
        return {
            "article": article_id,
            "versions": [version_dict(v) for v in versions(store, article_id)],
        }

    return router
