"""The commands as a newcomer types them: a plain --db path, a bad one, a store to list,
listings in every format, help that says what each option does, exits that mean something."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsweave.cli import app
from paths import EXAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A working folder holding a copy of examples/ (with its README.md) and nw.db filled
    from it by ``ingest --db nw.db examples/``."""
    where = tmp_path_factory.mktemp("work")
    shutil.copytree(EXAMPLES, where / "examples")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(where)
        mp.delenv("NEWSWEAVE_DB", raising=False)
        result = runner.invoke(app, ["ingest", "--db", "nw.db", "examples/"])
        assert result.exit_code == 0, result.output
        yield where


@pytest.fixture
def here(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(folder)
    monkeypatch.delenv("NEWSWEAVE_DB", raising=False)
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def _story(here: Path) -> str:
    code, out, _ = run("stories", "--db", "nw.db", "--json")
    assert code == 0
    return str(json.loads(out)["stories"][0]["id"])


def test_a_plain_db_path_and_the_folders_readme_skipped(here: Path, tmp_path: Path) -> None:
    assert (here / "nw.db").is_file()
    code, out, _ = run("ingest", "--db", "nw.db", "examples/")  # again: nothing new
    assert code == 0
    # 7 pages: examples/README.md describes the folder, not an event
    assert out.startswith("7 documents (0 new), 7 articles (0 new)")
    code, out, _ = run("ingest", "--db", str(tmp_path / "r.db"), "examples/README.md")
    assert out.startswith("1 document (1 new)")  # named, it is read


@pytest.mark.parametrize(
    ("db", "says"),
    [
        ("missing/nw.db", "the folder"),
        ("mysql://me@localhost/news", "mysql is not supported"),
        ("examples", "is a folder"),
    ],
)
@pytest.mark.parametrize("command", ["ingest", "stories", "search", "export", "watch", "serve"])
def test_a_bad_db_is_one_line_and_exit_2(here: Path, command: str, db: str, says: str) -> None:
    args = {
        "ingest": ["ingest", "examples/harbour-fire/"],
        "stories": ["stories"],
        "search": ["search", "fire"],
        "export": ["export", "--story", "s1"],
        "watch": ["watch", "--once", "feed.xml"],
        "serve": ["serve"],
    }[command]
    code, out, err = run(*args, "--db", db)
    assert code == 2
    assert err.startswith(f"newsweave: error: {db}: ")
    assert says in err and err.count("\n") == 1 and "Traceback" not in out + err


@pytest.mark.parametrize(
    "args",
    [
        ["search", "fire"],
        ["stories"],
        ["export", "--story", "s1"],
        ["serve"],
    ],
)
def test_reading_commands_never_create_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSWEAVE_DB", raising=False)
    code, _, err = run(*args, "--db", "nope.db")
    assert code == 2 and "no such database" in err
    code, _, err = run(*args)  # the default, newsweave.db, is not made either
    assert code == 2 and "newsweave.db: no such database" in err
    assert list(tmp_path.iterdir()) == []


def test_stored_stories_in_every_format(here: Path) -> None:
    code, table, _ = run("stories", "--db", "nw.db")
    assert code == 0 and "Stored stories" in table and "Harbour Herald" in table
    code, out, _ = run("stories", "--db", "nw.db", "--json")
    doc = json.loads(out)
    first = doc["stories"][0]
    assert doc["total"] == len(doc["stories"]) >= 1
    assert {"id", "title", "first_published", "last_published", "outlets", "conflicts"} <= set(
        first
    )
    code, out, _ = run("stories", "--db", "nw.db", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == [s["id"] for s in doc["stories"]]
    assert "Harbour Herald" in rows[0]["outlets"]
    code, out, _ = run("stories", "--db", "nw.db", "-f", "md")
    assert out.startswith("## Stored stories\n\n| id | title |") and "┃" not in out


def test_stored_stories_filtered_and_paged(here: Path) -> None:
    def ids(*args: str) -> list[str]:
        code, out, err = run("stories", "--db", "nw.db", "--json", *args)
        assert code == 0, err
        return [s["id"] for s in json.loads(out)["stories"]]

    every = ids()
    _, out, _ = run("stories", "--db", "nw.db", "--json")
    fire = [s["id"] for s in json.loads(out)["stories"] if "Harbour Herald" in s["outlets"]]
    assert len(fire) == 1 and len(every) >= 1
    assert ids("--outlet", "harbour herald") == fire  # case aside
    assert ids("--outlet", "Harbour") == []  # whole names only
    assert ids("--outlet", "Nobody Weekly") == []
    assert ids("--since", "2025-03-13") == fire  # the fire story runs into the 13th
    assert ids("--until", "2025-03-10") == []
    assert fire[0] in ids("--verdict", "conflict")
    code, _, err = run("stories", "--db", "nw.db", "--since", "March")
    assert code == 2 and "March" in err
    code, out, _ = run("stories", "--db", "nw.db", "--limit", "1", "--offset", "5")
    assert (code == 0 and "No" not in out) or "stories stored" in out


def test_stories_of_files_in_markdown_and_csv(here: Path) -> None:
    code, out, _ = run("stories", "examples/harbour-fire/", "-f", "md")
    assert code == 0 and out.startswith("## Stories\n\n| story | articles |")
    code, out, _ = run("stories", "examples/harbour-fire/", "-f", "csv", "-q")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["articles"] == "6" and row["origins"].count("; ") == 5
    code, out, _ = run("stories", "examples/harbour-fire/", "--json")
    assert len(json.loads(out)["stories"][0]["articles"]) == 6


def test_search_pages_and_formats(here: Path) -> None:
    code, out, _ = run("search", "--db", "nw.db", "warehouse fire", "--limit", "1")
    assert code == 0 and "[warehouse]" in out.lower() and "--offset 1 for more" in out
    code, out, _ = run("search", "--db", "nw.db", "fire", "--json", "--limit", "2")
    doc = json.loads(out)
    assert doc["total"] > 2 and len(doc["hits"]) == 2
    hit = doc["hits"][0]
    assert "\x02" not in hit["snippet"]
    assert all(hit["snippet"][h["start"] : h["end"]].lower() == "fire" for h in hit["highlights"])
    code, out, _ = run("search", "--db", "nw.db", "fire", "-f", "csv")
    assert out.splitlines()[0] == "article_id,story_id,outlet,title,snippet"
    code, out, err = run("search", "--db", "nw.db", "zzyzx")
    assert code == 0 and out == "" and "no stored article holds every word" in err


def test_export_by_the_id_stories_lists(here: Path) -> None:
    story = _story(here)
    code, out, _ = run("export", "--db", "nw.db", "--story", story, "-f", "md")
    assert code == 0 and out.startswith("# ")
    code, out, _ = run("export", "--db", "nw.db", "--story", story)
    assert json.loads(out)["schema"] == "newsweave/brief@1"
    code, _, err = run("export", "--db", "nw.db", "--story", "nope")
    assert code == 1
    assert (
        err
        == "newsweave: error: no story 'nope' in nw.db; `newsweave stories --db nw.db` lists them\n"
    )


def test_ingest_of_nothing_usable_exits_1(here: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("ingest", "--db", str(tmp_path / "x.db"), str(empty))
    assert code == 1 and "no documents found" in err
    (empty / "blank.txt").write_text("", encoding="utf-8")
    code, out, err = run("ingest", "--db", str(tmp_path / "x.db"), str(empty))
    assert code == 1 and "no article could be stored" in err
    assert out.startswith("1 document (0 new), 0 articles (0 new)")  # a failure, stored


def test_counts_agree_with_their_nouns(here: Path, tmp_path: Path) -> None:
    code, out, _ = run(
        "ingest", "--db", str(tmp_path / "one.db"), "examples/unrelated/council-bus-route.txt"
    )
    assert code == 0
    assert out.startswith("1 document (1 new), 1 article (1 new), 1 story refreshed")
    code, out, _ = run(
        "export", "--db", str(tmp_path / "one.db"), "--story", _only(tmp_path), "-f", "md"
    )
    assert "1 article" in out and "1 articles" not in out
    code, out, _ = run("brief", "-q", "examples/unrelated/council-bus-route.txt")
    assert code == 0 and "1 article from 1 outlet" in out


def _only(tmp_path: Path) -> str:
    _, out, _ = run("stories", "--db", str(tmp_path / "one.db"), "--json")
    return str(json.loads(out)["stories"][0]["id"])


def test_brief_formats(here: Path, tmp_path: Path) -> None:
    page = tmp_path / "brief.html"
    code, _, _ = run("brief", "-q", "-f", "html", "-o", str(page), "examples/harbour-fire/")
    assert code == 0 and page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")
    code, out, _ = run("brief", "-q", "--all", "-f", "json", "examples/harbour-fire/")
    doc = json.loads(out)
    assert doc["schema"] == "newsweave/briefs@1"
    assert [b["schema"] for b in doc["briefs"]] == ["newsweave/brief@1"]
    code, _, err = run("brief", "--all", "-f", "html", "examples/harbour-fire/")
    assert code == 2 and "one page for one story" in err


def test_help_explains_every_option_and_shows_no_bool() -> None:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    names = list(commands)
    assert names[:2] == ["brief", "stories"]  # from one folder to a store
    for name in names:
        code, out, _ = run(name, "--help")
        assert code == 0
        assert "<bool>" not in out, name
        for param in commands[name].params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts[0]} has no help"
    code, out, _ = run("--help")
    assert "<bool>" not in out


def test_watch_once_with_no_readable_feed_exits_1(here: Path, tmp_path: Path) -> None:
    code, out, err = run("watch", "--once", "--db", str(tmp_path / "w.db"), "no-such-feed.xml")
    assert code == 1
    assert "1 feed (1 unreadable), 0 items" in out
    assert err.endswith("newsweave: error: no feed could be read\n")
