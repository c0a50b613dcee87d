from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.blocks import Block
from newsweave.extract.metadata import (
    outlet_from_url,
    page_year,
    parse_iso,
    text_byline,
    text_dates,
    text_outlet,
    text_title,
)
from newsweave.extract.text import BYLINE, CREDIT, DATELINE, HEADLINE


def test_parse_iso() -> None:
    assert parse_iso("2025-03-12") == date(2025, 3, 12)
    assert parse_iso("2025-03-12T14:05:00Z") == datetime(2025, 3, 12, 14, 5)
    assert parse_iso("2025-03-12T14:05:00+01:00") == datetime(2025, 3, 12, 14, 5)
    assert parse_iso("last Tuesday") is None
    assert parse_iso(None) is None


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.example-news.org/a/b") == "example-news.org"
    assert outlet_from_url("not a url") is None
    assert outlet_from_url(None) is None


def test_paren_dateline_names_the_outlet() -> None:
    blocks = (Block("BREAKING", "section label"), Block("(Harbour Herald) — A fire broke out."))
    assert text_outlet(blocks) == "Harbour Herald"
    blocks = (Block("PORT CALDER (Coastline Press) - A fire broke out on Tuesday."),)
    assert text_outlet(blocks) == "Coastline Press"


def test_byline_and_credit_outlets() -> None:
    blocks = (Block("OAN’s Sophia Flores", BYLINE), Block("Text."))
    assert text_outlet(blocks) == "OAN"
    assert text_byline(blocks) == "Sophia Flores"
    blocks = (
        Block("Text."),
        Block("– ABC News’ Anne Flaherty", CREDIT),
        Block("– ABC News’ Luis Martinez", CREDIT),
        Block("– Other Wire’s Bob", CREDIT),
    )
    assert text_outlet(blocks) == "ABC News"


def test_no_cue_no_outlet() -> None:
    assert text_outlet((Block("Middle East Eye reported earlier this week that …"),)) is None


def test_stamp_dates_and_update() -> None:
    blocks = (
        Block("Headline", HEADLINE),
        Block("Feb 2, 2024, 2:22 PM | Updated: 3:25 pm", DATELINE),
    )
    assert text_title(blocks) == "Headline"
    assert text_dates(blocks, None) == (datetime(2024, 2, 2, 14, 22), datetime(2024, 2, 2, 15, 25))


def test_place_dateline_takes_the_page_year() -> None:
    blocks = (
        Block("Photo taken March 11, 2025 (Photo by A/B)", "photo caption"),
        Block("Port Calder, Mar 13: Residents returned home."),
    )
    year = page_year(blocks)
    assert year == 2025
    assert text_dates(blocks, year) == (date(2025, 3, 13), None)
    assert text_dates(blocks, None) == (None, None)


def test_outlet_from_a_url_that_does_not_parse_is_none() -> None:
    assert outlet_from_url("http://[::1") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.from_regex(r"https?://[\[\]:@a-z0-9.%-]{0,30}"))
def test_outlet_from_any_url_hint_never_raises(url: str) -> None:
    outlet = outlet_from_url(url)
    assert outlet is None or isinstance(outlet, str)
