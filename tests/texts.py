"""Articles written for the tests, in the shape extraction gives them."""

from __future__ import annotations

from newsweave.model import Article, Span


def article(text: str, headline: bool = False) -> Article:
    """An article whose paragraphs are separated by blank lines, as extraction writes them;
    with ``headline``, its first paragraph is the headline."""
    spans = []
    start = 0
    for part in text.split("\n\n"):
        spans.append(Span(start, start + len(part)))
        start += len(part) + 2
    return Article(
        origin="t", text=text, paragraphs=tuple(spans), headline=spans[0] if headline else None
    )
