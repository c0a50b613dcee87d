"""Reading local files and folders: formats, origins, encodings, gzip, and every bad input."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from newsweave.ingest.files import iter_documents, kind_of
from newsweave.ingest.sniff import looks_like_html
from newsweave.model import Hints, Problem, RawDocument
from newsweave.options import DEFAULT, MB, Options, updated

HTML = "<!doctype html><html><body><p>Thirty people were wounded.</p></body></html>"


def read(*paths: str | os.PathLike[str], options: Options | None = None) -> list[Any]:
    if options is None:
        return list(iter_documents(paths))
    return list(iter_documents(paths, options))


def one(*paths: str | os.PathLike[str], options: Options | None = None) -> Any:
    items = read(*paths, options=options)
    assert len(items) == 1, items
    return items[0]


def only_problem(path: Path, options: Options | None = None) -> Problem:
    item = one(path, options=options)
    assert isinstance(item, Problem), item
    return item


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def origins(items: list[Any]) -> list[str]:
    return [item.origin for item in items]


# -- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("a.html", "text/html"),
        ("a.htm", "text/html"),
        ("a.xhtml", "text/html"),
        ("A.HTML", "text/html"),
        ("a.txt", "text/plain"),
        ("a.md", "text/markdown"),
        ("a.markdown", "text/markdown"),
    ],
)
def test_single_document_formats(tmp_path: Path, name: str, media_type: str) -> None:
    path = write(tmp_path / name, "Thirty wounded, café owner says.\n")
    assert one(path) == RawDocument(
        origin=str(path),
        data="Thirty wounded, café owner says.\n".encode(),
        text="Thirty wounded, café owner says.\n",
        media_type=media_type,  # type: ignore[arg-type]
        encoding="utf-8",
    )


def test_html_file_keeps_raw_bytes(tmp_path: Path) -> None:
    data = HTML.replace("Thirty", "Caf\xe9").encode("cp1252").replace(b"\n", b"\r\n")
    doc = one(write(tmp_path / "a.html", data))
    assert doc.data == data
    assert doc.text == HTML.replace("Thirty", "Café")
    assert (doc.media_type, doc.encoding) == ("text/html", "cp1252")


@pytest.mark.parametrize(
    "start", ["<!DOCTYPE html>", "  \n<html lang=en>", "\ufeff<!doctype html>"]
)
def test_txt_that_is_clearly_html_is_html(tmp_path: Path, start: str) -> None:
    doc = one(write(tmp_path / "saved.txt", f"{start}<body><p>x</p></body>"))
    assert doc.media_type == "text/html"


def test_txt_mentioning_html_stays_text(tmp_path: Path) -> None:
    doc = one(write(tmp_path / "a.txt", "We wrote <html> on the board.\n<p>not a page</p>"))
    assert doc.media_type == "text/plain"


def test_json_single_object(tmp_path: Path) -> None:
    row = {
        "id": "ap-1",
        "text": "Thirty wounded.",
        "url": "https://example.org/a",
        "title": "Blast",
        "published": "2024-05-01",
        "outlet": "AP",
    }
    path = write(tmp_path / "one.json", json.dumps(row))
    assert one(path) == RawDocument(
        origin=str(path),
        data=b"Thirty wounded.",
        text="Thirty wounded.",
        media_type="text/plain",
        encoding="utf-8",
        hints=Hints(
            url="https://example.org/a", title="Blast", published="2024-05-01", outlet="AP"
        ),
    )


def test_json_list_origins_use_id_else_position(tmp_path: Path) -> None:
    rows = [{"id": "x", "text": "first"}, {"html": "<p>second</p>"}, {"id": 7, "text": "third"}]
    path = write(tmp_path / "many.json", json.dumps(rows))
    items = read(path)
    assert origins(items) == [f"{path}#x", f"{path}#2", f"{path}#7"]
    assert [(i.text, i.media_type) for i in items] == [
        ("first", "text/plain"),
        ("<p>second</p>", "text/html"),
        ("third", "text/plain"),
    ]


def test_jsonl_rows(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "html": "<p>Fünf</p>", "outlet": "Reuters"}),
        "",
        json.dumps({"text": "no id here", "published": 1714550400}),
    ]
    path = write(tmp_path / "rows.jsonl", "\n".join(lines) + "\n")
    assert read(path) == [
        RawDocument(
            origin=f"{path}#r1",
            data="<p>Fünf</p>".encode(),
            text="<p>Fünf</p>",
            media_type="text/html",
            encoding="utf-8",
            hints=Hints(outlet="Reuters"),
        ),
        RawDocument(
            origin=f"{path}#3",
            data=b"no id here",
            text="no id here",
            media_type="text/plain",
            encoding="utf-8",
            hints=Hints(published="1714550400"),
        ),
    ]


def test_ndjson_is_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.ndjson", '{"text": "a"}\n{"text": "b"}\n')
    assert origins(read(path)) == [f"{path}#1", f"{path}#2"]


def test_html_preferred_over_text_when_a_row_has_both(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps({"text": "plain", "html": "<p>rich</p>"}))
    doc = one(path)
    assert (doc.text, doc.media_type) == ("<p>rich</p>", "text/html")


def test_row_text_newlines_normalized_raw_kept(tmp_path: Path) -> None:
    doc = one(write(tmp_path / "a.json", json.dumps({"text": "one\r\ntwo"})))
    assert (doc.text, doc.data) == ("one\ntwo", b"one\r\ntwo")


def test_hints_ignore_non_scalar_and_empty_values(tmp_path: Path) -> None:
    row = {"text": "x", "title": ["a"], "url": "  ", "outlet": True, "published": None}
    assert one(write(tmp_path / "a.json", json.dumps(row))).hints == Hints()


def test_kind_of() -> None:
    assert kind_of("a.JSONL.gz") == ("jsonl", True)
    assert kind_of("a.html") == ("html", False)
    assert kind_of("photo.jpg") == (None, False)
    assert kind_of("archive.tar.gz") == (None, True)


def test_looks_like_html() -> None:
    assert looks_like_html("\n <!DOCTYPE HTML><p>")
    assert not looks_like_html("<div>fragment</div>")
    assert looks_like_html("<div>fragment</div>", loose=True)
    assert not looks_like_html("a < b and <div>", loose=True)


# -- folders and origins ---------------------------------------------------------------------


def test_folder_origin_is_the_given_path_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "examples/story/a.html", HTML)
    monkeypatch.chdir(tmp_path)
    assert origins(read("examples/story/")) == ["examples/story/a.html"]
    assert origins(read("examples/story")) == ["examples/story/a.html"]
    assert origins(read("./examples")) == ["./examples/story/a.html"]


def test_folder_walk_sorted_recursive_skipping_hidden_and_other_types(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for name in [
        "b.txt",
        "a.html",
        "sub/c.md",
        "sub/deeper/d.json",
        "photo.jpg",
        "notes.docx",
        ".hidden.html",
        ".git/config.txt",
        "sub/.cache/e.html",
        "z.jsonl.gz",
        "unknown.gz",
    ]:
        data = gzip.compress(b'{"text": "z"}\n') if name.endswith(".gz") else '{"text": "x"}'
        write(root / name, data)
    assert origins(read(root)) == [
        f"{root}/a.html",
        f"{root}/b.txt",
        f"{root}/sub/c.md",
        f"{root}/sub/deeper/d.json",
        f"{root}/z.jsonl.gz#1",
    ]


def test_several_paths_keep_the_given_order(tmp_path: Path) -> None:
    b = write(tmp_path / "b.txt", "b")
    a = write(tmp_path / "a.txt", "a")
    assert origins(read(b, str(a))) == [str(b), str(a)]


def test_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / ".draft.txt", "draft")
    assert one(path).text == "draft"


def test_symlinks_not_followed_in_folders_by_default(tmp_path: Path) -> None:
    target = write(tmp_path / "elsewhere/t.txt", "linked")
    (tmp_path / "elsewhere/sub").mkdir()
    root = tmp_path / "in"
    write(root / "a.txt", "a")
    (root / "link.txt").symlink_to(target)
    (root / "linkdir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert origins(read(root)) == [f"{root}/a.txt"]
    followed = read(root, options=updated(DEFAULT, {"read.follow_symlinks": True}))
    assert origins(followed) == [f"{root}/a.txt", f"{root}/link.txt", f"{root}/linkdir/t.txt"]


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "a.txt", "a")
    (root / "loop").symlink_to(root, target_is_directory=True)
    assert origins(read(root, options=updated(DEFAULT, {"read.follow_symlinks": True}))) == [f"{root}/a.txt"]


def test_explicit_symlink_is_followed(tmp_path: Path) -> None:
    target = write(tmp_path / "t.txt", "linked")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    doc = one(link)
    assert (doc.origin, doc.text) == (str(link), "linked")


# -- gzip ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "media_type"),
    [("a.html.gz", "text/html"), ("a.txt.gz", "text/plain"), ("a.md.GZ", "text/markdown")],
)
def test_gzip_type_from_the_inner_name(tmp_path: Path, name: str, media_type: str) -> None:
    data = "Grüße\r\n".encode("cp1252")
    doc = one(write(tmp_path / name, gzip.compress(data)))
    assert (doc.origin, doc.data, doc.text, doc.media_type, doc.encoding) == (
        str(tmp_path / name),
        data,
        "Grüße\n",
        media_type,
        "cp1252",
    )


def test_gzip_json(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json.gz", gzip.compress(b'[{"text": "a"}, {"text": "b"}]'))
    assert origins(read(path)) == [f"{path}#1", f"{path}#2"]


def test_explicit_gzip_of_unknown_name_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path / "page.gz", gzip.compress(HTML.encode()))
    assert one(path).media_type == "text/html"


def test_gzip_bomb_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.html.gz", gzip.compress(b" " * (21 * MB), compresslevel=9))
    assert path.stat().st_size < 100_000
    assert str(only_problem(path)) == (
        f"{path}: decompresses to more than the 20 MB limit (--max-mb); "
        "refused without reading further"
    )


def test_gzip_bomb_is_refused_without_filling_memory(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.txt.gz", gzip.compress(b"\x00" * (32 * MB), compresslevel=1))
    tracemalloc.start()
    try:
        problem = only_problem(path, updated(DEFAULT, {"read.max_bytes": MB}))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problem.message.startswith("decompresses to more than the 1 MB limit")
    assert peak < 4 * MB


def test_gzip_at_the_limit_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt.gz", gzip.compress(b"x" * 100))
    assert one(path, options=updated(DEFAULT, {"read.max_bytes": 100})).text == "x" * 100
    assert isinstance(one(path, options=updated(DEFAULT, {"read.max_bytes": 99})), Problem)


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(HTML.encode() * 20)
    path = write(tmp_path / "a.html.gz", data[: len(data) // 2])
    assert str(only_problem(path)) == (
        f"{path}: truncated gzip file: it ends before its compressed data does; "
        "download or compress it again"
    )


def test_not_a_gzip_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html.gz", HTML)
    assert str(only_problem(path)) == f"{path}: not a valid gzip file (Not a gzipped file (b'<!'))"


def test_corrupt_gzip_data(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(HTML.encode()))
    data[-8] ^= 0xFF  # the stored CRC
    path = write(tmp_path / "a.html.gz", bytes(data))
    assert only_problem(path).message.startswith("not a valid gzip file (CRC check failed")


# -- bad input -------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html", b"")
    assert str(only_problem(path)) == f"{path}: empty file"


def test_empty_gzip(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt.gz", gzip.compress(b""))
    assert str(only_problem(path)) == f"{path}: empty file"


def test_whitespace_only(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", " \r\n\t\n ")
    assert str(only_problem(path)) == f"{path}: file holds only whitespace, no text"


def test_binary_with_a_known_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert str(only_problem(path)) == (
        f"{path}: content is binary data (NUL bytes), not text; is the file damaged or misnamed?"
    )


def test_over_max_bytes_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(31 * MB)  # sparse: reading it would give NULs, i.e. "binary"
    assert str(only_problem(path)) == (
        f"{path}: file is 31.0 MB, over the 20 MB limit (--max-mb)"
    )


def test_max_bytes_option(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x" * 2500)
    assert only_problem(path, updated(DEFAULT, {"read.max_bytes": 2048})).message == (
        "file is 2.4 KB, over the 2 KB limit (--max-mb)"
    )
    assert only_problem(path, updated(DEFAULT, {"read.max_bytes": 10})).message == (
        "file is 2.4 KB, over the 10 bytes limit (--max-mb)"
    )
    assert one(path, options=updated(DEFAULT, {"read.max_bytes": 2500})).text == "x" * 2500


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    path = tmp_path / "missing.html"
    assert str(only_problem(path)) == f"{path}: no such file or folder; check the path"


def test_broken_symlink_given_explicitly(tmp_path: Path) -> None:
    link = tmp_path / "a.html"
    link.symlink_to(tmp_path / "gone.html")
    assert str(only_problem(link)) == f"{link}: broken symbolic link: its target does not exist"


def test_broken_symlink_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.html").symlink_to(tmp_path / "gone.html")
    assert read(tmp_path) == []
    assert read(tmp_path, options=updated(DEFAULT, {"read.follow_symlinks": True})) == [
        Problem(f"{tmp_path}/a.html", "broken symbolic link: its target does not exist")
    ]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.html", HTML)

    def refuse(self: Path, *args: object, **kwargs: object) -> Any:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert str(only_problem(path)) == f"{path}: permission denied; check the file's permissions"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html", HTML)
    path.chmod(0)
    assert only_problem(path).message == "permission denied; check the file's permissions"


def test_unlistable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object) -> Any:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    assert str(only_problem(tmp_path)) == (
        f"{tmp_path}: cannot list folder: permission denied; check the file's permissions"
    )


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert only_problem(fifo).message == "not a regular file or folder (a device, pipe or socket)"


def test_path_under_a_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x") / "b.txt"
    assert only_problem(path).message == "cannot read: not a directory"


def test_malformed_json(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '{\n  "text": "x",\n  oops\n}')
    assert str(only_problem(path)) == (
        f"{path}: malformed JSON at line 3, column 3: "
        "Expecting property name enclosed in double quotes"
    )


def test_json_without_text_or_html(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '{"title": "T", "body": "x"}')
    assert str(only_problem(path)) == (
        f"{path}: the object has no 'text' or 'html' field (found: body, title)"
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": 3}, "item 1: 'text' must be a string, found a number"),
        ({"html": "  \n"}, "item 1: 'html' is empty"),
        ({}, "item 1 has no 'text' or 'html' field (found: nothing)"),
    ],
)
def test_bad_json_list_items(tmp_path: Path, row: dict[str, Any], message: str) -> None:
    path = write(tmp_path / "a.json", json.dumps([row, {"text": "fine"}]))
    assert read(path) == [
        Problem(f"{path}#1", message),
        RawDocument(f"{path}#2", b"fine", "fine", "text/plain", "utf-8"),
    ]


def test_json_of_the_wrong_shape(tmp_path: Path) -> None:
    scalar = write(tmp_path / "a.json", "42")
    assert (
        only_problem(scalar).message
        == "JSON must be an object or a list of objects, found a number"
    )
    empty = write(tmp_path / "b.json", "[]")
    assert only_problem(empty).message == "the JSON list is empty: no articles"
    mixed = write(tmp_path / "c.json", '["text", {"text": "ok"}]')
    assert read(mixed)[0] == Problem(f"{mixed}#1", "item 1 is a string, not an object")


def test_jsonl_bad_rows_do_not_stop_the_others(tmp_path: Path) -> None:
    lines = [
        '{"id": "a", "text": "first"}',
        '{"id": "b", "text": "broken"',
        "[1, 2]",
        '{"id": "d", "title": "no body"}',
        '{"text": "last"}',
    ]
    path = write(tmp_path / "rows.jsonl", "\n".join(lines))
    items = read(path)
    assert [str(item) if isinstance(item, Problem) else item.origin for item in items] == [
        f"{path}#a",
        f"{path}: line 2: malformed JSON at column 29: Expecting ',' delimiter",
        f"{path}: line 3 is a list, not an object",
        f"{path}#d: line 4 has no 'text' or 'html' field (found: id, title)",
        f"{path}#5",
    ]


def test_unknown_extension_given_explicitly_is_sniffed(tmp_path: Path) -> None:
    page = write(tmp_path / "saved.page", "<div><p>Fragment of a page</p></div>")
    text = write(tmp_path / "README", "Just some notes.")
    assert one(page).media_type == "text/html"
    assert (one(text).media_type, one(text).text) == ("text/plain", "Just some notes.")


def test_unknown_extension_binary_given_explicitly(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert str(only_problem(path)) == (
        f"{path}: unknown file type, and the content is binary data (NUL bytes), not text; "
        "supported: .html .htm .xhtml .txt .md .markdown .json .jsonl .ndjson .warc .arc, and .gz of these"
    )


def test_bad_input_never_stops_the_run(tmp_path: Path) -> None:
    write(tmp_path / "a.html", b"")
    write(tmp_path / "b.html", HTML)
    write(tmp_path / "c.json", "{")
    write(tmp_path / "d.txt", b"\x00\x01")
    write(tmp_path / "e.txt", "fine")
    items = read(tmp_path, tmp_path / "missing.txt")
    assert [type(item).__name__ for item in items] == [
        "Problem",
        "RawDocument",
        "Problem",
        "Problem",
        "RawDocument",
        "Problem",
    ]
    assert all(item.origin.startswith(str(tmp_path)) for item in items)


def test_a_folders_own_documentation_is_skipped_unless_named(tmp_path: Path) -> None:
    for name in ("README.md", "readme.txt", "LICENSE", "LICENSE-MIT", "CHANGELOG.md", "COPYING"):
        write(tmp_path / name, "# About this folder\n\nThese pages were saved for a project.")
    write(tmp_path / "readme-the-mayor-said.txt", "An article whose name starts like a README.")
    write(tmp_path / "story.html", HTML)
    names = [Path(item.origin).name for item in read(tmp_path)]
    assert names == ["readme-the-mayor-said.txt", "story.html"]
    assert [Path(i.origin).name for i in read(tmp_path / "README.md")] == ["README.md"]


def test_inputs_are_counted_before_they_are_read(tmp_path: Path) -> None:
    from newsweave.ingest.files import count_inputs, iter_documents

    write(tmp_path / "a.html", HTML)
    write(tmp_path / "rows.jsonl", '{"text": "one"}\n{"text": "two"}\n')
    write(tmp_path / "README.md", "about")
    assert count_inputs([tmp_path, tmp_path / "missing.txt"]) == 2
    done: list[str] = []
    docs = list(iter_documents([tmp_path], done=done.append))
    assert len(docs) == 3  # the JSON Lines file is one input, two documents
    assert [Path(d).name for d in done] == ["a.html", "rows.jsonl"]
