"""Web archives: WARC files built here with warcio, read back through iter_documents."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.extract import extract_article
from newsweave.ingest.files import iter_documents
from newsweave.model import Problem, RawDocument
from newsweave.options import Options
from paths import EXAMPLES

PAGE = """<!doctype html><html><head><title>{title}</title></head><body><article>
<h1>{title}</h1>
<p>The Harbour Board said on Tuesday that the ferry service to Gull Island would run twice a
day from next month, after a year in which only one boat a day crossed the sound.</p>
<p>Officials said 1,200 passengers a week now use the route, up from 800 last spring, and that
a second vessel had been leased from a northern operator for three years.</p>
</article></body></html>"""


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    date_: str = "2025-03-04T10:00:00Z",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = [("Content-Type", content_type), *(extra or [])]
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date_},
    )
    writer.write_record(record)


def _archive(path: Path, *, gz: bool) -> Path:
    with path.open("wb") as handle:
        w = WARCWriter(handle, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        _response(
            w, "https://example.test/ferry", PAGE.format(title="Ferry to run twice a day").encode()
        )
        request = w.create_warc_record(
            "https://example.test/ferry",
            "request",
            payload=io.BytesIO(b"GET /ferry HTTP/1.1\r\nHost: example.test\r\n\r\n"),
        )
        w.write_record(request)
        _response(w, "https://example.test/missing", b"<html>gone</html>", status="404 Not Found")
        _response(
            w,
            "https://example.test/logo.png",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            content_type="image/png",
        )
        latin = PAGE.format(title="Café owners welcome the new ferry").encode("cp1252")
        _response(
            w, "https://example.test/cafe", latin, content_type="text/html; charset=windows-1252"
        )
        zipped = gzip.compress(PAGE.format(title="Ferry timetable published").encode())
        _response(w, "https://example.test/zipped", zipped, extra=[("Content-Encoding", "gzip")])
    return path


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_become_documents_and_the_rest_is_skipped(tmp_path: Path, gz: bool) -> None:
    path = _archive(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz=gz)
    items = list(iter_documents([path]))
    assert all(isinstance(i, RawDocument) for i in items), items
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.hints.url for d in docs] == [
        "https://example.test/ferry",
        "https://example.test/cafe",
        "https://example.test/zipped",
    ]
    assert "Café owners" in docs[1].text  # the server's charset was used
    assert "Ferry timetable published" in docs[2].text  # content encoding undone
    origins = [d.origin for d in docs]
    assert len(set(origins)) == 3 and all(o.startswith(f"{path}#") for o in origins)
    # the same archive read twice gives the same origins (offsets are stable)
    assert origins == [i.origin for i in iter_documents([path]) if isinstance(i, RawDocument)]


def test_capture_date_stands_in_only_when_the_page_has_none(tmp_path: Path) -> None:
    path = tmp_path / "dated.warc.gz"
    dated = PAGE.replace("<h1>", '<p class="date">Published 2 March 2025</p><h1>')
    with path.open("wb") as handle:
        w = WARCWriter(handle, gzip=True)
        _response(w, "https://example.test/a", PAGE.format(title="Undated ferry story").encode())
        _response(w, "https://example.test/b", dated.format(title="Dated ferry story").encode())
    a, b = (extract_article(d) for d in iter_documents([path]) if isinstance(d, RawDocument))
    assert a.published == date(2025, 3, 4) and a.published_inferred
    assert a.url == "https://example.test/a"
    assert b.published is not None and b.published.day == 2 and not b.published_inferred


def test_truncated_archive_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    whole = _archive(tmp_path / "whole.warc.gz", gz=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])  # inside a later record
    full = [i for i in iter_documents([tmp_path / "whole.warc.gz"]) if isinstance(i, RawDocument)]
    items = list(iter_documents([cut]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert 1 <= len(docs) < len(full)
    assert [d.text for d in docs] == [d.text for d in full[: len(docs)]]
    assert len(problems) == 1
    assert problems[0].origin.startswith(f"{cut}#")
    assert "truncated or corrupt" in problems[0].message
    assert "\n" not in problems[0].message


def test_garbage_named_warc_is_one_problem_and_the_run_goes_on(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive\n" * 10)
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(title="A page beside it"), encoding="utf-8")
    items = list(iter_documents([junk, page]))
    assert isinstance(items[0], Problem) and items[0].origin.startswith(str(junk))
    assert "not a WARC" in items[0].message and "\n" not in items[0].message
    assert isinstance(items[-1], RawDocument) and items[-1].origin == str(page)


def test_oversized_page_is_refused_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    with path.open("wb") as handle:
        w = WARCWriter(handle, gzip=False)
        _response(w, "https://example.test/big", b"<html>" + b"x" * 5000 + b"</html>")
        _response(w, "https://example.test/ok", PAGE.format(title="Small page").encode())
    items = list(iter_documents([path], Options(max_bytes=4000)))
    assert isinstance(items[0], Problem) and "limit" in items[0].message
    assert isinstance(items[1], RawDocument) and items[1].hints.url == "https://example.test/ok"


def test_archive_of_no_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc"
    with path.open("wb") as handle:
        w = WARCWriter(handle, gzip=False)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
    (item,) = list(iter_documents([path]))
    assert isinstance(item, Problem) and "no HTML page" in item.message


def test_a_folder_of_archives_is_walked_and_the_example_reads_from_one(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    pages = sorted((EXAMPLES / "harbour-fire").glob("*.html"))
    with (folder / "example.warc.gz").open("wb") as handle:
        w = WARCWriter(handle, gzip=True)
        for p in pages:
            _response(w, f"https://example.test/{p.stem}", p.read_bytes())
    docs = [i for i in iter_documents([folder]) if isinstance(i, RawDocument)]
    assert len(docs) == len(pages) > 1
    articles = [extract_article(d) for d in docs]
    assert all(a.title for a in articles)


def test_damaged_record_in_a_gzipped_archive_is_skipped_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    buffer = io.BytesIO()
    w = WARCWriter(buffer, gzip=True)
    starts = []
    for n, title in enumerate(("Ferry to run twice a day", "Ferry fares frozen", "New pier")):
        starts.append(buffer.tell())
        _response(w, f"https://example.test/{n}", PAGE.format(title=title).encode())
    data = bytearray(buffer.getvalue())
    middle = (starts[1] + starts[2]) // 2
    data[middle : middle + 8] = bytes(b ^ 0xFF for b in data[middle : middle + 8])
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data))
    items = list(iter_documents([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.origin for d in docs] == [f"{path}#{starts[0]}", f"{path}#{starts[2]}"]
    assert [p.origin for p in problems] == [f"{path}#{starts[1]}"]
    message = problems[0].message
    assert f"goes on at the next record (#{starts[2]})" in message
    assert message.isprintable() and len(message) < 200
