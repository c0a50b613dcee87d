"""How much of an article analysis reads: bounded pieces, cut where a sentence or a word ends."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.analyze import analyze
from newsweave.analyze.limits import Limits, analysed, notes, pieces
from newsweave.model import Article, Span

SENTENCE = "The ferry carried 120 passengers on Saturday, the operator said. "


def article(*paragraphs: str) -> Article:
    spans, text, at = [], "", 0
    for p in paragraphs:
        spans.append(Span(at, at + len(p)))
        text += p + "\n\n"
        at = len(text)
    return Article("a.txt", text, tuple(spans))


def test_a_long_paragraph_is_cut_after_a_sentence() -> None:
    text = (SENTENCE * 40).strip()
    cut = list(pieces(text, Span(0, len(text)), 1000))
    assert all(s.end - s.start <= 1000 for s in cut)
    assert all(text[s.start : s.end].endswith("said.") for s in cut)
    assert " ".join(text[s.start : s.end] for s in cut) == text


def test_without_sentences_it_cuts_at_spaces_then_anywhere() -> None:
    words = ("word " * 500).strip()
    cut = pieces(words, Span(0, len(words)), 300)
    assert all(words[s.start : s.end].endswith("word") for s in cut)
    blob = "x" * 2500
    assert [s.end - s.start for s in pieces(blob, Span(0, 2500), 1000)] == [1000, 1000, 500]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!?\n\u201d"), max_size=400), st.integers(2, 60))
def test_pieces_cover_the_paragraph_in_order_within_the_limit(text: str, limit: int) -> None:
    cut = list(pieces(text, Span(0, len(text)), limit))
    assert all(0 < s.end - s.start <= limit for s in cut)
    assert all(a.end <= b.start for a, b in pairwise(cut))
    # only whitespace falls between pieces
    covered = set().union(*(range(s.start, s.end) for s in cut)) if cut else set()
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_the_article_limit_takes_whole_pieces_and_says_so() -> None:
    a = article("Ferry back in service", SENTENCE * 10, SENTENCE * 10)
    limits = Limits(paragraph_chars=200, article_chars=800, figures=1000)
    read = analysed(a, limits)
    assert sum(s.end - s.start for s in read) <= 800 and read[0] == a.paragraphs[0]
    lines = [p.message for p in notes(a, limits)]
    assert lines == [
        "a paragraph of 650 characters is analysed in pieces of at most 200 "
        "(--max-paragraph-chars)",
        f"only the first {sum(s.end - s.start for s in read):,} of 1,321 characters are "
        "analysed (--max-article-chars 800)",
    ]


def test_a_huge_paragraph_is_analysed_in_pieces() -> None:
    # over spaCy's 1,000,000-character limit, which used to fail the whole brief
    a = article("Fire at the docks", "word " * 210_000 + "40 people were hurt, officials said.")
    annotated = analyze(a, Limits(article_chars=20_000))
    assert annotated.sentences and annotated.sentences[-1].end <= 20_000


def test_figures_past_the_limit_are_not_considered() -> None:
    a = article(
        "Ferry figures", " ".join(f"Crossing {n} carried {n + 10} people." for n in range(30))
    )
    assert len(analyze(a, Limits(figures=5)).figures) <= 5
    assert "--max-figures" in notes(a, Limits(figures=5), figures=60)[0].message
