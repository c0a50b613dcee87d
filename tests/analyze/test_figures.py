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


def test_whose_figure_it_is() -> None:
    assert one("Pell, 71, was arrested at her home.", "71").holder == "Pell"
    assert one("The father, 37-year-old Leo Carver, was held.", "37-year-old").holder == (
        "Leo Carver"
    )
    assert one("A 13-year-old boy escaped through a window.", "13-year-old").holder == "boy"
    assert one("Police seized the Larkins' three cars.", "three").holder == "the Larkins"
    assert one("The woman's three children were arrested.", "three").holder == "woman"


def test_time_frame_of_the_clause() -> None:
    f = one("The agency ran a shortfall of 4 per cent of revenue in 2019.", "4 per cent")
    assert f.frame == ("2019",)
    assert one("Sales fell 5% last year.", "5%").frame == ("last year",)


def test_what_an_amount_belongs_to() -> None:
    f = one("The town registered a budget shortfall of 4 per cent of revenue.", "4 per cent")
    assert f.noun == "budget shortfall"
    f = one("The port will pump 41 million litres of sea water.", "41 million litres")
    assert f.noun == "sea water"
    # a distance's "of" says where from, not what is measured
    assert one("Homes within 1.5 km of the plant were cleared.", "within 1.5 km").noun is None


def test_counted_phrase_keeps_its_modifiers() -> None:
    assert one("Marsh faces 17 state charges.", "17").phrase == "state charge"
    f = one("Police logged 1,236 politically motivated attacks.", "1,236")
    assert f.phrase is not None and "motivated" in f.phrase


def test_a_change_is_not_a_level() -> None:
    assert one("Incidents rose 19% last year.", "19%").change
    assert not one("Unemployment rose to 19% last year.", "19%").change


def test_a_number_with_no_noun_counts_its_subject() -> None:
    f = one("The death toll now stands at 9.", "9")
    assert (f.kind, f.event) == ("people", "killed")
    assert one("Thousands marched through the square.", "Thousands").noun is None


def test_a_bare_number_object_of_a_fate_counts_people_not_its_subject() -> None:
    f = one("The storm killed 11 and injured 40 across the valley.", "11")
    assert (f.noun, f.kind, f.event) == (None, "people", "killed")


def test_a_record_or_a_level_is_nobody_killed() -> None:
    # a team's record beside its name, and the record a loss takes it to
    f = one("The Harbour Hawks, 5-10 this season, lost for the seventh time.", "5-10")
    assert (f.kind, f.event) == (None, None)
    f = one("Lindfield fell to 5-10 on Sunday with a loss to the Hawks.", "5-10")
    assert (f.kind, f.event) == (None, None)
    # a toll that rises to a figure still counts the dead
    assert one("The toll rose to 12 on Sunday.", "12").event == "killed"


def test_a_span_of_time_before_now_is_marked() -> None:
    assert one("The founder died two years ago in the capital.", "two years").ago
    assert not one("The founder ruled for 21 years in the capital.", "21 years").ago


def test_losing_or_claiming_things_is_no_death() -> None:
    assert one("The mill lost 500 jobs last year.", "500").event is None
    assert one("The Greens claimed three seats from the ruling party.", "three").event is None
    assert one("The regiment lost 30 soldiers in the battle.", "30").event == "killed"
    # a bare number after them is as often a score or a record as a toll
    assert one("The Harbour Hawks lost 3 at home.", "3").event is None
    assert one("The quake claimed 40 lives in the hills.", "40").event == "killed"


def test_a_record_belongs_to_the_name_beside_it() -> None:
    f = one("The Harbour Hawks, 5-10 this season, lost again on Sunday.", "5-10")
    assert f.holder == "Harbour Hawks"


def test_an_age_holder_is_the_name_not_its_title() -> None:
    assert one("The 51-year-old Capt. Ben Hale died.", "51-year-old").holder == "Ben Hale"


def test_one_side_of_a_score_counts_nothing() -> None:
    # "an 89-79 win" is one win; and "moved" gives a score no fate
    text = "The Hawks moved into range for a field goal and a 13-3 halftime lead."
    assert [(f.quantity.text, f.noun, f.kind, f.event) for f in figures(text)] == [
        ("13", None, None, None),
        ("3", None, None, None),
    ]
    assert [f.noun for f in figures("The Hawks recorded an 89-79 win.")] == [None, None]


def test_a_bare_number_does_not_count_a_subject_that_is_one_thing() -> None:
    assert one("A ferry carried 40 on Sunday.", "40").noun is None
    assert one("The toll stands at 9 after the storm.", "9").noun == "toll"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The mother of three children was killed on Monday.", "three"),
        ("A woman with two children was killed in the crash.", "two"),
        ("Two of the five soldiers were killed.", "five"),
    ],
)
def test_what_happens_to_a_person_or_a_share_is_not_the_figure_s(text: str, figure: str) -> None:
    assert one(text, figure).event is None


def test_the_deaths_of_people_are_their_event() -> None:
    assert one("The deaths of 12 people shocked the town.", "12").event == "killed"
