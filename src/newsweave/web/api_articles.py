"""The API's articles: one stored article, and search over every article's text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from newsweave.contract.encode import article_dict
from newsweave.store.db import Store
from newsweave.store.queries import get_article
from newsweave.store.search import Hit, count_matches, search
from newsweave.web.bounds import MAX_QUERY_CHARS, NOT_FOUND, Offset
from newsweave.web.models import Highlight, SearchHit, SearchResult, StoredArticle


def search_hit(h: Hit) -> SearchHit:
    """A hit as the API answers it: the snippet as plain text, the matches as offsets."""
    text, spans = h.highlighted()
    return SearchHit(
        article_id=h.article_id,
        story_id=h.story_id,
        title=h.title,
        outlet=h.outlet,
        snippet=text,
        highlights=[Highlight(start=a, end=b) for a, b in spans],
        url=f"/api/articles/{h.article_id}",
    )


def article_routes(store: Store) -> APIRouter:
    """``/api/articles/{id}`` and ``/api/search`` over ``store``."""
    api = APIRouter(prefix="/api", tags=["api"])

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
        hits = [search_hit(h) for h in search(store, q, limit=limit, offset=offset)]
        return SearchResult(
            query=q, total=count_matches(store, q), offset=offset, limit=limit, hits=hits
        )

    return api
