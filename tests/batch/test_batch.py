"""Batch runs for real: worker processes, a Dask LocalCluster on 127.0.0.1, Parquet files.

The input is the example story split between plain files and a WARC archive built here
(with a request, a 404 and an image beside the pages), the unrelated example article, and
two bad files: the run names them and goes on.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.batch.records import Chunk, StoryGroup
from newsweave.batch.run import Summary, run_batch
from newsweave.batch.shards import read_chunks, story_batches
from newsweave.batch.stages import extract_chunk, group_stories
from newsweave.cli import app
from newsweave.options import DEFAULT, updated
from newsweave.progress import Step
from newsweave.store.assign import new_story_id
from paths import EXAMPLES

STORY = EXAMPLES / "harbour-fire"
UNRELATED = EXAMPLES / "unrelated" / "council-bus-route.txt"
OUTPUTS = ("briefs.jsonl", "articles", "claims", "quotes", "stories", "problems")


def _record(w: WARCWriter, url: str, body: bytes, status: str, content_type: str) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    w.write_record(
        w.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2025-03-14T08:00:00Z"},
        )
    )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A folder: the example's text files, its HTML pages in a WARC.gz, the unrelated
    article, and bad files: empty, binary named .html, a page with no article text (fails in
    extraction, on a worker) and junk named .warc."""
    folder = tmp_path_factory.mktemp("inputs")
    for path in sorted(STORY.iterdir()):
        if path.suffix != ".html":
            shutil.copy(path, folder / path.name)
    with (folder / "pages.warc.gz").open("wb") as handle:
        w = WARCWriter(handle, gzip=True)
        w.write_record(w.create_warcinfo_record("pages.warc.gz", {"software": "test"}))
        for path in sorted(STORY.glob("*.html")):
            url = f"https://example.test/{path.stem}"
            request = w.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            w.write_record(request)
            _record(w, url, path.read_bytes(), "200 OK", "text/html; charset=utf-8")
        _record(w, "https://example.test/gone", b"<html>gone</html>", "404 Not Found", "text/html")
        _record(w, "https://example.test/logo.png", b"\x89PNG\r\n\x1a\n", "200 OK", "image/png")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x00\x01\xff\xfe\x00binary\x00" * 8)
    nothing = '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>'
    (folder / "nothing.html").write_text(nothing, encoding="utf-8")
    (folder / "junk.warc").write_bytes(b"not an archive at all\n" * 20)
    return [str(folder), str(UNRELATED)]


@pytest.fixture(scope="module")
def local_out(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Summary]:
    out = tmp_path_factory.mktemp("local")
    # Small chunks, so that even this input is cut into several tasks of each stage.
    options = updated(
        DEFAULT,
        {"batch.engine": "local", "batch.workers": 2, "batch.chunk_docs": 3, "batch.chunk_articles": 2},
    )
    return out, run_batch(inputs, out, options, progress=STEPS.append)


# What the local run reported as it went (``newsweave.progress.Step``).
STEPS: list[Step] = []


def test_a_run_reports_its_stages_as_it_goes(local_out: tuple[Path, Summary]) -> None:
    stages = list(dict.fromkeys(s.stage for s in STEPS))
    assert stages == ["reading and extracting", "briefing stories", "writing"]
    reading = [s for s in STEPS if s.stage == "reading and extracting"]
    assert reading[-1].done == reading[-1].total == 10  # 9 files in the folder (an archive is one), 1 named
    briefing = [s for s in STEPS if s.stage == "briefing stories"]
    assert briefing[-1].done == briefing[-1].total == local_out[1].stories


def _tables(out: Path) -> dict[str, Any]:
    found: dict[str, Any] = {"briefs.jsonl": (out / "briefs.jsonl").read_text(encoding="utf-8")}
    for name in OUTPUTS[1:]:
        found[name] = pq.read_table(out / f"{name}.parquet").to_pylist()
    return found


@pytest.mark.slow
def test_local_engine_writes_stories_briefs_and_problems(local_out: tuple[Path, Summary]) -> None:
    out, summary = local_out
    assert (summary.documents, summary.articles, summary.stories) == (8, 7, 2)
    assert summary.problems == 4 and summary.workers == 2
    t = _tables(out)

    stories = t["stories"]
    assert [s["articles"] for s in stories] == [6, 1]  # the story; the unrelated article alone
    assert stories[1]["origins"] == [str(UNRELATED)]
    assert stories[0]["copies"] == 1 and stories[0]["claims"] > 0 and stories[0]["quotes"] > 0

    articles = t["articles"]
    assert len(articles) == 7
    in_warc = [a for a in articles if "pages.warc.gz#" in a["origin"]]
    assert {a["url"] for a in in_warc} == {
        "https://example.test/harbour-herald",
        "https://example.test/southshore-gazette",
    }
    # Store-like ids: content hashes, one per article; stories named after their members.
    by_id = {a["id"]: a for a in articles}
    assert len(by_id) == 7 and all(len(i) == 32 for i in by_id)
    for story in stories:
        members = [a["id"] for a in articles if a["story_id"] == story["id"]]
        assert story["id"] == new_story_id(members)
    # Bayline runs the Southshore Gazette's wire copy, which came from the archive.
    (copy,) = [a for a in articles if a["copy_of"]]
    assert copy["origin"].endswith("bayline-news.txt")
    assert "southshore-gazette" in by_id[copy["copy_of"]]["url"]

    # Every cited passage is where the row says it is.
    for row in t["claims"] + t["quotes"]:
        text = next(a["text"] for a in articles if a["origin"] == row["origin"])
        assert text[row["start"] : row["end"]] == row["text"]

    briefs = [json.loads(line) for line in t["briefs.jsonl"].splitlines()]
    assert [b["story"]["id"] for b in briefs] == [s["id"] for s in stories]
    assert all(b["schema"] == "newsweave/brief@1" for b in briefs)
    assert len(briefs[0]["articles"]) == 6 and briefs[0]["claims"] and briefs[0]["summary"]

    problems = t["problems"]
    found = [(Path(p["origin"]).name, p["stage"]) for p in problems]
    assert found == [
        ("binary.html", "read"),
        ("empty.txt", "read"),
        ("junk.warc", "read"),
        ("nothing.html", "extract"),
    ]
    assert all("\n" not in p["message"] for p in problems)
    assert "no article text" in problems[3]["message"]


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_output(
    inputs: list[str], local_out: tuple[Path, Summary], tmp_path: Path
) -> None:
    options = updated(
        DEFAULT,
        {"batch.engine": "dask", "batch.workers": 2, "batch.chunk_docs": 3, "batch.chunk_articles": 2},
    )
    summary = run_batch(inputs, tmp_path, options)
    assert summary.engine == "dask" and summary.workers == 2
    assert summary.stories == local_out[1].stories == 2
    assert _tables(tmp_path) == _tables(local_out[0])


def test_grouping_does_not_depend_on_how_documents_are_chunked() -> None:
    paths = [STORY, UNRELATED]
    groupings = []
    for size in (1, 4, 100):
        chunks = [c for c in read_chunks(paths, DEFAULT, size) if isinstance(c, Chunk)]
        results = [extract_chunk(c, DEFAULT) for c in chunks]
        groupings.append(group_stories(results[::-1], DEFAULT.stories))
    assert groupings[0] == groupings[1] == groupings[2]
    assert [len(g.members) for g in groupings[0]] == [6, 1]
    assert groupings[0][1].members == (6,)  # the unrelated article, read last


def test_story_batches_keep_stories_whole_and_hand_out_the_biggest_first() -> None:
    stories = [StoryGroup(f"s{n}", None, tuple(range(n))) for n in (9, 3, 2, 2, 1, 1)]
    batches = story_batches(stories, 4)
    assert [[s.id for s in b] for b in batches] == [["s9"], ["s2", "s2"], ["s3"], ["s1", "s1"]]


def test_cli_runs_a_batch_and_names_bad_inputs(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"no records here\n" * 10)
    out = tmp_path / "out"
    args = ["batch", str(UNRELATED), str(junk), "--out", str(out), "--workers", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 document, 1 article, 1 story, 1 problem" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsweave: error:")]
    assert len(errors) == 1 and str(junk) in errors[0]
    assert pq.read_table(out / "stories.parquet").num_rows == 1
    # nothing readable: the run is written and summed up, and the exit says it failed
    result = CliRunner().invoke(app, ["batch", str(junk), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1
    assert "0 articles" in result.stdout
    assert result.stderr.endswith(
        "newsweave: error: no article could be read from the paths given\n"
    )


def test_cli_refuses_a_scheduler_without_the_dask_engine(tmp_path: Path) -> None:
    args = ["batch", str(UNRELATED), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "--scheduler is for the dask engine" in result.stderr


def test_chunks_are_bounded_in_bytes_and_a_huge_document_goes_alone(tmp_path: Path) -> None:
    small = "Ferry news\n\n" + "The ferry sailed on Monday with 120 passengers aboard. " * 20
    for n in range(4):
        (tmp_path / f"{n}a.txt").write_text(small, encoding="utf-8")
    (tmp_path / "2big.txt").write_text(small * 40, encoding="utf-8")
    chunks = [c for c in read_chunks([tmp_path], DEFAULT, 16, 10_000) if isinstance(c, Chunk)]
    sizes = [[d.origin.rsplit("/", 1)[1] for _, d in c.docs] for c in chunks]
    assert sizes == [["0a.txt", "1a.txt", "2a.txt"], ["2big.txt"], ["3a.txt"]]


def test_extraction_tasks_return_the_limits_an_article_runs_into(tmp_path: Path) -> None:
    page = tmp_path / "long.txt"
    page.write_text(
        "Ferry news\n\n" + "The ferry sailed on Monday with 120 passengers aboard. " * 60,
        encoding="utf-8",
    )
    (chunk,) = read_chunks([page], DEFAULT, 16)
    assert isinstance(chunk, Chunk)
    small = updated(
        DEFAULT, {"analysis.max_paragraph_chars": 500, "analysis.max_article_chars": 1000}
    )
    result = extract_chunk(chunk, small)
    assert [n.message.rsplit("(", 1)[1] for n in result.notes] == [
        "--max-paragraph-chars)",
        "--max-article-chars 1,000)",
    ]
