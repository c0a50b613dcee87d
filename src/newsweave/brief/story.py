"""The story-level fields of a brief: its title and its time span."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from newsweave.model import (
    AnnotatedArticle,
    Article,
    Attribution,
    Brief,
    BriefArticle,
    Claim,
    EntityGroup,
    LeftOut,
    Problem,
    QuoteGroup,
    Story,
    SummarySentence,
    TimelineEntry,
    Unique,
)
from newsweave.text.stems import content_stems


def _sort_key(d: date) -> datetime:
    return d if isinstance(d, datetime) else datetime(d.year, d.month, d.day)


def story_title(articles: Sequence[Article]) -> str | None:
    """The headline that shares most words with the others: the story as most outlets put it.

    Printed headlines come first; titles inferred from a lead stand in only when no page
    printed one.
    """
    titles = [a.title for a in articles if a.title and not a.title_inferred]
    titles = titles or [a.title for a in articles if a.title]
    if len(titles) <= 2:
        return titles[0] if titles else None
    stems = [content_stems(t) for t in titles]
    counts: Counter[str] = Counter(s for group in stems for s in group)

    def centrality(i: int) -> float:
        return sum(counts[s] - 1 for s in stems[i]) / (len(stems[i]) or 1)

    return titles[max(range(len(titles)), key=centrality)]


def story_order(article: Article) -> tuple[bool, str, str]:
    """The order a brief numbers its articles, oldest first, the same in the CLI, the JSON and
    the web app (the store reads a story's articles in this order): the article's own
    publication time, undated ones last, then where it came from."""
    when = article.published.isoformat() if article.published else ""
    return (article.published is None, when, article.origin)


def article_ids(articles: Sequence[Article]) -> list[str]:
    """The ids citations use: "a1", "a2", … in the order given."""
    return [f"a{i}" for i in range(1, len(articles) + 1)]


def analysed_story(
    analysis: Sequence[AnnotatedArticle], copies: Mapping[str, str] | None = None
) -> Story:
    """A story of articles already analysed, numbered in the order given: for running one
    stage on its own (tests, benches) without the pipeline's ordering and dating."""
    articles = tuple(a.article for a in analysis)
    return Story(
        articles, tuple(article_ids(articles)), dict(copies or {}), analysis=tuple(analysis)
    )


def make_brief(
    articles: Sequence[Article],
    problems: Sequence[Problem] = (),
    *,
    claims: Sequence[Claim] = (),
    quotes: Sequence[QuoteGroup] = (),
    entities: Sequence[EntityGroup] = (),
    coverage: Sequence[tuple[str, tuple[Unique, ...]]] = (),
    timeline: Sequence[TimelineEntry] = (),
    summary: Sequence[SummarySentence] = (),
    copies: Mapping[str, str] | None = None,
    left_out: Sequence[LeftOut] = (),
    attributions: Mapping[str, tuple[Attribution, ...]] | None = None,
) -> Brief:
    """A brief of the given articles taken as one story, ids in the order given."""
    dates = sorted((d for a in articles for d in (a.published, a.updated) if d), key=_sort_key)
    return Brief(
        title=story_title(articles),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        articles=tuple(
            BriefArticle(i, a, (copies or {}).get(i), (attributions or {}).get(i, ()))
            for i, a in zip(article_ids(articles), articles, strict=True)
        ),
        claims=tuple(claims),
        quotes=tuple(quotes),
        entities=tuple(entities),
        coverage=tuple(coverage),
        timeline=tuple(timeline),
        summary=tuple(summary),
        problems=tuple(problems),
        left_out=tuple(left_out),
    )
