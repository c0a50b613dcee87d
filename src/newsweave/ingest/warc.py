"""Web archives: the HTML pages in WARC (and ARC) files, read record by record.

Common Crawl's news crawl and most archiving tools write WARC: a stream of records (requests,
responses, metadata), usually gzipped one record per member. Only ``response`` records of a
200 HTTP answer that hold a web page become documents; the rest is skipped, as a browser
would never have shown it. Files are streamed: a multi-gigabyte archive never sits in memory,
and each page is read up to ``Options.max_bytes``.

A document's origin is ``PATH#OFFSET``: the byte offset of its record, or of the gzip member
that holds it (``PATH#MEMBER+N`` for a record N bytes into a member that holds several,
as in a WARC gzipped whole). Its hints carry the record's target URL and the capture date,
which extraction uses only when the page itself gives no date.

Damage is found, not guessed at. warcio decompresses gzip members itself but swallows a
corrupt member (it prints the zlib error and reads on, which loses records or misplaces the
damage), and trusts every Content-Length (a record claiming 10^12 bytes swallows the rest of
the file). So this module undoes the gzip layer itself, one member at a time and checked to
its CRC, before warcio parses the records in it; a record whose length runs past its member
or the file, or is not followed by the blank lines a record ends with, is damaged; and no
record may make warcio read more than ``_READ_THROUGH`` times the page limit. A damaged
record is one problem naming its offset, and reading goes on at the next record that can be
found: the next gzip member that opens one, or in a plain WARC the next line that starts one.
"""

from __future__ import annotations

import contextlib
import io
import os
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsweave.errors import DamagedRecordError, NotTextError
from newsweave.ingest.decode import decode
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
# A plain WARC record opens with its version line.
_WARC_LINE = b"\nWARC/1."
_SCAN_BLOCK = 1 << 20
_READ_BLOCK = 1 << 16
_REASON_CHARS = 120
# No record (headers, page, video, anything) makes warcio read more than this many times the
# page limit: a gzip bomb or a bogus length stops there, and reading goes on at the next record.
_READ_THROUGH = 16


@dataclass(frozen=True, slots=True)
class _Break:
    """Where reading broke off and why: ``offset`` is the damaged record's (or its gzip
    member's) byte offset, where the search for the next record starts; ``where`` is the
    record as its origin would name it."""

    offset: int
    where: str
    reason: str


def iter_warc(path: str, options: Options) -> Iterator[Item]:
    """A document for each HTML page response in the archive at ``path``.

    A record that cannot be read gives one problem naming its offset, and the pages of the
    other records still come through.
    """
    pages = 0
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(_SNIFF)
            gz = head.startswith(b"\x1f\x8b") or path.lower().endswith(".gz")
            size = os.fstat(handle.fileno()).st_size
            start = 0 if _opens_like_archive(head) else _next_record(handle, 1, gz)
            if start is None:
                yield Problem(path, "not a WARC or ARC archive (it does not open with a record)")
                return
            if start:  # the first record is damaged: the archive opens with junk
                yield Problem(
                    f"{path}#0",
                    "not a readable WARC record (the archive does not open with one); reading "
                    f"goes on at the next record (#{start})",
                )
            while True:
                read = _Reader(handle, path, size, options)
                broken = yield from (read.members(start) if gz else read.plain(start))
                pages += read.pages
                if broken is None:
                    break
                start = _next_record(handle, broken.offset + 1, gz)
                where = f"{path}#{broken.where}"
                if start is None:
                    yield Problem(where, f"{broken.reason}; no readable record follows it")
                    return
                yield Problem(
                    where, f"{broken.reason}; reading goes on at the next record (#{start})"
                )
    except OSError as exc:
        yield Problem(path, f"cannot read: {exc.strerror or exc}")
        return
    if not pages:
        yield Problem(path, "archive holds no HTML page responses (status 200, text/html)")


class _Reader:
    """One pass over an archive from an offset until its end or the first damage."""

    def __init__(self, handle: BinaryIO, path: str, size: int, options: Options) -> None:
        self.handle = handle
        self.path = path
        self.size = size
        self.options = options
        self.pages = 0
        self.at: int | None = None  # the offset of the record being read, once known

    def members(self, start: int) -> Generator[Item, None, _Break | None]:
        """The records of each gzip member from ``start`` on, member after member."""
        at = start
        while at < self.size:
            self.handle.seek(at)
            head = self.handle.read(len(_GZIP_MAGIC))
            if not head.startswith(_GZIP_MAGIC):
                rest = self.size - at
                if rest <= _TRAILING_SLACK and not self._tail(at).strip(b"\0\r\n\t "):
                    return None  # padding after the last record
                return _Break(
                    at,
                    str(at),
                    f"truncated or corrupt archive ({rest} bytes after the last whole record "
                    "are not a gzip member)",
                )
            member = _Member(self.handle, at, self._cap())
            broken = yield from self._records(member, at, gz=True)
            if broken is not None:
                return broken
            if member.end is None:  # pragma: no cover - the records end with the member
                return _Break(at, str(at), "truncated or corrupt archive (unexpected end)")
            at = member.end
        return None

    def plain(self, start: int) -> Generator[Item, None, _Break | None]:
        """The records of an uncompressed WARC or ARC from ``start`` to its end."""
        return (yield from self._records(_Plain(self.handle, start, self._cap()), start, gz=False))

    def _cap(self) -> int:
        return _READ_THROUGH * self.options.read.max_bytes + _SNIFF

    def _tail(self, at: int) -> bytes:
        self.handle.seek(at)
        return self.handle.read(_TRAILING_SLACK + 1)

    def _records(
        self, stream: _Stream, base: int, *, gz: bool
    ) -> Generator[Item, None, _Break | None]:
        """The pages of the records in ``stream``; ``base`` is the member's offset (gz) or the
        stream's first byte (plain). A page is yielded once its record was read to its end
        and checked: its length, the blank lines after it, its digest, and (reading to the end
        of a one-record gzip member) the member's CRC."""
        from warcio.archiveiterator import ArchiveIterator

        # check_digests: a record whose bytes changed shows against its WARC-Block-Digest
        records = ArchiveIterator(stream, arc2warc=True, check_digests=True)
        it = iter(records)
        start = 0 if gz else base  # where the record being read begins (stream offsets)
        # A damaged record in a gzip member is reported once: damage that changed its page
        # (a failed digest) often also broke the blank lines or the end of its member, so its
        # problem waits until the member reads on, and a break then is the same damage.
        held: tuple[Problem, int] | None = None
        while True:
            stream.allow()
            try:
                with _quiet():
                    record = next(it, None)
            except Exception as exc:  # warcio raises many kinds on junk
                return self._break(base, held[1] if held else start, gz, exc)
            if record is None:
                if held is not None:
                    yield held[0]
                if not gz and self.size - stream.tell() > _TRAILING_SLACK:
                    return self._break(base, stream.tell(), gz, EOFError())
                return None
            self.at = None
            try:
                with _quiet():
                    item, start = self._record(records, record, base, gz)
            except Exception as exc:
                at = held[1] if held else start if self.at is None else self.at
                return self._break(base, at, gz, exc)
            if held is not None:
                yield held[0]
                held = None
            if gz and isinstance(item, Problem) and self.at is not None:
                held = (item, self.at)
            elif item is not None:
                self.pages += isinstance(item, RawDocument)
                yield item

    def _record(self, records: Any, record: Any, base: int, gz: bool) -> tuple[Item | None, int]:
        """The record's page (or problem, or None), read whole; and where the next begins."""
        content_type = _page_type(record)
        data = b""
        if content_type is not None:
            # read the page first: asking warcio for the offset reads the record to its end
            data = record.content_stream().read(self.options.read.max_bytes + 1)
        errors = records.err_count
        at = self.at = records.get_record_offset()
        end = records.offset  # the next record's start, after the blank lines between
        origin = f"{self.path}#{_where(base, at, gz)}"
        missing = getattr(record.raw_stream, "limit", 0)
        if missing > 0:
            raise DamagedRecordError(f"record cut short: {missing} of its bytes are missing")
        if records.err_count > errors:
            raise DamagedRecordError(
                "record length is wrong: no blank line where the record should end"
            )
        if record.format == "warc" and record.length is None:
            raise DamagedRecordError("record has no Content-Length")
        if content_type is None:
            return None, end
        if any("digest failed" in p for p in record.digest_checker.problems):
            # the framing held, so the next record is read as usual
            return Problem(
                origin, "page does not match its record's digest (damaged); skipped"
            ), end
        return _page(record, origin, content_type, data, self.options.read.max_bytes), end

    @staticmethod
    def _break(base: int, at: int, gz: bool, exc: BaseException) -> _Break:
        """The break at the record ``at`` (in a gzip member at ``base``) that ``exc`` caused."""
        return _Break(base if gz else at, _where(base, at, gz), _reason_for(exc))


def _where(base: int, at: int, gz: bool) -> str:
    """A record's offset as its origin writes it: ``OFFSET`` in a plain archive; the member's
    offset in a gzipped one, ``MEMBER+N`` for a record N bytes into its member."""
    if not gz:
        return str(at)
    return f"{base}+{at}" if at else str(base)


class _Stream(io.RawIOBase):
    """The uncompressed bytes warcio reads, with a bound on how far one record may read."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.produced = 0
        self.limit = cap

    def readable(self) -> bool:
        return True

    def allow(self) -> None:
        """The next record may read ``cap`` bytes past what was read so far."""
        self.limit = self.produced + self.cap

    def _count(self, n: int) -> int:
        self.produced += n
        if self.produced > self.limit:
            raise DamagedRecordError(
                f"a record runs over {self.cap // (1024 * 1024)} MB ({_READ_THROUGH} times "
                "the --max-mb limit); skipped"
            )
        return n


class _Plain(_Stream):
    """An uncompressed archive from ``start`` on; ``tell`` is the file offset."""

    def __init__(self, handle: BinaryIO, start: int, cap: int) -> None:
        super().__init__(cap)
        self.handle = handle
        self.start = start

    def tell(self) -> int:
        return self.start + self.produced

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        self.handle.seek(self.tell())
        data = self.handle.read(min(len(view), _READ_BLOCK))
        view[: len(data)] = data
        return self._count(len(data))


class _Member(_Stream):
    """One gzip member, decompressed, ending where the member does. A corrupt or cut member
    raises ``DamagedRecordError`` (zlib checks the CRC and length at its end); ``end`` is the
    offset of the next member once this one was read whole."""

    def __init__(self, handle: BinaryIO, start: int, cap: int) -> None:
        super().__init__(cap)
        self.handle = handle
        self.at = start  # the next compressed byte to read
        self.end: int | None = None
        self.unzip = zlib.decompressobj(wbits=31)
        self.input = b""

    def tell(self) -> int:
        return self.produced

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while self.end is None:
            if not self.input:
                self.handle.seek(self.at)
                self.input = self.handle.read(_READ_BLOCK)
                if not self.input:
                    raise DamagedRecordError(
                        "truncated or corrupt archive (the file ends inside a record)"
                    )
                self.at += len(self.input)
            try:
                out = self.unzip.decompress(self.input, len(view))
            except zlib.error as exc:
                raise DamagedRecordError(f"corrupt compressed data ({exc})") from exc
            self.input = self.unzip.unconsumed_tail
            if self.unzip.eof:
                self.end = self.at - len(self.unzip.unused_data)
                self.input = b""
            if out:
                view[: len(out)] = out
                return self._count(len(out))
        return 0


def _next_record(handle: BinaryIO, after: int, gz: bool) -> int | None:
    """The offset of the next record at or after ``after``: a gzip member that opens a WARC
    record, or a line that opens one; None when there is none. The file is scanned a block
    at a time."""
    marker = _GZIP_MAGIC if gz else _WARC_LINE
    skip = 0 if gz else 1  # a line starts after its newline
    position = after
    while True:
        handle.seek(position)
        block = handle.read(_SCAN_BLOCK)
        if len(block) < len(marker):
            return None
        found = block.find(marker)
        while found != -1:
            handle.seek(position + found + skip)
            if _opens_like_archive(handle.read(_SNIFF)):
                return position + found + skip
            found = block.find(marker, found + 1)
        # a marker cut by the block's end is found by the next block
        position += max(1, len(block) - len(marker) + 1)


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
        return Problem(origin, f"page is over the {_megabytes(limit)} limit (--max-mb); skipped")
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
        url=_header(warc.get_header("WARC-Target-URI")),
        crawled=_header(warc.get_header("WARC-Date")),
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


def _header(value: str | None) -> str | None:
    """A WARC header as a hint: at most a couple of thousand characters, or None."""
    return value[:2000] if value else None


def _megabytes(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{mb:g} MB" if mb >= 1 else f"{limit // 1024} KB"


def _reason_for(exc: BaseException) -> str:
    """The one-line reason for what stopped a record."""
    from warcio.exceptions import ArchiveLoadFailed

    if isinstance(exc, DamagedRecordError):
        return str(exc)
    if isinstance(exc, ArchiveLoadFailed):
        return f"not a readable WARC record ({_reason(exc)})"
    if isinstance(exc, EOFError | zlib.error):
        return f"truncated or corrupt archive ({_reason(exc) or 'unexpected end'})"
    return "not a readable WARC record (its header is damaged or cut short)"


def _reason(exc: BaseException) -> str:
    """The error's first line, short and printable: warcio quotes the raw bytes it could not
    parse ("Unknown archive format, first line: [...]"), which may be binary."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else ""
    line = line.split(", first line:", 1)[0]
    line = "".join(c if c.isprintable() else "?" for c in line)
    return line if len(line) <= _REASON_CHARS else f"{line[: _REASON_CHARS - 1]}…"


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """warcio prints its warnings (a wrong Content-Length, a corrupt content encoding) to
    standard error; they are found and reported here, once, as problems. Held only around
    warcio's own calls, never across a ``yield``."""
    with contextlib.redirect_stderr(io.StringIO()):
        yield
