"""Sentences are not cut after a title, a rank or a month's abbreviation."""

from __future__ import annotations

import pytest

from newsweave.analyze import analyze
from newsweave.analyze.sentence_rules import ends_with_title, sentence_pieces
from newsweave.model import Article, Span


@pytest.mark.parametrize(
    "text",
    ["Police Sgt.", "with Lt.", "on Jan.", "Gov.", "(Sen.", "at St.", "No.", "Rep.", "Const.", "Cpl."],
)
def test_titles_and_months_do_not_end_a_sentence(text: str) -> None:
    assert ends_with_title(text)


@pytest.mark.parametrize("text", ["The pier is shut.", "It rained in the U.S.", "He said no."])
def test_ordinary_ends(text: str) -> None:
    assert not ends_with_title(text)


def test_the_splitter_is_mended_after_a_rank() -> None:
    text = (
        "Police Sgt. Ola Venn said the boy was found. Lt. Col. Mira Holt spoke on Jan. 5 at "
        "St. Anne's. It rained."
    )
    a = analyze(Article(origin="t", text=text, paragraphs=(Span(0, len(text)),)))
    got = [text[s.start : s.end] for s in a.sentences]
    assert got[0] == "Police Sgt. Ola Venn said the boy was found."
    assert got[-1] == "It rained."
    assert len(got) == 3


def test_an_abbreviation_closing_a_bracket_does_not_end_a_sentence() -> None:
    text = (
        "Sen. Dana Roe (I-Vt.) defended the plan, saying the pier would reopen. "
        "Rep. Tom Ellery (R-Texas) agreed."
    )
    a = analyze(Article(origin="t", text=text, paragraphs=(Span(0, len(text)),)))
    got = [text[s.start : s.end] for s in a.sentences]
    assert got == [
        "Sen. Dana Roe (I-Vt.) defended the plan, saying the pier would reopen.",
        "Rep. Tom Ellery (R-Texas) agreed.",
    ]
    assert [(x.source, x.span.of(text)) for x in a.attributions] == [
        ("Dana Roe", "the pier would reopen")
    ]


def test_a_constable_s_rank_does_not_end_a_sentence() -> None:
    text = (
        "The party had begun, according to Harbour Police spokesperson Const. Tom Ellery. "
        "The others escaped."
    )
    a = analyze(Article(origin="t", text=text, paragraphs=(Span(0, len(text)),)))
    assert len(a.sentences) == 2


def test_a_month_before_a_day_does_not_end_a_sentence() -> None:
    text = "He blamed the attacks of Sept. 11, 2001, on them. Then he left."
    assert [text[s:e] for s, e in sentence_pieces(text)] == [
        "He blamed the attacks of Sept. 11, 2001, on them.",
        "Then he left.",
    ]
