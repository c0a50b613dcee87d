"""Syndicated copies: the example's wire story, and pairs written to probe the rule."""

from __future__ import annotations

from datetime import date

from newsweave.cluster.copies import containment, find_copies, shingle_set
from newsweave.model import Article, Span
from newsweave.pipeline import read_articles
from paths import EXAMPLES

WIRE = [
    "Four firefighters were injured and 250 residents were forced from their homes after fire "
    "tore through a warehouse in the harbour of Port Calder late on Tuesday, the town's fire "
    "service said.",
    "The blaze at Warehouse 7 on North Quay, which is operated by Meridale Logistics, was "
    "reported at 9:47 p.m. and was brought under control at 11:45 a.m. on Wednesday, fourteen "
    "hours later. More than 80 firefighters fought the flames at the height of the fire.",
    "The four injured firefighters were taken to Calder General Hospital with burns and smoke "
    "inhalation. Their injuries are not thought to be life-threatening, according to the "
    "Port Calder Fire and Rescue Service.",
    "Chief Fire Officer Owen Braddock said the building had stored wood pellets and that crews "
    "had worked through the night to stop the fire spreading to neighbouring sheds.",
    "Residents of the streets near the quay were allowed to return home on Wednesday afternoon, "
    "and an investigation into the cause of the fire has begun.",
]

REWRITE = [
    "A fire that destroyed a wood-pellet store on Port Calder's North Quay left four "
    "firefighters in hospital, officials said on Wednesday.",
    "Crews battled the flames for fourteen hours. Around 250 people living near the harbour "
    "spent the night away from home while more than 80 firefighters worked to contain it.",
    "Owen Braddock, the chief fire officer, told reporters the injured crew members had burns "
    "and had breathed in smoke, but were expected to recover.",
    "Meridale Logistics, which runs the warehouse, said it was cooperating with investigators.",
]


def article(paragraphs: list[str], title: str = "", day: date | None = None) -> Article:
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append(Span(pos, pos + len(p)))
        pos += len(p) + 2
    return Article(f"mem://{title}", text, tuple(spans), title=title or None, published=day)


def test_example_wire_story_is_one_copy() -> None:
    articles, problems = read_articles([EXAMPLES / "harbour-fire", EXAMPLES / "unrelated"])
    assert not problems
    names = [a.origin.rsplit("/", 1)[1] for a in articles]
    copies = find_copies(articles)
    assert len(copies) == 1
    ((copy, original),) = copies.items()
    assert {names[copy], names[original]} == {"southshore-gazette.html", "bayline-news.txt"}
    # The full printing, published first, is the original; the trimmed one is the copy.
    assert names[original] == "southshore-gazette.html"


def test_other_headline_furniture_and_trimmed_last_paragraph_is_a_copy() -> None:
    full = article(WIRE, "Firefighters hurt as blaze guts harbour warehouse", date(2025, 3, 12))
    trimmed = article(
        ["Search", "BREAKING", *[p.replace("'", "’") for p in WIRE[:-1]], "Share this article"],
        "Four hurt in Port Calder warehouse fire",
        date(2025, 3, 12),
    )
    assert find_copies([trimmed, full]) == {0: 1}


def test_same_event_in_other_words_is_not_a_copy() -> None:
    assert find_copies([article(WIRE, "wire"), article(REWRITE, "rewrite")]) == {}


def test_original_is_earliest_then_fullest_then_first() -> None:
    early_short = article(WIRE[:-1], "a", date(2025, 3, 11))
    late_full = article(WIRE, "b", date(2025, 3, 12))
    assert find_copies([late_full, early_short]) == {0: 1}
    assert find_copies([article(WIRE[:-1], "c"), article(WIRE, "d")]) == {0: 1}
    assert find_copies([article(WIRE, "e"), article(WIRE, "f")]) == {1: 0}


def test_copies_of_copies_point_at_one_original() -> None:
    docs = [article(WIRE, "a", date(2025, 3, 12)), article(WIRE[:-1], "b"), article(WIRE[1:], "c")]
    assert find_copies(docs) == {1: 0, 2: 0}


def test_short_texts_are_never_copies() -> None:
    line = ["Council backs new bus route."]
    assert find_copies([article(line, "a"), article(line, "b")]) == {}


def test_containment_ignores_case_and_punctuation() -> None:
    a = shingle_set('The fire, said Chief Owen Braddock, "was huge" and spread fast.', 5)
    b = shingle_set("the fire said chief owen braddock was huge and spread fast", 5)
    assert containment(a, b) == 1.0
