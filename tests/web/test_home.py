"""The home page's rows: event dates, outlets, conflicts and changed quotations, two orders."""

from __future__ import annotations

from fastapi.testclient import TestClient

from newsweave.web.app import create_app
from newsweave.web.home import home_rows

from .conftest import Stored


def test_rows_carry_dates_outlets_and_disagreements(stored: Stored) -> None:
    rows = {r.id: r for r in home_rows(stored.store)}
    story = rows[stored.story]
    assert story.first_published == "2025-03-11T22:05:00"
    assert story.conflicts == 1 and story.changed_quotes == 1 and story.disagreements == 2
    assert len(story.outlets) == 5  # as every format labels them, unnamed ones too
    hostile = rows[stored.hostile]
    assert all(o.startswith("unknown (") for o in hostile.outlets)


def test_most_disagreements_first_then_latest(stored: Stored) -> None:
    rows = home_rows(stored.store, "disagreements")
    weights = [r.disagreements for r in rows]
    assert weights == sorted(weights, reverse=True)
    assert [r.id for r in home_rows(stored.store, "disagreements", limit=1, offset=1)] == [
        rows[1].id
    ]


def test_the_page_links_both_orders(stored: Stored) -> None:
    client = TestClient(create_app(stored.store))
    html = client.get("/?sort=disagreements").text
    assert '<a href="/?sort=latest">latest activity</a>' in html
    assert "<b>most disagreements</b>" in html
    assert "1 changed quote" in html
    assert client.get("/?sort=loudest").status_code == 422
