"""What changed, on the web: Atom feeds of story updates, and revised articles' versions.

- ``/changes.atom``: what every refresh of any story changed, newest first;
- ``/stories/{id}/changes.atom``: the same for one story;
- ``/articles/{id}/changes``: an article's versions, each with what the outlet changed
  (sentences added and removed, sentences edited with the edited figures marked, quotes);
- ``/api/changes`` and ``/api/articles/{id}/versions``: the same as JSON.

Everything renders from the store (no analysis on a request).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment
from sqlalchemy import select

from newsweave.changes.atom import atom_feed
from newsweave.store.changes import FEED_ENTRIES, story_updates
from newsweave.store.db import Store
from newsweave.store.queries import get_article
from newsweave.store.revisions import Version, versions
from newsweave.store.schema import stories
from newsweave.web.api import NOT_FOUND
from newsweave.web.change_models import ArticleVersions, UpdateList

ATOM_TYPE = "application/atom+xml; charset=utf-8"
GET_HEAD = ["GET", "HEAD"]
MAX_ENTRIES = 500
Entries = Annotated[int, Query(ge=1, le=MAX_ENTRIES, description="Most entries listed.")]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a sentence's text; ``was`` is set on an edited figure (what it said before)."""

    text: str
    was: str | None = None


@dataclass(frozen=True, slots=True)
class EditView:
    before: str
    after: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class VersionView:
    number: int
    at: str
    title: str | None
    title_before: str | None
    added: tuple[str, ...]
    removed: tuple[str, ...]
    edited: tuple[EditView, ...]
    quotes: tuple[tuple[str | None, str | None], ...]
    figures: int


def version_views(found: list[Version]) -> list[VersionView]:
    """Each version after the first with what changed in it, newest first."""
    views: list[VersionView] = []
    for v in found:
        if v.diff is None:
            continue
        d = v.diff
        title = d.get("title") or {}
        edited = tuple(_edit_view(e) for e in d.get("edited") or ())
        views.append(
            VersionView(
                number=v.number,
                at=v.created_at.isoformat(timespec="minutes"),
                title=v.title,
                title_before=title.get("before") if title.get("before") != v.title else None,
                added=tuple(s["text"] for s in d.get("added") or ()),
                removed=tuple(s["text"] for s in d.get("removed") or ()),
                edited=edited,
                quotes=tuple(
                    (
                        (q.get("before") or {}).get("text"),
                        (q.get("after") or {}).get("text"),
                    )
                    for q in d.get("quotes") or ()
                ),
                figures=sum(len(e.get("figures") or ()) for e in d.get("edited") or ()),
            )
        )
    return views[::-1]


def _edit_view(edit: dict[str, Any]) -> EditView:
    """The edited sentence as it reads now, cut so each edited figure is its own piece."""
    after = edit["after"]
    text, base = after["text"], after["start"]
    pieces: list[Piece] = []
    at = 0
    for f in sorted(edit.get("figures") or (), key=lambda f: f["after"]["start"]):
        start, end = f["after"]["start"] - base, f["after"]["end"] - base
        if not 0 <= at <= start <= end <= len(text):
            continue
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], f["before"]["text"]))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return EditView(edit["before"]["text"], tuple(pieces))


def feed_routes(store: Store, env: Environment) -> APIRouter:
    """The feeds, the versions page and their JSON, over ``store``."""
    router = APIRouter()

    def site(request: Request) -> str:
        return str(request.base_url).rstrip("/")

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
        title = _story_title(store, story_id)
        xml = atom_feed(
            story_updates(store, story_id, limit=limit),
            feed_id=f"{site(request)}/stories/{story_id}/changes.atom",
            title=f"newsweave: {title or story_id}",
            self_url=str(request.url),
            site_url=site(request),
        )
        return Response(xml, media_type=ATOM_TYPE)

    @router.api_route(
        "/articles/{article_id}/changes",
        methods=GET_HEAD,
        response_class=HTMLResponse,
        include_in_schema=False,
    )
    def article_changes(article_id: str) -> HTMLResponse:
        stored = get_article(store, article_id)
        if stored is None:
            raise HTTPException(404, f"There is no article {article_id!r} in this store.")
        found = versions(store, article_id)
        html = env.get_template("revisions.html").render(
            a=stored.article,
            article_id=article_id,
            story_id=stored.story_id,
            versions=version_views(found),
            count=len(found),
        )
        return HTMLResponse(html)

    @router.get(
        "/api/changes",
        tags=["api"],
        summary="What refreshes of stories changed",
        response_model=UpdateList,
        responses=NOT_FOUND,
    )
    def api_changes(
        story: Annotated[str | None, Query(max_length=40, description="One story's id.")] = None,
        limit: Entries = FEED_ENTRIES,
    ) -> dict[str, Any]:
        """Newest first: each refresh of a story that changed something, with its changes
        (kinds: new_conflict, figure_updated, quote_changed, new_outlet, article_revised)."""
        if story is not None:
            _story_title(store, story)
        return {"updates": [u.to_dict() for u in story_updates(store, story, limit=limit)]}

    @router.get(
        "/api/articles/{article_id}/versions",
        tags=["api"],
        summary="An article's versions",
        response_model=ArticleVersions,
        responses=NOT_FOUND,
    )
    def api_versions(article_id: str) -> dict[str, Any]:
        """Every version of a revised article, oldest first, each (but the first) with what
        changed from the one before; ``versions`` is empty for an article never revised."""
        if get_article(store, article_id) is None:
            raise HTTPException(404, f"There is no article {article_id!r} in this store.")
        return {
            "article": article_id,
            "versions": [
                {
                    "number": v.number,
                    "document": v.document_id,
                    "title": v.title,
                    "text": v.text,
                    "at": v.created_at.isoformat(),
                    "diff": v.diff,
                }
                for v in versions(store, article_id)
            ],
        }

    return router


def _story_title(store: Store, story_id: str) -> str | None:
    """The story's title; a 404 when there is no such story."""
    with store.read() as conn:
        row = conn.execute(select(stories.c.title).where(stories.c.id == story_id)).first()
    if row is None:
        raise HTTPException(404, f"There is no story {story_id!r} in this store.")
    title: str | None = row.title
    return title
