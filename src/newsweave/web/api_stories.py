"""The API's stories: the list (filtered, paged), one story with its articles, and its brief."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from newsweave.contract.schema import Brief
from newsweave.store.db import Store
from newsweave.store.queries import StoryDetail as StoredStory
from newsweave.store.queries import (
    StoryFilter,
    StoryRow,
    Verdict,
    brief_json,
    count_stories,
    list_stories,
    story_detail,
)
from newsweave.web.bounds import NOT_FOUND, PAGE_SIZE, Limit, Offset
from newsweave.web.models import ArticleItem, StoryDetail, StoryItem, StoryList

# The list's filters, as the query string gives them.
Outlet = Annotated[
    str | None, Query(max_length=200, description="One of the story's outlets, by name.")
]
Since = Annotated[date | None, Query(description="Published on or after this day (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="Published on or before this day (YYYY-MM-DD).")]
Reaches = Annotated[Verdict | None, Query(description="At least one claim reaches this verdict.")]


def story_item(r: StoryRow) -> StoryItem:
    return StoryItem(
        id=r.id,
        title=r.title,
        articles=r.articles,
        outlets=list(r.outlets),
        conflicts=r.conflicts,
        first_published=r.first_published,
        last_published=r.last_published,
        updated_at=r.updated_at,
    )


def story_answer(story_id: str, found: StoredStory) -> StoryDetail:
    """The stored story as ``/api/stories/{id}`` answers it, with links to the rest."""
    return StoryDetail(
        story=story_item(found.story),
        verdicts=list(found.verdicts),
        articles=[
            ArticleItem(
                id=a.id,
                origin=a.origin,
                outlet=a.outlet,
                title=a.title,
                published=a.published,
                url=f"/api/articles/{a.id}",
            )
            for a in found.articles
        ],
        brief_url=f"/api/stories/{story_id}/brief",
        page_url=f"/stories/{story_id}",
    )


def story_routes(store: Store) -> APIRouter:
    """``/api/stories``, ``/api/stories/{id}`` and ``/api/stories/{id}/brief`` over ``store``."""
    api = APIRouter(prefix="/api", tags=["api"])

    @api.get("/stories", response_model=StoryList, summary="List stories")
    def stories(
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
        outlet: Outlet = None,
        since: Since = None,
        until: Until = None,
        verdict: Reaches = None,
    ) -> StoryList:
        """Stories with a brief that pass every filter given, most recently updated first."""
        if since and until and since > until:
            raise HTTPException(400, f"since ({since}) is after until ({until})")
        where = StoryFilter(outlet, since, until, verdict)
        rows = list_stories(store, limit=limit, offset=offset, where=where)
        return StoryList(
            stories=[story_item(r) for r in rows],
            total=count_stories(store, where),
            offset=offset,
            limit=limit,
        )

    @api.get(
        "/stories/{story_id}", response_model=StoryDetail, responses=NOT_FOUND, summary="One story"
    )
    def story(story_id: str) -> StoryDetail:
        """One story: its list row, the verdicts its claims reach and its articles."""
        found = story_detail(store, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return story_answer(story_id, found)

    @api.get(
        "/stories/{story_id}/brief",
        response_model=Brief,
        summary="A story's brief",
        response_model_by_alias=True,
        responses=NOT_FOUND,
    )
    def brief(story_id: str) -> Response:
        """The story's brief: the JSON `newsweave brief --format json` prints (schema
        `newsweave/brief@1`, docs/contract.md), each article with its `store_id`."""
        raw = brief_json(store, story_id)
        if raw is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return Response(raw, media_type="application/json")  # stored JSON, sent as it is

    return api
