"""Views read beside speech when asked (``--views``), on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsweave.analyze import analyze, analyze_articles
from newsweave.analyze.limits import Limits
from newsweave.analyze.views import VIEW_LEMMAS, has_view
from newsweave.model import Attribution
from newsweave.pipeline import read_articles
from paths import EXAMPLES
from texts import article


def read(text: str, views: bool = True) -> list[Attribution]:
    found = list(analyze(article(text), Limits(views=views)).attributions)
    for a in found:
        assert 0 <= a.span.start < a.span.end <= len(text)
    return found


def seen(text: str, views: bool = True) -> list[tuple[str, str | None, str]]:
    found = read(text, views)
    return [(a.span.of(text), a.source, a.kind + (" view" if a.view else "")) for a in found]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Mayor Delia Marrant backs the plan to rebuild the pier before the summer.",
            "the plan to rebuild the pier before the summer",
            "Delia Marrant",
        ),
        (
            "Councillor Tom Ellery accused the harbour board of misleading the town.",
            "the harbour board of misleading the town",
            "Tom Ellery",
        ),
        (
            "The ferry union criticised the decision to close the crossing in winter.",
            "the decision to close the crossing in winter",
            "The ferry union",
        ),
        (
            "Harbourmaster Ana Okafor assumes the pier will reopen in May.",
            "the pier will reopen in May",
            "Ana Okafor",
        ),
        (
            "A survey of traders showed strong support for a new sea wall.",
            "strong support for a new sea wall",
            "A survey of traders",
        ),
    ],
)
def test_a_view_is_attributed_to_its_holder_when_asked(
    text: str, content: str, source: str
) -> None:
    assert seen(text) == [(content, source, "indirect view")]
    assert seen(text, views=False) == []  # by default only what is said counts


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Delia Marrant backed it on Tuesday after a long meeting.",  # no view in "it"
        "I support the plan to rebuild the pier before the summer.",  # the writer's own
        "The plan was criticised by traders who use the pier every day.",  # a passive
        "Marrant plans to criticise the harbour board at the next meeting.",  # not yet
        "The board did not answer a request to confirm the figure of 40 injured.",  # nor here
        "Armed men attacked a convoy of lorries near the harbour on Sunday.",  # a deed
    ],
)
def test_no_view_without_a_holder_or_a_view(text: str) -> None:
    assert seen(text) == []


def test_speech_keeps_its_own_reading() -> None:
    text = "Mayor Delia Marrant said she backs the plan to rebuild the pier."
    assert ("she backs the plan to rebuild the pier", "Delia Marrant", "indirect") in seen(text)
    # a quotation after the colon is what was said, not the object of the view verb
    text = "Councillor Tom Ellery denied the report: “It is simply false.”"
    assert seen(text) == [("“It is simply false.”", "Tom Ellery", "direct")]


def test_a_view_inside_speech_leaves_the_speech_whole() -> None:
    # the quotation is Roe's, whose clause holds it, not the narrower view's
    text = (
        "Councillor Dana Roe said Tom Ellery backs a plan “to save the harbour for our "
        "children and for theirs”."
    )
    a = analyze(article(text), Limits(views=True))
    assert [q.speaker for q in a.quotes] == ["Dana Roe"]
    assert [(x.source, x.view) for x in a.attributions] == [
        ("Dana Roe", False),
        ("Tom Ellery", True),
    ]
    # a verb of blame with a scare quote in its object is a view, not a quotation
    text = "Councillor Tom Ellery criticised the “reform” plan to close the pier in winter."
    assert seen(text) == [
        ("the “reform” plan to close the pier in winter", "Tom Ellery", "indirect view")
    ]


def test_views_change_nothing_of_the_speech_read() -> None:
    articles, _ = read_articles([EXAMPLES / "harbour-fire"])
    plain = analyze_articles(articles)
    both = analyze_articles(articles, Limits(views=True))
    assert sum(x.view for a in both for x in a.attributions) > 0
    for p, b in zip(plain, both, strict=True):
        assert p.quotes == b.quotes
        assert p.attributions == tuple(x for x in b.attributions if not x.view)


def test_every_form_of_a_view_verb_is_known_without_the_lemmatizer() -> None:
    assert VIEW_LEMMAS["criticised"] == "criticise"
    assert VIEW_LEMMAS["thought"] == "think"
    assert VIEW_LEMMAS["understood"] == "understand"
    assert has_view("The union Backs it.")
    assert not has_view("The union met.")
