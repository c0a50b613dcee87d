"""Revisions and story updates in a real SQLite and a real PostgreSQL: the same URL again with
other text is a new version of its article, and the refresh records what changed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, text

from newsweave.model import Hints, RawDocument
from newsweave.service.ingest import ingest_documents
from newsweave.store import Store, open_store
from newsweave.store.assign import OneStoryPerIngest
from newsweave.store.changes import story_updates
from newsweave.store.queries import get_article
from newsweave.store.revisions import revision_counts, versions
from newsweave.store.schema import article_versions, articles, documents
from newsweave.store.search import search

URL = "https://courier.example.test/news/flood"


def page(toll: str, extra: str = "") -> RawDocument:
    html = (
        "<!doctype html><html><head><title>Storm floods Marrow Island harbour</title>"
        '<meta property="article:published_time" content="2025-06-14"></head><body><article>'
        "<h1>Storm floods Marrow Island harbour</h1>"
        f"<p>Floodwater swept through the harbour of Marrow Island on Saturday night and {toll} "
        "people were taken to hospital, the island council said.</p>"
        "<p>The ferry operator said sailings would stay suspended until the quay is "
        f"inspected.</p>{extra}</article></body></html>"
    )
    return RawDocument(URL, html.encode(), html, "text/html", "utf-8", Hints(url=URL))


SANDBAGS = "<p>Volunteers filled sandbags along the sea wall through Sunday morning.</p>"


def put(store: Store, doc: RawDocument):  # type: ignore[no-untyped-def]
    return ingest_documents(store, [doc], assigner=OneStoryPerIngest())


def test_the_same_url_with_other_text_is_a_new_version(store: Store) -> None:
    first = put(store, page("12"))
    (article_id,) = first.articles
    assert first.revised == [] and first.updates == []
    second = put(store, page("15", SANDBAGS))
    assert second.revised == [article_id] and second.new_articles == 0
    stored = get_article(store, article_id)
    assert stored is not None and "15 people" in stored.article.text
    v1, v2 = versions(store, article_id)
    assert "12 people" in v1.text and "15 people" in v2.text
    assert v2.diff is not None
    (figure,) = v2.diff["edited"][0]["figures"]
    assert (figure["before"]["text"], figure["after"]["text"]) == ("12", "15")
    assert revision_counts(store, [article_id, "nope"]) == {article_id: 1}
    # search reads the current version only
    assert [h.article_id for h in search(store, "sandbags")] == [article_id]
    # the story's brief was refreshed and what changed recorded
    (update,) = second.updates
    assert [c.kind for c in update.changes] == ["figure_updated", "article_revised"]
    assert story_updates(store) == [update]
    assert story_updates(store, "no-such-story") == []


def test_the_same_text_again_is_no_version_and_stores_nothing(store: Store) -> None:
    first = put(store, page("12"))
    again = page("12")
    markup = again.text.replace("<article>", '<article class="story">')
    again = RawDocument(URL, markup.encode(), markup, "text/html", "utf-8", Hints(url=URL))
    second = put(store, again)
    assert (second.revised, second.unchanged, second.stories) == ([], 1, [])
    assert second.articles == first.articles
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(article_versions)).scalar_one() == 0


def test_the_last_version_again_byte_for_byte_is_nothing_new(store: Store) -> None:
    put(store, page("12"))
    (article_id,) = put(store, page("15")).revised
    again = put(store, page("15"))
    assert (again.revised, again.new_articles, again.stories) == ([], 0, [])
    assert again.articles == [article_id]
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 1
    assert [v.number for v in versions(store, article_id)] == [1, 2]


def test_going_back_to_an_earlier_text_is_a_third_version(store: Store) -> None:
    put(store, page("12"))
    put(store, page("15"))
    third = put(store, page("12"))
    (article_id,) = third.revised
    assert [v.number for v in versions(store, article_id)] == [1, 2, 3]
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 1


def test_an_older_store_gains_article_urls(tmp_path: Path) -> None:
    s = open_store(tmp_path / "old.db")
    put(s, page("12"))
    with s.begin() as conn:  # as a store from before migration 6 would be
        conn.execute(text("UPDATE articles SET url = NULL"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 6"))
    s.close()
    s = open_store(tmp_path / "old.db")
    try:
        assert put(s, page("15")).revised  # found by the URL the migration filled in
    finally:
        s.close()
