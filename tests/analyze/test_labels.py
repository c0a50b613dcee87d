"""Headline labels that credit a claim, on lines written for these tests."""

from __future__ import annotations

import pytest

from newsweave.analyze import analyze
from newsweave.model import Article, Span


def sources(text: str) -> list[tuple[str, str | None]]:
    a = analyze(Article(origin="t", text=text, paragraphs=(Span(0, len(text)),)))
    return [(x.span.of(text), x.source) for x in a.attributions if x.cue == "headline"]


def test_a_label_after_the_claim() -> None:
    assert sources("Twelve boats lost in the harbour storm: Coastal Authority") == [
        ("Twelve boats lost in the harbour storm", "Coastal Authority")
    ]


def test_a_label_before_the_claim() -> None:
    assert sources("Mayor Delia Marrant: the pier will reopen within a week") == [
        ("the pier will reopen within a week", "Delia Marrant")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Port Elm, March 3: the ferry did not sail on Sunday",  # a dateline
        "Live updates: the ferry did not sail on Sunday",  # a rubric, no speaker
        "READ MORE: the ferry did not sail on Sunday",
        "The ferry did not sail: the storm was too strong.",  # a sentence, not a headline
    ],
)
def test_not_labels(text: str) -> None:
    assert sources(text) == []


def test_a_speakers_label_opens_a_line_with_its_full_stop() -> None:
    text = "Mayor Delia Marrant: The pier will reopen within a week, and the ferry after it."
    assert sources(text) == [
        ("The pier will reopen within a week, and the ferry after it", "Delia Marrant")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Follow Delia Marrant: the pier will reopen within a week.",  # a rubric
        "PORT ELM: The ferry did not sail on Sunday, and the pier stayed shut.",  # a dateline
    ],
)
def test_not_labels_on_a_line(text: str) -> None:
    assert sources(text) == []
