"""What each figure counts, read off real parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from newsweave.analyze import analyze
from newsweave.model import Article, Figure, Span


def figures(text: str) -> list[Figure]:
    return list(analyze(Article(origin="t", text=text, paragraphs=(Span(0, len(text)),))).figures)


def one(text: str, figure: str) -> Figure:
    found = [f for f in figures(text) if f.quantity.text == figure]
    assert len(found) == 1, [f.quantity.text for f in figures(text)]
    return found[0]


def test_counted_noun_and_event() -> None:
    f = one("Rescuers pulled 12 miners from the flooded shaft on Monday.", "12")
    assert (f.noun, f.kind) == ("miner", "miner")
    f = one("The storm killed at least 14 people in the valley.", "at least 14")
    assert (f.kind, f.event) == ("people", "killed")
    assert f.places == ("the valley",) or f.places == ()


def test_synonyms_fold_into_one_class() -> None:
    a = one("Three soldiers were wounded in the ambush near Kesh.", "Three")
    b = one("The ambush near Kesh wounded three service members.", "three")
    assert a.kind == b.kind == "troops"
    assert a.event == b.event == "wounded"


def test_others_borrow_the_noun_before_them() -> None:
    f = figures("The blast killed four workers and injured 11 others at the plant.")
    assert [(x.quantity.text, x.kind, x.event) for x in f] == [
        ("four", "worker", "killed"),
        ("11", "worker", "wounded"),
    ]


def test_a_bare_number_after_a_fate_verb_borrows_too() -> None:
    f = figures("The crash killed two passengers and injured 15.")
    assert [(x.quantity.text, x.kind, x.event) for x in f] == [
        ("two", "people", "killed"),
        ("15", "people", "wounded"),
    ]


def test_nouns_that_say_what_happened() -> None:
    assert one("Officials counted 9 fatalities after the quake.", "9").event == "killed"
    assert one("They reported 30 casualties.", "30").event == "killed"


def test_place_of_the_figure_clause_only() -> None:
    f = one(
        "Strikes in Norland came days after a raid that killed five guards in Ostmark.",
        "five",
    )
    assert f.places == ("Ostmark",)


def test_units_are_the_kind() -> None:
    f = one("The fire burned for 14 hours before crews contained it.", "14 hours")
    assert f.kind == "h"


def test_running_totals_are_marked() -> None:
    assert one("Militias have carried out 60 attacks since October.", "60").cumulative
    assert not one("Militias carried out 6 attacks on Sunday.", "6").cumulative


@pytest.mark.parametrize(
    "text",
    ["", "No figures here at all.", "(8) (12)", "“", "February 2, 5:40 p.m"],
)
def test_no_figures(text: str) -> None:
    assert figures(text) == []
