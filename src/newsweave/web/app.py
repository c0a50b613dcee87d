"""FastAPI app: story list, story page, article page, search, and the same data under /api/.

Pages render from stored briefs (no analysis on a request). Jinja2 escapes everything; no
template marks article text safe.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from datetime import datetime
from pathlib import Path
from threading import Lock
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel
from sqlalchemy import select, update

from newsweave.render.json import article_dict
from newsweave.store.db import Store
from newsweave.store.queries import brief_json, count_stories, get_article, list_stories
from newsweave.store.schema import stories
from newsweave.store.search import search
from newsweave.web.security import SecurityHeaders
from newsweave.web.views import article_blocks, story_view

HERE = Path(__file__).parent
PAGE_SIZE = 50
# Bounds on what a request may ask for: past them FastAPI answers 422, not a 500 from a
# database that cannot hold the offset (SQLite's integers end at 2**63 - 1).
MAX_PAGE = 1_000_000
MAX_OFFSET = MAX_PAGE * PAGE_SIZE
MAX_QUERY_CHARS = 1_000
# Rendered story pages kept per process, keyed by the story's last update, and in the store's
# ``stories.page`` for other processes: a story page is rendered once per change, not per view.
# ``story_cache=0`` turns both off (every view renders), for the benchmark's worst case.
STORY_CACHE = 256


def templates_fingerprint() -> str:
    """Changes whenever a template does, so pages rendered by older templates are redone."""
    h = hashlib.sha256()
    for path in sorted((HERE / "templates").glob("*.html")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:40]


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


def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["article_url"] = lambda a: f"/articles/{a.get('store_id', a['id'])}"
    return env


class StoryItem(BaseModel):
    id: str
    title: str | None
    articles: int
    outlets: list[str]
    conflicts: int
    first_published: str | None
    last_published: str | None
    updated_at: str


class StoryList(BaseModel):
    stories: list[StoryItem]
    total: int


class SearchHit(BaseModel):
    article_id: str
    story_id: str | None
    title: str | None
    outlet: str | None
    snippet: str


class SearchResult(BaseModel):
    query: str
    hits: list[SearchHit]


class _Rendered:
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


def create_app(store: Store, *, story_cache: int = STORY_CACHE) -> FastAPI:
    """The web app over ``store``."""
    app = FastAPI(
        title="newsweave",
        summary="Stories, their cross-checked briefs and articles, as JSON.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema suffices
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    env = templates()
    cache = _Rendered(story_cache)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(page_no: int = Query(1, alias="page", ge=1, le=MAX_PAGE)) -> HTMLResponse:
        rows = list_stories(store, limit=PAGE_SIZE + 1, offset=(page_no - 1) * PAGE_SIZE)
        return page(
            "index.html", stories=rows[:PAGE_SIZE], page=page_no, more=len(rows) > PAGE_SIZE
        )

    fingerprint = templates_fingerprint()

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        with store.read() as conn:
            row = conn.execute(
                select(stories.c.updated_at, stories.c.page_key).where(
                    stories.c.id == story_id, stories.c.brief.is_not(None)
                )
            ).first()
        if row is None:
            raise HTTPException(404, "no such story")
        key = (story_id, row.updated_at.isoformat())
        html = cache.get(key)
        if html is None and row.page_key == fingerprint and story_cache > 0:
            html = stored_page(store, story_id)
        if html is None:
            raw = brief_json(store, story_id)
            if raw is None:
                raise HTTPException(404, "no such story")
            view = story_view(json.loads(raw))
            html = env.get_template("story.html").render(v=view, story_id=story_id)
            if story_cache > 0:
                keep_page(store, story_id, row.updated_at, fingerprint, html)
        cache.put(key, html)
        return HTMLResponse(html)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(
        article_id: str, start: int | None = Query(None, ge=0), end: int | None = Query(None, ge=0)
    ) -> HTMLResponse:
        stored = get_article(store, article_id)
        if stored is None:
            raise HTTPException(404, "no such article")
        return page(
            "article.html",
            a=stored.article,
            story_id=stored.story_id,
            blocks=article_blocks(stored.article, start, end),
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query("", max_length=MAX_QUERY_CHARS)) -> HTMLResponse:
        return page("search.html", q=q, hits=search(store, q) if q else [])

    @app.get("/api/stories", response_model=StoryList)
    def api_stories(
        limit: int = Query(PAGE_SIZE, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)
    ) -> StoryList:
        """Stories with a brief, most recently updated first."""
        rows = list_stories(store, limit=limit, offset=offset)
        return StoryList(
            stories=[
                StoryItem(
                    id=r.id,
                    title=r.title,
                    articles=r.articles,
                    outlets=list(r.outlets),
                    conflicts=r.conflicts,
                    first_published=r.first_published,
                    last_published=r.last_published,
                    updated_at=r.updated_at,
                )
                for r in rows
            ],
            total=count_stories(store),
        )

    @app.get(
        "/api/stories/{story_id}/brief",
        responses={200: {"content": {"application/json": {}}, "description": "CONTRACT.md"}},
    )
    def api_brief(story_id: str) -> Response:
        """The story's brief as CONTRACT.md's JSON (schema ``newsweave/brief@1``)."""
        raw = brief_json(store, story_id)
        if raw is None:
            raise HTTPException(404, "no such story")
        return Response(raw, media_type="application/json")

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        """One stored article: cleaned text, metadata and removed furniture with reasons."""
        stored = get_article(store, article_id)
        if stored is None:
            raise HTTPException(404, "no such article")
        out = article_dict(article_id, stored.article)
        out["story_id"] = stored.story_id
        return out

    @app.get("/api/search", response_model=SearchResult)
    def api_search(q: str = Query(max_length=MAX_QUERY_CHARS)) -> SearchResult:
        """Articles matching every word of ``q``; matched words sit between \\u0002 and \\u0003."""
        hits = [
            SearchHit(
                article_id=h.article_id,
                story_id=h.story_id,
                title=h.title,
                outlet=h.outlet,
                snippet=h.snippet,
            )
            for h in search(store, q)
        ]
        return SearchResult(query=q, hits=hits)

    app.add_middleware(SecurityHeaders)
    return app


def serve(store: Store, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store), host=host, port=port, log_level="warning", workers=1)
