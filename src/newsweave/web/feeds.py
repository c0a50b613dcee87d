"""What changed, on the web: Atom feeds of story updates, and revised articles' versions.

- ``/changes.atom``: what every refresh of any story changed, newest first;
- ``/stories/{id}/changes.atom``: the same for one story (both in ``atom_feeds.py``);
- ``/articles/{id}/changes``: an article's versions, each with what the outlet changed
  (sentences added and removed, sentences edited with the edited figures marked, quotes;
  ``versions_page.py``);
- ``/api/changes`` and ``/api/articles/{id}/versions``: the same as JSON (``api_changes.py``).

Everything renders from the store (no analysis on a request).
"""

from __future__ import annotations

from fastapi import APIRouter
from jinja2 import Environment

from newsweave.store.db import Store
from newsweave.web.api_changes import change_routes
from newsweave.web.atom_feeds import atom_routes
from newsweave.web.versions_page import versions_page_routes


def feed_routes(store: Store, env: Environment) -> APIRouter:
    """The feeds, the versions page and their JSON, over ``store``."""
    router = APIRouter()
    router.include_router(atom_routes(store))
    router.include_router(versions_page_routes(store, env))
    router.include_router(change_routes(store))
    return router
