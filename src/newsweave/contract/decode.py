"""A brief read back from CONTRACT.md's JSON, the inverse of ``contract/encode.brief_dict``.

The store keeps briefs as JSON; reading one back into the ``Brief`` record lets every
renderer (Markdown, terminal) show a stored story without running the analysis again.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from newsweave.model import (
    Article,
    Attribution,
    Brief,
    BriefArticle,
    Citation,
    Claim,
    EntityGroup,
    LeftOut,
    LiveEntry,
    OutletInfo,
    Problem,
    QuoteGroup,
    QuoteVariant,
    Removed,
    Report,
    Span,
    SummarySentence,
    TimelineEntry,
    TrendPoint,
    Unique,
    WordDiff,
)


def when(value: str | None) -> date | None:
    """An ISO date or date-time as the JSON writes it."""
    if not value:
        return None
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def article_from_dict(d: dict[str, Any]) -> Article:
    entries = tuple(
        LiveEntry(
            published=datetime.fromisoformat(e["published"]) if e["published"] else None,
            stamp=Span(e["stamp"]["start"], e["stamp"]["end"]),
            span=Span(e["start"], e["end"]),
        )
        for e in d.get("entries", [])
    )
    headline = d.get("headline")
    return Article(
        origin=d["origin"],
        text=d["text"],
        paragraphs=tuple(Span(p[0], p[1]) for p in d["paragraphs"]),
        removed=tuple(Removed(r["text"], r["reason"], r["at"]) for r in d["removed"]),
        title=d["title"],
        headline=Span(headline[0], headline[1]) if headline else None,
        title_inferred=d.get("title_inferred", False),
        outlet=d["outlet"],
        outlet_info=_outlet_info(d.get("outlet_info")),
        byline=d.get("byline"),
        published=when(d["published"]),
        updated=when(d.get("updated")),
        published_inferred=d.get("published_inferred", False),
        url=d.get("url"),
        kind=d.get("kind", "article"),
        entries=entries,
    )


def _outlet_info(d: dict[str, Any] | None) -> OutletInfo | None:
    if not d:
        return None
    return OutletInfo(d["name"], (d["name"],), d.get("country"), d.get("owner"), d.get("kind"))


def _citations(items: list[dict[str, Any]]) -> tuple[Citation, ...]:
    return tuple(Citation(c["article"], Span(c["start"], c["end"])) for c in items)


def _claim(c: dict[str, Any]) -> Claim:
    reports = tuple(
        Report(
            r["article"],
            Span(r["start"], r["end"]),
            r["text"],
            r["low"],
            r["high"],
            r["unit"],
            r.get("source"),
        )
        for r in c["reports"]
    )
    trend = tuple(
        TrendPoint(p["article"], p["value"], when(p["at"]) or date.min)
        for p in c.get("trend") or ()
    )
    origins = tuple(c.get("origins") or ())
    return Claim(c["id"], c["measure"], reports, c["verdict"], c["why"], trend, origins)


def _span_or_none(start: int | None, end: int | None) -> Span | None:
    return Span(start, end) if start is not None and end is not None else None


def _attribution(x: dict[str, Any]) -> Attribution:
    return Attribution(
        span=Span(x["start"], x["end"]),
        kind=x["kind"],
        source=x["source"],
        source_span=_span_or_none(x.get("source_start"), x.get("source_end")),
        cue=x.get("cue"),
        cue_span=_span_or_none(x.get("cue_start"), x.get("cue_end")),
        named=x.get("named", False),
        view=x.get("view", False),
    )


def _quote_group(g: dict[str, Any]) -> QuoteGroup:
    variants = tuple(
        QuoteVariant(
            article=v["article"],
            span=Span(v["start"], v["end"]),
            text=v["text"],
            speaker=v["speaker"],
            fidelity=v["fidelity"],
            diff=tuple(WordDiff(op, word) for op, word in v["diff"]),
            kind=v.get("kind", "direct"),
        )
        for v in g["variants"]
    )
    return QuoteGroup(g["id"], g["speaker"], g["canonical"], variants, g.get("note"))


def brief_from_dict(d: dict[str, Any]) -> Brief:
    """The ``Brief`` that ``brief_dict`` wrote (unknown keys are ignored)."""
    story = d["story"]
    return Brief(
        title=story["title"],
        first_published=when(story["first_published"]),
        last_published=when(story["last_published"]),
        articles=tuple(
            BriefArticle(
                a["id"],
                article_from_dict(a),
                a.get("copy_of"),
                tuple(_attribution(x) for x in a.get("attributions", [])),
            )
            for a in d["articles"]
        ),
        claims=tuple(_claim(c) for c in d.get("claims", [])),
        quotes=tuple(_quote_group(g) for g in d.get("quotes", [])),
        entities=tuple(
            EntityGroup(
                e["name"], e["type"], tuple(e["aliases"]), tuple(e["articles"]), e["mentions"]
            )
            for e in d.get("entities", [])
        ),
        coverage=tuple(
            (
                c["article"],
                tuple(
                    Unique(c["article"], Span(u["start"], u["end"]), u["text"], u["why"])
                    for u in c["unique"]
                ),
            )
            for c in d.get("coverage", [])
        ),
        timeline=tuple(
            TimelineEntry(
                date=date.fromisoformat(e["date"]),
                time=e["time"],
                text=e["text"],
                citations=_citations(e["citations"]),
                inferred=e["inferred"],
            )
            for e in d.get("timeline", [])
        ),
        summary=tuple(
            SummarySentence(s["text"], _citations(s["citations"])) for s in d.get("summary", [])
        ),
        problems=tuple(
            Problem(p["origin"], p["message"], p.get("kind", "unreadable"))
            for p in d.get("problems", [])
        ),
        left_out=tuple(
            LeftOut(x["origin"], x["title"], x["reason"], x["story"]) for x in d.get("left_out", [])
        ),
    )
