"""The JSON API under /api/: stories (filtered, paged), one story, its brief, an article, search.

Every answer has a pydantic model, so ``/api/openapi.json`` names every field; errors are
``{"detail": "…"}`` with 400 (a bad value), 404 (no such thing) or 422 (a malformed request).
The routes live in ``api_stories.py`` and ``api_articles.py``; the bounds a request may ask
for in ``bounds.py``.
"""

from __future__ import annotations

from fastapi import APIRouter

from newsweave.store.db import Store
from newsweave.web.api_articles import article_routes
from newsweave.web.api_stories import story_routes


def api_routes(store: Store) -> APIRouter:
    """The API's routes over ``store``, stories first (the order ``/api/openapi.json`` lists)."""
    api = APIRouter()
    api.include_router(story_routes(store))
    api.include_router(article_routes(store))
    return api
