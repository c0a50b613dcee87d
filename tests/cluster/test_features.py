"""What the clusterer reads of an article: a printed headline, but not an inferred one twice."""

from __future__ import annotations

from newsweave.cluster.features import full_text, lead_text
from newsweave.model import Article, Span

BODY = "Ferry workers walked out on Tuesday over new rosters, the union said."


def _article(title: str, inferred: bool) -> Article:
    return Article(
        origin="t",
        text=BODY,
        paragraphs=(Span(0, len(BODY)),),
        title=title,
        title_inferred=inferred,
    )


def test_an_inferred_title_is_not_read_twice() -> None:
    a = _article("Ferry workers walked out on Tuesday over new rosters", inferred=True)
    assert lead_text(a) == BODY
    assert full_text(a) == BODY


def test_a_printed_headline_is_read() -> None:
    a = _article("Ferry strike halts crossings", inferred=False)
    assert lead_text(a).startswith("Ferry strike halts crossings\n")
    assert full_text(a).startswith("Ferry strike halts crossings\n")
