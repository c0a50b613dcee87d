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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def iter_warc(path: str, options: Options) -> Iterator[Item]:
    """A document for each HTML page response in the archive at ``path``.

    A record that cannot be parsed ends the file with one problem naming its offset (a
    WARC has no markers to resynchronise on); the pages before it still come through.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    offset = 0  # where the record being read starts
    pages = 0
    try:
        with Path(path).open("rb") as handle:
            if not _opens_like_archive(handle.read(_SNIFF)):
                yield Problem(path, "not a WARC or ARC archive (it does not open with a record)")
                return
            handle.seek(0)
            records = ArchiveIterator(handle, arc2warc=True)
            for record in records:
                content_type = _page_type(record)
                if content_type is None:
                    continue
                # read the page first: asking warcio for the offset reads the record to its end
                data = record.content_stream().read(options.max_bytes + 1)
                start = records.get_record_offset()
                offset = start + records.get_record_length()  # where a break would be
                item = _page(record, f"{path}#{start}", content_type, data, options.max_bytes)
                if item is not None:
                    pages += isinstance(item, RawDocument)
                    yield item
            records.read_to_end()
            if records.member_info:  # the end of the last record read
                offset = sum(records.member_info)
            size = os.fstat(handle.fileno()).st_size
            if size - offset > _TRAILING_SLACK:
                # warcio stops quietly at a gzip member cut short: bytes left over mean a
                # truncated download or a corrupt record.
                raise EOFError(f"{size - offset} bytes after the last whole record")
    except ArchiveLoadFailed as exc:
        yield Problem(f"{path}#{offset}", f"not a readable WARC record: {_first_line(exc)}")
        return
    except (EOFError, zlib.error) as exc:
        yield Problem(
            f"{path}#{offset}",
            f"truncated or corrupt archive ({_first_line(exc) or 'unexpected end'}); "
            "the records before this one were read",
        )
        return
    except OSError as exc:
        yield Problem(path, f"cannot read: {exc.strerror or exc}")
        return
    if not pages:
        yield Problem(path, "archive holds no HTML page responses (status 200, text/html)")


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


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else ""
