"""The Atom feeds of story changes, the versions page and their JSON, over a real store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from newsweave.model import Hints, RawDocument
from newsweave.service.ingest import ingest_documents
from newsweave.store import open_store
from newsweave.store.assign import OneStoryPerIngest
from newsweave.web.app import create_app

URL = "https://courier.example.test/news/quay"
NS = {"a": "http://www.w3.org/2005/Atom"}


def page(toll: str, quote: str) -> RawDocument:
    html = (
        "<!doctype html><html><head><title>Quay wall collapses in Port Calder</title>"
        '<meta property="article:published_time" content="2025-06-14"></head><body><article>'
        "<h1>Quay wall collapses in Port Calder</h1>"
        f"<p>A section of the old quay wall in Port Calder collapsed on Friday and {toll} "
        "people were hurt, the harbour master said.</p>"
        f"<p>&quot;{quote},&quot; said harbour master Ines Varga on Friday evening.</p>"
        "<p>Engineers will inspect the rest of the wall next week.</p></article></body></html>"
    )
    return RawDocument(URL, html.encode(), html, "text/html", "utf-8", Hints(url=URL))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str, str]]:
    store = open_store(Path(tmp_path_factory.mktemp("feeds")) / "nw.db")
    first = ingest_documents(store, [page("4", "We were lucky")], assigner=OneStoryPerIngest())
    (article_id,) = first.articles
    (story_id,) = first.stories
    second = ingest_documents(
        store, [page("7", "We were very lucky tonight")], assigner=OneStoryPerIngest()
    )
    assert second.revised == [article_id] and second.updates
    yield TestClient(create_app(store)), story_id, article_id
    store.close()


def test_the_feed_of_everything_and_of_one_story(client: tuple[TestClient, str, str]) -> None:
    c, story_id, _ = client
    for url in ("/changes.atom", f"/stories/{story_id}/changes.atom"):
        r = c.get(url)
        assert r.status_code == 200
        assert r.headers["content-type"] == "application/atom+xml; charset=utf-8"
        root = ET.fromstring(r.content)
        assert root.find("a:link[@rel='self']", NS).get("href").endswith(url)  # type: ignore[union-attr]
        (entry,) = root.findall("a:entry", NS)
        content = entry.findtext("a:content", namespaces=NS) or ""
        assert "now gives 7 (was 4)" in content
        assert "Ines Varga" in content  # the reworded quote
    assert c.head("/changes.atom").status_code == 200


def test_a_missing_story_has_no_feed(client: tuple[TestClient, str, str]) -> None:
    c, _, _ = client
    assert c.get("/stories/nope/changes.atom").status_code == 404
    assert c.get("/api/changes?story=nope").status_code == 404
    assert c.get("/changes.atom?limit=0").status_code == 422


def test_changes_and_versions_as_json(client: tuple[TestClient, str, str]) -> None:
    c, story_id, article_id = client
    (update,) = c.get("/api/changes").json()["updates"]
    assert update["schema"] == "newsweave/story-changes@1"
    assert update["story"]["id"] == story_id
    kinds = {ch["kind"] for ch in update["changes"]}
    assert {"figure_updated", "quote_changed", "article_revised"} <= kinds
    versions = c.get(f"/api/articles/{article_id}/versions").json()["versions"]
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[0]["diff"] is None
    (edit, *_) = versions[1]["diff"]["edited"]
    assert edit["figures"][0]["after"]["text"] == "7"
    assert c.get("/api/articles/nope/versions").status_code == 404


def test_the_versions_page_marks_edited_figures(client: tuple[TestClient, str, str]) -> None:
    c, _, article_id = client
    html = c.get(f"/articles/{article_id}/changes").text
    assert '<mark class="edited-figure" title="was 4">7</mark>' in html
    assert "<del>“We were lucky,”</del> → <ins>“We were very lucky tonight,”</ins>" in html
    assert c.get("/articles/nope/changes").status_code == 404
