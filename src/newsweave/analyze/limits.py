"""How much of an article the analysis reads, in pieces of bounded size.

spaCy's memory and time grow with the characters it holds at once (about 3 KB a character),
and it refuses a text over 1,000,000 characters outright. A page with one enormous paragraph
(a scraped table, a log, a pasted dump) must not cost gigabytes or lose the whole story, so a
long paragraph is analysed in pieces cut at sentence ends (else at a space, else anywhere),
an article's analysis stops after ``max_article_chars``, and only its first ``max_figures``
figures are considered for claims. Each limit that bites gives one line naming the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsweave.analyze.quantities import find_quantities
from newsweave.model import Article, Problem, Span
from newsweave.options import DEFAULT, Options
from newsweave.text.sentences import SENTENCE_BREAK

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Limits:
    """The analysis settings of ``Options``, apart from the rest: how much it reads, and
    whether it reads views beside speech (``views.py``)."""

    paragraph_chars: int = DEFAULT.analysis.max_paragraph_chars
    article_chars: int = DEFAULT.analysis.max_article_chars
    figures: int = DEFAULT.analysis.max_figures
    views: bool = DEFAULT.analysis.views

    @classmethod
    def of(cls, options: Options) -> Limits:
        return cls(
            options.analysis.max_paragraph_chars,
            options.analysis.max_article_chars,
            options.analysis.max_figures,
            options.analysis.views,
        )


DEFAULT_LIMITS = Limits()


def pieces(text: str, span: Span, limit: int) -> Iterator[Span]:
    """``span`` of ``text`` cut into spans of at most ``limit`` characters.

    A cut falls after the last sentence end in the second half of the window, else at the
    last run of spaces there (which belongs to neither piece), else at the limit: a piece is
    never shorter than half the limit unless it is the last.
    """
    limit = max(limit, 2)
    start, end = span.start, span.end
    while end - start > limit:
        stop = start + limit
        half = start + limit // 2
        cut = None
        for m in SENTENCE_BREAK.finditer(text, half, stop):
            cut = (m.end(), m.end())
        if cut is None:
            for m in _SPACE.finditer(text, half, stop):
                cut = (m.start(), m.end())
        piece_end, next_start = cut if cut is not None else (stop, stop)
        yield Span(start, piece_end)
        start = _skip_space(text, next_start, end)
    if start < end:
        yield Span(start, end)


def _skip_space(text: str, at: int, end: int) -> int:
    m = _SPACE.match(text, at, end)
    return m.end() if m else at


def analysed(article: Article, limits: Limits | None = None) -> list[Span]:
    """The pieces of the article's paragraphs that analysis reads, in text order: each at
    most ``paragraph_chars`` long, ``article_chars`` at most in all (whole pieces only)."""
    limits = limits or DEFAULT_LIMITS
    out: list[Span] = []
    total = 0
    for p in article.paragraphs:
        for piece in pieces(article.text, p, limits.paragraph_chars):
            total += piece.end - piece.start
            if total > limits.article_chars:
                return out
            out.append(piece)
    return out


def notes(
    article: Article, limits: Limits | None = None, figures: int | None = None
) -> list[Problem]:
    """One line for each limit the article runs into (``figures``: how many figures its
    analysed text holds, counted here when not given)."""
    limits = limits or DEFAULT_LIMITS
    if figures is None:
        figures = sum(
            len(find_quantities(article.text[s.start : s.end])) for s in analysed(article, limits)
        )
    out: list[Problem] = []
    longest = max((p.end - p.start for p in article.paragraphs), default=0)
    if longest > limits.paragraph_chars:
        out.append(
            Problem(
                article.origin,
                f"a paragraph of {longest:,} characters is analysed in pieces of at most "
                f"{limits.paragraph_chars:,} (--max-paragraph-chars)",
            )
        )
    size = sum(p.end - p.start for p in article.paragraphs)
    if size > limits.article_chars:
        read = sum(s.end - s.start for s in analysed(article, limits))
        out.append(
            Problem(
                article.origin,
                f"only the first {read:,} of {size:,} characters are analysed "
                f"(--max-article-chars {limits.article_chars:,})",
            )
        )
    if figures > limits.figures:
        out.append(
            Problem(
                article.origin,
                f"only the first {limits.figures:,} of {figures:,} figures are considered for "
                "claims (--max-figures)",
            )
        )
    return out
