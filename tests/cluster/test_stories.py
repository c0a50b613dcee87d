"""Stories: the example story holds together, the unrelated article stays out; determinism."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pytest

from newsweave.cluster.stories import (
    Cluster,
    StoryClusterer,
    cluster_stories,
    publication_order,
    stories_dict,
)
from newsweave.model import Article, Span
from newsweave.options import StoryOptions
from newsweave.pipeline import read_articles
from paths import EXAMPLES


@pytest.fixture(scope="module")
def example() -> list[Article]:
    articles, problems = read_articles([EXAMPLES / "harbour-fire", EXAMPLES / "unrelated"])
    assert not problems
    return articles


def name(article: Article) -> str:
    return article.origin.rsplit("/", 1)[1]


def test_harbour_fire_is_one_story_and_bus_route_another(example: list[Article]) -> None:
    stories = cluster_stories(example)
    assert len(stories) == 2
    fire, bus = stories
    assert {name(example[i]) for i in fire.members} == {
        "bayline-news.txt",
        "calder-evening-post.txt",
        "harbour-herald-live.txt",
        "harbour-herald.html",
        "southshore-gazette.html",
        "tidewater-record.md",
    }
    assert [name(example[i]) for i in bus.members] == ["council-bus-route.txt"]
    assert fire.title and "warehouse" in fire.title.lower()


def test_clustering_is_deterministic(example: list[Article]) -> None:
    first = cluster_stories(example)
    assert cluster_stories(example) == first
    assert cluster_stories(list(example)) == first


def test_stories_dict_lists_articles_by_input_ids(example: list[Article]) -> None:
    stories = cluster_stories(example)
    out = stories_dict(stories, example)
    assert [s["id"] for s in out["stories"]] == [s.id for s in stories]
    ids = [a["id"] for s in out["stories"] for a in s["articles"]]
    assert sorted(ids, key=lambda i: int(i[1:])) == [f"a{i + 1}" for i in range(len(example))]
    bus = out["stories"][1]["articles"]
    assert bus == [{"id": "a7", "origin": example[6].origin}]


# -- the incremental clusterer on hand-made articles, with a stand-in encoder ----------------


def fake_encoder(texts: Sequence[str]) -> np.ndarray:
    """Bag-of-words vectors hashed into 64 dimensions: deterministic, no model needed."""
    rows = np.zeros((len(texts), 64), dtype=np.float32)
    for r, text in enumerate(texts):
        for word in text.lower().split():
            rows[r, sum(map(ord, word.strip(".,"))) % 64] += 1.0
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def doc(title: str, body: str, day: date | None = None) -> Article:
    return Article(f"mem://{title}", body, (Span(0, len(body)),), title=title, published=day)


QUAKE_A = (
    "A magnitude 6.1 earthquake struck near Ardenna on Tuesday, killing 12 people. "
    "Ardenna's mayor Lidia Orsan said rescuers were searching collapsed homes in Ardenna."
)
QUAKE_B = (
    "A magnitude 5.4 earthquake hit the town of Velmora on Sunday, injuring 40 people. "
    "Velmora's governor Tomas Brenik said schools in Velmora would stay shut."
)


def test_add_returns_the_story_joined_and_stories_reads_state() -> None:
    clusterer = StoryClusterer(encode=fake_encoder)
    first = clusterer.add(doc("Quake kills 12 in Ardenna", QUAKE_A, date(2025, 1, 7)))
    second = clusterer.add(doc("Ardenna quake toll at 12", QUAKE_A, date(2025, 1, 7)))
    assert first == second
    assert len(clusterer) == 2
    assert clusterer.stories() == [Cluster(first, "Quake kills 12 in Ardenna", (0, 1))]


def test_two_quakes_in_one_topic_stay_apart() -> None:
    articles = [
        doc("Quake kills 12 in Ardenna", QUAKE_A, date(2025, 1, 7)),
        doc("Velmora quake injures 40", QUAKE_B, date(2025, 1, 12)),
        doc("Ardenna mourns 12 quake dead", QUAKE_A.replace("Tuesday", "Wednesday")),
        doc("Velmora schools shut after quake", QUAKE_B.replace("Sunday", "Monday")),
    ]
    stories = cluster_stories(articles, encode=fake_encoder)
    assert sorted(s.members for s in stories) == [(0, 2), (1, 3)]


def test_dated_articles_a_window_apart_never_share_a_story() -> None:
    options = StoryOptions(window_days=3)
    early = doc("Quake kills 12 in Ardenna", QUAKE_A, date(2025, 1, 1))
    late = doc("Quake kills 12 in Ardenna", QUAKE_A, date(2025, 2, 1))
    stories = cluster_stories([early, late], options, encode=fake_encoder)
    assert len(stories) == 2


def test_publication_order_dates_first_then_undated_in_input_order() -> None:
    articles = [
        doc("c", "x"),
        doc("b", "x", date(2025, 1, 2)),
        doc("a", "x", date(2025, 1, 1)),
        doc("d", "x"),
    ]
    assert publication_order(articles) == [2, 1, 0, 3]
