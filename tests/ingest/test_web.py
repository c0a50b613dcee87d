"""Fetching URLs against a real server on 127.0.0.1: limits, retries, robots.txt, pacing, and
the refusal of addresses inside the network (SSRF)."""

from __future__ import annotations

import gzip
import ipaddress
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localsite import FETCH_LOCAL, Reply, Site, article, free_port, serve
from newsweave.errors import AddressRefused
from newsweave.ingest.decode import decode
from newsweave.ingest.files import iter_documents
from newsweave.ingest.guard import AddressPolicy, refusal, system_resolver
from newsweave.ingest.web import (
    USER_AGENT,
    Fetcher,
    FetchError,
    HostPacer,
    check_url,
    fetch_document,
)
from newsweave.model import Hints, Problem, RawDocument
from newsweave.options import DEFAULT, Options, updated

PAGE = article(
    "Ferry service to Marrow Island resumes after storm",
    "The ferry to Marrow Island sailed again on Saturday after a three-day halt, the operator said.",
    "About 120 passengers crossed on the first sailing, which left the mainland pier at 7 a.m.",
)
# Local tests: private addresses allowed, no pacing, short timeouts, quick retries.
LOCAL = updated(
    DEFAULT,
    {
        **FETCH_LOCAL,
        "fetch.backoff": 0.01,
    },
)


class Clock:
    """A clock that moves only when slept on: waits are checked, never waited."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


def fetch(url: str, options: Options = LOCAL, **kw: object) -> RawDocument | Problem:
    with Fetcher(options, **kw) as f:  # type: ignore[arg-type]
        return f.fetch(url)


def problem(url: str, options: Options = LOCAL, **kw: object) -> str:
    item = fetch(url, options, **kw)
    assert isinstance(item, Problem), item
    assert item.origin == url
    assert "\n" not in item.message  # one line, always
    return item.message


# -- pages -------------------------------------------------------------------------------------


def test_fetches_a_page_with_its_url(site: Site) -> None:
    url = site.page("/ferry.html", PAGE)
    doc = fetch(url)
    assert isinstance(doc, RawDocument)
    assert doc.origin == url
    assert doc.media_type == "text/html"
    assert "Marrow Island" in doc.text
    assert doc.hints == Hints(url=url)
    assert site.hits[-1].user_agent == USER_AGENT
    assert USER_AGENT.startswith("newsweave/0.1.0 (+http")


def test_plain_text_and_untyped_pages(site: Site) -> None:
    text = "Ferry resumes\n\nThe ferry sailed again on Saturday after a three-day halt.\n"
    doc = fetch(site.page("/note.txt", text, type="text/plain"))
    assert isinstance(doc, RawDocument) and doc.media_type == "text/plain"
    doc = fetch(site.page("/untyped", PAGE, type=None))
    assert isinstance(doc, RawDocument) and doc.media_type == "text/html"


def test_charset_from_content_type_decides(site: Site) -> None:
    words = "Паром на остров снова ходит после шторма, сообщил перевозчик."
    body = f"<html><body><p>{words}</p></body></html>".encode("cp1251")
    doc = fetch(site.page("/ru.html", body, type="text/html; charset=windows-1251"))
    assert isinstance(doc, RawDocument)
    assert doc.encoding == "cp1251"
    assert words in doc.text


def test_feed_hints_are_kept_with_the_final_url(site: Site) -> None:
    url = site.page("/ferry.html", PAGE)
    with Fetcher(LOCAL) as f:
        doc = f.fetch(url, Hints(title="Ferry back", published="2025-06-14", outlet="Gull Post"))
    assert isinstance(doc, RawDocument)
    assert doc.hints == Hints(
        url=url, title="Ferry back", published="2025-06-14", outlet="Gull Post"
    )


def test_wrong_content_type_is_refused_before_reading(site: Site) -> None:
    url = site.page("/photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000, type="image/png")
    assert problem(url) == "not a web page: the server says it is image/png (HTML or text expected)"


def test_binary_garbage_served_as_html(site: Site) -> None:
    garbage = bytes(range(256)) * 40
    message = problem(site.page("/garbage.html", garbage))
    assert message.startswith("content is binary data") and message.endswith("not a web page")


def test_empty_and_blank_pages(site: Site) -> None:
    assert problem(site.page("/empty", b"")) == "the server sent an empty page"
    assert problem(site.page("/blank", b"  \n\n ")) == "the server sent an empty page"


def test_not_found_is_not_retried(site: Site) -> None:
    url = site("/gone.html")
    clock = Clock()
    assert problem(url, with_(fetch_retries=3), sleep=clock.sleep) == ("HTTP 404 Not Found")
    assert site.hits_on("/gone.html") == 1
    assert clock.sleeps == []


# The short names these tests use, and where each setting sits in the options tree.
_WHERE = {
    "fetch_retries": "fetch.retries",
    "fetch_backoff": "fetch.backoff",
    "fetch_timeout": "fetch.timeout",
    "max_retry_wait": "fetch.max_retry_wait",
    "max_redirects": "fetch.max_redirects",
    "respect_robots": "fetch.respect_robots",
    "allow_private": "fetch.allow_private",
    "allow_networks": "fetch.allow_networks",
    "host_interval": "fetch.host_interval",
    "max_bytes": "read.max_bytes",
}


def with_(options: Options = LOCAL, **changes: object) -> Options:
    return updated(options, {_WHERE[name]: value for name, value in changes.items()})


# -- retries -----------------------------------------------------------------------------------


def test_5xx_then_success_with_backoff_and_retry_after(site: Site) -> None:
    site.routes["/busy.html"] = [
        Reply("down", status=500),
        Reply("busy", status=503, headers={"Retry-After": "2"}),
        Reply(PAGE),
    ]
    clock = Clock()
    doc = fetch(site("/busy.html"), with_(fetch_retries=2, fetch_backoff=0.5), sleep=clock.sleep)
    assert isinstance(doc, RawDocument)
    assert clock.sleeps == [0.5, 2.0]  # backoff, then what the server asked
    assert site.hits_on("/busy.html") == 3


def test_retry_after_is_bounded_and_read_as_a_date(site: Site) -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
    site.routes["/slow-down"] = [
        Reply("wait", status=429, headers={"Retry-After": "86400"}),
        Reply("wait", status=429, headers={"Retry-After": later}),
        Reply(PAGE),
    ]
    clock = Clock()
    options = with_(fetch_retries=2, max_retry_wait=7.0)
    assert isinstance(fetch(site("/slow-down"), options, sleep=clock.sleep), RawDocument)
    assert clock.sleeps == [7.0, 7.0]


def test_retries_run_out(site: Site) -> None:
    site.routes["/down"] = Reply("down", status=502, type="text/plain")
    clock = Clock()
    options = with_(fetch_retries=2, fetch_backoff=1.0)
    assert problem(site("/down"), options, sleep=clock.sleep) == "HTTP 502 Bad Gateway"
    assert clock.sleeps == [1.0, 2.0]
    assert site.hits_on("/down") == 3


def test_connection_refused_is_retried_then_reported() -> None:
    url = f"http://127.0.0.1:{free_port()}/page"
    clock = Clock()
    message = problem(url, with_(fetch_retries=2, fetch_backoff=0.25), sleep=clock.sleep)
    assert message.startswith("cannot connect:")
    assert clock.sleeps == [0.25, 0.5]


# -- time and size -----------------------------------------------------------------------------


def test_slow_response_times_out(site: Site) -> None:
    url = site.page("/slow.html", PAGE, delay=3.0)
    start = time.monotonic()
    assert problem(url, with_(fetch_timeout=0.3)) == (
        "timed out: the server did not answer within 0.3 s"
    )
    assert time.monotonic() - start < 2.0


def test_slow_drip_hits_the_total_time_limit(site: Site) -> None:
    site.routes["/drip"] = Reply(stream=lambda: (b"<p>x</p>" for _ in range(100)), drip=0.05)
    start = time.monotonic()
    message = problem(site("/drip"), with_(fetch_timeout=0.1))
    assert message == "the server took more than 0.6 s to send the page"
    assert time.monotonic() - start < 2.0


def test_declared_huge_body_is_refused_without_reading(site: Site) -> None:
    site.routes["/huge"] = Reply(
        stream=lambda: iter([b"x" * 1000]), headers={"Content-Length": str(50 * 1024 * 1024)}
    )
    message = problem(site("/huge"), with_(max_bytes=64 * 1024))
    assert message == "page is 50.0 MB, over the 64 KB limit (--max-mb)"


def test_endless_body_is_cut_at_the_cap(site: Site) -> None:
    chunk = b"<p>" + b"word " * 2000 + b"</p>"
    site.routes["/endless"] = Reply(stream=lambda: (chunk for _ in range(100_000)))
    message = problem(site("/endless"), with_(max_bytes=64 * 1024))
    assert message == "page is over the 64 KB limit (--max-mb); stopped reading it"


def test_gzip_bomb_is_counted_after_decompression(site: Site) -> None:
    bomb = gzip.compress(b"<p>" + b" " * (5 * 1024 * 1024) + b"</p>")
    assert len(bomb) < 64 * 1024
    site.routes["/bomb"] = Reply(bomb, headers={"Content-Encoding": "gzip"})
    message = problem(site("/bomb"), with_(max_bytes=64 * 1024))
    assert message == "page is over the 64 KB limit (--max-mb); stopped reading it"


# -- redirects ---------------------------------------------------------------------------------


def test_redirect_chain_within_the_limit(site: Site) -> None:
    final = site.page("/story/ferry.html", PAGE)
    site.redirect("/r1", "/r2", status=301)
    site.redirect("/r2", final, status=308)
    doc = fetch(site("/r1"))
    assert isinstance(doc, RawDocument)
    assert doc.origin == site("/r1")  # the URL asked for
    assert doc.hints.url == final  # where the page really is


def test_redirect_chain_over_the_limit(site: Site) -> None:
    for n in range(6):
        site.redirect(f"/hop{n}", f"/hop{n + 1}")
    site.page("/hop6", PAGE)
    assert problem(site("/hop0"), with_(max_redirects=3)) == (
        f"more than 3 redirects; the last went to {site('/hop4')}"
    )
    assert isinstance(fetch(site("/hop0"), with_(max_redirects=6)), RawDocument)


def test_redirect_loop(site: Site) -> None:
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    assert problem(site("/loop-a")) == (
        f"redirect loop: {site('/loop-b')} sends back to {site('/loop-a')}"
    )


def test_redirect_to_another_scheme_is_refused(site: Site) -> None:
    site.redirect("/to-file", "file:///etc/passwd")
    assert problem(site("/to-file")) == (
        "redirect to file:///etc/passwd: only http and https URLs are fetched, not file:"
    )


@pytest.mark.parametrize(
    "target",
    ["javascript:alert(1)", "data:text/html,<b>hi</b>", "mailto:desk@example.org", "http://[::1"],
)
def test_redirect_to_a_url_httpx_cannot_parse_is_a_problem(site: Site, target: str) -> None:
    site.redirect("/odd", target)
    assert problem(site("/odd")).startswith("redirect to an invalid URL: ")


# -- robots.txt --------------------------------------------------------------------------------


def test_robots_txt_is_honoured_and_read_once(site: Site) -> None:
    site.routes["/robots.txt"] = Reply("User-agent: *\nDisallow: /private/\n", type="text/plain")
    ok = site.page("/public.html", PAGE)
    blocked = site.page("/private/memo.html", PAGE)
    assert isinstance(fetch(ok), RawDocument)
    with Fetcher(LOCAL) as f:
        assert isinstance(f.fetch(ok), RawDocument)
        refused = f.fetch(blocked)
    assert isinstance(refused, Problem)
    assert refused.message == (
        f"{site.url}/robots.txt does not allow newsweave to fetch {blocked} (--ignore-robots)"
    )
    assert site.hits_on("/private/memo.html") == 0
    assert site.hits_on("/robots.txt") == 2  # once per fetcher
    assert isinstance(fetch(blocked, with_(respect_robots=False)), RawDocument)


def test_robots_txt_naming_newsweave(site: Site) -> None:
    site.routes["/robots.txt"] = Reply(
        "User-agent: newsweave\nDisallow: /\n\nUser-agent: *\nAllow: /\n", type="text/plain"
    )
    message = problem(site.page("/a.html", PAGE))
    assert "does not allow newsweave" in message


def test_unreachable_robots_txt_fetches_nothing(site: Site) -> None:
    site.routes["/robots.txt"] = Reply("oops", status=500, type="text/plain")
    message = problem(site.page("/a.html", PAGE))
    assert message == (
        f"{site.url}/robots.txt could not be read, so nothing there is fetched: "
        "HTTP 500 Internal Server Error"
    )
    assert site.hits_on("/a.html") == 0


def test_robots_txt_redirect_to_a_missing_one_allows(site: Site) -> None:
    site.redirect("/robots.txt", "/nothing-here.txt")
    assert isinstance(fetch(site.page("/a.html", PAGE)), RawDocument)


def test_a_refused_robots_txt_is_remembered_for_the_site() -> None:
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["10.1.2.3"]  # a private address, refused

    with Fetcher(with_(allow_private=False), resolve=resolve) as f:
        first = f.fetch("http://news.example/a.html")
        second = f.fetch("http://news.example/b.html")
    assert isinstance(first, Problem) and isinstance(second, Problem)
    assert "private" in first.message and second.message == first.message
    assert asked == ["news.example"]  # robots.txt was refused once, and that was kept


# -- pacing ------------------------------------------------------------------------------------


def test_requests_to_one_host_are_paced(site: Site) -> None:
    site.page("/a.html", PAGE)
    site.page("/b.html", PAGE)
    clock = Clock()
    options = with_(host_interval=5.0)
    with Fetcher(options, clock=clock.time, sleep=clock.sleep) as f:
        assert isinstance(f.fetch(site("/a.html")), RawDocument)  # robots.txt, then the page
        assert isinstance(f.fetch(site("/b.html")), RawDocument)
        # "localhost" is another host name: not held back by 127.0.0.1's pace
        other = f"http://localhost:{site.port}/a.html"
        assert isinstance(f.fetch(other), RawDocument)
    assert clock.sleeps == [5.0, 5.0, 5.0]


def test_pacer_waits_only_what_is_left() -> None:
    clock = Clock()
    pacer = HostPacer(2.0, clock.time, clock.sleep)
    pacer.wait("a.test")
    clock.now += 0.5
    pacer.wait("a.test")
    pacer.wait("b.test")
    clock.now += 10
    pacer.wait("a.test")
    assert clock.sleeps == [1.5]


# -- bad URLs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://files.test/a.html", "only http and https URLs are fetched, not ftp:"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file:"),
        ("http://editor:secret@news.test/a", "refused: the URL holds a user name or password"),
        ("http:///nohost", "the URL has no host"),
    ],
)
def test_bad_urls_are_problems(url: str, message: str) -> None:
    assert problem(url) == message


def test_invalid_url_is_a_problem() -> None:
    assert problem("http://[::1/").startswith("not a valid URL")


def test_check_url_drops_the_fragment() -> None:
    assert str(check_url("https://news.test/a?b=1#top")) == "https://news.test/a?b=1"


def test_unresolvable_host() -> None:
    def nowhere(host: str, port: int) -> Sequence[str]:
        raise OSError("Name or service not known")

    message = problem("http://no-such-host.test/a", with_(allow_private=False), resolve=nowhere)
    assert message == "cannot connect: cannot resolve no-such-host.test: Name or service not known"


# -- URLs among other inputs -------------------------------------------------------------------


def test_iter_documents_fetches_urls_among_files(site: Site, tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text("Pier repairs\n\nThe pier will be repaired next month.\n", encoding="utf-8")
    url = site.page("/ferry.html", PAGE)
    items = list(iter_documents([str(local), url, site("/missing"), "gopher://old.test/"], LOCAL))
    assert [i.origin for i in items] == [str(local), url, site("/missing"), "gopher://old.test/"]
    assert isinstance(items[1], RawDocument)
    assert items[2] == Problem(site("/missing"), "HTTP 404 Not Found")
    assert items[3] == Problem(
        "gopher://old.test/", "only http and https URLs are fetched, not gopher:"
    )


def test_fetch_document_defaults_refuse_the_local_server(site: Site) -> None:
    url = site.page("/ferry.html", PAGE)
    item = fetch_document(url)
    assert isinstance(item, Problem)
    assert "loopback" in item.message
    assert site.hits == []


# -- SSRF --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not public"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fd00::5", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback (IPv4 inside IPv6)"),
        ("::ffff:169.254.169.254", "link-local (IPv4 inside IPv6)"),
        ("::ffff:10.0.0.1", "private (IPv4 inside IPv6)"),
        ("2002:7f00:1::", "loopback (IPv4 inside IPv6)"),
        ("64:ff9b::a9fe:a9fe", "link-local (IPv4 inside IPv6)"),
        ("8.8.8.8", None),
        ("151.101.1.69", None),
        ("2001:4860:4860::8888", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_address_classes(address: str, reason: str | None) -> None:
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
        ("http://10.0.0.8/admin", "10.0.0.8 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://0.0.0.0:8080/", "0.0.0.0 is an unspecified address"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://[::ffff:127.0.0.1]/", "is a loopback (IPv4 inside IPv6) address"),
        ("http://[::ffff:a9fe:a9fe]/", "::ffff:a9fe:a9fe is a link-local (IPv4 inside IPv6)"),
        ("http://2130706433/", "2130706433 resolves to 127.0.0.1, which is a loopback"),
        ("http://localhost/", "localhost resolves to"),
    ],
)
def test_private_addresses_are_refused(url: str, reason: str) -> None:
    message = problem(url, with_(allow_private=False))
    assert message.startswith("refused: ")
    assert reason in message
    assert message.endswith("(--allow-private fetches from inside the network)")


def test_the_local_server_is_refused_without_allow_private(site: Site) -> None:
    url = site.page("/ferry.html", PAGE)
    message = problem(url, with_(allow_private=False))
    assert message.startswith("refused: 127.0.0.1 is a loopback address")
    assert site.hits == []  # not even robots.txt: the socket never opened


class Names:
    """A resolver for test host names; IP literals resolve as the system does."""

    def __init__(self, **names: list[str]) -> None:
        self.names = {k.replace("_", "-") + ".test": v for k, v in names.items()}
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> Sequence[str]:
        self.calls.append(host)
        if host in self.names:
            return self.names[host]
        return system_resolver(host, port)


def test_names_are_checked_by_what_they_resolve_to() -> None:
    names = Names(intranet=["192.168.4.20"], mixed=["93.184.216.34", "10.9.8.7"])
    options = with_(allow_private=False)
    assert problem("http://intranet.test/wiki", options, resolve=names).startswith(
        "refused: intranet.test resolves to 192.168.4.20, which is a private address"
    )
    # a name with one private answer among public ones is refused outright
    assert problem("https://mixed.test/", options, resolve=names).startswith(
        "refused: mixed.test resolves to 10.9.8.7, which is a private address"
    )


def test_every_redirect_hop_is_checked(site: Site) -> None:
    """The test server's own address is let through by ``allow_networks`` (as an operator
    would let one intranet host through); every other private address stays refused."""
    names = Names(news=["127.0.0.1"], metadata=["169.254.169.254"])
    options = with_(allow_private=False, allow_networks=("127.0.0.1/32",))
    site.page("/ferry.html", PAGE)
    site.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
    site.redirect("/to-named-metadata", "http://metadata.test/latest/meta-data/")
    site.redirect("/to-ipv6-loopback", f"http://[::1]:{site.port}/ferry.html")
    site.redirect("/to-named-news", f"http://news.test:{site.port}/ferry.html")

    assert problem(site("/to-metadata"), options, resolve=names) == (
        "at http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 is a link-local "
        "address; newsweave only fetches public addresses "
        "(--allow-private fetches from inside the network)"
    )
    assert "metadata.test resolves to 169.254.169.254" in problem(
        site("/to-named-metadata"), options, resolve=names
    )
    assert "::1 is a loopback address" in problem(site("/to-ipv6-loopback"), options, resolve=names)
    # the allowed hop is really fetched, through the name the resolver answered for
    doc = fetch(site("/to-named-news"), options, resolve=names)
    assert isinstance(doc, RawDocument)
    assert doc.hints.url == f"http://news.test:{site.port}/ferry.html"
    assert site.hits[-1].host == f"news.test:{site.port}"


def test_connects_to_the_address_it_checked(site: Site) -> None:
    """The resolver answers once; the name means nothing to the system's DNS. The fetch works
    only if the socket opens to the checked address, not to a second lookup of the name
    (which DNS rebinding would turn into a private address)."""
    answers = iter([["127.0.0.1"]])

    def once(host: str, port: int) -> Sequence[str]:
        return next(answers)

    site.page("/ferry.html", PAGE)
    options = with_(allow_private=False, allow_networks=("127.0.0.0/8",), respect_robots=False)
    doc = fetch(f"http://rebind.test:{site.port}/ferry.html", options, resolve=once)
    assert isinstance(doc, RawDocument)


def test_policy_allows_private_when_asked() -> None:
    AddressPolicy.of(True).check("intranet.test", "10.0.0.1")
    AddressPolicy.of(False, ["10.0.0.0/8"]).check("intranet.test", "10.0.0.1")
    with pytest.raises(AddressRefused):
        AddressPolicy.of(False, ["10.0.0.0/8"]).check("intranet.test", "192.168.0.1")


def test_charset_hint_does_not_override_a_byte_order_mark() -> None:
    text, encoding = decode("\ufeffcafé".encode("utf-8"), charset="windows-1251")
    assert (text, encoding) == ("café", "utf-8-sig")


def test_redirect_to_an_invalid_url(site: Site) -> None:
    site.redirect("/bad", "http://news.test:port/")
    clock = Clock()
    assert problem(site("/bad"), with_(fetch_retries=2), sleep=clock.sleep) == (
        "redirect to an invalid URL: Invalid URL in location header: Invalid port: 'port'."
    )
    assert clock.sleeps == []  # not retried


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.from_regex(r"[a-z]{2,10}:(//)?[\[\]:@/a-z0-9.%?#-]{0,40}"))
def test_any_url_is_checked_or_refused_with_a_fetch_error(url: str) -> None:
    try:
        parsed = check_url(url)
    except FetchError as exc:
        assert "\n" not in exc.message
    else:
        assert parsed.scheme in ("http", "https") and parsed.host
