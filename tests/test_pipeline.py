"""One run in a straight line: a story is formed once (order, dates, ids, copies), then
analysed, cross-checked and briefed; the records carry it from step to step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newsweave.brief import write_brief
from newsweave.crosscheck import cross_check
from newsweave.model import Article, LeftOut, Problem, Span
from newsweave.options import DEFAULT
from newsweave.pipeline import analyse, build_brief, read_articles, story_of
from paths import EXAMPLES

WIRE = (
    "A fire broke out at a warehouse on the north quay of the harbour late on Monday night, "
    "and crews from three stations fought the blaze for more than five hours before it was "
    "under control. Two firefighters were treated for smoke inhalation, the fire service said, "
    "and the cause of the fire is not yet known to investigators."
)


def _a(origin: str, text: str, published: date | None) -> Article:
    return Article(origin=origin, text=text, paragraphs=(Span(0, len(text)),), published=published)


def test_a_story_is_formed_once_in_order_dated_numbered_with_its_copies() -> None:
    reprint = _a("reprint.txt", WIRE, date(2025, 3, 5))
    original = _a("wire.txt", WIRE, date(2025, 3, 4))
    undated = _a("blog.txt", "A short note on the harbour fire, with nothing copied.", None)
    problem = Problem("bad.bin", "binary file")
    gone = LeftOut("other.txt", "Elsewhere", "another story: s2", "s2")
    story = story_of([undated, reprint, original], [problem], [gone])
    assert [a.origin for a in story.articles] == ["wire.txt", "reprint.txt", "blog.txt"]
    assert story.ids == ("a1", "a2", "a3")
    # the undated page takes the story's date, marked as inferred, before anything reads dates
    assert story.articles[2].published == date(2025, 3, 4)
    assert story.articles[2].published_inferred
    assert dict(story.copies) == {"a2": "a1"}
    assert (story.problems, story.left_out) == ((problem,), (gone,))


def test_a_story_not_yet_analysed_has_no_analysis_to_give() -> None:
    story = story_of([_a("wire.txt", WIRE, date(2025, 3, 4))])
    with pytest.raises(ValueError, match="not analysed"):
        story.analysed()
    with pytest.raises(ValueError, match="not analysed"):
        cross_check(story)


def test_the_brief_is_its_steps_in_a_line() -> None:
    articles, problems = read_articles([EXAMPLES / "harbour-fire"])
    story = story_of(articles, problems)
    analysed = analyse(story)
    assert [aid for aid, _ in analysed.analysed()] == list(story.ids)
    assert [ann.article for ann in analysed.analysis] == list(story.articles)
    check = cross_check(analysed)
    brief = write_brief(analysed, check)
    assert brief == build_brief(story, options=DEFAULT)
    assert (brief.claims, brief.quotes, brief.coverage) == (
        check.claims,
        check.quotes,
        check.coverage,
    )
    assert [b.copy_of for b in brief.articles] == [story.copies.get(i) for i in story.ids]
    # progress in pieces makes the same analysis
    heard: list[int] = []
    assert analyse(story, analysed=heard.append) == analysed
    assert sum(heard) == len(story.articles)


def test_the_settings_are_a_keyword() -> None:
    story = replace(story_of([]), problems=(Problem("x.bin", "binary file"),))
    with pytest.raises(TypeError):
        build_brief(story, DEFAULT)  # type: ignore[misc]
    assert build_brief(story, options=DEFAULT).problems == story.problems
