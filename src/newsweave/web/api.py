"""The JSON API under /api/: stories (filtered, paged), one story, its brief, an article, search.

Every answer has a pydantic model, so ``/api/openapi.json`` names every field; errors are
``{"detail": "…"}`` with 400 (a bad value), 404 (no such thing) or 422 (a malformed request).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from newsweave.contract.encode import article_dict
from newsweave.contract.schema import Brief
from newsweave.store.db import Store
from newsweave.store.queries import (
    StoryFilter,
    StoryRow,
    brief_json,
    count_stories,
    get_article,
    list_stories,
    story_detail,
)
from newsweave.store.search import count_matches, search
from newsweave.web.models import (
    ArticleItem,
    Error,
    Highlight,
    SearchHit,
    SearchResult,
    StoredArticle,
    StoryDetail,
    StoryItem,
    StoryList,
)

PAGE_SIZE = 50
MAX_LIMIT = 1000
# Bounds on what a request may ask for: past them FastAPI answers 422, not a 500 from a
# database that cannot hold the offset (SQLite's integers end at 2**63 - 1).
MAX_PAGE = 1_000_000
MAX_OFFSET = MAX_PAGE * PAGE_SIZE
MAX_QUERY_CHARS = 1_000
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Error, "description": "No such story or article."}
}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most items a page holds.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items skipped (paging).")]


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


def api_routes(store: Store) -> APIRouter:
    """The API's routes over ``store``."""
    api = APIRouter(prefix="/api", tags=["api"])

    @api.get("/stories", response_model=StoryList, summary="List stories")
    def stories(
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
        outlet: Annotated[
            str | None, Query(max_length=200, description="One of the story's outlets, by name.")
        ] = None,
        since: Annotated[
            date | None, Query(description="Published on or after this day (YYYY-MM-DD).")
        ] = None,
        until: Annotated[
            date | None, Query(description="Published on or before this day (YYYY-MM-DD).")
        ] = None,
        verdict: Annotated[
            Literal["agree", "differ", "conflict", "single"] | None,
            Query(description="At least one claim reaches this verdict."),
        ] = None,
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

    @api.get(
        "/articles/{article_id}",
        response_model=StoredArticle,
        responses=NOT_FOUND,
        summary="One article",
    )
    def article(article_id: str) -> StoredArticle:
        """One stored article: cleaned text, metadata and removed furniture with reasons."""
        stored = get_article(store, article_id)
        if stored is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return StoredArticle.model_validate(
            {**article_dict(article_id, stored.article), "story_id": stored.story_id}
        )

    @api.get("/search", response_model=SearchResult, summary="Search articles")
    def search_articles(
        q: Annotated[
            str, Query(max_length=MAX_QUERY_CHARS, description="Words that must all occur.")
        ],
        limit: Annotated[int, Query(ge=1, le=100, description="Most hits a page holds.")] = 20,
        offset: Offset = 0,
    ) -> SearchResult:
        """Articles holding every word of `q`, best first, a page at a time. Each hit's
        `highlights` give the matched words as offsets into its plain-text `snippet`."""
        hits = []
        for h in search(store, q, limit=limit, offset=offset):
            text, spans = h.highlighted()
            hits.append(
                SearchHit(
                    article_id=h.article_id,
                    story_id=h.story_id,
                    title=h.title,
                    outlet=h.outlet,
                    snippet=text,
                    highlights=[Highlight(start=a, end=b) for a, b in spans],
                    url=f"/api/articles/{h.article_id}",
                )
            )
        return SearchResult(
            query=q, total=count_matches(store, q), offset=offset, limit=limit, hits=hits
        )

    return api
