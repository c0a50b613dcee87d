"""A page without a headline gets its lead's first clause as an inferred title."""

from __future__ import annotations

import pytest

from newsweave.extract import extract_article
from newsweave.extract.blocks import Block
from newsweave.extract.titles import inferred_title
from newsweave.model import RawDocument


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "PORT CALDER – Ferry workers walked out on Tuesday over new rosters, the union said.",
            "Ferry workers walked out on Tuesday over new rosters",
        ),
        (
            "PORT CALDER (Example Wire) — The harbour master closed the pier on Monday after "
            "cracks were found. Repairs start next week.",
            "The harbour master closed the pier on Monday after cracks were found",
        ),
        (
            "(Example TV) The storm that hit the coast -- the worst in a decade -- closed roads.",
            "The storm that hit the coast",
        ),
        (
            "Lt. Col. Maria Duarte said the pier would reopen in May once repairs are done.",
            "Lt. Col. Maria Duarte said the pier would reopen in May once repairs are done",
        ),
        # a comma between two modifiers of one noun is no clause's end
        (
            "Calder police arrested a 60-year-old, retired skipper in the 1987 sinking, the "
            "chief said.",
            "Calder police arrested a 60-year-old, retired skipper in the 1987 sinking",
        ),
    ],
)
def test_the_lead_clause_is_the_title(lead: str, title: str) -> None:
    assert inferred_title([Block(lead)]) == title


def test_a_lead_with_markup_gives_no_title() -> None:
    lead = "Harbour officials <script>alert(1)</script> said on Monday the terminal reopens."
    assert inferred_title([Block(lead)]) is None


def test_a_long_clause_is_cut_and_marked() -> None:
    lead = " ".join(["word"] * 30) + "."
    title = inferred_title([Block(lead)])
    assert title is not None and title.endswith(" …") and len(title.split()) == 21


def test_furniture_never_becomes_the_title() -> None:
    blocks = [Block("Embed Pier video 1:02 autoplay", "video player text"), Block("Short line")]
    assert inferred_title(blocks) is None


def _raw(text: str) -> RawDocument:
    return RawDocument("t.txt", text.encode(), text, "text/plain", "utf-8")


def test_an_article_without_a_headline_has_an_inferred_title() -> None:
    body = (
        "The harbour master closed the pier on Monday after divers found cracks in two of its "
        "piers, and said it would stay shut for at least a week.\n\n"
        "Ferries will sail from the north quay until repairs are done, the port said.\n"
    )
    a = extract_article(_raw(body))
    assert (
        a.title
        == "The harbour master closed the pier on Monday after divers found cracks in two of its piers"
    )
    assert a.title_inferred and a.headline is None
    assert a.text.startswith("The harbour master closed")


def test_a_printed_headline_is_not_inferred() -> None:
    page = "Pier closed after divers find cracks\n\n" + (
        "The harbour master closed the pier on Monday after divers found cracks in two of its "
        "piers, and said it would stay shut for at least a week.\n"
    )
    a = extract_article(_raw(page))
    assert a.title == "Pier closed after divers find cracks" and not a.title_inferred


def test_a_list_of_names_has_no_headline() -> None:
    lines = [f"Judge Number{i} of Someplace, Court of Appeals for the District" for i in range(8)]
    page = "\n\n".join(lines) + "\n\nThe court said the list would be published again next year.\n"
    a = extract_article(_raw(page))
    assert not (a.title or "").startswith("Judge Number")
