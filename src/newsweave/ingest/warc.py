"""Web archives: the HTML pages in WARC (and ARC) files, read record by record.

Common Crawl's news crawl and most archiving tools write WARC: a stream of records (requests,
responses, metadata), usually gzipped one record per member. Only ``response`` records of a
200 HTTP answer that hold a web page become documents; the rest is skipped, as a browser
would never have shown it. Files are streamed: a multi-gigabyte archive never sits in memory,
and each page is read up to ``Options.max_bytes``.

A document's origin is ``PATH#OFFSET`` (the record's byte offset, stable and unique in the
file); its hints carry the record's target URL and the capture date, which extraction uses
only when the page itself gives no date (a capture date is not a publication date).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from newsweave.ingest.decode import NotTextError, decode
from newsweave.model import Hints, Problem, RawDocument
from newsweave.options import Options

Item = RawDocument | Problem

# Content types of a web page; a record that names none is sniffed.
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_HTML_START = (b"<!doctype html", b"<html")
_SNIFF = 4096
# Blank lines or padding may follow the last record; more than this is a record cut short.
_TRAILING_SLACK = 64
# A gzip member's first bytes (magic number, deflate); each WARC.gz record opens one.
_GZIP_MAGIC = b"\x1f\x8b\x08"
_SCAN_BLOCK = 1 << 20
_REASON_CHARS = 120


def iter_warc(path: str, options: Options) -> Iterator[Item]:
    """A document for each HTML page response in the archive at ``path``.

    A record that cannot be read gives one problem naming its offset, and the pages before
    it still come through. In a gzipped WARC (one gzip member per record, as crawlers write
    them) reading goes on at the next record after the damage; a plain WARC or an ARC has no
    markers to resynchronise on, so the file ends there.
    """
    pages = 0
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(_SNIFF)
            if not _opens_like_archive(head):
                yield Problem(path, "not a WARC or ARC archive (it does not open with a record)")
                return
            resumable = head.startswith(b"\x1f\x8b")
            size = os.fstat(handle.fileno()).st_size
            start: int | None = 0
            while start is not None:
                read, broken = yield from _records(handle, path, start, size, options)
                pages += read
                if broken is None:
                    break
                offset, reason = broken
                start = _next_record(handle, offset + 1) if resumable else None
                where = f"{path}#{offset}"
                if start is None:
                    yield Problem(where, f"{reason}; the records before this one were read")
                    return
                yield Problem(where, f"{reason}; reading goes on at the next record (#{start})")
    except OSError as exc:
        yield Problem(path, f"cannot read: {exc.strerror or exc}")
        return
    if not pages:
        yield Problem(path, "archive holds no HTML page responses (status 200, text/html)")


def _records(
    handle: BinaryIO, path: str, start: int, size: int, options: Options
) -> Generator[Item, None, tuple[int, tuple[int, str] | None]]:
    """The pages of the records from byte ``start`` on. Returns how many pages came, and
    where and why reading broke off (None when the file was read to its end)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    offset = start  # the end of the last whole record: where a break would be
    pages = 0
    try:
        handle.seek(start)
        records = ArchiveIterator(handle, arc2warc=True)
        for record in records:
            content_type = _page_type(record)
            data = b""
            if content_type is not None:
                # read the page first: asking warcio for the offset reads the record to its end
                data = record.content_stream().read(options.max_bytes + 1)
            at = records.get_record_offset()
            offset = at + records.get_record_length()
            if content_type is None:
                continue
            item = _page(record, f"{path}#{at}", content_type, data, options.max_bytes)
            if item is not None:
                pages += isinstance(item, RawDocument)
                yield item
        records.read_to_end()
        if records.member_info:  # the end of the last record read
            offset = sum(records.member_info)
        if size - offset > _TRAILING_SLACK:
            # warcio stops quietly at a gzip member cut short: bytes left over mean a
            # truncated download or a corrupt record.
            raise EOFError(f"{size - offset} bytes after the last whole record")
    except ArchiveLoadFailed as exc:
        return pages, (offset, f"not a readable WARC record ({_reason(exc)})")
    except (EOFError, zlib.error) as exc:
        return pages, (offset, f"truncated or corrupt archive ({_reason(exc) or 'unexpected end'})")
    return pages, None


def _next_record(handle: BinaryIO, after: int) -> int | None:
    """The offset of the next gzip member at or after ``after`` that opens a WARC record,
    scanning the file a block at a time; None when there is none."""
    position = after
    while True:
        handle.seek(position)
        block = handle.read(_SCAN_BLOCK)
        if len(block) < len(_GZIP_MAGIC):
            return None
        found = block.find(_GZIP_MAGIC)
        while found != -1:
            handle.seek(position + found)
            if _opens_like_archive(handle.read(_SNIFF)):
                return position + found
            found = block.find(_GZIP_MAGIC, found + 1)
        # a magic number cut by the block's end is found by the next block
        position += max(1, len(block) - len(_GZIP_MAGIC) + 1)


def _page_type(record: Any) -> str | None:
    """The lower-cased Content-Type of a 200 response that may hold a page, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http = record.http_headers
    if http.get_statuscode() != "200":
        return None
    content_type = str(http.get_header("Content-Type") or "").lower()
    media_type = content_type.split(";", 1)[0].strip()
    return content_type if not media_type or media_type in _PAGE_TYPES else None


def _page(record: Any, origin: str, content_type: str, data: bytes, limit: int) -> Item | None:
    """The record as a document, a problem, or None when it is not a page after all.

    ``data`` was read through warcio's content stream, which undoes chunked transfer and
    gzip/deflate/brotli content encoding; the read was bounded, so a bomb stops at the limit.
    """
    if len(data) > limit:
        return Problem(origin, f"page is over the {limit // (1024 * 1024)} MB limit; skipped")
    media_type = content_type.split(";", 1)[0].strip()
    if not media_type and not data.lstrip()[:20].lower().startswith(_HTML_START):
        return None
    if not data.strip():
        return Problem(origin, "empty page in the archive")
    try:
        text, encoding = decode(data, media_type_hint="text/html", charset=_charset(content_type))
    except NotTextError as exc:
        return Problem(origin, f"page content is {exc}, not text")
    warc = record.rec_headers
    hints = Hints(
        url=warc.get_header("WARC-Target-URI"),
        crawled=warc.get_header("WARC-Date"),
    )
    return RawDocument(origin, data, text, "text/html", encoding, hints)


def _opens_like_archive(head: bytes) -> bool:
    """Whether the first bytes (gzipped or not) open a WARC or an ARC record.

    warcio reads any text as ARC header lines, so junk would come out as bogus records.
    """
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip()
    return None


def _reason(exc: BaseException) -> str:
    """The error's first line, short and printable: warcio quotes the raw bytes it could not
    parse ("Unknown archive format, first line: [...]"), which may be binary."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else ""
    line = line.split(", first line:", 1)[0]
    line = "".join(c if c.isprintable() else "?" for c in line)
    return line if len(line) <= _REASON_CHARS else f"{line[: _REASON_CHARS - 1]}…"
