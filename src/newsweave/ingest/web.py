"""Fetch a URL into a ``RawDocument``: safely (no reaching inside the network, bounded time and
size) and politely (robots.txt, a per-host pace, a user agent that says who we are).

Every URL is untrusted input, from a user, a feed or a redirect. Bad input never raises out of
``Fetcher.fetch``: it becomes a ``Problem`` naming the URL, and the run goes on. Redirects are
followed here, hop by hop, so each hop's scheme, robots.txt and address are checked; the
address check itself happens as the socket opens (``guard.py``).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.robotparser import RobotFileParser

import httpx

from newsweave import __version__
from newsweave.closable import Closable
from newsweave.errors import AddressRefused, FetchError, InputError, NotTextError
from newsweave.ingest.decode import decode
from newsweave.ingest.guard import Resolver, guarded_client, system_resolver
from newsweave.ingest.sniff import limit_text, looks_like_html, opens_like_html, size_text
from newsweave.model import Hints, MediaType, Problem, RawDocument
from newsweave.options import DEFAULT, Options

# Where a site owner who sees us in their logs can read what newsweave is.
PROJECT_URL = "https://github.com/newsweave/newsweave"
USER_AGENT = f"newsweave/{__version__} (+{PROJECT_URL})"
# The token robots.txt rules name us by.
ROBOTS_AGENT = "newsweave"

Kind = Literal["page", "feed", "robots"]
Clock = Callable[[], float]
Sleep = Callable[[float], None]

_ACCEPT: dict[Kind, str] = {
    "page": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9",
    "robots": "text/plain",
}
_PAGE_TYPES: dict[str, MediaType] = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}
_FEED_TYPES = frozenset({"application/xml", "text/xml", "text/plain", "application/octet-stream"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Worth another try: the server is overloaded or asks us to slow down.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Worth another try: the connection failed before or while the response came. A read that
# timed out is not retried: a server that is slow once is slow again, and each try costs a
# whole timeout.
_RETRY_ERRORS = (httpx.ConnectError, httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)
# A slow-drip server sends a byte just before each read timeout; the whole response is
# bounded too, at this many read timeouts.
_TOTAL_TIMEOUTS = 6
# RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is not worth keeping.
_ROBOTS_MAX_BYTES = 512 * 1024
# robots.txt is read again after an hour (a long watch sees a site change its rules); after a
# failure, sooner.
_ROBOTS_TTL = 3600.0
_ROBOTS_RETRY_TTL = 300.0


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body as received: ``url`` as asked, ``final_url`` after redirects."""

    url: str
    final_url: str
    data: bytes
    media_type: str | None
    charset: str | None


def check_url(url: str | httpx.URL, origin: str | None = None) -> httpx.URL:
    """The URL, parsed, if newsweave may fetch it: http(s), a host, no credentials."""
    origin = origin or str(url)
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(origin, f"not a valid URL ({exc})") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(origin, f"only http and https URLs are fetched, not {parsed.scheme}:")
    if parsed.userinfo:
        raise FetchError(origin, "refused: the URL holds a user name or password")
    if not parsed.host:
        raise FetchError(origin, "the URL has no host")
    return parsed.copy_with(fragment=None)


class HostPacer:
    """Keeps at least ``interval`` seconds between two requests to one host.

    The clock and sleep are injected so that tests can check the waits without waiting.
    """

    def __init__(self, interval: float, clock: Clock = time.monotonic, sleep: Sleep = time.sleep):
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = last + self._interval - self._clock()
            if delay > 0:
                self._sleep(delay)
        self._last[host] = self._clock()

    def forget(self, host: str) -> None:
        """The last request never reached ``host`` (its address was refused): the next one
        need not wait for it. A feed of ten thousand refused links then takes no time."""
        self._last.pop(host, None)


@dataclass(frozen=True, slots=True)
class _Robots:
    read_at: float
    rules: RobotFileParser | None  # None: robots.txt was unreachable, so nothing is fetched
    why: str = ""
    lasting: bool = False  # the site cannot be fetched at all (a refused address)


class Fetcher(Closable):
    """One client for a run: connections, robots.txt rules and host pacing are shared by all
    the URLs it fetches. Use it as a context manager (it holds open connections)."""

    def __init__(
        self,
        options: Options = DEFAULT,
        *,
        resolve: Resolver = system_resolver,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        self._options = options
        self._clock = clock
        self._sleep = sleep
        self._pacer = HostPacer(options.fetch.host_interval, clock, sleep)
        self._robots: dict[str, _Robots] = {}
        # redirects are followed hop by hop in ``get``, each hop checked
        self._client = guarded_client(options.fetch, resolve, USER_AGENT)

    def close(self) -> None:
        self._client.close()

    # -- the public calls --------------------------------------------------------------------

    def fetch(self, url: str, hints: Hints | None = None) -> RawDocument | Problem:
        """The page at ``url`` as a document, or a problem naming the URL."""
        try:
            return self.document(url, hints)
        except InputError as exc:
            return Problem(url, exc.message)

    def document(self, url: str, hints: Hints | None = None) -> RawDocument:
        """The page at ``url`` as a document; raises ``InputError`` (``FetchError`` for
        failures of the fetch itself, with ``transient`` set where a later try may work)."""
        return to_document(self.get(url, "page"), hints)

    def get(self, url: str, kind: Kind = "page") -> Fetched:
        """The body at ``url`` after redirects; raises ``FetchError``."""
        current = check_url(url)
        seen = {str(current)}
        for hop in range(self._options.fetch.max_redirects + 1):
            # an error on a later hop names the hop as well as the URL asked for
            where = f"at {current}: " if hop else ""
            if kind != "robots":
                self._check_robots(current, url, where)
            response, body = self._hop(current, kind, url, where)
            if body is not None:
                media_type, charset = _content_type(response)
                return Fetched(url, str(current), body, media_type, charset)
            target = response.headers["location"]
            try:
                nxt = check_url(current.join(target), url)
            except (FetchError, httpx.InvalidURL, ValueError) as exc:
                message = exc.message if isinstance(exc, FetchError) else f"not a valid URL ({exc})"
                raise FetchError(url, f"redirect to {target}: {message}") from exc
            if str(nxt) in seen:
                raise FetchError(url, f"redirect loop: {current} sends back to {nxt}")
            seen.add(str(nxt))
            current = nxt
        raise FetchError(
            url,
            f"more than {self._options.fetch.max_redirects} redirects; the last went to {current}",
        )

    # -- one hop -----------------------------------------------------------------------------

    def _hop(
        self, url: httpx.URL, kind: Kind, origin: str, where: str
    ) -> tuple[httpx.Response, bytes | None]:
        """One GET, tried again on connection errors, 5xx and 429: the response and its body,
        or no body for a redirect (the caller follows its Location)."""
        tries = self._options.fetch.retries + 1
        for attempt in range(tries):
            last = attempt == tries - 1
            self._pacer.wait(url.host)
            try:
                answer = self._get_once(url, kind, origin, where, attempt, last)
                if isinstance(answer, tuple):
                    return answer
                delay = answer
            except AddressRefused as exc:
                self._pacer.forget(url.host)
                raise FetchError(origin, where + str(exc)) from exc
            except httpx.TimeoutException as exc:
                if isinstance(exc, httpx.ConnectTimeout) and not last:
                    delay = self._backoff(attempt)
                else:
                    what = "connect" if isinstance(exc, httpx.ConnectTimeout) else "answer"
                    raise FetchError(
                        origin,
                        f"{where}timed out: the server did not {what} within "
                        f"{self._options.fetch.timeout:g} s",
                        transient=True,
                    ) from exc
            except _RETRY_ERRORS as exc:
                if "location header" in str(exc):  # httpx reads a redirect's Location for us
                    raise FetchError(origin, f"{where}redirect to an invalid URL: {exc}") from exc
                if last:
                    raise FetchError(
                        origin, f"{where}cannot connect: {_reason(exc)}", transient=True
                    ) from exc
                delay = self._backoff(attempt)
            except httpx.DecodingError as exc:
                raise FetchError(origin, f"{where}the server sent corrupt compressed data") from exc
            except httpx.HTTPError as exc:
                raise FetchError(origin, f"{where}{_reason(exc)}") from exc
            except httpx.InvalidURL as exc:
                # httpx reads a redirect's Location even when not following it, and a
                # javascript:, data: or mailto: one fails its URL check outside HTTPError
                raise FetchError(
                    origin, f"{where}redirect to an invalid URL: {_reason(exc)}"
                ) from exc
            except (httpx.StreamError, httpx.CookieConflict, ValueError) as exc:
                raise FetchError(origin, f"{where}{_reason(exc)}") from exc
            self._sleep(delay)
        raise AssertionError("unreachable: the last try returns or raises")  # pragma: no cover

    def _get_once(
        self, url: httpx.URL, kind: Kind, origin: str, where: str, attempt: int, last: bool
    ) -> tuple[httpx.Response, bytes | None] | float:
        """One GET: the response and its body, no body for a redirect, or how long to wait
        before trying again after a 5xx or 429; raises on any other error status."""
        with self._client.stream("GET", url, headers={"Accept": _ACCEPT[kind]}) as resp:
            status = resp.status_code
            if status in _REDIRECTS and "location" in resp.headers:
                return resp, None
            if status in _RETRY_STATUSES and not last:
                return self._retry_delay(resp, attempt)
            if status >= 300:
                raise FetchError(
                    origin,
                    where + _status_message(resp),
                    transient=status in _RETRY_STATUSES,
                    status=status,
                )
            _check_type(resp, kind, origin, where)
            return resp, self._body(resp, kind, origin, where)

    def _backoff(self, attempt: int) -> float:
        return float(
            min(self._options.fetch.backoff * 2**attempt, self._options.fetch.max_retry_wait)
        )

    def _retry_delay(self, response: httpx.Response, attempt: int) -> float:
        """The server's Retry-After when it gives one (bounded), else exponential backoff."""
        asked = _retry_after(response.headers.get("retry-after"))
        if asked is None:
            return self._backoff(attempt)
        return min(max(asked, 0.0), self._options.fetch.max_retry_wait)

    def _body(self, response: httpx.Response, kind: Kind, origin: str, where: str) -> bytes:
        """The body, streamed, refused once past the size cap or the total time limit.

        Content-Length is only an early refusal: the count of bytes received decides (a
        server may send no length, or lie, or compress a bomb).
        """
        limit = self._options.read.max_bytes
        if kind == "robots":
            limit = min(limit, _ROBOTS_MAX_BYTES)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                origin,
                f"{where}page is {size_text(int(declared))}, over the {limit_text(limit)} limit "
                "(--max-mb)",
            )
        total_time = self._options.fetch.timeout * _TOTAL_TIMEOUTS
        deadline = time.monotonic() + total_time
        chunks: list[bytes] = []
        received = 0
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > limit:
                raise FetchError(
                    origin,
                    f"{where}page is over the {limit_text(limit)} limit (--max-mb); "
                    "stopped reading it",
                )
            if time.monotonic() > deadline:
                raise FetchError(
                    origin,
                    f"{where}the server took more than {total_time:g} s to send the page",
                    transient=True,
                )
            chunks.append(chunk)
        return b"".join(chunks)

    # -- robots.txt --------------------------------------------------------------------------

    def _check_robots(self, url: httpx.URL, origin: str, where: str) -> None:
        if not self._options.fetch.respect_robots:
            return
        site = f"{url.scheme}://{url.netloc.decode('ascii')}"
        known = self._robots.get(site)
        now = self._clock()
        passing = known is not None and known.rules is None and not known.lasting
        ttl = _ROBOTS_RETRY_TTL if passing else _ROBOTS_TTL
        if known is None or now - known.read_at > ttl:
            known = self._read_robots(site)
            self._robots[site] = known
        if known.rules is None:
            raise FetchError(origin, where + known.why, transient=not known.lasting)
        if not known.rules.can_fetch(ROBOTS_AGENT, str(url)):
            raise FetchError(
                origin,
                f"{site}/robots.txt does not allow newsweave to fetch {url} (--ignore-robots)",
            )

    def _read_robots(self, site: str) -> _Robots:
        """The site's rules. As RFC 9309 says: a 4xx (no robots.txt) allows everything; a
        5xx or a failed connection means the site is unreachable, and nothing is fetched.
        Every outcome is kept, a refused address too: the site's other pages fail at once."""
        rules = RobotFileParser(f"{site}/robots.txt")
        try:
            fetched = self.get(f"{site}/robots.txt", "robots")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                rules.parse([])  # no rules: everything allowed
                return _Robots(self._clock(), rules)
            if not exc.transient:  # a refused address or the like: the page's own error
                return _Robots(self._clock(), None, exc.message, lasting=True)
            why = exc.message  # the site is down: say so, as the page itself would
            if exc.status is not None:
                why = f"{site}/robots.txt could not be read, so nothing there is fetched: {why}"
            return _Robots(self._clock(), None, why)
        text = fetched.data.decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        return _Robots(self._clock(), rules)


def fetch_document(url: str, options: Options = DEFAULT) -> RawDocument | Problem:
    """One URL as a document, or a problem naming it (a fetcher for a single page)."""
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url)


def to_document(fetched: Fetched, hints: Hints | None = None) -> RawDocument:
    """A fetched page as a document; its final URL becomes the ``url`` hint."""
    origin = fetched.url
    if not fetched.data.strip():
        raise InputError(origin, "the server sent an empty page")
    declared = _PAGE_TYPES.get(fetched.media_type or "")
    html_hint = "text/html" if declared == "text/html" or opens_like_html(fetched.data) else None
    try:
        text, encoding = decode(fetched.data, media_type_hint=html_hint, charset=fetched.charset)
    except NotTextError as exc:
        raise InputError(origin, f"content is {exc}; not a web page") from exc
    if not text.strip():
        raise InputError(origin, "the page holds only whitespace, no text")
    media: MediaType
    if declared == "text/html":
        media = "text/html"
    else:  # text/plain or no type at all: a page that opens like HTML is HTML
        media = "text/html" if looks_like_html(text, loose=declared is None) else "text/plain"
    return RawDocument(
        origin,
        fetched.data,
        text,
        media,
        encoding,
        dataclasses.replace(hints or Hints(), url=fetched.final_url),
    )


# -- helpers -----------------------------------------------------------------------------------


def _content_type(response: httpx.Response) -> tuple[str | None, str | None]:
    """("text/html", "utf-8") from "text/html; charset=utf-8"; (None, None) without one."""
    value = response.headers.get("content-type")
    if not value:
        return None, None
    media_type = value.split(";", 1)[0].strip().lower() or None
    return media_type, response.charset_encoding


def _check_type(response: httpx.Response, kind: Kind, origin: str, where: str) -> None:
    """Refuse a body of the wrong type before reading it (an image, a PDF, a page for a feed).

    A response without a Content-Type is let through: decoding will tell text from binary.
    """
    media_type, _ = _content_type(response)
    if media_type is None or kind == "robots":
        return
    if kind == "page" and media_type not in _PAGE_TYPES:
        raise FetchError(
            origin,
            f"{where}not a web page: the server says it is {media_type} (HTML or text expected)",
        )
    if kind == "feed" and not (media_type in _FEED_TYPES or media_type.endswith("+xml")):
        what = "an HTML page" if media_type in _PAGE_TYPES else media_type
        raise FetchError(
            origin, f"{where}not a feed: the server says it is {what} (RSS or Atom expected)"
        )


def _status_message(response: httpx.Response) -> str:
    status = response.status_code
    if status in _REDIRECTS:
        return f"HTTP {status} redirect without a Location"
    return f"HTTP {status} {response.reason_phrase or ''}".rstrip()


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return when.timestamp() - time.time()
