from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.analyze.dates import infer_dates, resolve
from newsweave.model import Article, Span

FRIDAY = datetime(2024, 2, 2, 15, 30)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strikes began on Friday evening.", date(2024, 2, 2)),
        ("Friday's strikes were the largest yet.", date(2024, 2, 2)),
        ("The attack on Sunday killed three.", date(2024, 1, 28)),
        ("The attack last Sunday killed three.", date(2024, 1, 28)),
        ("This past Sunday, three soldiers died.", date(2024, 1, 28)),
        ("The group said on Tuesday it would stop.", date(2024, 1, 30)),
        ("Yesterday the minister resigned.", date(2024, 2, 1)),
        ("Protests grew last weekend.", date(2024, 1, 28)),
        ("The war began on 7 October.", date(2023, 10, 7)),
        ("The war began on October 7.", date(2023, 10, 7)),
        ("Talks were held on February 1, 2024.", date(2024, 2, 1)),
        ("Tonight the curfew starts.", date(2024, 2, 2)),
    ],
)
def test_resolution(text: str, expected: date) -> None:
    assert [d.day for d in resolve(text, FRIDAY)] == [expected]


def test_last_friday_said_on_a_friday_is_a_week_ago() -> None:
    assert [d.day for d in resolve("He arrived last Friday.", FRIDAY)] == [date(2024, 1, 26)]


@pytest.mark.parametrize(
    "text",
    [
        "The strikes began in October.",
        "Nothing happened this week.",
    ],
)
def test_vague_dates_are_not_resolved(text: str) -> None:
    assert resolve(text, FRIDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cordon stays until Monday.", date(2024, 2, 5)),
        ("The quay stays closed to cargo until at least Monday.", date(2024, 2, 5)),
        ("Talks resume next Tuesday.", date(2024, 2, 6)),
        ("A decision is due by Thursday.", date(2024, 2, 8)),
        ("The council will vote on Friday.", date(2024, 2, 9)),
        ("Schools will stay closed until May 6.", date(2024, 5, 6)),
        ("The museum reopens on 1 March.", date(2024, 3, 1)),
    ],
)
def test_dates_ahead_are_resolved_forward(text: str, expected: date) -> None:
    assert [d.day for d in resolve(text, FRIDAY)] == [expected]


def test_a_future_verb_in_another_clause_does_not_move_a_past_date() -> None:
    refs = resolve("He said on Monday that the pier will reopen.", FRIDAY)
    assert [d.day for d in refs] == [date(2024, 1, 29)]


def test_without_a_publication_date_only_full_dates_resolve() -> None:
    refs = resolve("Talks were held on March 30, 2012 and again on Monday.", None)
    assert [d.day for d in refs] == [date(2012, 3, 30)]


def test_spans_and_words() -> None:
    text = "The raid on Sunday and the reply on Friday."
    refs = resolve(text, FRIDAY)
    assert [text[r.span.start : r.span.end] for r in refs] == ["on Sunday", "on Friday"]


def test_a_full_date_is_not_read_twice() -> None:
    refs = resolve("On Friday, February 2, 2024, the strikes began.", FRIDAY)
    assert {r.day for r in refs} == {date(2024, 2, 2)}


def _a(published: date | None, text: str = "Body text here.") -> Article:
    return Article(origin="x", text=text, paragraphs=(Span(0, len(text)),), published=published)


def test_undated_articles_take_the_story_date() -> None:
    arts = infer_dates([_a(date(2024, 2, 2)), _a(None), _a(datetime(2024, 2, 3, 6, 0))])
    assert arts[1].published == date(2024, 2, 2)
    assert arts[1].published_inferred and not arts[0].published_inferred


def test_a_yearless_dateline_takes_the_nearest_year() -> None:
    text = "New Delhi, Feb 3: The strikes hit 85 targets."
    arts = infer_dates([_a(date(2024, 2, 2)), _a(None, text)])
    assert arts[1].published == date(2024, 2, 3)


def test_no_dates_at_all_changes_nothing() -> None:
    arts = [_a(None), _a(None)]
    assert infer_dates(arts) == arts


@settings(max_examples=200, deadline=None)
@given(
    st.dates(),
    st.sampled_from(
        [
            "It happened last Sunday.",
            "It happened yesterday, and again on Friday.",
            "The ferry runs again tomorrow.",
            "Crowds gathered last weekend.",
            "The fire began on March 3 and on January 1, 2024.",
        ]
    ),
)
def test_resolving_never_leaves_the_calendar(published: date, text: str) -> None:
    # pages claiming year 1 or 9999 used to raise OverflowError and stop the brief
    for ref in resolve(text, published):
        assert date.min <= ref.day <= date.max
