"""A stored story's brief in one of the output formats (``newsweave export``)."""

from __future__ import annotations

import json

from newsweave.store.db import Store
from newsweave.store.queries import brief_json


def export_story(store: Store, story_id: str, fmt: str) -> str | None:
    """The brief as ``json``, ``md`` or ``html``; None when the story has no brief."""
    raw = brief_json(store, story_id)
    if raw is None:
        return None
    if fmt == "json":
        return json.dumps(json.loads(raw), ensure_ascii=False, indent=1) + "\n"
    if fmt == "html":
        from newsweave.web.standalone import render

        return render(json.loads(raw))
    from newsweave.contract.decode import brief_from_dict
    from newsweave.render import markdown

    return markdown.render(brief_from_dict(json.loads(raw)))
