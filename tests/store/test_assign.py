"""Story assignment in the store: arrivals cluster with what is stored, stored articles stay."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from newsweave.service.ingest import ingest
from newsweave.store import Store
from newsweave.store.assign import OneStoryPerIngest
from newsweave.store.queries import list_stories
from newsweave.store.schema import articles
from paths import EXAMPLES

FIRE = EXAMPLES / "harbour-fire"
UNRELATED = EXAMPLES / "unrelated"


def _stories(store: Store) -> dict[str, set[str]]:
    """Story id -> the file names of its articles."""
    with store.read() as conn:
        rows = conn.execute(select(articles.c.story_id, articles.c.origin)).all()
    out: dict[str, set[str]] = {}
    for story_id, origin in rows:
        out.setdefault(story_id, set()).add(Path(origin).name)
    return out


def test_one_ingest_of_two_events_makes_two_stories(store: Store) -> None:
    result = ingest(store, [FIRE, UNRELATED])
    groups = sorted(_stories(store).values(), key=len)
    assert groups == [
        {"council-bus-route.txt"},
        {p.name for p in FIRE.iterdir()},
    ]
    assert len(result.stories) == 2
    assert {s.articles for s in list_stories(store)} == {1, 6}


def test_later_reports_join_the_stored_story_and_keep_its_id(store: Store, tmp_path: Path) -> None:
    names = sorted(p.name for p in FIRE.iterdir())
    early, late = tmp_path / "early", tmp_path / "late"
    early.mkdir()
    late.mkdir()
    for i, name in enumerate(names):
        shutil.copy(FIRE / name, (early if i < 3 else late) / name)
    first = ingest(store, [early])
    assert len(first.stories) == 1
    fire_id = first.stories[0]

    second = ingest(store, [late, UNRELATED])
    stories = _stories(store)
    assert stories[fire_id] == set(names)  # the same story, grown
    assert len(stories) == 2
    assert fire_id in second.stories  # its brief was refreshed with the new reports
    with store.read() as conn:
        vectors = conn.execute(select(articles.c.vector)).scalars().all()
    assert all(v is not None and len(v) == 384 * 4 for v in vectors)


def test_one_story_option_keeps_the_pages_together(store: Store) -> None:
    ingest(store, [FIRE], assigner=OneStoryPerIngest())
    assert len(_stories(store)) == 1
    # a later run that repeats a stored page joins that page's story, whatever it is about
    ingest(store, [FIRE / "harbour-herald.html", UNRELATED], assigner=OneStoryPerIngest())
    assert len(_stories(store)) == 1
    assert len(next(iter(_stories(store).values()))) == 7
