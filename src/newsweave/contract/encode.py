"""The brief as CONTRACT.md's JSON: the format tests, benchmarks and other tools read."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: Brief.to_dict calls this module, which must not call back
    from newsweave.model import Article, Attribution, Brief, Citation, Claim, LiveEntry, QuoteGroup

SCHEMA = "newsweave/brief@1"
# Sections later stages fill; present as empty lists so readers can rely on the keys.


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def entry_dict(e: LiveEntry) -> dict[str, Any]:
    return {
        "published": iso(e.published),
        "stamp": {"start": e.stamp.start, "end": e.stamp.end},
        "start": e.span.start,
        "end": e.span.end,
    }


def attribution_dict(x: Attribution, text: str) -> dict[str, Any]:
    """One attribution as CONTRACT.md writes it: content ``start``/``end`` (with ``text``),
    the source as named and where it is written, the cue, and the kind of speech."""
    return {
        "source": x.source,
        "source_start": x.source_span.start if x.source_span else None,
        "source_end": x.source_span.end if x.source_span else None,
        "named": x.named,
        "cue": x.cue,
        "cue_start": x.cue_span.start if x.cue_span else None,
        "cue_end": x.cue_span.end if x.cue_span else None,
        "start": x.span.start,
        "end": x.span.end,
        "text": x.span.of(text),
        "kind": x.kind,
        "view": x.view,
    }


def article_dict(
    aid: str,
    a: Article,
    copy_of: str | None = None,
    attributions: Sequence[Attribution] = (),
) -> dict[str, Any]:
    return {
        "id": aid,
        "copy_of": copy_of,
        "origin": a.origin,
        "outlet": a.outlet,
        # How every format names the source when the page names no outlet (its domain, else
        # "unknown (FILE)"), and what the outlet registry says about it.
        "outlet_label": a.outlet_label(),
        "outlet_info": (
            {
                "name": a.outlet_info.name,
                "country": a.outlet_info.country,
                "owner": a.outlet_info.owner,
                "kind": a.outlet_info.kind,
            }
            if a.outlet_info
            else None
        ),
        "title": a.title,
        "title_inferred": a.title_inferred,
        "headline": [a.headline.start, a.headline.end] if a.headline else None,
        "published": iso(a.published),
        "published_inferred": a.published_inferred,
        "updated": iso(a.updated),
        "byline": a.byline,
        "url": a.url,
        "kind": a.kind,
        "text": a.text,
        "paragraphs": [[p.start, p.end] for p in a.paragraphs],
        "entries": [entry_dict(e) for e in a.entries],
        "removed": [{"text": r.text, "reason": r.reason, "at": r.at} for r in a.removed],
        "attributions": [attribution_dict(x, a.text) for x in attributions],
    }


def citation_dict(c: Citation) -> dict[str, Any]:
    return {"article": c.article, "start": c.span.start, "end": c.span.end}


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "measure": c.measure,
        "verdict": c.verdict,
        "why": c.why,
        "trend": [
            {"article": p.article, "value": p.value, "at": p.at.isoformat()} for p in c.trend
        ],
        "reports": [
            {
                "article": r.article,
                "text": r.text,
                "low": r.low,
                "high": r.high,
                "unit": r.unit,
                "start": r.span.start,
                "end": r.span.end,
                "source": r.source,
            }
            for r in c.reports
        ],
        "origins": list(c.origins),
    }


def quote_group_dict(g: QuoteGroup) -> dict[str, Any]:
    return {
        "id": g.id,
        "speaker": g.speaker,
        "canonical": g.canonical,
        "note": g.note,
        "variants": [
            {
                "article": v.article,
                "text": v.text,
                "start": v.span.start,
                "end": v.span.end,
                "speaker": v.speaker,
                "fidelity": v.fidelity,
                "kind": v.kind,
                "diff": [[d.op, d.word] for d in v.diff],
            }
            for v in g.variants
        ],
    }


def brief_dict(brief: Brief) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "story": {
            "title": brief.title,
            "first_published": iso(brief.first_published),
            "last_published": iso(brief.last_published),
        },
        # Inputs the brief does not cover come first: nothing is dropped in silence.
        "left_out": [
            {"origin": x.origin, "title": x.title, "reason": x.reason, "story": x.story}
            for x in brief.left_out
        ],
        "articles": [
            article_dict(b.id, b.article, b.copy_of, b.attributions) for b in brief.articles
        ],
    }
    out["claims"] = [claim_dict(c) for c in brief.claims]
    out["quotes"] = [quote_group_dict(g) for g in brief.quotes]
    out["timeline"] = [
        {
            "date": e.date.isoformat(),
            "time": e.time,
            "text": e.text,
            "inferred": e.inferred,
            "citations": [citation_dict(c) for c in e.citations],
        }
        for e in brief.timeline
    ]
    out["entities"] = [
        {
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "articles": list(e.articles),
            "mentions": e.mentions,
        }
        for e in brief.entities
    ]
    out["coverage"] = [
        {
            "article": aid,
            "unique": [
                {"text": u.text, "start": u.span.start, "end": u.span.end, "why": u.why}
                for u in items
            ],
        }
        for aid, items in brief.coverage
    ]
    out["summary"] = [
        {"text": s.text, "citations": [citation_dict(c) for c in s.citations]}
        for s in brief.summary
    ]
    out["problems"] = [
        {"origin": p.origin, "message": p.message, "kind": p.kind} for p in brief.problems
    ]
    return out


def dumps(brief: Brief, *, indent: int | None = 1) -> str:
    return json.dumps(brief_dict(brief), ensure_ascii=False, indent=indent)
