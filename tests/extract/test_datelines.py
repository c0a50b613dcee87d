from datetime import date, datetime

import pytest

from newsweave.extract.datelines import (
    clock_stamp,
    find_dates,
    find_times,
    is_stamp_line,
    page_year,
    place_dateline,
    stamp,
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
