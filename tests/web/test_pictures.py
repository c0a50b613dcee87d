"""The timeline strip's and coverage bars' numbers (the templates draw them)."""

from __future__ import annotations

from datetime import date, datetime

from newsweave.brief.story import make_brief
from newsweave.model import (
    Article,
    Citation,
    Claim,
    QuoteGroup,
    QuoteVariant,
    Report,
    Span,
    TimelineEntry,
    Unique,
)
from newsweave.web.pictures import STRIP_MARGIN, STRIP_WIDTH, coverage_bars, timeline_strip


def _arts() -> list[Article]:
    when = [
        datetime(2025, 3, 11, 22, 5),
        datetime(2025, 3, 12, 14, 5),
        datetime(2025, 3, 12, 14, 20),
    ]
    return [
        Article(
            origin=f"{i}.txt", text="Four.", paragraphs=(Span(0, 5),), outlet=f"O{i}", published=w
        )
        for i, w in enumerate(when, start=1)
    ]


def test_strip_places_events_and_publications_on_one_axis() -> None:
    events = [
        TimelineEntry(date(2025, 3, 11), "21:47", "Fire reported", (Citation("a1", Span(0, 5)),)),
        TimelineEntry(date(2025, 3, 13), None, "Families return", (Citation("a2", Span(0, 5)),)),
    ]
    strip = timeline_strip(make_brief(_arts(), timeline=events, copies={"a3": "a2"}))
    assert strip is not None
    xs = [m.x for m in strip.events]
    assert xs[0] == STRIP_MARGIN and xs[-1] == STRIP_WIDTH - STRIP_MARGIN  # first and last
    assert [m.label for m in strip.articles] == ["a1", "a2"]  # the copy has no mark of its own
    assert strip.events[0].href == "#event-0" and "Fire reported" in strip.events[0].title
    assert [t.label for t in strip.ticks] == ["12 Mar", "13 Mar"]


def test_close_labels_go_on_another_row() -> None:
    arts = _arts()
    strip = timeline_strip(make_brief(arts))
    assert strip is not None
    assert [m.row for m in strip.articles] == [0, 0, 1]  # 14:05 and 14:20 sit close


def test_no_strip_for_a_single_moment() -> None:
    a = Article(origin="a.txt", text="x", paragraphs=(Span(0, 1),))
    assert timeline_strip(make_brief([a])) is None


def test_bars_count_each_originals_claims_unique_facts_and_quotes() -> None:
    arts = _arts()
    claim = Claim(
        "c1", "m", tuple(Report(f"a{i}", Span(0, 4), "Four", 4, 4) for i in (1, 2, 3)), "agree", ""
    )
    group = QuoteGroup(
        "q1", "X", "Four", (QuoteVariant("a3", Span(0, 4), "Four", "X", "faithful"),)
    )
    coverage = [("a1", (Unique("a1", Span(0, 5), "Four."),)), ("a2", ())]
    bars = coverage_bars(
        make_brief(arts, claims=[claim], quotes=[group], coverage=coverage, copies={"a3": "a2"})
    )
    assert [(b.article, b.copies, b.claims, b.unique, b.quotes) for b in bars] == [
        ("a1", 0, 1, 1, 0),
        ("a2", 1, 1, 0, 1),  # its copy's quotation counts for it
    ]
    assert bars[0].unique_pct == 100 and bars[1].quotes_pct == 100 and bars[0].quotes_pct == 0
