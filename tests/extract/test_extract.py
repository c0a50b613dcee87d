"""The extraction stage as a whole: a RawDocument in, an Article out."""

from datetime import date, datetime

import pytest

from newsweave.errors import ExtractionError
from newsweave.extract import assemble, extract_article
from newsweave.extract.blocks import Block
from newsweave.model import Hints, RawDocument


def raw(text: str, media_type: str = "text/plain", **hints: str) -> RawDocument:
    return RawDocument(
        origin="page.txt",
        data=text.encode(),
        text=text,
        media_type=media_type,  # type: ignore[arg-type]
        encoding="utf-8",
        hints=Hints(**hints),
    )


STORY = """\
Search

Bridge reopens after three-week repair, council says

By Ann Lee, Riverside Courier

Apr 7, 2025, 9:00 AM

The Old Mill bridge reopened to traffic on Monday after a three-week repair of its deck, the council said.

Engineers replaced 40 metres of decking and repainted the railings, at a cost of about 1.2 million.

Share this article
"""


def test_spans_point_at_the_paragraphs() -> None:
    text, spans, removed = assemble(
        (Block("One."), Block("junk", "share widget"), Block("Two."), Block("end", "x"))
    )
    assert text == "One.\n\nTwo."
    assert [s.of(text) for s in spans] == ["One.", "Two."]
    assert [(r.text, r.reason, r.at) for r in removed] == [
        ("junk", "share widget", 4),
        ("end", "x", 10),
    ]


def test_a_plain_text_story() -> None:
    a = extract_article(raw(STORY))
    assert a.title == "Bridge reopens after three-week repair, council says"
    assert a.byline == "Ann Lee"
    assert a.outlet == "Riverside Courier"
    assert a.published == datetime(2025, 4, 7, 9, 0)
    assert a.kind == "article"
    assert a.headline is not None and a.headline.of(a.text) == a.title
    assert a.text.split("\n\n")[1].startswith("The Old Mill bridge reopened")
    assert a.text.endswith("at a cost of about 1.2 million.")
    assert [p.of(a.text) for p in a.paragraphs] == a.text.split("\n\n")
    assert {r.reason for r in a.removed} >= {"site search", "share widget"}


def test_hints_win_over_the_page() -> None:
    a = extract_article(
        raw(
            STORY,
            title="Given title",
            published="2025-04-08",
            outlet="Given Outlet",
            url="https://example.org/x",
        )
    )
    assert (a.title, a.published, a.outlet, a.url) == (
        "Given title",
        date(2025, 4, 8),
        "Given Outlet",
        "https://example.org/x",
    )


def test_no_text_is_an_error_naming_the_document() -> None:
    with pytest.raises(ExtractionError, match=r"^page\.txt: no article text"):
        extract_article(raw("Share\n\nComments (0)\n"))


def test_html_goes_through_the_html_extractor() -> None:
    html = (
        "<html><head><title>Ferry strike ends | Isles Post</title>"
        '<meta property="og:site_name" content="Isles Post">'
        '<meta property="article:published_time" content="2025-05-02T10:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a></nav><article><h1>Ferry strike ends</h1>"
        "<p>Ferry crews returned to work on Friday after the union accepted a new roster deal, "
        "ending a four-day strike that halted crossings.</p>"
        "<p>The company said the first sailing would leave at noon and that all bookings "
        "would be honoured.</p></article><footer>© Isles Post</footer></body></html>"
    )
    a = extract_article(raw(html, "text/html"))
    assert a.outlet == "Isles Post"
    assert a.published == datetime(2025, 5, 2, 10, 0)
    assert "Ferry crews returned to work on Friday" in a.text
    assert "Home" not in a.text
    assert "© Isles Post" not in a.text


def test_a_live_blog() -> None:
    parts = [
        "Live: port strike latest",
        "Intro paragraph about the strike at the port, which began on Monday morning.",
    ]
    for h in (15, 14, 13):
        parts += [
            f"May 6, {h - 12}:00 p.m.",
            f"Update at {h}",
            "Dockers held a rally at the gate "
            "and the company said talks would resume later in the week.",
        ]
    parts += ["Photo taken May 5, 2025 (Photo by A. Person via Example Images)"]
    a = extract_article(raw("\n\n".join(parts)))
    assert a.kind == "liveblog"
    assert [e.published for e in a.entries] == [
        datetime(2025, 5, 6, 15),
        datetime(2025, 5, 6, 14),
        datetime(2025, 5, 6, 13),
    ]
    assert a.published == datetime(2025, 5, 6, 13)
    assert a.updated == datetime(2025, 5, 6, 15)
