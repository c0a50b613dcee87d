"""A citation holds only when the cited passage states the same fact (brief/support.py)."""

from __future__ import annotations

from newsweave.analyze import analyze
from newsweave.brief.support import Passage, passages, supports
from newsweave.model import Article, Span


def said(text: str) -> Passage:
    annotated = analyze(Article(origin="t", text=text, paragraphs=(Span(0, len(text)),)))
    (p,) = passages(annotated, [Span(0, len(text))])
    return p


def test_the_same_fact_in_other_words_supports() -> None:
    claim = said("Four firefighters were injured in the warehouse fire on Tuesday.")
    assert supports(claim, said("The blaze on Tuesday left four firefighters hurt."))
    # a qualified figure writes the same number
    assert supports(
        said("Strikes hit 85 targets in Iraq and Syria."),
        said("US forces struck more than 85 targets across Iraq and Syria."),
    )


def test_a_different_figure_does_not_support() -> None:
    claim = said("In addition to the four dead, 23 people were wounded in the attack.")
    assert not supports(claim, said("Four people were killed and seven remain in hospital."))
    assert not supports(
        said("Four firefighters were injured in the fire."),
        said("Six firefighters were injured in the fire."),
    )


def test_a_flipped_negation_does_not_support() -> None:
    assert not supports(
        said("The building is not at risk of collapse, engineers said."),
        said("The building is at risk of collapse, engineers said."),
    )


def test_another_person_does_not_support() -> None:
    assert not supports(
        said("Mayor Ellen Ward said the pier would reopen in May."),
        said("Councillor Tom Baines said the pier would reopen in May."),
    )
    # the same person by surname alone does
    assert supports(
        said("Mayor Ellen Ward said the pier would reopen in May."),
        said("Ward said the pier would reopen in May."),
    )


def test_units_convert_and_currencies_do_not() -> None:
    assert supports(said("The boat was 12 metres long."), said("The boat was 40 feet long."))
    assert not supports(said("The repairs cost $6 million."), said("The repairs cost €6 million."))
