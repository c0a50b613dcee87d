from datetime import date, datetime

import pytest

from newsweave.extract.datelines import (
    clock_stamp,
    find_dates,
    find_times,
    is_dateline_line,
    is_stamp_line,
    page_year,
    place_dateline,
    stamp,
    without_stamp,
)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Feb 2, 2024, 2:22 PM | Updated: 3:25 pm", None, datetime(2024, 2, 2, 14, 22)),
        ("3:34 PM –Friday, February 2, 2024", None, datetime(2024, 2, 2, 15, 34)),
        ("February 2, 10:22 p.m", 2024, datetime(2024, 2, 2, 22, 22)),
        ("February 3, 6:07 AM", 2024, datetime(2024, 2, 3, 6, 7)),
        ("March 12, 9:40 p.m.", 2025, datetime(2025, 3, 12, 21, 40)),
        ("Published 12 March 2025", None, date(2025, 3, 12)),
        ("Tuesday, 11th of March 2025 at 07:05", None, datetime(2025, 3, 11, 7, 5)),
        ("2025-03-12", None, date(2025, 3, 12)),
        ("Sept. 9, 2023, 12:00 AM", None, datetime(2023, 9, 9, 0, 0)),
    ],
)
def test_stamps(text: str, year: int | None, expected: date) -> None:
    m = stamp(text)
    assert m is not None
    assert m.resolve(year) == expected


def test_a_stamp_without_a_year_waits_for_one() -> None:
    m = stamp("February 2, 10:22 p.m")
    assert m is not None and m.year is None
    assert m.resolve(None) is None


@pytest.mark.parametrize(
    "text",
    [
        "The council met on February 2, 2024 to discuss the budget.",
        "Fourth bomb threat reported at a middle school",
        "",
        "Posted by the editors",
    ],
)
def test_sentences_are_not_stamps(text: str) -> None:
    assert stamp(text) is None


def test_impossible_dates_are_ignored() -> None:
    assert find_dates("on February 31, 2024") == [] or stamp("February 31, 2024") is not None
    m = stamp("February 31, 2024")
    assert m is None or m.resolve(None) is None


def test_clock_stamps() -> None:
    assert clock_stamp("10:05 AM") == (10, 5)
    assert clock_stamp("9:40 p.m. ET") == (21, 40)
    assert clock_stamp("12:30") == (12, 30)
    assert clock_stamp("The ferry left at 10:05 AM.") is None
    assert clock_stamp("42") is None


def test_times_need_a_colon_or_am_pm() -> None:
    assert [t[2:] for t in find_times("at 4 pm and 16:30, not 85")] == [(16, 0), (16, 30)]
    assert find_times("25:10") == []


def test_place_datelines() -> None:
    m = place_dateline("New Delhi, Feb 3: The strikes hit 85 targets.")
    assert m is not None and (m.month, m.day, m.year) == (2, 3, None)
    m = place_dateline("PORT CALDER, March 13 (Coastline Press) - Crews worked overnight.")
    assert m is not None and (m.month, m.day) == (3, 13)
    assert place_dateline("(CNN) — The US conducted strikes.") is None
    assert place_dateline("Officials said, however, that it would continue.") is None


def test_page_year_is_the_most_printed_one() -> None:
    texts = ["Photo taken on March 3, 2025", "© 2025 Example", "Founded May 1, 1999", "2025-03-04"]
    assert page_year(texts) == 2025
    assert page_year(["no dates here"]) is None


@pytest.mark.parametrize(
    ("text", "is_stamp"),
    [
        ("9:41 AM PDT 3/4/2021", True),
        ("4 March 2021, 09:41 (GMT+05:00)", True),
        ("Friday August 2, 2013 @ 8:13am PDT", True),
        ("Published: 2021. 03. 04 09:41 AM", True),
        ("Ferry fares frozen for 2/3 of routes", False),
        ("Turkmen election to have 2 parties for 1st time", False),
        ("A 2-1 win for the Harriers", False),
    ],
)
def test_stamp_lines_in_figures_or_words(text: str, is_stamp: bool) -> None:
    assert is_stamp_line(text) is is_stamp


@pytest.mark.parametrize(
    "line",
    [
        "Posted on March 15, 2011 6:07:15 PM GMT+01:0",
        "Story Created: Aug 7, 2012 at 9:56 AM AKDT",
        "Edited on Mon Dec-19-05 03:49 PM",
        "Novmber 27, 2005",
        # a time's minutes are no seconds to strip ("8:20 AM")
        "Posted: Mar 27, 2005 8:20 AM ET Last Updated: Mar 27, 2005 8:10 PM ET",
        "updated 7/28/2004 3:02:00 PM ET",
        "Sunday, March 27-2005 at 16:12",
        "on Dec 23 2012, 5:03p",
    ],
)
def test_stamps_with_seconds_zones_and_odd_dates(line: str) -> None:
    assert is_stamp_line(line)


@pytest.mark.parametrize("line", ["CIA At 75", "Harbour Strikes: 85 Targets Hit", "Score: 3:15"])
def test_a_headline_with_capitals_or_figures_is_no_stamp(line: str) -> None:
    assert not is_stamp_line(line)


def test_a_stamp_glued_to_a_headline_comes_off() -> None:
    line = "Ferry Sinks Off Harbour Point on March 4, 2013 11:41am | Updated on March 4, 2013"
    assert without_stamp(line) == "Ferry Sinks Off Harbour Point"
    # a date without a time is the headline's own
    assert without_stamp("Harbour vote held on May 4") == "Harbour vote held on May 4"


def test_a_place_and_a_stamp_on_their_own_line_are_a_dateline() -> None:
    assert is_dateline_line("Harbourton D. C., Jul 13, 2009/02:00 pm (HNA)")
    assert is_dateline_line("Port Elm, May 4, 2021")
    assert not is_dateline_line("Okafor, Ellery to meet on May 4")
    # a headline with a name and a date: the words before the comma are no place
    assert not is_dateline_line("Harbour figure Ana Ruiz, July 24")
    assert not is_dateline_line("Port Elm, Harbour County")


def test_a_stamp_with_a_short_time_comes_off_a_headline() -> None:
    line = "Hawks Beat Gulls 20-13, Clinch Fifth Seed on Dec 23 2012, 5:03p"
    assert without_stamp(line) == "Hawks Beat Gulls 20-13, Clinch Fifth Seed"
    line = "Tournament results: Hawks, Gulls move on on Mar 8 2013, 11:55p"
    assert without_stamp(line) == "Tournament results: Hawks, Gulls move on"
