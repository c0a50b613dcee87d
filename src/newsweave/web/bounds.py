"""What a request may ask for (methods, page sizes, offsets, query lengths, feed entries) and
the 404 answer's model, shared by the pages, feeds and JSON API so all hold the same limits.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from newsweave.web.models import Error

GET_HEAD = ["GET", "HEAD"]  # what a page or feed answers (a link checker asks HEAD)
PAGE_SIZE = 50
MAX_LIMIT = 1000
# Bounds on what a request may ask for: past them FastAPI answers 422, not a 500 from a
# database that cannot hold the offset (SQLite's integers end at 2**63 - 1).
MAX_PAGE = 1_000_000
MAX_OFFSET = MAX_PAGE * PAGE_SIZE
MAX_QUERY_CHARS = 1_000
MAX_ENTRIES = 500
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Error, "description": "No such story or article."}
}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most items a page holds.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items skipped (paging).")]
Entries = Annotated[int, Query(ge=1, le=MAX_ENTRIES, description="Most entries listed.")]
