"""Atom feeds of what each refresh changed: ``/changes.atom`` for every story, and
``/stories/{id}/changes.atom`` for one, newest first."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from newsweave.changes.atom import atom_feed
from newsweave.store.changes import FEED_ENTRIES, story_updates
from newsweave.store.db import Store
from newsweave.web.bounds import GET_HEAD, Entries
from newsweave.web.lookups import story_title

ATOM_TYPE = "application/atom+xml; charset=utf-8"


def site(request: Request) -> str:
    """The site's address as the request reached it (the feed's ids and links start so)."""
    return str(request.base_url).rstrip("/")


def atom_routes(store: Store) -> APIRouter:
    """The two feeds over ``store`` (left out of the OpenAPI description: they are not JSON)."""
    router = APIRouter()

    @router.api_route("/changes.atom", methods=GET_HEAD, include_in_schema=False)
    def all_changes(request: Request, limit: Entries = FEED_ENTRIES) -> Response:
        xml = atom_feed(
            story_updates(store, limit=limit),
            feed_id=f"{site(request)}/changes.atom",
            title="newsweave: what changed in the stories",
            self_url=str(request.url),
            site_url=site(request),
        )
        return Response(xml, media_type=ATOM_TYPE)

    @router.api_route("/stories/{story_id}/changes.atom", methods=GET_HEAD, include_in_schema=False)
    def story_changes(request: Request, story_id: str, limit: Entries = FEED_ENTRIES) -> Response:
        title = story_title(store, story_id)
        xml = atom_feed(
            story_updates(store, story_id, limit=limit),
            feed_id=f"{site(request)}/stories/{story_id}/changes.atom",
            title=f"newsweave: {title or story_id}",
            self_url=str(request.url),
            site_url=site(request),
        )
        return Response(xml, media_type=ATOM_TYPE)

    return router
