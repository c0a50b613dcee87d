"""Read RSS and Atom feeds into items (URL, title, date, outlet), refusing hostile XML.

A feed is untrusted XML. feedparser parses it with expat, which expands entities declared in
the document's DTD: a "billion laughs" feed of a few hundred bytes would take gigabytes. So
defusedxml reads the bytes first and refuses any entity declaration or external reference;
only then does feedparser see them. A feed that is not well-formed XML is still read
leniently by feedparser, as feed readers do (a stray "&" in a title is common), but only once
it is certain that it declares no entities; one whose items cannot be made out is refused with
a one-line error naming it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from newsweave.errors import InputError
from newsweave.ingest.files import _os_reason
from newsweave.ingest.sniff import is_url, limit_text
from newsweave.ingest.web import Fetcher
from newsweave.model import Hints, Problem
from newsweave.options import DEFAULT, Options

_ENTITY = b"<!entity"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: the article's URL and what the feed says about it.

    ``published`` is ISO 8601 in UTC, or None where the feed's date could not be read
    ("yesterday", a date that does not exist); ``outlet`` is the feed's own title.
    """

    url: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None

    def hints(self) -> Hints:
        """What the feed says, for extraction to fall back on."""
        return Hints(title=self.title, published=self.published, outlet=self.outlet)


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed as read: its items in feed order, and a problem for each item that was skipped."""

    origin: str
    title: str | None
    items: tuple[FeedItem, ...]
    problems: tuple[Problem, ...] = ()


def read_feed(
    source: str, options: Options = DEFAULT, fetcher: Fetcher | None = None
) -> Feed | Problem:
    """The feed at a URL (fetched with ``fetcher``, or a new one) or in a local file, or a
    problem naming it."""
    try:
        if is_url(source):
            if fetcher is None:
                with Fetcher(options) as own:
                    fetched = own.get(source, "feed")
            else:
                fetched = fetcher.get(source, "feed")
            content_type = fetched.media_type and "; ".join(
                [fetched.media_type] + ([f"charset={fetched.charset}"] if fetched.charset else [])
            )
            return parse_feed(source, fetched.data, fetched.final_url, content_type)
        return parse_feed(source, _read_file(source, options.read.max_bytes))
    except InputError as exc:
        return Problem(source, exc.message)


def parse_feed(
    origin: str, data: bytes, base_url: str | None = None, content_type: str | None = None
) -> Feed:
    """Items of an RSS or Atom document; relative links are resolved against ``base_url``,
    and a charset in the server's ``content_type`` is weighed as feedparser does (RFC 3023).

    Raises ``InputError`` for hostile, malformed or non-feed XML.
    """
    if not data.strip():
        raise InputError(origin, "empty feed")
    malformed = _refuse_hostile(origin, data)
    headers = {"content-location": base_url} if base_url else {}
    if content_type:
        headers["content-type"] = content_type
    # bytes, never a str: given a string feedparser may treat it as a URL or path and open it
    parsed: Any = feedparser.parse(data, response_headers=headers)
    title = _text(parsed.feed.get("title"))
    items: list[FeedItem] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        item = _item(entry, base_url, title)
        if isinstance(item, str):
            problems.append(Problem(origin, f"item {number}: {item}"))
        elif item.url not in seen:
            seen.add(item.url)
            items.append(item)
    if malformed is not None and not items:
        raise InputError(origin, f"malformed feed XML: {malformed}")
    if not parsed.version and not items:
        raise InputError(origin, "not an RSS or Atom feed (no channel or feed element found)")
    return Feed(origin, title, tuple(items), tuple(problems))


def _refuse_hostile(origin: str, data: bytes) -> str | None:
    """Raise for entity declarations or external references; return the XML error of a
    feed that is not well-formed (None when it is)."""
    try:
        defusedxml.ElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DefusedXmlException as exc:
        raise InputError(
            origin,
            "refused: the feed declares XML entities or external references "
            f"({type(exc).__name__}); they can exhaust memory or read local files",
        ) from exc
    except ParseError as exc:
        # defusedxml stopped at the error, before any later DTD; look for one in the bytes
        # (NULs dropped: a UTF-16 feed spells it with them).
        lowered = data.lower()
        if _ENTITY in lowered or _ENTITY in lowered.replace(b"\x00", b""):
            raise InputError(
                origin, "refused: a malformed feed that declares XML entities"
            ) from exc
        return str(exc)
    return None


def _item(entry: Any, base_url: str | None, outlet: str | None) -> FeedItem | str:
    """The entry as an item, or why it was skipped."""
    title = _text(entry.get("title"))
    link = _text(entry.get("link"))
    named = f" ({title[:60]})" if title else ""
    if not link:
        return f"no link{named}"
    url = urljoin(base_url, link) if base_url else link
    if not is_url(url) or urlsplit(url).scheme.lower() not in ("http", "https"):
        return f"link {link[:100]!r} is not an http(s) URL{named}"
    return FeedItem(url, title, _published(entry), outlet)


def _published(entry: Any) -> str | None:
    """The entry's date in UTC (feedparser gives a UTC time tuple), or None if unreadable."""
    # dict.get: feedparser's own get maps a missing key to another one, with a warning
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if stamp is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _read_file(path: str, limit: int) -> bytes:
    """A local feed file's bytes, refused past ``limit``."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, _os_reason(exc)) from exc
    if len(data) > limit:
        raise InputError(path, f"feed file is over the {limit_text(limit)} limit (--max-mb)")
    return data
