"""Figures as closed intervals (CONTRACT.md, "Claim"): what is a figure, what each one means."""

from __future__ import annotations

import random

import pytest

from newsweave.analyze.numbers import word_value
from newsweave.analyze.qualifiers import ABOUT_BAND, POST_QUALIFIERS, QUALIFIERS
from newsweave.analyze.quantities import SCORE_WHY, UNITS, find_quantities
from newsweave.model import Quantity

INF = None  # an unbounded end, for readability of the table

# (phrase, the figure as written, low, high, unit)
FIGURES: list[tuple[str, str, float | None, float | None, str | None]] = [
    # digits, separators, decimals
    ("85 targets", "85", 85, 85, None),
    ("1,200 troops", "1,200", 1200, 1200, None),
    ("a 4.2 rise", "4.2", 4.2, 4.2, None),
    ("16,250 homes", "16,250", 16250, 16250, None),
    ("in 6.4 seconds", "6.4 seconds", 6.4, 6.4, "s"),
    # number words
    ("three soldiers", "three", 3, 3, None),
    ("twenty-five others", "twenty-five", 25, 25, None),
    ("Ninety-nine homes", "Ninety-nine", 99, 99, None),
    ("a hundred houses", "a hundred", 100, 100, None),
    ("two hundred and fifty beds", "two hundred and fifty", 250, 250, None),
    ("three thousand five hundred flats", "three thousand five hundred", 3500, 3500, None),
    ("a dozen ships", "a dozen", 12, 12, None),
    ("two dozen ships", "two dozen", 24, 24, None),
    ("half a dozen ships", "half a dozen", 6, 6, None),
    ("a million voters", "a million", 1e6, 1e6, None),
    ("half a million voters", "half a million", 5e5, 5e5, None),
    # scale words
    ("1.2 million people", "1.2 million", 1.2e6, 1.2e6, None),
    ("4.2bn views", "4.2bn", 4.2e9, 4.2e9, None),
    ("5.5m people", "5.5m", 5.5e6, 5.5e6, None),
    # money
    ("$50m", "$50m", 50e6, 50e6, "USD"),
    ("$50 million", "$50 million", 50e6, 50e6, "USD"),
    ("45 million euros", "45 million euros", 45e6, 45e6, "EUR"),
    ("£4.2 million", "£4.2 million", 4.2e6, 4.2e6, "GBP"),
    ("€3bn", "€3bn", 3e9, 3e9, "EUR"),
    ("Rs 500 crore", "Rs 500 crore", 5e9, 5e9, "INR"),
    ("US$1.2 trillion", "US$1.2 trillion", 1.2e12, 1.2e12, "USD"),
    ("45 million pounds", "45 million pounds", 45e6, 45e6, "GBP"),
    ("$20-30m", "$20-30m", 20e6, 30e6, "USD"),
    # units and their spellings
    ("30 km", "30 km", 30, 30, "km"),
    ("40 kilometres", "40 kilometres", 40, 40, "km"),
    ("12 kilometers", "12 kilometers", 12, 12, "km"),
    ("a 500-kilometre-long convoy", "500-kilometre-long", 500, 500, "km"),
    ("100 metres", "100 metres", 100, 100, "m"),
    ("50 meters", "50 meters", 50, 50, "m"),
    ("the 100m sprint", "100m", 100, 100, "m"),
    ("3 miles", "3 miles", 3, 3, "mi"),
    ("5kg", "5kg", 5, 5, "kg"),
    ("20 kilograms", "20 kilograms", 20, 20, "kg"),
    ("3 tonnes", "3 tonnes", 3, 3, "t"),
    ("2 tons", "2 tons", 2, 2, "t"),
    ("200 pounds", "200 pounds", 200, 200, "lb"),
    ("10 hours", "10 hours", 10, 10, "h"),
    ("36 hrs", "36 hrs", 36, 36, "h"),
    ("30 minutes", "30 minutes", 30, 30, "min"),
    ("45 mins", "45 mins", 45, 45, "min"),
    ("a 30-minute call", "30-minute", 30, 30, "min"),
    ("three days", "three days", 3, 3, "day"),
    ("45%", "45%", 45, 45, "%"),
    ("45 per cent", "45 per cent", 45, 45, "%"),
    ("12 percent", "12 percent", 12, 12, "%"),
    # qualifiers: lower bounds (low = N, as CONTRACT.md says)
    ("more than 40", "more than 40", 40, INF, None),
    ("over 125", "over 125", 125, INF, None),
    ("At least 16 killed", "At least 16", 16, INF, None),
    ("upwards of 200", "upwards of 200", 200, INF, None),
    ("15 or more", "15 or more", 15, INF, None),
    ("40-plus", "40-plus", 40, INF, None),
    ("40+ people", "40+", 40, INF, None),
    ("more than a dozen", "more than a dozen", 12, INF, None),
    # qualifiers: upper bounds
    ("fewer than 5", "fewer than 5", INF, 5, None),
    ("less than 1%", "less than 1%", INF, 1, "%"),
    ("up to 30,000", "up to 30,000", INF, 30000, None),
    ("within 30 minutes", "within 30 minutes", INF, 30, "min"),
    ("at most 3", "at most 3", INF, 3, None),
    ("no more than 10", "no more than 10", INF, 10, None),
    ("under 18", "under 18", INF, 18, None),
    # qualifiers: bands (about: ±10%; nearly: [0.9N, N])
    ("about 40", "about 40", 36, 44, None),
    ("around 200", "around 200", 180, 220, None),
    ("approximately 1,200", "approximately 1,200", 1080, 1320, None),
    ("roughly 50", "roughly 50", 45, 55, None),
    ("Some 40 people", "Some 40", 36, 44, None),
    ("an estimated 1.5 million", "an estimated 1.5 million", 1.35e6, 1.65e6, None),
    ("nearly 4,000", "nearly 4,000", 3600, 4000, None),
    ("almost 300", "almost 300", 270, 300, None),
    ("close to 100", "close to 100", 90, 100, None),
    # ranges
    ("between 20 and 30", "between 20 and 30", 20, 30, None),
    ("20 to 30 people", "20 to 30", 20, 30, None),
    ("20-30 people", "20-30", 20, 30, None),
    ("20–30 km", "20–30 km", 20, 30, "km"),
    ("two or three days", "two or three days", 2, 3, "day"),
    ("between 1 and 2 million", "between 1 and 2 million", 1e6, 2e6, None),
    ("10-15%", "10-15%", 10, 15, "%"),
    # vague plurals: at least two of the base
    ("dozens of troops", "dozens", 24, INF, None),
    ("Dozens were hurt", "Dozens", 24, INF, None),
    ("scores of people", "scores", 40, INF, None),
    ("hundreds fled", "hundreds", 200, INF, None),
    ("thousands marched", "thousands", 2000, INF, None),
    ("tens of thousands", "tens of thousands", 20000, INF, None),
    ("hundreds of thousands", "hundreds of thousands", 2e5, INF, None),
    ("millions watched", "millions", 2e6, INF, None),
    ("several hundred", "several hundred", 200, INF, None),
    ("millions of dollars", "millions of dollars", 2e6, INF, "USD"),
    # a year with a unit or a qualifier is a figure after all
    ("more than 2000 people", "more than 2000", 2000, INF, None),
    # ages: a figure of their own unit
    ("the 33-year-old actress", "33-year-old", 33, 33, "age"),
    ("a five-year-old boy", "five-year-old", 5, 5, "age"),
    ("aged 33", "33", 33, 33, "age"),
    ("Nora Pell, 71, who lives nearby", "71", 71, 71, "age"),
    ("Pell, 71, said", "71", 71, 71, "age"),
    ("said Mr Pell, 71.", "71", 71, 71, "age"),
    ("Tom Roe and Ann Lee, both 51, died", "51", 51, 51, "age"),
    ("Roe, age 34, was charged", "34", 34, 34, "age"),
    ("in 2019, at the age of 91, she wrote", "91", 91, 91, "age"),
    ("Ida Roe, the swimmer, dead at 91", "91", 91, 91, "age"),
    # upper bounds of an estimate, and a movement to a value
    ("as much as $4 million", "as much as $4 million", INF, 4e6, "USD"),
    ("as high as $9 million", "as high as $9 million", INF, 9e6, "USD"),
    ("as few as 10 people", "as few as 10", 10, INF, None),
    ("inched up to 23%", "up to 23%", 23, 23, "%"),
    ("rose to 23%", "23%", 23, 23, "%"),
    ("could reach up to 23%", "up to 23%", INF, 23, "%"),
    ("$45,000 and up", "$45,000 and up", 45000, INF, "USD"),
    # a range keeps its ends whatever loose word stands before it
    ("An estimated 15-60 percent", "An estimated 15-60 percent", 15, 60, "%"),
    ("about 20 to 30", "about 20 to 30", 20, 30, None),
    # halves, shares and spans of years written in words
    ("three and a half times as long", "three and a half", 3.5, 3.5, None),
    ("2 and a half years", "2 and a half years", 2.5, 2.5, "year"),
    ("less than half of what it earned", "less than half", INF, 50, "%"),
    ("half of its equipment", "half", 50, 50, "%"),
    ("two-thirds of voters", "two-thirds", 66.7, 66.7, "%"),
    ("over a week of denials", "over a week", 1, INF, "week"),
    ("the trio of senators", "trio", 3, 3, None),
    ("30 or more years", "30 or more years", 30, INF, "year"),
    ("almost three quarters of its budget", "almost three quarters", 67.5, 75, "%"),
    ("a quarter million visitors", "a quarter million", 250000, 250000, None),
    ("more than a decade later", "more than a decade", 10, INF, "year"),
    ("for decades", "decades", 20, INF, "year"),
    ("six months ago", "six months", 6, 6, "month"),
    # vague counts: the least (and most) the word allows
    ("several times", "several", 3, INF, None),
    ("several years", "several years", 3, INF, "year"),
    ("a few friends", "a few", 2, INF, None),
    ("multiple counts", "multiple", 2, INF, None),
    ("a couple of hours", "a couple of hours", 2, 3, "h"),
    ("a handful of shops", "a handful of", 2, 5, None),
    # units that convert, and currencies named in words
    ("41 million gallons", "41 million gallons", 41e6, 41e6, "gal"),
    ("250 billion riyals", "250 billion riyals", 250e9, 250e9, "SAR"),
    ("a 64-foot fir", "64-foot", 64, 64, "ft"),
    # a glued K counts thousands of a plural noun, or of money
    ("some 10K followers", "some 10K", 9000, 11000, None),
    ("made 50k units", "50k", 50000, 50000, None),
    ("raised $10K", "$10K", 10000, 10000, "USD"),
]


@pytest.mark.parametrize(("phrase", "written", "low", "high", "unit"), FIGURES)
def test_each_figure_reads_as_its_interval(
    phrase: str, written: str, low: float | None, high: float | None, unit: str | None
) -> None:
    found = find_quantities(phrase)
    assert len(found) == 1, found
    q = found[0]
    assert q.text == written
    assert phrase[q.span.start : q.span.end] == written
    assert q.low == (None if low is None else pytest.approx(low))
    assert q.high == (None if high is None else pytest.approx(high))
    assert q.unit == unit


NOT_FIGURES = [
    # dates and years standing alone
    "February 2, 2024",
    "Feb 2",
    "2 February",
    "on 7 October",
    "2024-02-02",
    "in 2024",
    "since 1999",
    "between 2020 and 2023",
    "in March 2023",
    # clock times
    "2:22 PM",
    "At 04.00 pm",
    "10:22 p.m",
    "at 1400 GMT",
    "between 2 and 3 p.m.",
    "2-3 pm",
    # time stamps of page furniture, ages in months
    "a six-month-old baby",
    "2 hours ago",
    # a record or a score alone in brackets
    "the Hawks (5-10) lost",
    "the Hawks (11-4) won",
    # list numbers, page counters, phones
    "1. First, the facts",
    "(8)    (12)",
    "+44 20 7946 0958",
    "call 555-123-4567",
    "call police on 0845 125 2222 or the line on 0800 555111.",
    "call (555) 123-4567 for details",
    # ordinals, fractions
    "third",
    "1st",
    "the 21st century",
    "twenty-first",
    "the 1990s",
    # names with numbers in them
    "B-1 bombers",
    "a U.S. M142 launcher",
    "the F-35",
    "the Burj 22 base",
    "under Article 5",
    "Covid-19",
    "the G7",
    "a Boeing 737",
    "7-Eleven",
    "Formula One",
    "the fire at Warehouse\u00a07",
    "the number 3 bus",
    "at 14 Rope Walk",
    "No. 10",
    "(Harbour Quest 2 is free this week)",
    # a glued K that counts nothing: a resolution or a race
    "streams in 4K on the big screen",
    "she ran a 5K race",
    # times like 24/7, scores, seasons
    "open 24/7",
    "a year ago",
    "the 2023-24 season",
    # words that look like figures and are not
    "quite a few",
    "One night while walking home",
    "the second half",
    "half an hour later",
    "a half-brother",
    "a quarter",
    # old years
    "in 1609",
    "In July 1609",
    "no one",
    "one of them",
    "test scores",
    "a number of",
    "",
]


@pytest.mark.parametrize("phrase", NOT_FIGURES)
def test_things_that_are_not_figures(phrase: str) -> None:
    assert find_quantities(phrase) == []


def _read(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    found = find_quantities(text)
    for q in found:
        assert text[q.span.start : q.span.end] == q.text
    return [(q.text, q.low, q.high, q.unit) for q in found]


def test_spans_point_at_the_figures_of_a_sentence() -> None:
    text = "The strikes killed at least 16 people and wounded 25 others on February 2."
    found = find_quantities(text)
    assert [(q.span.start, q.span.end) for q in found] == [(19, 30), (50, 52)]
    assert [(q.text, q.low, q.high) for q in found] == [("at least 16", 16, None), ("25", 25, 25)]
    assert found[0].qualifier == "at least"
    assert found[1].qualifier is None and found[1].why is None


def test_a_qualifier_says_why() -> None:
    (q,) = find_quantities("about 40")
    assert q.qualifier == "about"
    assert q.why is not None and "10%" in q.why
    assert ABOUT_BAND == 0.10


def test_a_sentence_of_a_fire_report() -> None:
    text = (
        "Rescue teams said the fire spread across 12 kilometres of hillside within six hours, "
        "forcing some 3,500 people from their homes."
    )
    assert _read(text) == [
        ("12 kilometres", 12, 12, "km"),
        ("within six hours", None, 6, "h"),
        ("some 3,500", 3150, 3850, None),
    ]


def test_dates_ordinals_and_years_around_figures() -> None:
    text = (
        "The council approved a £4.2 million repair plan on 7 October, its third in 2023, "
        "covering between 40 and 50 buildings."
    )
    assert _read(text) == [
        ("£4.2 million", 4.2e6, 4.2e6, "GBP"),
        ("between 40 and 50", 40, 50, None),
    ]


def test_times_give_way_to_counts_and_ages() -> None:
    text = (
        "At 10:22 p.m. local time, a 29-year-old driver and two passengers were taken to "
        "hospital; dozens more were treated at the scene."
    )
    assert _read(text) == [
        ("29-year-old", 29, 29, "age"),
        ("two", 2, 2, None),
        ("dozens", 24, None, None),
    ]


def test_money_and_shares_in_one_sentence() -> None:
    text = (
        "The company, which employs 1.2 million people and posted $50m in profit, said up to "
        "15% of staff could go."
    )
    assert _read(text) == [
        ("1.2 million", 1.2e6, 1.2e6, None),
        ("$50m", 50e6, 50e6, "USD"),
        ("up to 15%", None, 15, "%"),
    ]


def test_names_with_numbers_are_passed_over() -> None:
    text = "Flight 370 and the F-35 programme each cost more than $1bn, under Article 5 rules."
    assert _read(text) == [("more than $1bn", 1e9, None, "USD")]


def test_a_title_case_headline_still_has_figures() -> None:
    assert _read("Drone Strike Kills Three, Wounds More Than 30 Soldiers") == [
        ("Three", 3, 3, None),
        ("More Than 30", 30, None, None),
    ]
    assert _read("US Strikes 85 Targets In Iraq And Syria") == [("85", 85, 85, None)]


def test_from_to_is_a_change_not_a_range() -> None:
    assert _read("Inflation rose from 2.5% to 3.1% in a year.") == [
        ("2.5%", 2.5, 2.5, "%"),
        ("3.1%", 3.1, 3.1, "%"),
    ]


def test_a_live_blog_entry_keeps_its_stamp_out() -> None:
    text = "February 3, 6:07 AM\n\nAt least 16 killed and 25 wounded in raids, officials say"
    assert _read(text) == [("At least 16", 16, None, None), ("25", 25, 25, None)]


@pytest.mark.parametrize("spelling", sorted(UNITS))
def test_every_unit_spelling_in_the_table_reads(spelling: str) -> None:
    for text in (f"7 {spelling}", f"7{spelling}"):
        (q,) = find_quantities(text)
        assert (q.text, q.low, q.unit) == (text, 7, UNITS[spelling])


@pytest.mark.parametrize("written", sorted(QUALIFIERS))
def test_every_qualifier_in_front_reads(written: str) -> None:
    (q,) = find_quantities(f"{written.capitalize()} 40 people")
    assert q.text == f"{written.capitalize()} 40"
    assert q.qualifier == written
    assert q.why


@pytest.mark.parametrize("written", sorted(POST_QUALIFIERS))
def test_every_qualifier_behind_reads(written: str) -> None:
    text = "40" + ("" if written[0] in "+-" else " ") + written
    (q,) = find_quantities(text + " people")
    assert (q.text, q.qualifier) == (text, written)


def test_no_break_spaces_join_what_they_join() -> None:
    assert _read("a 5\u00a0km walk for 50\u202f000 people, more\u00a0than\u00a040 km") == [
        ("5\u00a0km", 5, 5, "km"),
        ("50\u202f000", 50000, 50000, None),
        ("more\u00a0than\u00a040 km", 40, None, "km"),
    ]


def test_a_range_and_a_plural_say_why() -> None:
    (r,) = find_quantities("between 20 and 30")
    assert r.why is not None and "range" in r.why
    (v,) = find_quantities("hundreds")
    assert v.why is not None and "two" in v.why


def test_words_spell_numbers() -> None:
    assert word_value("two hundred and fifty") == 250
    assert word_value("a hundred") == 100
    assert word_value("half a dozen") == 6
    assert word_value("three thousand five hundred") == 3500
    assert word_value("banana") is None


def test_every_result_is_a_quantity_in_order() -> None:
    text = "three were in Iraq and four were in Syria, of the seven total strike locations"
    found = find_quantities(text)
    assert all(isinstance(q, Quantity) for q in found)
    assert [q.text for q in found] == ["three", "four", "seven"]
    assert [q.span.start for q in found] == sorted(q.span.start for q in found)


_PIECES = [
    "1",
    "2",
    "0",
    "9",
    "16",
    "1,200",
    ",",
    ".",
    "-",
    "–",
    " ",
    "\n",
    "\u00a0",
    "$",
    "£",
    "€",
    "m",
    "bn",
    "k",
    "%",
    "per cent",
    "more than",
    "between",
    "and",
    "to",
    "or",
    "a",
    "dozen",
    "half",
    "hundred",
    "million",
    "one",
    "One",
    "twenty",
    "-five",
    "year-old",
    "February",
    "pm",
    "a.m.",
    ":",
    "/",
    "(",
    ")",
    "+",
    "~",
    "<",
    "Rs",
    "US$",
    "km",
    "pounds",
    "dozens",
    "tens of",
    "B-",
    "Burj",
    "The",
    "from",
    "ago",
    "or more",
    "-plus",
    "٣",
    "²",
    "9" * 400,
    "\x00",
]


def test_never_raises_and_spans_hold_whatever_the_input() -> None:
    rng = random.Random(20240202)
    for _ in range(3000):
        if rng.random() < 0.2:
            text = "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(0, 80)))
        else:
            text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        for q in find_quantities(text):
            assert text[q.span.start : q.span.end] == q.text
            assert q.low is None or q.high is None or q.low <= q.high


def test_a_conversion_in_brackets_is_marked_as_the_same_figure() -> None:
    found = find_quantities("the 12-metre (40-foot) boat")
    assert [(q.text, q.unit) for q in found] == [("12-metre", "m"), ("40-foot", "ft")]
    assert found[0].why is None or "restated" not in found[0].why
    assert "restated in another unit" in (found[1].why or "")
    # money in two currencies is two figures: exchange rates move
    found = find_quantities("250 billion riyals ($67 billion)")
    assert [(q.text, q.unit) for q in found] == [
        ("250 billion riyals", "SAR"),
        ("$67 billion", "USD"),
    ]
    assert not any("restated" in (q.why or "") for q in found)


def test_scores_and_votes_are_two_figures_seasons_none() -> None:
    assert _read("The bill was adopted 19-8 by the committee.") == [
        ("19", 19, 19, None),
        ("8", 8, 8, None),
    ]
    assert _read("a 3-1 win") == [("3", 3, 3, None), ("1", 1, 1, None)]
    assert _read("the 2023-24 season") == []
    # a pair that runs down is one score, marked so; one that runs up is a range
    assert {q.why for q in find_quantities("an 89-79 win")} == {SCORE_WHY}
    assert [q.why for q in find_quantities("10-20 people")] != [SCORE_WHY]


def test_a_qualifier_behind_opens_the_end_the_one_in_front_left() -> None:
    assert _read("cars that sell for about $45,000 and up") == [
        ("about $45,000 and up", 40500, None, "USD")
    ]
    assert _read("sales fell by a few percent") == [("a few percent", 2, None, "%")]
