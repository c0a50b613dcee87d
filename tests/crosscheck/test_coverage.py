"""What each outlet alone reports, on small stories written for these tests and on the example
story; and the coverage section of the terminal and Markdown formats."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

import pytest
from rich.console import Console

from newsweave.analyze import analyze_articles
from newsweave.brief.story import analysed_story, make_brief
from newsweave.crosscheck.claims import align
from newsweave.crosscheck.coverage import MAX_PER_ARTICLE, independence, unique_facts
from newsweave.crosscheck.entities import merge_entities
from newsweave.model import (
    Article,
    QuoteGroup,
    QuoteVariant,
    Span,
    Story,
    Unique,
)
from newsweave.pipeline import read_articles
from newsweave.render.sections import coverage_markdown, coverage_table
from paths import EXAMPLES


def page(text: str, outlet: str | None = None, headline: bool = False) -> Article:
    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
    return Article(
        origin=f"{outlet or 'page'}.txt",
        text=text,
        paragraphs=paragraphs,
        outlet=outlet,
        headline=paragraphs[0] if headline else None,
        title=paragraphs[0].of(text) if headline else None,
    )


def analysed(*pages: Article) -> Story:
    return analysed_story(analyze_articles(pages))


def coverage(
    story: Story, copies: Mapping[str, str] | None = None, quotes: Sequence[QuoteGroup] = ()
) -> dict[str, tuple[Unique, ...]]:
    return dict(unique_facts(replace(story, copies=copies or {}), align(story), quotes))


def texts(items: Sequence[Unique]) -> str:
    return "\n".join(u.text for u in items)


POST = page(
    "The Orrin Dam gave way on Monday night and floodwater poured into 40 homes in Vellmar.\n\n"
    "Engineers had warned in March that the spillway was cracked, according to letters seen by the Post.\n\n"
    "Of the 40 homes, 25 were on Mill Lane and 15 were on River Row.\n\n"
    "Resident Hanna Lor said the water reached her bedroom window within minutes.",
    outlet="Valley Post",
)
TIMES = page(
    "The Orrin Dam burst late on Monday, and floodwater entered 40 homes in the town of Vellmar.\n\n"
    "Rescue crews used inflatable boats to reach 12 families trapped on upper floors.\n\n"
    "The regional water board has ordered urgent checks on three other dams upstream.",
    outlet="River Times",
)
WIRE = page(
    "Floodwater from the failed Orrin Dam swamped 40 homes in Vellmar on Monday night, officials said.\n\n"
    "The mayor, Piet Arlo, asked the army for sandbags and drinking water.",
    outlet="Northern Wire",
)


@pytest.fixture(scope="module")
def story() -> Story:
    return analysed(POST, TIMES, WIRE)


def test_each_outlet_has_its_own_facts(story: Story) -> None:
    cov = coverage(story)
    assert "Engineers had warned in March" in texts(cov["a1"])
    warned = next(u for u in cov["a1"] if "Engineers" in u.text)
    assert "Post" not in warned.why  # an outlet naming itself is no news
    assert "Hanna Lor" in texts(cov["a1"])
    assert "inflatable boats" in texts(cov["a2"])
    assert "three other dams" in texts(cov["a2"])
    assert "Piet Arlo" in texts(cov["a3"])


def test_what_most_outlets_say_is_never_unique(story: Story) -> None:
    cov = coverage(story)
    for items in cov.values():
        for u in items:
            assert "Dam gave way" not in u.text
            assert "Dam burst" not in u.text
            assert "swamped 40 homes" not in u.text


def test_figures_of_its_own_next_to_a_shared_one(story: Story) -> None:
    # "40 homes" is everyone's; "25 on Mill Lane, 15 on River Row" is the Post's alone.
    assert "25 were on Mill Lane" in texts(coverage(story)["a1"])


def test_entities_merged_once_give_the_same_answer(story: Story) -> None:
    claims = align(story)
    given = unique_facts(story, claims, entities=merge_entities(story))
    assert given == unique_facts(story, claims)


def test_unique_items_point_at_their_text(story: Story) -> None:
    arts = dict(story.analysed())
    for aid, items in coverage(story).items():
        assert len(items) <= MAX_PER_ARTICLE
        for u in items:
            assert u.article == aid
            assert arts[aid].article.text[u.span.start : u.span.end] == u.text
            assert u.why


def test_a_reprint_is_not_an_independent_outlet() -> None:
    reprint = page(
        TIMES.text + "\n\nThe council said schools would reopen on Thursday.", "Bay Herald"
    )
    story = analysed(POST, TIMES, WIRE, reprint)
    # Counted as an outlet of its own, the reprint would make the Times' facts common ground.
    assert "inflatable boats" not in texts(coverage(story)["a2"])
    cov = coverage(story, copies={"a4": "a2"})
    assert "inflatable boats" in texts(cov["a2"])
    # The shared text is listed under the original only; the reprint keeps what it adds.
    assert "inflatable boats" not in texts(cov["a4"])
    assert "schools would reopen" in texts(cov["a4"])


def test_two_pages_of_one_outlet_do_not_confirm_each_other() -> None:
    live = page(
        "Rescue crews used inflatable boats to reach 12 families trapped on upper floors, the Times hears.",
        outlet="River Times",
    )
    story = analysed(POST, TIMES, WIRE, live)
    family = independence(story.analysed(), {})
    assert family["a4"] == family["a2"]
    cov = coverage(story)
    assert "inflatable boats" in texts(cov["a2"])
    assert "inflatable boats" in texts(cov["a4"])


def test_a_quote_other_outlets_print_is_not_unique(story: Story) -> None:
    text = dict(story.analysed())["a1"].article.text
    at = text.index("the water reached")
    span = Span(at, text.index(" within minutes"))
    wire_text = dict(story.analysed())["a3"].article.text
    other = Span(0, 10)
    group = QuoteGroup(
        "q1",
        "Hanna Lor",
        span.of(text),
        (
            QuoteVariant("a1", span, span.of(text), "Hanna Lor", "faithful"),
            QuoteVariant("a3", other, other.of(wire_text), "Hanna Lor", "faithful"),
        ),
    )
    assert "Hanna Lor" not in texts(coverage(story, quotes=[group])["a1"])


def test_headlines_are_not_facts() -> None:
    lead = page(
        "Vellmar mayor blames council for dam collapse\n\n"
        "The Orrin Dam gave way on Monday night and floodwater poured into 40 homes in Vellmar.",
        outlet="Gazette",
        headline=True,
    )
    cov = coverage(analysed(lead, TIMES, WIRE))
    assert "blames council" not in texts(cov["a1"])


def test_one_source_has_nothing_to_compare_with() -> None:
    assert coverage(analysed(POST)) == {"a1": ()}


def test_the_list_is_short_and_ranked() -> None:
    long = page(
        "\n\n".join(
            f"Volunteer {name} carried {n} sandbags to the flood wall on the {street} before dawn."
            for name, n, street in [
                ("Ada Brun", 30, "north side"),
                ("Emil Sato", 41, "south quay"),
                ("Lena Marsh", 52, "mill race"),
                ("Oskar Veld", 63, "church path"),
                ("Rita Kohl", 74, "school yard"),
                ("Tomas Wren", 85, "station road"),
                ("Uma Field", 96, "market square"),
                ("Vera Moss", 107, "bridge end"),
            ]
        ),
        outlet="Gazette",
    )
    items = coverage(analysed(long, TIMES, WIRE))["a1"]
    assert len(items) == MAX_PER_ARTICLE


# -- the example story ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> tuple[dict[str, str], dict[str, tuple[Unique, ...]]]:
    arts, _ = read_articles([EXAMPLES / "harbour-fire"])
    story = analysed(*arts)
    files = {
        aid: a.origin.replace("\\", "/").rsplit("/", 1)[-1]
        for aid, a in zip(story.ids, story.articles, strict=True)
    }
    ids = {f: aid for aid, f in files.items()}
    # The Coastline Press wire story, printed by Bayline News and the Southshore Gazette.
    copies = {ids["bayline-news.txt"]: ids["southshore-gazette.html"]}
    cov = dict(unique_facts(replace(story, copies=copies), align(story)))
    return ids, cov


@pytest.mark.parametrize(
    ("file", "fact"),
    [
        ("harbour-herald.html", "Nora Pell"),
        ("harbour-herald.html", "Calder Sailing Club"),
        ("harbour-herald-live.txt", "Quayside Primary School is closed"),
        ("harbour-herald-live.txt", "Inchmore"),
        ("calder-evening-post.txt", "two fire doors"),
        ("calder-evening-post.txt", "six of its members"),
        ("southshore-gazette.html", "passenger ferry terminal"),
        ("southshore-gazette.html", "about 40 people"),
        ("tidewater-record.md", "within six weeks"),
        ("tidewater-record.md", "Imran Sayer"),
    ],
)
def test_example_story_planted_facts(
    example: tuple[dict[str, str], dict[str, tuple[Unique, ...]]], file: str, fact: str
) -> None:
    ids, cov = example
    assert fact in texts(cov[ids[file]])


def test_example_story_reprint_and_common_ground(
    example: tuple[dict[str, str], dict[str, tuple[Unique, ...]]],
) -> None:
    ids, cov = example
    assert cov[ids["bayline-news.txt"]] == ()  # every line of it is in the Gazette's copy
    everything = "\n".join(texts(items) for items in cov.values())
    for common in ("300 tonnes", "14 hours", "fourteen hours", "not at risk of collapse"):
        assert common not in everything


# -- rendering -----------------------------------------------------------------------------


def test_coverage_sections_escape_article_text() -> None:
    a = Article(origin="x/a.txt", text="[red]Only* here.", paragraphs=(Span(0, 16),), outlet="Post")
    item = Unique("a1", Span(0, 16), "[red]Only* here.")
    brief = replace(make_brief([a]), coverage=(("a1", (item,)),))
    console = Console(record=True, width=200)
    console.print(coverage_table(brief))
    assert "[red]Only* here." in console.export_text()
    lines = coverage_markdown(brief)
    assert "Only in Post (a1):" in lines
    assert "- \\[red\\]Only\\* here. \\[a1\\]" in lines
    assert coverage_markdown(replace(brief, coverage=(("a1", ()),))) == []
