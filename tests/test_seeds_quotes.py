"""Quotes on real pages: floors on the reference case, scored by the shared scorer (STYLE.md, 10),
and the quote rules run over every paragraph of the seeds and of the AEB pages without a crash.

Each floor sits next to the figure last measured; lowering one is a deliberate commit.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from newsweave.analyze import analyze_articles
from newsweave.analyze.quotes import find_quotes
from newsweave.extract import extract_article
from newsweave.ingest.decode import decode
from newsweave.model import Article, RawDocument, Span
from newsweave.pipeline import read_articles
from paths import SHARED
from scoring import figure

AEB = SHARED / "bench" / "extraction" / "aeb" / "html"

# name in the scorer's output: (floor, last measured)
FLOORS = {
    "quotes.recall": (0.9, 1.0),
    "quotes.speaker_accuracy": (0.85, 1.0),
    "quotes.grouping": (0.9, 1.0),
    # The one miss: three outlets word one sentence three ways and the gold marks all three
    # changed; the rules keep the most reliable outlet's wording as the canonical one.
    "quotes.fidelity_accuracy": (0.85, 0.938),
}
CEILINGS = {"provenance.invalid_spans(count)": (0, 0)}


@pytest.mark.seeds
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(scores: dict[str, Any], name: str) -> None:
    floor, _measured = FLOORS[name]
    assert figure(scores, name) >= floor


@pytest.mark.seeds
@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_ceiling(scores: dict[str, Any], name: str) -> None:
    ceiling, _measured = CEILINGS[name]
    assert figure(scores, name) <= ceiling


def _paragraph_articles(a: Article) -> list[Article]:
    """Each paragraph of an article on its own, as a one-paragraph article."""
    out = []
    for p in a.paragraphs:
        text = p.of(a.text)
        out.append(Article(origin=a.origin, text=text, paragraphs=(Span(0, len(text)),)))
    return out


def _check(a: Article, quotes: tuple[Any, ...]) -> None:
    for q in quotes:
        assert 0 <= q.span.start < q.span.end <= len(a.text)
        assert q.text == q.span.of(a.text)


def _aeb_articles() -> list[Article]:
    if not AEB.is_dir():
        pytest.skip("the AEB pages (../shared/bench/extraction/aeb) are not here")
    out = []
    for path in sorted(AEB.glob("*.html.gz")):
        data = gzip.decompress(path.read_bytes())
        text, enc = decode(data, media_type_hint="text/html")
        try:
            out.append(extract_article(RawDocument(path.name, data, text, "text/html", enc)))
        except Exception:  # a page extraction rejects has no paragraphs to read
            continue
    return out


@pytest.mark.seeds
def test_every_seed_paragraph_is_read_without_a_crash(seeds_dir: Path) -> None:
    articles, _problems = read_articles([seeds_dir])
    for ann in analyze_articles(articles):
        _check(ann.article, ann.quotes)
        for para in _paragraph_articles(ann.article):
            _check(para, find_quotes(para, (), ()))


@pytest.mark.seeds
def test_every_aeb_paragraph_is_read_without_a_crash() -> None:
    articles = _aeb_articles()
    assert len(articles) > 150
    for a in articles:
        # No entities: the rules fall back on capitalised words, the path most text takes.
        _check(a, find_quotes(a, (), ()))
        for para in _paragraph_articles(a):
            _check(para, find_quotes(para, (), ()))


@pytest.mark.seeds
@pytest.mark.slow
def test_every_aeb_page_is_read_with_the_analysis_without_a_crash() -> None:
    for ann in analyze_articles(_aeb_articles()):
        _check(ann.article, ann.quotes)
