"""The pages for people: story list, story, article, search, and the API docs.

Pages render from stored briefs (no analysis on a request). Each answers GET and HEAD (a
link checker or ``curl -I`` asks HEAD). A request a page cannot serve raises HTTPException;
``errors.py`` turns it into an HTML page. The story page (with its cache) and the article
page live in ``story_page.py`` and ``article_page.py``; the list, search and docs pages here.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from newsweave.store.db import Store
from newsweave.store.search import count_matches, search
from newsweave.web.article_page import article_page_routes
from newsweave.web.bounds import GET_HEAD, MAX_PAGE, MAX_QUERY_CHARS, PAGE_SIZE
from newsweave.web.home import Sort, home_rows
from newsweave.web.story_page import STORY_CACHE, story_page_routes

__all__ = ["SEARCH_PAGE", "STORY_CACHE", "page_routes"]

SEARCH_PAGE = 20
MAX_SEARCH_OFFSET = 10_000


def page_routes(store: Store, env: Environment, story_cache: int = STORY_CACHE) -> APIRouter:
    """The HTML pages over ``store``, rendered with ``env``."""
    pages = APIRouter(include_in_schema=False)

    def page(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context))

    @pages.api_route("/", methods=GET_HEAD, response_class=HTMLResponse)
    def index(
        page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
        sort: Sort = "latest",
    ) -> HTMLResponse:
        # event dates, outlets and disagreements per story, latest or most conflicts first
        rows = home_rows(store, sort, limit=PAGE_SIZE + 1, offset=(page_no - 1) * PAGE_SIZE)
        return page(
            "index.html",
            stories=rows[:PAGE_SIZE],
            page=page_no,
            more=len(rows) > PAGE_SIZE,
            sort=sort,
        )

    pages.include_router(story_page_routes(store, env, story_cache))
    pages.include_router(article_page_routes(store, env))

    @pages.api_route("/search", methods=GET_HEAD, response_class=HTMLResponse)
    def search_page(
        q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
        offset: Annotated[int, Query(ge=0, le=MAX_SEARCH_OFFSET)] = 0,
    ) -> HTMLResponse:
        hits = search(store, q, limit=SEARCH_PAGE, offset=offset) if q else []
        total = count_matches(store, q) if q else 0
        return page("search.html", q=q, hits=hits, total=total, offset=offset, size=SEARCH_PAGE)

    @pages.api_route("/docs", methods=GET_HEAD, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        """Swagger UI over /api/openapi.json, from files the app serves itself."""
        return page("docs.html")

    return pages
