"""Brief JSON and articles turned into what the templates show, with no markup of their own.

Every piece of article text stays a plain string here; the templates escape it. Highlights are
made by splitting the text at offsets into (text, marked) pieces, never by inserting tags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsweave.contract.decode import brief_from_dict
from newsweave.model import Article, Brief, Span
from newsweave.render.disagree import FigureLine, QuoteLine, disagreements
from newsweave.render.flags import pieces, summary_flags
from newsweave.render.labels import copy_of, fold, outlet_names
from newsweave.render.quote_layout import by_speaker, runs
from newsweave.render.views import held_views
from newsweave.web.matrix import matrix_rows
from newsweave.web.pictures import coverage_bars, timeline_strip

# How a citation becomes a link: the web app opens the article page at the passage; the
# standalone HTML export jumps to the article's section in the same file.
CiteUrl = Callable[[dict[str, Any], int, int], str]
PASSAGE_PREVIEW = 280  # characters of the cited passage shown on hover


@dataclass(frozen=True, slots=True)
class Cite:
    """A link to a cited passage: the article's id ("a3", the label every format uses), its
    outlet, where the passage opens, and the passage itself for the hover text."""

    id: str
    label: str
    url: str
    passage: str


@dataclass(frozen=True, slots=True)
class Cites:
    """Citations of several articles, copies counted under their original ("+3 copies")."""

    items: list[Cite]
    tail: str = ""


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


@dataclass(frozen=True, slots=True)
class Citing:
    """What turning a citation into a link needs: the brief's articles by id, which of them
    are copies of which, and how a link to a passage is made."""

    arts: dict[str, dict[str, Any]]
    copies: dict[str, str]
    url: CiteUrl

    def cite(self, aid: str, start: int, end: int) -> Cite:
        a = self.arts[aid]
        passage = a["text"][start:end]
        if len(passage) > PASSAGE_PREVIEW:
            passage = passage[:PASSAGE_PREVIEW] + "…"
        return Cite(aid, article_label(a), self.url(a, start, end), passage)

    def cites(self, items: list[dict[str, Any]]) -> Cites:
        folded = fold((c["article"] for c in items), self.copies, limit=len(items))
        first: dict[str, dict[str, Any]] = {}
        for c in items:
            first.setdefault(c["article"], c)
        shown = [self.cite(a, first[a]["start"], first[a]["end"]) for a in folded.shown]
        return Cites(shown, folded.tail().strip())


def story_view(brief: dict[str, Any], cite_url: CiteUrl = web_cite_url) -> dict[str, Any]:
    """Everything the story template needs, computed once from the stored brief."""
    model = brief_from_dict(brief)
    at = Citing({a["id"]: a for a in brief["articles"]}, copy_of(model), cite_url)
    disagree = disagreement_views(model, at)
    articles = article_views(brief, at.copies)
    counts = {
        "outlets": len({x["label"] for x in articles}),
        "conflicts": sum(1 for x in disagree if x["kind"] == "conflict"),
        "changed_quotes": sum(1 for x in disagree if x["kind"] in ("reversed", "reworded")),
    }
    return {
        "story": brief["story"],
        "arts": at.arts,
        "counts": counts,
        "articles": articles,
        "originals": [x for x in articles if not x["a"].get("copy_of")],
        "disagree": disagree,
        "summary": summary_views(model, at),
        "matrix": matrix_rows(model, at.cite),
        "speakers": speaker_views(model, at),
        "timeline": [{"e": e, "cites": at.cites(e["citations"])} for e in brief["timeline"]],
        "strip": timeline_strip(model),
        "bars": coverage_bars(model),
        "entities": brief["entities"],
        "coverage": coverage_views(brief, at),
        "views": held_view_views(model, at),
        "problems": brief.get("problems", []),
        "left_out": brief.get("left_out", []),
    }


def disagreement_views(model: Brief, at: Citing) -> list[dict[str, Any]]:
    """The lines of what disagrees, most serious first, each with its passages linked."""
    outlets = outlet_names(model)
    return [
        quote_line_view(x, at, outlets) if isinstance(x, QuoteLine) else figure_line_view(x, at)
        for x in disagreements(model)
    ]


def quote_line_view(x: QuoteLine, at: Citing, outlets: dict[str, str]) -> dict[str, Any]:
    v = x.variant
    return {
        "kind": x.kind,
        "subject": x.group.speaker or "Unattributed",
        "what": x.what,
        "who": fold(x.articles, at.copies).named(outlets),
        "cite": at.cite(v.article, v.span.start, v.span.end),
        "runs": runs(v.diff),
        "group": x.group.id,
    }


def figure_line_view(x: FigureLine, at: Citing) -> dict[str, Any]:
    return {
        "kind": x.kind,
        "subject": x.claim.measure,
        "trend": x.trend,
        "claim": x.claim.id,
        "sides": [
            {
                "wording": sd.wording,
                "cite": at.cite(sd.cite.article, sd.cite.span.start, sd.cite.span.end),
                "ids": fold(sd.articles, at.copies),
            }
            for sd in x.sides
        ],
    }


def summary_views(model: Brief, at: Citing) -> list[dict[str, Any]]:
    """The summary's sentences as flagged pieces, each with its citations."""
    return [
        {
            "pieces": pieces(s.text, summary_flags(model, s)),
            "cites": at.cites(
                [
                    {"article": c.article, "start": c.span.start, "end": c.span.end}
                    for c in s.citations
                ]
            ),
        }
        for s in model.summary
    ]


def speaker_views(model: Brief, at: Citing) -> list[dict[str, Any]]:
    """Quotations by speaker, each wording's row with its word runs and passage."""
    return [
        {
            "name": sp.name,
            "quotations": [
                {
                    "group": q.group,
                    "rows": [
                        {
                            "row": row,
                            "runs": runs(row.variant.diff),
                            "cite": at.cite(
                                row.variant.article, row.variant.span.start, row.variant.span.end
                            ),
                        }
                        for row in q.rows
                    ],
                }
                for q in sp.quotations
            ],
        }
        for sp in by_speaker(model, model.quotes)
    ]


def held_view_views(model: Brief, at: Citing) -> list[dict[str, Any]]:
    """The views sources are said to hold (briefs made with ``--views``), one entry a source,
    each view with its cue and a link to its passage; empty otherwise."""
    return [
        {
            "source": source,
            "views": [
                {"cue": v.cue, "text": v.text, "cite": at.cite(v.article, v.span.start, v.span.end)}
                for v in views
            ],
        }
        for source, views in held_views(model)
    ]


def coverage_views(brief: dict[str, Any], at: Citing) -> list[dict[str, Any]]:
    """The articles that report something no other does, with those passages."""
    return [
        {
            "article": at.arts[c["article"]],
            "id": c["article"],
            "label": article_label(at.arts[c["article"]]),
            "uniques": [
                {"u": u, "cite": at.cite(c["article"], u["start"], u["end"])} for u in c["unique"]
            ],
        }
        for c in brief["coverage"]
        if c["unique"]
    ]


def article_views(brief: dict[str, Any], copies: dict[str, str]) -> list[dict[str, Any]]:
    """Every article with its label and the ids of its copies."""
    copies_of: dict[str, list[str]] = {}
    for c, o in copies.items():
        copies_of.setdefault(o, []).append(c)
    return [
        {
            "a": a,
            "id": a["id"],
            "label": article_label(a),
            "copies": copies_of.get(a["id"], []),
        }
        for a in brief["articles"]
    ]


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
