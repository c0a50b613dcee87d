"""Extraction: a ``RawDocument`` to an ``Article`` (main text, furniture removed, metadata)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsweave.errors import ExtractionError, NotAnArticleError
from newsweave.extract import datelines, liveblog, metadata
from newsweave.extract.blocks import Block
from newsweave.extract.html import HtmlPage, extract_html
from newsweave.extract.nonarticle import not_an_article
from newsweave.extract.outlets import identify
from newsweave.extract.text import HEADLINE, clean
from newsweave.extract.titles import inferred_title
from newsweave.model import Article, LiveEntry, OutletInfo, RawDocument, Removed, Span, day_of
from newsweave.options import DEFAULT, Options

__all__ = ["assemble", "extract_article"]


def assemble(blocks: tuple[Block, ...]) -> tuple[str, tuple[Span, ...], tuple[Removed, ...]]:
    """The cleaned text (kept blocks, a blank line between), their spans, and what was removed."""
    parts: list[str] = []
    spans: list[Span] = []
    removed: list[Removed] = []
    pos = 0
    for b in blocks:
        if b.reason is not None:
            removed.append(Removed(b.text, b.reason, pos))
            continue
        if parts:
            pos += 2
        spans.append(Span(pos, pos + len(b.text)))
        parts.append(b.text)
        pos += len(b.text)
    return "\n\n".join(parts), tuple(spans), tuple(removed)


def extract_article(raw: RawDocument, options: Options = DEFAULT) -> Article:
    """Main text and metadata of one document; raises ExtractionError when there is no text."""
    page, blocks = _page_blocks(raw, options)
    title = raw.hints.title or (page.title if page else None) or metadata.text_title(blocks)
    body = tuple(b for b in blocks if not (b.reason == HEADLINE and b.text == title))
    title = datelines.without_stamp(title) if title else title
    # A page without a headline gets its lead's first clause as title, marked inferred; the
    # text is not given it (the clause is already the text's first words).
    inferred = inferred_title(body) if not title else None
    _check_article(raw, body, title, options)
    # The headline opens the text: outlets put figures and quotes in it, and whatever the
    # brief cites must be a passage of the text.
    text, paragraphs, removed = assemble(((Block(title),) if title else ()) + body)
    headline = paragraphs[0] if title else None
    dates = _dates(raw, page, blocks, text, paragraphs)
    url = raw.hints.url or (page.url if page else None)
    outlet, info = _outlet(raw, page, blocks, url, options)
    return Article(
        origin=raw.origin,
        text=text,
        paragraphs=paragraphs,
        removed=removed,
        title=title or inferred,
        headline=headline,
        title_inferred=inferred is not None,
        outlet=outlet,
        outlet_info=info,
        byline=metadata.text_byline(blocks) or (page.author if page else None),
        published=dates.published,
        published_inferred=dates.crawled is not None,
        updated=dates.updated,
        url=url,
        kind="liveblog" if dates.entries else "article",
        entries=dates.entries,
    )


def _page_blocks(raw: RawDocument, options: Options) -> tuple[HtmlPage | None, tuple[Block, ...]]:
    """The page's blocks, and the parsed page when it is HTML (its metadata fills gaps)."""
    if raw.media_type == "text/html":
        page = extract_html(raw.text, url=raw.hints.url, options=options)
        return page, page.blocks
    blocks = clean(
        raw.text,
        markdown=raw.media_type == "text/markdown",
        title_hint=raw.hints.title,
        options=options,
    )
    return None, blocks


def _check_article(
    raw: RawDocument, body: tuple[Block, ...], title: str | None, options: Options
) -> None:
    """Raise when the page holds too little text, or text that is not an article."""
    if sum(len(b.text) for b in body if b.kept) < options.extract.min_article_chars:
        raise ExtractionError(
            raw.origin,
            "no article text found (the page may be empty, a list of links, or not an article)",
        )
    refused = not_an_article(body, title, options.extract.min_article_words)
    if refused:
        raise NotAnArticleError(raw.origin, refused)


@dataclass(frozen=True, slots=True)
class _Dates:
    """When an article was published and updated, and its live-blog entries (whose times
    decide both when it has them); ``crawled`` is set when only the crawl date was known."""

    published: date | None
    updated: date | None
    crawled: date | None
    entries: tuple[LiveEntry, ...]


def _dates(
    raw: RawDocument,
    page: HtmlPage | None,
    blocks: tuple[Block, ...],
    text: str,
    paragraphs: tuple[Span, ...],
) -> _Dates:
    """The dates from the hints, the text's stamps and the page's metadata, in that trust."""
    hinted = metadata.parse_iso(raw.hints.published)
    year = metadata.page_year(blocks) or (hinted.year if hinted else None)
    stamped, updated = metadata.text_dates(blocks, year)
    html_date = metadata.parse_iso(page.published) if page else None
    published = hinted or (html_date or stamped if page else stamped or html_date)
    crawled = metadata.parse_iso(raw.hints.crawled) if published is None else None
    published = published or day_of(crawled)
    entries = liveblog.find_entries(text, paragraphs, year=year, day=day_of(published))
    times = [e.published for e in entries if e.published is not None]
    if times:
        published = published or min(times)
        updated = max(times)
    return _Dates(published, updated, crawled, entries)


def _outlet(
    raw: RawDocument,
    page: HtmlPage | None,
    blocks: tuple[Block, ...],
    url: str | None,
    options: Options,
) -> tuple[str | None, OutletInfo | None]:
    """The outlet's name and what the registry knows of it."""
    outlet = (
        raw.hints.outlet
        or metadata.text_outlet(blocks)
        or (page.outlet if page else None)
        or metadata.outlet_from_url(url)
    )
    # The registry names the outlet by its domain when the page does not, and says what it
    # is; a name the page prints stays as printed.
    info = identify(outlet, url, options.extract.outlets)
    if info is not None and (outlet is None or outlet == metadata.outlet_from_url(url)):
        outlet = info.name
    return outlet, info
