"""The library as a developer meets it: it mirrors the CLI (weave, brief_all, the store's
ingest, stories, search and export), a Brief turns into the contract's JSON, and a bare path
is refused instead of read letter by letter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app
from newsweave.contract.encode import brief_dict
from paths import EXAMPLES

STORY = EXAMPLES / "harbour-fire"


@pytest.fixture(scope="module")
def brief() -> newsweave.Brief:
    return newsweave.weave([STORY])


@pytest.mark.parametrize("call", ["weave", "brief_all", "read_articles"])
@pytest.mark.parametrize("path", ["examples/harbour-fire/", Path("examples"), b"examples"])
def test_one_bare_path_is_refused_with_the_fix(call: str, path: object) -> None:
    with pytest.raises(TypeError) as err:
        getattr(newsweave, call)(path)
    assert f"{call}() takes a list of paths, not one path: {call}([" in str(err.value)


def test_a_brief_is_the_contracts_json(brief: newsweave.Brief) -> None:
    data = brief.to_dict()
    assert data == brief_dict(brief)
    assert data["schema"] == "newsweave/brief@1"
    assert json.loads(brief.to_json()) == json.loads(json.dumps(data))
    assert "\n" not in brief.to_json(indent=None)
    assert "Harbour Herald" in brief.to_json()  # non-ASCII and all, as written


def test_weave_briefs_what_the_cli_briefs() -> None:
    """``weave`` and ``newsweave brief`` take the same inputs as the same story and leave
    the same ones out (they used to differ on a folder of two stories)."""
    lib = newsweave.weave([EXAMPLES]).to_dict()
    result = CliRunner().invoke(app, ["brief", "-q", "-f", "json", str(EXAMPLES)])
    assert result.exit_code == 0
    cli = json.loads(result.stdout)
    assert [a["origin"] for a in lib["articles"]] == [a["origin"] for a in cli["articles"]]
    assert lib["left_out"] == cli["left_out"]
    assert not any(a["origin"].endswith("README.md") for a in lib["articles"])


def test_brief_all_is_one_brief_per_story() -> None:
    every = newsweave.brief_all([STORY])
    assert [len(b.articles) for b in every] == [6]
    assert newsweave.brief_all([]) == []


def test_progress_is_reported_and_changes_nothing(brief: newsweave.Brief) -> None:
    steps: list[newsweave.Step] = []
    watched = newsweave.weave([STORY], progress=steps.append)
    assert watched.to_dict() == brief.to_dict()  # analysed in chunks, the same brief
    reading = [s for s in steps if s.stage == "reading"]
    assert [s.done for s in reading] == list(range(1, 7)) and {s.total for s in reading} == {6}
    analysing = [s for s in steps if s.stage == "analysing"]
    assert analysing[-1].done == analysing[-1].total == 6


def test_the_store_from_python(tmp_path: Path) -> None:
    with newsweave.open_store(tmp_path / "nw.db") as db:
        result = db.ingest([EXAMPLES])
        assert len(result.articles) == 7  # the folder's README.md is skipped
        rows = db.stories()
        assert db.count_stories() == len(rows) >= 1
        fire = db.stories(outlet="Harbour Herald")[0]
        assert fire.id in [r.id for r in db.stories(verdict="conflict")]
        detail = db.story(fire.id)
        assert len(detail.articles) == fire.articles == 6
        assert db.brief(fire.id).title == fire.title
        hits = db.search("warehouse", limit=2)
        assert len(hits) == 2 and db.search("warehouse", limit=2, offset=2)[0] != hits[0]
        assert db.export(fire.id, "md").startswith("# ")
        assert json.loads(db.export(fire.id))["schema"] == "newsweave/brief@1"
        with pytest.raises(newsweave.NoSuchStoryError, match="no story 'nope'"):
            db.export("nope")
        with pytest.raises(KeyError):  # a NoSuchStoryError is a KeyError too
            db.story("nope")
        with pytest.raises(TypeError):
            db.ingest("examples/")  # type: ignore[arg-type]
    with pytest.raises(newsweave.StoreError, match="no such database"):
        newsweave.open_store(tmp_path / "other.db", create=False)


def test_every_public_name_is_there() -> None:
    for name in newsweave.__all__:
        assert getattr(newsweave, name) is not None, name
    with pytest.raises(AttributeError):
        newsweave.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_an_article_has_one_label_in_the_cli_the_json_and_the_store(
    brief: newsweave.Brief, tmp_path: Path
) -> None:
    """a1, a2 … number a story's articles oldest first wherever the brief is made (issue 16,
    one vocabulary): the same outlet is the same label in a one-off brief and a stored one."""
    labels = {a.id: a.article.origin.rsplit("/", 1)[-1] for a in brief.articles}
    with newsweave.open_store(tmp_path / "nw.db") as db:
        db.ingest([STORY])
        (fire,) = db.stories()
        stored = db.brief(fire.id)
    assert {a.id: a.article.origin.rsplit("/", 1)[-1] for a in stored.articles} == labels
    published = [a.article.published for a in brief.articles if a.article.published]
    assert [p.isoformat() for p in published] == sorted(p.isoformat() for p in published)
