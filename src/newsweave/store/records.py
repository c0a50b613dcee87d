"""Articles to and from the JSON the store keeps (the same shape as CONTRACT.md's articles)."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from newsweave.model import Article, Hints, LiveEntry, RawDocument, Removed, Span
from newsweave.render.json import article_dict


def document_id(doc: RawDocument) -> str:
    """Content hash: the same page read twice, from any path, gets the same id."""
    h = hashlib.sha256(doc.data)
    # rows of one JSON file carry their metadata as hints; two rows with the same body but
    # different URLs or dates are different documents
    if doc.hints != Hints():
        h.update(json.dumps(hints_dict(doc.hints), sort_keys=True).encode())
    return h.hexdigest()[:32]


def failure_id(origin: str, message: str) -> str:
    """A document that could not even be read has no bytes; its origin and error name it."""
    return "x" + hashlib.sha256(f"{origin}\0{message}".encode()).hexdigest()[:31]


def hints_dict(h: Hints) -> dict[str, str | None]:
    return {"url": h.url, "title": h.title, "published": h.published, "outlet": h.outlet}


def article_json(a: Article) -> str:
    return json.dumps(article_dict("", a), ensure_ascii=False)


def _when(value: str | None) -> date | None:
    if not value:
        return None
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def _span(pair: list[int] | None) -> Span | None:
    return Span(pair[0], pair[1]) if pair else None


def article_from_json(record: str) -> Article:
    """The Article that ``article_json`` wrote, so briefs can be rebuilt without re-extracting."""
    d: dict[str, Any] = json.loads(record)
    entries = tuple(
        LiveEntry(
            published=datetime.fromisoformat(e["published"]) if e["published"] else None,
            stamp=Span(e["stamp"]["start"], e["stamp"]["end"]),
            span=Span(e["start"], e["end"]),
        )
        for e in d.get("entries", [])
    )
    return Article(
        origin=d["origin"],
        text=d["text"],
        paragraphs=tuple(Span(p[0], p[1]) for p in d["paragraphs"]),
        removed=tuple(Removed(r["text"], r["reason"], r["at"]) for r in d["removed"]),
        title=d["title"],
        headline=_span(d.get("headline")),
        outlet=d["outlet"],
        byline=d.get("byline"),
        published=_when(d["published"]),
        updated=_when(d.get("updated")),
        published_inferred=d.get("published_inferred", False),
        url=d.get("url"),
        kind=d.get("kind", "article"),
        entries=entries,
    )
