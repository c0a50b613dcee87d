"""The brief's story: every input unless one is clearly about something else."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.cluster.features import Vector
from newsweave.cluster.membership import BELONG, Profile, belonging, gather
from newsweave.model import Article, Span

# A toy encoder: a text's direction is set by which topic words it holds, so tests need no
# model. Ferry reports point one way, a background piece on the harbour partly that way, a
# bakery report elsewhere.
TOPICS = ("ferry", "harbour", "bakery")


def encode(texts: Sequence[str]) -> Vector:
    rows = []
    for t in texts:
        low = t.lower()
        v = np.array([low.count(w) + 0.01 for w in TOPICS], dtype=np.float32)
        rows.append(v / np.linalg.norm(v))
    return np.stack(rows)


def article(name: str, body: str) -> Article:
    return Article(origin=name, text=body, paragraphs=(Span(0, len(body)),))


PAD = (
    " Passengers were taken ashore by lifeboat and the harbour master closed the channel while "
    "divers checked the hull; the operator said sailings would resume once the ferry is towed "
    "to the yard, and that it would pay for hotels for travellers stuck on the island tonight."
)
FERRY = [
    article(
        "a", "The Port Calder ferry ran aground on Tuesday; the ferry had 40 people aboard." + PAD
    ),
    article("b", "A ferry ran aground near Port Calder harbour, said captain Rhona Tait." + PAD),
    article("c", "Rhona Tait steered the stricken ferry back to Port Calder on Wednesday." + PAD),
]
BAKERY = article(
    "d",
    "A bakery in Lindmoor won a prize for its rye bread, said Ola Brenn, who has baked there "
    "for thirty years and plans to enter the national contest in the spring with a new loaf "
    "made from local flour, honey and seeds; the judges praised the crust, the crumb and the "
    "smell of the bakery, which opens at five every morning and sells out by noon most days.",
)
BACKGROUND = article("e", "Port Calder harbour has had a ferry service since 1910.")


def test_singletons_gather_into_one_story_and_the_stray_stays_out() -> None:
    arts = [*FERRY, BAKERY]
    stories = gather(arts, [[0], [1], [2], [3]], encode)
    assert stories == [[0, 1, 2], [3]]


def test_a_background_piece_joins_the_reports() -> None:
    arts = [*FERRY, BACKGROUND]
    assert gather(arts, [[0, 1, 2], [3]], encode) == [[0, 1, 2, 3]]


def test_the_main_story_is_chosen_by_content_not_file_order() -> None:
    # The stray comes first in the input and the groups are the same size.
    arts = [BAKERY, FERRY[0]]
    stories = gather(arts, [[0], [1]], encode)
    assert sorted(map(len, stories)) == [1, 1]  # two singletons stay apart
    arts = [BAKERY, *FERRY]
    assert gather(arts, [[0], [1], [2], [3]], encode)[0] == [1, 2, 3]


def test_an_article_inside_the_main_group_that_is_about_something_else_leaves_it() -> None:
    arts = [*FERRY, BAKERY]
    assert gather(arts, [[0, 1, 2, 3]], encode) == [[0, 1, 2], [3]]


def test_belonging_adds_names_and_vector_cosine() -> None:
    v = np.array([1.0, 0.0], dtype=np.float32)
    a = Profile({"tait": 1.0}, v)
    b = Profile({"tait": 1.0}, v)
    assert belonging(a, b) == 2.0
    assert belonging(Profile({}, v), Profile({}, np.array([0.0, 1.0], dtype=np.float32))) < BELONG


def test_too_little_text_to_judge_stays_with_the_story() -> None:
    stub = article("s", "Captain Rhona Tait said the Port Calder ferry would sail again.")
    arts = [*FERRY, stub]
    assert gather(arts, [[0, 1, 2], [3]], encode) == [[0, 1, 2, 3]]
    assert gather(arts, [[0, 1, 2, 3]], encode) == [[0, 1, 2, 3]]


def test_a_short_piece_that_shares_nothing_is_left_out() -> None:
    """Too little text to judge is no pass for a notice that names nothing of the story and
    means something else (a bakery's prize beside a ferry grounding)."""
    stub = article("s", "A bakery won a prize.")
    arts = [*FERRY, stub]
    assert gather(arts, [[0, 1, 2], [3]], encode) == [[0, 1, 2], [3]]
    assert gather(arts, [[0, 1, 2, 3]], encode) == [[0, 1, 2], [3]]


def test_a_report_of_another_event_in_the_same_town_is_left_out() -> None:
    """The example folder's council story shares the town and an outlet with the fire story,
    enough names to pass the absolute line, but a third of what the fire reports score."""
    from newsweave.pipeline import brief_stories, read_articles
    from paths import EXAMPLES

    articles, _ = read_articles([EXAMPLES])
    stories = brief_stories(articles)
    fire = stories[0]
    assert all("unrelated" not in a.article.origin for a in fire.articles)
    assert any("unrelated" in x.origin for x in fire.left_out)
