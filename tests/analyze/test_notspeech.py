"""Quoted words that are not speech, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsweave.analyze.marks import quote_stretches
from newsweave.analyze.notspeech import is_title, not_speech
from newsweave.analyze.quotes import is_partial
from newsweave.model import Span


def why(text: str) -> str | None:
    p = Span(0, len(text))
    (s,) = quote_stretches(text, (p,))
    return not_speech(text, s, p, is_partial(text, s))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("She hosted the quiz show “Harbour Lights” for a decade.", "title"),
        # a work's title set off by commas, as speech often is
        ("His latest film, “Storm/Harbour,” is a strong contender.", "title"),
        ("In her autobiography, “A Life at Sea,” she tells of the storm.", "title"),
        ("The band played hits including “Harbour Lights” at the quay.", "title"),
        # a work's name before a noun it modifies, wherever the sentence stands
        ("On Friday, “Harbour Lights” actress Dana Reid checked into a clinic.", "title"),
        ("The so-called “storm of the century” arrived on Tuesday.", "term"),
        ("The council backed a “blue card” scheme for residents.", "term"),
        # a number or an adjective before, a noun after: the quoted word modifies too
        ("The fund awarded her one of its $500,000 “genius” grants.", "term"),
        ("The fund awarded her one of its prestigious “genius” grants.", "term"),
        ("‘Very high tides’", "subhead"),
        ("3. “The pier problem”", "subhead"),
        ("Crews carried a banner reading “Save the pier” to the hall.", "words on a sign"),
        ("Many held signs with sayings such as, “Fund the ferry, not the fees.”", "words on a sign"),
        ("READ MORE: ‘The pier is gone’", "link label"),
    ],
)
def test_not_speech(text: str, reason: str) -> None:
    assert why(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild the pier,” the mayor said.",
        "The mayor said the response would be “multi-tiered.”",
        "The mayor said the pier was “not safe” until Monday.",
        "“Yes” he said, and left the hall.",
        # "said" is an adjective too ("the said property"), but a verb first
        "On Monday the mayor said “local crews” must lead the work.",
        "‘We will rebuild,’ the mayor said.",
        # after a kind of work, but not in title case: the column's words
        "The mayor wrote in her column: “We will rebuild the pier before winter.”",
    ],
)
def test_speech(text: str) -> None:
    assert why(text) is None


def test_title_case() -> None:
    assert is_title("The Audacity of Hope")
    assert is_title("Meet the Press")
    assert not is_title("not safe for anyone")
    assert not is_title("Why Now?")


def reasons(text: str) -> list[str | None]:
    p = Span(0, len(text))
    return [not_speech(text, s, p, is_partial(text, s)) for s in quote_stretches(text, (p,))]


def test_a_list_of_quotations_in_title_case_is_a_list_of_titles() -> None:
    text = "They will play “Harbour Lights,” “Low Tide At Calder” and “Gulls” on the tour."
    assert reasons(text) == ["title", "title", "title"]


def test_a_list_with_one_item_in_sentence_case_is_words() -> None:
    text = "They wrote: “Free The Pier”, “Save the quay”, “Crews Out”."
    assert reasons(text) == [None, None, None]
