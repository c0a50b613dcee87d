"""A stored story's brief in one of the output formats (``newsweave export``)."""

from __future__ import annotations

import json

from newsweave.store.db import Store
from newsweave.store.ingest import story_articles
from newsweave.store.queries import brief_json


def export_story(store: Store, story_id: str, fmt: str) -> str | None:
    """The brief as ``json``, ``md`` or ``html``; None when the story has no brief."""
    raw = brief_json(store, story_id)
    if raw is None:
        return None
    if fmt == "json":
        return json.dumps(json.loads(raw), ensure_ascii=False, indent=1) + "\n"
    if fmt == "html":
        from newsweave.render.html import render

        return render(json.loads(raw))
    # The Markdown renderer takes the Brief record, which the store does not keep: rebuild it
    # from the stored articles (the same ones, in the same order, so the same ids).
    from newsweave.pipeline import build_brief
    from newsweave.render import markdown

    with store.read() as conn:
        pairs = story_articles(conn, story_id)
    return markdown.render(build_brief([a for _, a in pairs]))
