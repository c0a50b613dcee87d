"""An article's versions page, ``/articles/{id}/changes``: each version with what the outlet
changed (sentences added and removed, sentences edited with the edited figures marked, quotes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from newsweave.store.db import Store
from newsweave.store.queries import get_article
from newsweave.store.revisions import Version, versions
from newsweave.web.bounds import GET_HEAD


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


def versions_page_routes(store: Store, env: Environment) -> APIRouter:
    """The versions page over ``store``, rendered with ``env``."""
    router = APIRouter()

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

    return router
