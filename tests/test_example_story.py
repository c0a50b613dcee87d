"""The bundled example story shows what it was written to show (examples/README.md)."""

from __future__ import annotations

import pytest

from newsweave import weave
from newsweave.model import Brief
from paths import EXAMPLES


@pytest.fixture(scope="module")
def brief() -> Brief:
    return weave([EXAMPLES / "harbour-fire"])


def _claim_with(brief: Brief, *texts: str):  # type: ignore[no-untyped-def]
    for c in brief.claims:
        written = {r.text.lower() for r in c.reports}
        if all(t.lower() in written for t in texts):
            return c
    raise AssertionError(f"no claim holds {texts}: {[c.measure for c in brief.claims]}")


def test_every_page_is_read(brief: Brief) -> None:
    assert len(brief.articles) == 6
    assert not brief.problems


def test_the_injured_firefighters_conflict(brief: Brief) -> None:
    c = _claim_with(brief, "four", "six")
    assert c.verdict == "conflict"
    assert "firefighter" in c.measure


def test_the_evacuated_residents_differ(brief: Brief) -> None:
    assert _claim_with(brief, "250", "more than 200").verdict == "differ"


def test_the_hours_agree(brief: Brief) -> None:
    assert _claim_with(brief, "14 hours", "fourteen hours").verdict == "agree"


def test_the_live_blog_is_a_live_blog(brief: Brief) -> None:
    kinds = {b.article.origin.rsplit("/", 1)[-1]: b.article.kind for b in brief.articles}
    assert kinds["harbour-herald-live.txt"] == "liveblog"
    assert sum(k == "liveblog" for k in kinds.values()) == 1


def test_outlets_are_credited(brief: Brief) -> None:
    outlets = {b.article.origin.rsplit("/", 1)[-1]: b.article.outlet for b in brief.articles}
    assert outlets["harbour-herald.html"] == "Harbour Herald"
    assert outlets["calder-evening-post.txt"] == "Calder Evening Post"
    assert outlets["tidewater-record.md"] == "The Tidewater Record"
    assert outlets["bayline-news.txt"] in {"Coastline Press", "Bayline News"}


def test_every_report_points_at_its_text(brief: Brief) -> None:
    texts = {b.id: b.article.text for b in brief.articles}
    for c in brief.claims:
        for r in c.reports:
            assert texts[r.article][r.span.start : r.span.end] == r.text


def test_a_date_ahead_is_dated_forward(brief: Brief) -> None:
    """ "North Quay would stay closed to cargo until at least Monday" in an article of
    Thursday 13 March is the Monday after (17 March), not the one before."""
    entry = next(e for e in brief.timeline if "until at least Monday" in e.text)
    assert entry.date.isoformat() == "2025-03-17"


def test_no_photo_caption_on_the_timeline(brief: Brief) -> None:
    assert not any("Photo:" in e.text for e in brief.timeline)
