"""The pages for people: story list, story, article, search, and the API docs.

Pages render from stored briefs (no analysis on a request). Each answers GET and HEAD (a
link checker or ``curl -I`` asks HEAD). A request a page cannot serve raises HTTPException;
``errors.py`` turns it into an HTML page.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from datetime import datetime
from threading import Lock
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from sqlalchemy import select, update

from newsweave.store.db import Store
from newsweave.store.queries import brief_json, get_article
from newsweave.store.revisions import revision_counts
from newsweave.store.schema import stories
from newsweave.store.search import count_matches, search
from newsweave.web.api import MAX_PAGE, MAX_QUERY_CHARS, PAGE_SIZE
from newsweave.web.home import Sort, home_rows
from newsweave.web.templating import templates_fingerprint
from newsweave.web.views import article_blocks, story_view

GET_HEAD = ["GET", "HEAD"]
SEARCH_PAGE = 20
MAX_SEARCH_OFFSET = 10_000
# Rendered story pages kept per process, keyed by the story's last update, and in the store's
# ``stories.page`` for other processes: a story page is rendered once per change, not per view.
# ``story_cache=0`` turns both off (every view renders), for the benchmark's worst case.
STORY_CACHE = 256


class Rendered:
    """A small LRU of rendered story pages (thread-safe: endpoints run in a thread pool)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, str], str] = OrderedDict()
        self.lock = Lock()

    def get(self, key: tuple[str, str]) -> str | None:
        with self.lock:
            html = self.items.get(key)
            if html is not None:
                self.items.move_to_end(key)
            return html

    def put(self, key: tuple[str, str], html: str) -> None:
        if self.size <= 0:
            return
        with self.lock:
            self.items[key] = html
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


def stored_page(store: Store, story_id: str) -> str | None:
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


def passage(start: int | None, end: int | None, length: int) -> tuple[int | None, int | None]:
    """The cited passage ``?start=&end=`` asks for; a span that is not one is a 400."""
    if start is None and end is None:
        return None, None
    if start is None or end is None or not 0 <= start < end <= length:
        raise HTTPException(
            400,
            f"start and end must mark a passage of the article: 0 ≤ start < end ≤ {length:,}",
        )
    return start, end


def page_routes(store: Store, env: Environment, story_cache: int = STORY_CACHE) -> APIRouter:
    """The HTML pages over ``store``, rendered with ``env``."""
    pages = APIRouter(include_in_schema=False)
    cache = Rendered(story_cache)
    fingerprint = templates_fingerprint()

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

    @pages.api_route("/stories/{story_id}", methods=GET_HEAD, response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        with store.read() as conn:
            row = conn.execute(
                select(stories.c.updated_at, stories.c.page_key).where(
                    stories.c.id == story_id, stories.c.brief.is_not(None)
                )
            ).first()
        if row is None:
            raise HTTPException(404, f"There is no story {story_id!r} in this store.")
        key = (story_id, row.updated_at.isoformat())
        html = cache.get(key)
        if html is None and row.page_key == fingerprint and story_cache > 0:
            html = stored_page(store, story_id)
        if html is None:
            raw = brief_json(store, story_id)
            if raw is None:
                raise HTTPException(404, f"There is no story {story_id!r} in this store.")
            view = story_view(json.loads(raw))
            html = env.get_template("story.html").render(v=view, story_id=story_id)
            if story_cache > 0:
                keep_page(store, story_id, row.updated_at, fingerprint, html)
        cache.put(key, html)
        return HTMLResponse(html)

    @pages.api_route("/articles/{article_id}", methods=GET_HEAD, response_class=HTMLResponse)
    def article_page(
        article_id: str,
        start: Annotated[int | None, Query()] = None,
        end: Annotated[int | None, Query()] = None,
    ) -> HTMLResponse:
        stored = get_article(store, article_id)
        if stored is None:
            raise HTTPException(404, f"There is no article {article_id!r} in this store.")
        s, e = passage(start, end, len(stored.article.text))
        return page(
            "article.html",
            a=stored.article,
            story_id=stored.story_id,
            blocks=article_blocks(stored.article, s, e),
            article_id=article_id,
            revisions=revision_counts(store, [article_id]).get(article_id, 0),
        )

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
