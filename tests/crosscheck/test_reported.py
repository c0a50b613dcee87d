"""Reported speech joined to the quotations of the same utterance, on stories written for
these tests."""

from __future__ import annotations

from newsweave.analyze import analyze_articles
from newsweave.analyze.limits import Limits
from newsweave.brief.story import analysed_story
from newsweave.crosscheck.quotes import group_quotes
from newsweave.model import Article, QuoteGroup, Span


def story(*texts: str, views: bool = False) -> list[QuoteGroup]:
    arts = [
        Article(origin=f"t{i}", text=t, paragraphs=(Span(0, len(t)),)) for i, t in enumerate(texts)
    ]
    return group_quotes(analysed_story(analyze_articles(arts, Limits(views=views))))


def test_an_outlet_that_reports_the_utterance_is_listed_as_reported() -> None:
    groups = story(
        "“We will rebuild the harbour wall before the winter storms,” Mayor Delia Marrant said.",
        "Mayor Delia Marrant said the town would rebuild the harbour wall before the winter "
        "storms arrived.",
    )
    (g,) = [g for g in groups if any(v.kind == "direct" for v in g.variants)]
    kinds = {v.article: v.kind for v in g.variants}
    assert kinds == {"a1": "direct", "a2": "reported"}
    (reported,) = [v for v in g.variants if v.kind == "reported"]
    assert reported.text.startswith("the town would rebuild")
    assert reported.speaker == "Delia Marrant"


def test_another_speakers_report_is_not_joined() -> None:
    groups = story(
        "“We will rebuild the harbour wall before the winter storms,” Mayor Delia Marrant said.",
        "Engineer Tom Ellery said the town would rebuild the harbour wall before the winter "
        "storms arrived.",
    )
    assert all(v.kind == "direct" for g in groups for v in g.variants)


def test_a_report_on_something_else_is_not_joined() -> None:
    groups = story(
        "“We will rebuild the harbour wall before the winter storms,” Mayor Delia Marrant said.",
        "Mayor Delia Marrant said the ferry timetable would change in March.",
    )
    assert all(v.kind == "direct" for g in groups for v in g.variants)


def test_a_view_held_is_not_a_report_of_the_utterance() -> None:
    groups = story(
        "“We will rebuild the harbour wall before the winter storms,” Mayor Delia Marrant said.",
        "Mayor Delia Marrant backs a plan to rebuild the harbour wall before the winter storms.",
        views=True,
    )
    assert all(v.kind == "direct" for g in groups for v in g.variants)
