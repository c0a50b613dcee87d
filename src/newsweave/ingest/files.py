"""Read local files and folders into ``RawDocument`` records.

Bad input never stops a run: every file that cannot be read becomes a ``Problem`` naming it,
and the other files (and the other rows of a JSON Lines file) still come through. Reading
(I/O) is kept apart from parsing (``parse``, a pure function of the bytes).
"""

from __future__ import annotations

import dataclasses
import gzip
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path, PurePath
from typing import Any, Literal

from newsweave.errors import InputError, JSONError, NotTextError
from newsweave.ingest.decode import decode, normalize_newlines
from newsweave.ingest.jsonload import load_json, unpaired_surrogates
from newsweave.ingest.sniff import is_url, limit_text, looks_like_html, opens_like_html, size_text
from newsweave.model import Hints, MediaType, Problem, RawDocument
from newsweave.options import DEFAULT, Options
from newsweave.progress import Report, Step

Kind = Literal["html", "text", "markdown", "json", "jsonl", "warc"]
Item = RawDocument | Problem

_KINDS: dict[str, Kind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",  # and .warc.gz; also ARC files, read as WARC
    ".arc": "warc",
}
_MEDIA_TYPES: dict[Kind, MediaType] = {
    "html": "text/html",
    "text": "text/plain",
    "markdown": "text/markdown",
}
_SUPPORTED = (
    "supported: .html .htm .xhtml .txt .md .markdown .json .jsonl .ndjson .warc .arc, "
    "and .gz of these"
)
# How Python carries a byte of a file name that is not UTF-8 (PEP 383).
_SURROGATE = re.compile("[\ud800-\udfff]")
# Files that document the folder they sit in ("examples/README.md"): skipped when a folder is
# walked, read when named.
_FOLDER_DOCS = re.compile(
    r"^(readme|licen[cs]e|copying|changelog|contributing)(-[a-z0-9]+)?(\.[a-z0-9]+)*$",
    re.IGNORECASE,
)
# A hint or id longer than this is cut: a title or URL of a megabyte is an attack, not metadata.
_SCALAR_CHARS = 2000


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    options: Options = DEFAULT,
    *,
    done: Callable[[str], None] | None = None,
) -> Iterator[RawDocument | Problem]:
    """Yield a document or a problem for every supported file under ``paths``, in a stable order.

    Folders are walked recursively in name order, skipping hidden entries, files of other
    types (a folder may hold images) and the folder's own documentation (README, LICENSE,
    CHANGELOG …); a file named explicitly is read whatever its name or extension. A
    ``scheme://`` input is fetched (http and https only), all URLs through one client.
    ``done`` hears each input (file or URL) once its documents have all been yielded: the
    progress of a run is inputs done out of ``count_inputs``.
    """
    with ExitStack() as stack:
        fetcher = None
        for item in iter_inputs(paths, options):
            if isinstance(item, Problem):
                yield _shown(item)
                continue
            if not is_url(item):
                yield from map(_shown, _from_file(item, options))
            else:
                if fetcher is None:
                    from newsweave.ingest.web import Fetcher  # lazy: httpx only for URLs

                    fetcher = stack.enter_context(Fetcher(options))
                yield fetcher.fetch(item)
            if done is not None:
                done(shown_path(item))


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], options: Options = DEFAULT
) -> Iterator[str | Problem]:
    """The files (folders walked) and URLs ``iter_documents`` reads, and a problem for each
    path that cannot be listed; nothing is opened."""
    for path in paths:
        name = os.fspath(path)
        if not is_url(name):
            yield from _from_given(name, options)
        else:
            yield name


def path_list(
    paths: Iterable[str | os.PathLike[str]], name: str = "weave"
) -> list[str | os.PathLike[str]]:
    """``paths`` as a list, refusing one path given bare: iterating "examples/" would read
    the folders "e", "x", … and "/" (a whole machine)."""
    if isinstance(paths, str | bytes | os.PathLike):
        raise TypeError(
            f"{name}() takes a list of paths, not one path: {name}([{os.fspath(paths)!r}])"
        )
    return list(paths)


def count_inputs(paths: Iterable[str | os.PathLike[str]], options: Options = DEFAULT) -> int:
    """How many files and URLs ``iter_documents`` will read (a web archive or a JSON Lines
    file is one input, whatever it holds)."""
    return sum(1 for item in iter_inputs(paths, options) if not isinstance(item, Problem))


def reading_steps(
    paths: Iterable[str | os.PathLike[str]], options: Options, progress: Report | None
) -> Callable[[str], None]:
    """The ``done`` callback of ``iter_documents`` for a caller that reports progress: a
    "reading" step as each input is done, of the inputs counted first (only when someone
    listens, since counting walks the folders once more)."""
    total = count_inputs(paths, options) if progress else None
    done = 0

    def finished(name: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(Step("reading", done, total, name))

    return finished


def is_folder_documentation(name: str) -> bool:
    """A README, LICENSE, CHANGELOG … describes the folder it sits in, not a news event."""
    return _FOLDER_DOCS.match(name) is not None


def shown_path(path: str) -> str:
    """A path as text that can be printed and stored: each byte of a file name that is not
    UTF-8 (which Python carries as a lone surrogate) is written ``\\xff``."""
    return _SURROGATE.sub(_byte_escape, path)


def _byte_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def _shown(item: Item) -> Item:
    """The item under a printable origin (the path itself was used to read it)."""
    origin = shown_path(item.origin)
    return item if origin == item.origin else dataclasses.replace(item, origin=origin)


def kind_of(name: str) -> tuple[Kind | None, bool]:
    """The document kind a file name says, and whether it is gzipped ("a.json.gz" → json)."""
    lowered = name.lower()
    gzipped = lowered.endswith(".gz")
    if gzipped:
        lowered = lowered[: -len(".gz")]
    return _KINDS.get(PurePath(lowered).suffix), gzipped


def parse(
    origin: str, kind: Kind | None, data: bytes, max_json_depth: int = DEFAULT.read.max_json_depth
) -> Iterator[Item]:
    """Turn a file's bytes into documents; ``kind`` None means sniff the content."""
    if not data:
        yield Problem(origin, "empty file")
        return
    hint: MediaType | None = "text/html" if kind == "html" or opens_like_html(data) else None
    try:
        text, encoding = decode(data, media_type_hint=hint)
    except NotTextError as exc:
        yield Problem(origin, _not_text_message(kind, str(exc)))
        return
    if not text.strip():
        yield Problem(origin, "file holds only whitespace, no text")
        return
    if kind == "json":
        yield from _json_documents(origin, text, max_json_depth)
    elif kind == "jsonl":
        yield from _jsonl_documents(origin, text, max_json_depth)
    else:
        yield RawDocument(origin, data, text, _media_type(kind, text), encoding)


# -- reading ---------------------------------------------------------------------------------


def _from_given(path: str, options: Options) -> Iterator[str | Problem]:
    """A path the user named: a file is read whatever its type, a link is always followed."""
    try:
        info = Path(path).stat()
    except FileNotFoundError:
        if Path(path).is_symlink():
            yield Problem(path, "broken symbolic link: its target does not exist")
        else:
            yield Problem(path, "no such file or folder; check the path")
        return
    except OSError as exc:
        yield Problem(path, _os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, options, {(info.st_dev, info.st_ino)})
    elif stat.S_ISREG(info.st_mode):
        yield path
    else:
        yield Problem(path, "not a regular file or folder (a device, pipe or socket)")


def _walk(folder: str, options: Options, seen: set[tuple[int, int]]) -> Iterator[str | Problem]:
    """Supported files under ``folder`` in name order; ``seen`` stops symbolic-link loops."""
    try:
        with os.scandir(folder) as entries:
            listing = sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        yield Problem(folder, f"cannot list folder: {_os_reason(exc)}")
        return
    for entry in listing:
        if entry.name.startswith("."):
            continue
        # Origins keep the path as the user typed it ("./a.html"); Path would normalize it.
        origin = os.path.join(folder, entry.name)  # noqa: PTH118
        try:
            if entry.is_symlink():
                if not options.read.follow_symlinks:
                    continue
                if not Path(entry.path).exists():
                    yield Problem(origin, "broken symbolic link: its target does not exist")
                    continue
            if entry.is_dir():
                info = entry.stat()
                key = (info.st_dev, info.st_ino)
                # Each real folder is read once: a link back up the tree cannot loop.
                if key not in seen:
                    seen.add(key)
                    yield from _walk(origin, options, seen)
            elif (
                entry.is_file()
                and kind_of(entry.name)[0] is not None
                and not is_folder_documentation(entry.name)
            ):
                yield origin
        except OSError as exc:
            yield Problem(origin, _os_reason(exc))


def _from_file(path: str, options: Options) -> Iterator[Item]:
    kind, gzipped = kind_of(Path(path).name)
    if kind == "warc":  # streamed record by record, never read whole
        from newsweave.ingest.warc import iter_warc

        yield from iter_warc(path, options)
        return
    try:
        data = (
            _read_gzip(path, options.read.max_bytes)
            if gzipped
            else _read(path, options.read.max_bytes)
        )
    except InputError as exc:
        yield Problem(exc.origin, exc.message)
        return
    except OSError as exc:
        yield Problem(path, _os_reason(exc))
        return
    yield from parse(path, kind, data, options.read.max_json_depth)


def _read(path: str, limit: int) -> bytes:
    """The file's bytes, refusing one over ``limit`` before reading it."""
    with Path(path).open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise InputError(path, _too_big(size, limit))
        # Read one byte past the limit: a file that grew since the size check is caught too.
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(path, f"file is over the {limit_text(limit)} limit (--max-mb)")
    return data


def _read_gzip(path: str, limit: int) -> bytes:
    """The decompressed bytes, refusing more than ``limit`` while streaming (gzip bombs)."""
    with Path(path).open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise InputError(path, _too_big(size, limit))
        try:
            with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
                data = unzipped.read(limit + 1)
        except EOFError as exc:
            raise InputError(
                path,
                "truncated gzip file: it ends before its compressed data does; "
                "download or compress it again",
            ) from exc
        except gzip.BadGzipFile as exc:
            raise InputError(path, f"not a valid gzip file ({exc})") from exc
        except zlib.error as exc:
            raise InputError(path, f"corrupt gzip data ({exc})") from exc
    if len(data) > limit:
        raise InputError(
            path,
            f"decompresses to more than the {limit_text(limit)} limit (--max-mb); "
            "refused without reading further",
        )
    return data


def _os_reason(exc: OSError) -> str:
    """A one-line reason for an OS error, without Python's repr noise."""
    if isinstance(exc, PermissionError):
        return "permission denied; check the file's permissions"
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder; check the path"
    reason = exc.strerror or str(exc)
    return f"cannot read: {reason[:1].lower()}{reason[1:]}"


def _too_big(size: int, limit: int) -> str:
    return f"file is {size_text(size)}, over the {limit_text(limit)} limit (--max-mb)"


# -- parsing ---------------------------------------------------------------------------------


def _media_type(kind: Kind | None, text: str) -> MediaType:
    """What the name says, except that HTML saved as .txt or with no known name is HTML."""
    if kind is None:
        return "text/html" if looks_like_html(text, loose=True) else "text/plain"
    if kind == "text" and looks_like_html(text):
        return "text/html"
    return _MEDIA_TYPES[kind]


def _not_text_message(kind: Kind | None, reason: str) -> str:
    if kind is None:
        return f"unknown file type, and the content is {reason}; {_SUPPORTED}"
    return f"content is {reason}; is the file damaged or misnamed?"


def _json_documents(origin: str, text: str, max_depth: int) -> Iterator[Item]:
    try:
        value = load_json(text, max_depth)
    except JSONError as exc:
        yield Problem(origin, str(exc))
        return
    if isinstance(value, dict):
        yield _row_document(origin, value, "the object")
    elif isinstance(value, list):
        if not value:
            yield Problem(origin, "the JSON list is empty: no articles")
        for index, item in enumerate(value, start=1):
            where = f"item {index}"
            if isinstance(item, dict):
                yield _row_document(_row_origin(origin, item, index), item, where)
            else:
                yield Problem(f"{origin}#{index}", f"{where} is {_json_type(item)}, not an object")
    else:
        yield Problem(
            origin, f"JSON must be an object or a list of objects, found {_json_type(value)}"
        )


def _jsonl_documents(origin: str, text: str, max_depth: int) -> Iterator[Item]:
    """One article per line; a bad line is a problem of its own and the others still come."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            value = load_json(line, max_depth, line=True)
        except JSONError as exc:
            yield Problem(origin, f"{where}: {exc}")
            continue
        if isinstance(value, dict):
            yield _row_document(_row_origin(origin, value, number), value, where)
        else:
            yield Problem(origin, f"{where} is {_json_type(value)}, not an object")


def _row_origin(origin: str, row: dict[str, Any], position: int) -> str:
    """``PATH#ID`` from the row's ``id``, else its 1-based line or list position."""
    row_id = _scalar(row.get("id"))
    return f"{origin}#{row_id if row_id is not None else position}"


def _row_document(origin: str, row: dict[str, Any], where: str) -> Item:
    """A JSON object's ``html`` (kept in preference: it carries the page's own metadata) or
    ``text`` as a document, with its other fields as hints."""
    fields: tuple[tuple[str, MediaType], ...] = (("html", "text/html"), ("text", "text/plain"))
    for name, media_type in fields:
        if name not in row:
            continue
        value = row[name]
        if not isinstance(value, str):
            return Problem(origin, f"{where}: '{name}' must be a string, found {_json_type(value)}")
        if not value.strip():
            return Problem(origin, f"{where}: '{name}' is empty")
        value = unpaired_surrogates(value)
        hints = Hints(
            url=_scalar(row.get("url")),
            title=_scalar(row.get("title")),
            published=_scalar(row.get("published")),
            outlet=_scalar(row.get("outlet")),
        )
        text = normalize_newlines(value)
        return RawDocument(origin, value.encode("utf-8"), text, media_type, "utf-8", hints)
    found = ", ".join(sorted(row)[:8]) or "nothing"
    return Problem(origin, f"{where} has no 'text' or 'html' field (found: {found})")


def _scalar(value: object) -> str | None:
    """A hint or id as text: strings and numbers are kept, anything else is ignored."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = unpaired_surrogates(str(value)).strip()
    return text[:_SCALAR_CHARS] or None


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return "an object"
