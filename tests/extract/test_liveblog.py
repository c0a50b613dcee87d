from datetime import datetime

from newsweave.extract import assemble
from newsweave.extract.blocks import Block
from newsweave.extract.liveblog import find_entries


def _page(paragraphs: list[str]):  # type: ignore[no-untyped-def]
    return assemble(tuple(Block(p) for p in paragraphs))


def test_entries_with_dates_and_times() -> None:
    text, spans, _ = _page(
        [
            "Intro to the live page, written before the entries begin.",
            "March 12, 1:20 p.m.",
            "Crews stand down",
            "The last crews left the quay at lunchtime.",
            "10:05 AM",
            "Residents allowed home",
            "March 11, 11:35 p.m",
            "Fire reported",
            "A fire was reported at the warehouse.",
        ]
    )
    entries = find_entries(text, spans, year=2025)
    assert [e.published for e in entries] == [
        datetime(2025, 3, 12, 13, 20),
        datetime(2025, 3, 12, 10, 5),
        datetime(2025, 3, 11, 23, 35),
    ]
    assert entries[0].stamp.of(text) == "March 12, 1:20 p.m."
    assert entries[0].span.of(text).endswith("at lunchtime.")
    assert entries[-1].span.of(text).endswith("at the warehouse.")


def test_no_year_leaves_the_moment_unknown() -> None:
    text, spans, _ = _page(["Feb 2, 5:40 p.m", "a", "Feb 2, 5:39 p.m", "b", "Feb 2, 5:08 p.m", "c"])
    entries = find_entries(text, spans, year=None)
    assert len(entries) == 3
    assert all(e.published is None for e in entries)


def test_an_article_with_one_stamp_is_not_a_live_blog() -> None:
    text, spans, _ = _page(
        [
            "Feb 2, 2024, 2:22 PM | Updated: 3:25 pm",
            "The strikes began on Friday evening, officials said.",
            "More strikes are expected.",
        ]
    )
    assert find_entries(text, spans, year=2024) == ()


def test_stamps_without_entries_do_not_count() -> None:
    text, spans, _ = _page(["Published 10:05 AM", "Updated 11:05 AM", "Body.", "12:00", "13:00"])
    assert find_entries(text, spans, year=2024) == ()
