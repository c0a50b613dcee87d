"""Articles to and from the JSON the store keeps (the same shape as CONTRACT.md's articles)."""

from __future__ import annotations

import hashlib
import json

from newsweave.contract.decode import article_from_dict
from newsweave.contract.encode import article_dict
from newsweave.ingest.decode import normalize_newlines
from newsweave.model import Article, Hints, MediaType, RawDocument


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
    out = {"url": h.url, "title": h.title, "published": h.published, "outlet": h.outlet}
    if h.crawled is not None:  # only when set: ids of documents stored before it stay put
        out["crawled"] = h.crawled
    return out


def stored_document(
    origin: str,
    data: bytes,
    media_type: str | None,
    encoding: str | None,
    hints: dict[str, str | None],
) -> RawDocument:
    """A stored document as it was read, from its bytes and the encoding used then."""
    text = normalize_newlines(data.decode(encoding or "utf-8", errors="replace"))
    kind: MediaType = "text/html" if media_type == "text/html" else "text/plain"
    if media_type == "text/markdown":
        kind = "text/markdown"
    return RawDocument(
        origin,
        data,
        text,
        kind,
        encoding or "utf-8",
        Hints(
            url=hints.get("url"),
            title=hints.get("title"),
            published=hints.get("published"),
            outlet=hints.get("outlet"),
            crawled=hints.get("crawled"),
        ),
    )


def article_json(a: Article) -> str:
    return json.dumps(article_dict("", a), ensure_ascii=False)


def article_from_json(record: str) -> Article:
    """The Article that ``article_json`` wrote, so briefs can be rebuilt without re-extracting."""
    return article_from_dict(json.loads(record))
