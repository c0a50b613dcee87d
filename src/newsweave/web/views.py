"""Brief JSON and articles turned into what the templates show, with no markup of their own.

Every piece of article text stays a plain string here; the templates escape it. Highlights are
made by splitting the text at offsets into (text, marked) pieces, never by inserting tags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsweave.model import Article, Span

# How a citation becomes a link: the web app opens the article page at the passage; the
# standalone HTML export jumps to the article's section in the same file.
CiteUrl = Callable[[dict[str, Any], int, int], str]
PASSAGE_PREVIEW = 280  # characters of the cited passage shown on hover


@dataclass(frozen=True, slots=True)
class Cite:
    number: int
    label: str
    url: str
    passage: str


@dataclass(frozen=True, slots=True)
class Cell:
    reports: list[Cite] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as (text, marked) pieces, or a folded piece of removed page furniture."""

    pieces: list[tuple[str, bool]] = field(default_factory=list)
    removed: str | None = None
    reason: str | None = None
    first_mark: bool = False


def article_label(a: dict[str, Any]) -> str:
    """The source as every format names it: the outlet, else its domain or "unknown (FILE)"
    (``outlet_label``), never the headline."""
    return str(a.get("outlet") or a.get("outlet_label") or a["id"])


def web_cite_url(article: dict[str, Any], start: int, end: int) -> str:
    return f"/articles/{article.get('store_id', article['id'])}?start={start}&end={end}#cited"


def story_view(brief: dict[str, Any], cite_url: CiteUrl = web_cite_url) -> dict[str, Any]:
    """Everything the story template needs, computed once from the stored brief."""
    arts = {a["id"]: a for a in brief["articles"]}
    order = {a["id"]: i for i, a in enumerate(brief["articles"], start=1)}

    def cite(aid: str, start: int, end: int) -> Cite:
        a = arts[aid]
        passage = a["text"][start:end]
        if len(passage) > PASSAGE_PREVIEW:
            passage = passage[:PASSAGE_PREVIEW] + "…"
        return Cite(order[aid], article_label(a), cite_url(a, start, end), passage)

    def cites(items: list[dict[str, Any]]) -> list[Cite]:
        return [cite(c["article"], c["start"], c["end"]) for c in items]

    matrix = []
    for claim in brief["claims"]:
        cells: dict[str, Cell] = {aid: Cell() for aid in arts}
        for r in claim["reports"]:
            cell = cells[r["article"]]
            cell.reports.append(cite(r["article"], r["start"], r["end"]))
            cell.texts.append(r["text"] + (f" ({r['source']})" if r.get("source") else ""))
        matrix.append({"claim": claim, "cells": [cells[aid] for aid in arts]})
    quotes = [
        {
            "group": g,
            "variants": [
                {"v": v, "cite": cite(v["article"], v["start"], v["end"])} for v in g["variants"]
            ],
        }
        for g in brief["quotes"]
    ]
    coverage = [
        {
            "article": arts[c["article"]],
            "label": article_label(arts[c["article"]]),
            "uniques": [
                {"u": u, "cite": cite(c["article"], u["start"], u["end"])} for u in c["unique"]
            ],
        }
        for c in brief["coverage"]
        if c["unique"]
    ]
    return {
        "story": brief["story"],
        "articles": [
            {"a": a, "label": article_label(a), "number": order[a["id"]]} for a in brief["articles"]
        ],
        "summary": [{"text": s["text"], "cites": cites(s["citations"])} for s in brief["summary"]],
        "matrix": matrix,
        "quotes": quotes,
        "timeline": [{"e": e, "cites": cites(e["citations"])} for e in brief["timeline"]],
        "entities": brief["entities"],
        "coverage": coverage,
        "problems": brief.get("problems", []),
        "left_out": brief.get("left_out", []),
    }


def _split(text: str, lo: int, hi: int, start: int, end: int) -> list[tuple[str, bool]]:
    """``text[lo:hi]`` as pieces, the part inside ``[start, end)`` marked."""
    a, b = max(lo, min(start, hi)), min(hi, max(end, lo))
    if start >= end or b <= a:
        return [(text[lo:hi], False)]
    pieces = [(text[lo:a], False), (text[a:b], True), (text[b:hi], False)]
    return [p for p in pieces if p[0]]


def article_blocks(
    article: Article, start: int | None = None, end: int | None = None
) -> list[Block]:
    """Paragraphs with the cited span marked, and removed furniture where it stood."""
    s = e = -1
    if start is not None and end is not None and 0 <= start < end <= len(article.text):
        s, e = start, end
    removed = sorted(article.removed, key=lambda r: r.at)
    paragraphs = article.paragraphs or (Span(0, len(article.text)),)
    blocks: list[Block] = []
    ri = 0
    marked = False
    for p in paragraphs:
        while ri < len(removed) and removed[ri].at <= p.start:
            blocks.append(Block(removed=removed[ri].text, reason=removed[ri].reason))
            ri += 1
        pieces = _split(article.text, p.start, p.end, s, e)
        first = not marked and any(m for _, m in pieces)
        marked = marked or first
        blocks.append(Block(pieces=pieces, first_mark=first))
    blocks.extend(Block(removed=r.text, reason=r.reason) for r in removed[ri:])
    return blocks
