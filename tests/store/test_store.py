"""The store against real SQLite and a real PostgreSQL: ingest, idempotence, errors, search."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from newsweave.ingest.files import iter_documents
from newsweave.model import RawDocument
from newsweave.service.ingest import ingest, store_document
from newsweave.store import Store, open_store
from newsweave.store.migrations import LATEST, current_version
from newsweave.store.queries import brief_json, counts, failures, get_article, list_stories
from newsweave.store.records import document_id
from newsweave.store.search import query_words, search
from paths import EXAMPLES, ROOT

STORY = EXAMPLES / "harbour-fire"


def test_ingest_twice_stores_each_article_once(store: Store) -> None:
    first = ingest(store, [STORY])
    assert first.new_articles == len(first.articles) > 1
    assert first.stories and not first.problems
    before = counts(store)
    again = ingest(store, [STORY])
    assert again.new_documents == again.new_articles == 0
    assert again.stories == []  # nothing changed, nothing rebuilt
    assert (
        counts(store)
        == before
        == {
            "documents": before["articles"],
            "articles": len(first.articles),
            "stories": 1,
        }
    )


def test_story_brief_is_contract_json_with_store_ids(store: Store) -> None:
    ingest(store, [STORY])
    (row,) = list_stories(store)
    brief = json.loads(brief_json(store, row.id) or "null")
    assert brief["schema"] == "newsweave/brief@1"
    assert row.articles == len(brief["articles"])
    for a in brief["articles"]:
        stored = get_article(store, a["store_id"])
        assert stored is not None and stored.article.text == a["text"]
        assert stored.story_id == row.id


def test_failed_document_is_stored_with_its_error(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = ingest(store, [bad, STORY])
    assert len(result.problems) == 2
    errors = {Path(f.origin).name: f for f in failures(store)}
    assert set(errors) == {"empty.html", "binary.txt"}
    assert all(f.error for f in errors.values())
    assert list_stories(store)  # the good documents went on to a story


def test_search_finds_words_and_ignores_query_syntax(store: Store) -> None:
    ingest(store, [STORY])
    hits = search(store, "warehouse fire")
    assert hits and any(m for h in hits for _, m in h.pieces())
    assert search(store, 'fire" OR NEAR(') is not None  # no syntax error reaches the user
    assert search(store, "zzzzunfindable") == []
    assert search(store, "  ") == []


def test_migrations_record_the_version(store: Store) -> None:
    with store.read() as conn:
        assert current_version(conn) == LATEST
    open_store(store.url).close()  # opening again runs nothing and fails nothing


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    s = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    with s.read() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


KILLER = """
import os, signal, sys
from newsweave.store import open_store
from newsweave.service.ingest import ingest
def progress(step):
    if step.stage == "reading" and step.done == int(sys.argv[3]):
        os.kill(os.getpid(), signal.SIGKILL)
ingest(open_store(sys.argv[1]), [sys.argv[2]], progress=progress)
"""


def test_kill_mid_ingest_leaves_a_consistent_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, url, str(STORY), "2"], env=env, capture_output=True
    )
    assert proc.returncode == -signal.SIGKILL
    s = open_store(url)
    with s.read() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    partial = counts(s)
    assert partial["articles"] == 2 and partial["stories"] == 0
    result = ingest(s, [STORY])
    assert result.new_articles == len(result.articles) - 2
    (row,) = list_stories(s)
    assert row.articles == len(result.articles)


def test_any_later_ingest_places_what_a_killed_one_left(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-c", KILLER, url, str(STORY), "2"], env=env, check=False)
    s = open_store(url)
    # a document stored and then killed before its extraction
    page = next(p for p in sorted(STORY.iterdir()) if p.suffix == ".html")
    doc = next(d for d in iter_documents([page]) if isinstance(d, RawDocument))
    store_document(s, doc, document_id(doc))
    result = ingest(s, [])  # another run, of nothing: it finishes the job all the same
    assert result.articles == [] and len(result.resumed) == 3 and result.new_articles == 1
    (row,) = list_stories(s)
    assert row.articles == 3
    with s.read() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM articles WHERE story_id IS NULL")).scalar() == 0
        )


def test_query_words_are_distinct_and_bounded() -> None:
    assert query_words("Fire fire FIRE harbour fire") == ["Fire", "harbour"]
    assert len(query_words(" ".join(f"w{n}" for n in range(1000)), 32)) == 32
    assert query_words("word " * 100_000, 32) == ["word"]


def test_a_failing_brief_or_extraction_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsweave.pipeline
    import newsweave.service.ingest as store_ingest

    def broken_brief(*args: object, **kw: object) -> None:
        raise RuntimeError("analysis bug\nsecond line")

    real_extract = store_ingest.extract_article

    def extract(doc: RawDocument, options: object) -> object:
        if doc.origin.endswith(".md"):
            raise KeyError("an odd page")
        return real_extract(doc, options)  # type: ignore[arg-type]

    monkeypatch.setattr(newsweave.pipeline, "build_brief", broken_brief)
    monkeypatch.setattr(store_ingest, "extract_article", extract)
    s = open_store(f"sqlite:///{tmp_path / 'f.db'}")
    result = ingest(s, [STORY])
    messages = [p.message for p in result.problems]
    assert "extraction failed (KeyError: 'an odd page')" in messages
    assert any(m.endswith("brief failed (RuntimeError: analysis bug)") for m in messages)
    assert len(result.articles) == 5


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.integers(1, 40))
def test_query_words_never_exceed_the_bound(query: str, bound: int) -> None:
    words = query_words(query, bound)
    assert len(words) <= bound
    assert len({w.casefold() for w in words}) == len(words)
