"""The article page, ``/articles/{id}``: the cleaned text with a cited passage marked and the
removed page furniture folded where it stood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from newsweave.store.db import Store
from newsweave.store.queries import get_article
from newsweave.store.revisions import revision_counts
from newsweave.web.bounds import GET_HEAD
from newsweave.web.views import article_blocks


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


def article_page_routes(store: Store, env: Environment) -> APIRouter:
    """``/articles/{id}`` over ``store``, rendered with ``env``."""
    pages = APIRouter(include_in_schema=False)

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
        html = env.get_template("article.html").render(
            a=stored.article,
            story_id=stored.story_id,
            blocks=article_blocks(stored.article, s, e),
            article_id=article_id,
            revisions=revision_counts(store, [article_id]).get(article_id, 0),
        )
        return HTMLResponse(html)

    return pages
