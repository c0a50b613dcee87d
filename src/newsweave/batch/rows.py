"""A brief (its CONTRACT JSON) as flat table rows: one row per article, per claim report, per
quote variant, and one per story. Built on the worker that made the brief, so the driver only
concatenates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Row = dict[str, Any]
TABLES = ("articles", "claims", "quotes", "stories")


def brief_rows(story: str, brief: dict[str, Any], doc_ids: Sequence[str]) -> dict[str, list[Row]]:
    """The rows of each table for one story's brief dict (``contract.encode.brief_dict``).

    ``doc_ids`` are the articles' content hashes in brief order: the ``id`` of an article row,
    as the store names it, while ``article`` is the id the brief's citations use ("a1").
    """
    origin = {a["id"]: a["origin"] for a in brief["articles"]}
    ids = dict(zip((a["id"] for a in brief["articles"]), doc_ids, strict=True))
    articles = _article_rows(story, brief, ids)
    return {
        "articles": articles,
        "claims": _claim_rows(story, brief, ids, origin),
        "quotes": _quote_rows(story, brief, ids, origin),
        "stories": [_story_row(story, brief, articles)],
    }


def _article_rows(story: str, brief: dict[str, Any], ids: dict[str, str]) -> list[Row]:
    """One row per article; a copy names its original by the store's id, not the brief's."""
    return [
        {
            "id": ids[a["id"]],
            "story_id": story,
            "article": a["id"],
            "origin": a["origin"],
            "copy_of": ids.get(a["copy_of"]) if a["copy_of"] else None,
            "outlet": a["outlet"],
            "title": a["title"],
            "url": a["url"],
            "published": a["published"],
            "published_inferred": a["published_inferred"],
            "byline": a["byline"],
            "kind": a["kind"],
            "chars": len(a["text"]),
            "removed": len(a["removed"]),
            "text": a["text"],
        }
        for a in brief["articles"]
    ]


def _claim_rows(
    story: str, brief: dict[str, Any], ids: dict[str, str], origin: dict[str, str]
) -> list[Row]:
    """One row per report of a claim, so a claim's articles can be joined without unnesting."""
    return [
        {
            "story_id": story,
            "claim": c["id"],
            "measure": c["measure"],
            "verdict": c["verdict"],
            "why": c["why"],
            "article": r["article"],
            "article_id": ids.get(r["article"]),
            "origin": origin.get(r["article"]),
            "text": r["text"],
            "low": r["low"],
            "high": r["high"],
            "unit": r["unit"],
            "start": r["start"],
            "end": r["end"],
        }
        for c in brief["claims"]
        for r in c["reports"]
    ]


def _quote_rows(
    story: str, brief: dict[str, Any], ids: dict[str, str], origin: dict[str, str]
) -> list[Row]:
    """One row per variant of a quote, for the same reason as the claims' rows."""
    return [
        {
            "story_id": story,
            "quote": q["id"],
            "speaker": q["speaker"],
            "canonical": q["canonical"],
            "note": q["note"],
            "article": v["article"],
            "article_id": ids.get(v["article"]),
            "origin": origin.get(v["article"]),
            "text": v["text"],
            "start": v["start"],
            "end": v["end"],
            "fidelity": v["fidelity"],
        }
        for q in brief["quotes"]
        for v in q["variants"]
    ]


def _story_row(story: str, brief: dict[str, Any], articles: list[Row]) -> Row:
    """The story's one row: its metadata and the counts a query over stories wants at hand."""
    meta = brief["story"]
    return {
        "id": story,
        "title": meta["title"],
        "first_published": meta["first_published"],
        "last_published": meta["last_published"],
        "articles": len(articles),
        "copies": sum(1 for a in articles if a["copy_of"]),
        "outlets": len({a["outlet"] for a in articles if a["outlet"]}),
        "claims": len(brief["claims"]),
        "conflicts": sum(1 for c in brief["claims"] if c["verdict"] == "conflict"),
        "quotes": len(brief["quotes"]),
        "changed_quotes": sum(
            1 for q in brief["quotes"] if any(v["fidelity"] == "changed" for v in q["variants"])
        ),
        "origins": [a["origin"] for a in articles],
    }
