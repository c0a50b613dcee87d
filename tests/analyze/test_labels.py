"""Headline labels that credit a claim, on lines written for these tests."""

from __future__ import annotations

import pytest

from newsweave.analyze import analyze
from newsweave.analyze.labels import headline_labels
from newsweave.model import Entity, Span
from texts import article


def sources(text: str) -> list[tuple[str, str | None]]:
    """The headline-label attributions of ``text``, its paragraphs split at blank lines."""
    a = analyze(article(text))
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
        # a name after a preposition is what the label is about
        "Another problem for Delia Marrant: the ferry did not sail on Sunday",
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


def test_a_surname_the_article_names_in_full_is_a_label() -> None:
    text = (
        "Marrant: Pier will reopen within a week\n\n"
        "Mayor Delia Marrant told the council on Monday that repairs were going well."
    )
    assert sources(text) == [("Pier will reopen within a week", "Delia Marrant")]


def test_a_transcript_s_turns_are_their_speakers() -> None:
    text = (
        "The campaign says it will not debate again.\n\n"
        "DANA ROE: Why not debate?\n\n"
        "TOM ELLERY: We have debated four times already. That is plenty.\n\n"
        "ROE: Voters asked for more."
    )
    assert [s for _, s in sources(text)] == ["DANA ROE", "TOM ELLERY", "ROE"]


@pytest.mark.parametrize(
    "text",
    [
        # a rubric, however often it opens a paragraph
        "UPDATE: The ferry sailed at noon.\n\nThe pier is shut.\n\nUPDATE: The ferry is back.",
        # a dateline once
        "LONDON: The ferry sailed at noon.\n\nThe pier is shut.",
        # an interview's Q. and A.
        "Q.: Why did it sail?\n\nA.: The wind dropped.\n\nQ.: When?\n\nA.: At noon.",
    ],
)
def test_capitals_before_a_colon_that_are_no_turns(text: str) -> None:
    assert sources(text) == []


def test_a_surname_before_a_colon_in_the_body_is_a_subhead() -> None:
    text = (
        "What each candidate needs on Tuesday\n\n"
        "Marrant: Win in a walk\n\n"
        "Mayor Delia Marrant has led the polls for weeks."
    )
    assert sources(text) == []


def test_a_full_name_followed_by_what_is_said_of_it_is_no_label() -> None:
    text = "Ana Ruiz Dead: Harbour Swim Star Dies At 91"
    name = Entity(Span(0, len("Ana Ruiz")), "PERSON", "Ana Ruiz")
    assert headline_labels(text, (Span(0, len(text)),), [name]) == []
    text = "Ana Ruiz: Harbour Swim Star Will Race Again At 91"
    assert headline_labels(text, (Span(0, len(text)),), [name]) == [
        (Span(10, len(text)), Span(0, 8))
    ]


def test_a_headline_s_subject_speaks_the_quotation_after_its_colon() -> None:
    text = "Ana Ruiz Slams Pier Plan: ‘This Cannot Go On’"
    name = Entity(Span(0, len("Ana Ruiz")), "PERSON", "Ana Ruiz")
    assert headline_labels(text, (Span(0, len(text)),), [name]) == [
        (Span(text.index("‘"), len(text)), Span(0, 8))
    ]
    # with no quotation after it, the clause is no label at all
    text = "Ana Ruiz Slams Pier Plan: Harbour Board To Vote On Friday"
    assert headline_labels(text, (Span(0, len(text)),), [name]) == []
