"""The story page, rendered once per change of the story rather than once per view.

Rendered pages are kept per process, keyed by the story's last update, and in the store's
``stories.page`` for other processes. ``story_cache=0`` turns both off (every view renders),
for the benchmark's worst case.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from threading import Lock

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from newsweave.store.db import Store
from newsweave.store.queries import brief_json, keep_page, page_stamp, stored_page
from newsweave.web.bounds import GET_HEAD
from newsweave.web.templating import templates_fingerprint
from newsweave.web.views import story_view

STORY_CACHE = 256  # rendered story pages kept per process


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


def render_story(store: Store, env: Environment, story_id: str) -> str:
    """The story page from its stored brief (no analysis); a 404 when it has none."""
    raw = brief_json(store, story_id)
    if raw is None:
        raise HTTPException(404, f"There is no story {story_id!r} in this store.")
    view = story_view(json.loads(raw))
    return env.get_template("story.html").render(v=view, story_id=story_id)


def story_page_routes(store: Store, env: Environment, story_cache: int = STORY_CACHE) -> APIRouter:
    """``/stories/{id}`` over ``store``, with ``story_cache`` pages kept per process."""
    pages = APIRouter(include_in_schema=False)
    cache = Rendered(story_cache)
    fingerprint = templates_fingerprint()

    @pages.api_route("/stories/{story_id}", methods=GET_HEAD, response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        stamp = page_stamp(store, story_id)
        if stamp is None:
            raise HTTPException(404, f"There is no story {story_id!r} in this store.")
        key = (story_id, stamp.updated_at.isoformat())
        html = cache.get(key)
        if html is None and stamp.page_key == fingerprint and story_cache > 0:
            html = stored_page(store, story_id)
        if html is None:
            html = render_story(store, env, story_id)
            if story_cache > 0:
                keep_page(store, story_id, stamp.updated_at, fingerprint, html)
        cache.put(key, html)
        return HTMLResponse(html)

    return pages
