"""RSS and Atom: items, links, dates, and hostile or broken XML refused with one line."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from localsite import FETCH_LOCAL, Site, serve
from newsweave.errors import InputError
from newsweave.ingest.feeds import Feed, FeedItem, parse_feed, read_feed
from newsweave.ingest.web import Fetcher
from newsweave.model import Hints, Problem
from newsweave.options import DEFAULT, updated

LOCAL = updated(DEFAULT, FETCH_LOCAL)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
 <channel>
  <title>Gull Point Post</title>
  <link>https://gullpoint.test/</link>
  <item>
   <title>Lighthouse keeper rescues two kayakers</title>
   <link>https://gullpoint.test/news/kayakers.html</link>
   <pubDate>Sat, 14 Jun 2025 09:30:00 +0200</pubDate>
  </item>
  <item>
   <title>Ferry to Marrow Island &amp; back: timetable restored</title>
   <link>/news/ferry.html</link>
   <pubDate>Sun, 15 Jun 2025 18:00:00 GMT</pubDate>
  </item>
 </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://harbour.test/feeds/">
 <title>Harbour Ledger</title>
 <id>urn:uuid:5d1c0a2e-harbour-ledger</id>
 <updated>2025-06-15T12:00:00Z</updated>
 <entry>
  <title>Harbour fees to rise in autumn</title>
  <link rel="alternate" href="../2025/06/fees.html"/>
  <id>urn:uuid:fees</id>
  <updated>2025-06-15T11:45:00-04:00</updated>
 </entry>
 <entry>
  <title>Pier lights replaced</title>
  <link href="https://harbour.test/2025/06/lights.html"/>
  <id>urn:uuid:lights</id>
  <published>2025-06-13T08:00:00Z</published>
  <updated>2025-06-14T08:00:00Z</updated>
 </entry>
</feed>
"""


def items(feed: Feed) -> list[tuple[str, str | None, str | None]]:
    return [(i.url, i.title, i.published) for i in feed.items]


def refused(data: str | bytes, origin: str = "feed.xml") -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(InputError) as caught:
        parse_feed(origin, raw)
    assert caught.value.origin == origin
    assert "\n" not in caught.value.message
    return caught.value.message


# -- good feeds --------------------------------------------------------------------------------


def test_rss_items_with_relative_links_and_dates_in_utc() -> None:
    feed = parse_feed("f", RSS.encode(), base_url="https://gullpoint.test/rss.xml")
    assert feed.title == "Gull Point Post"
    assert items(feed) == [
        (
            "https://gullpoint.test/news/kayakers.html",
            "Lighthouse keeper rescues two kayakers",
            "2025-06-14T07:30:00+00:00",
        ),
        (
            "https://gullpoint.test/news/ferry.html",
            "Ferry to Marrow Island & back: timetable restored",
            "2025-06-15T18:00:00+00:00",
        ),
    ]
    assert feed.items[0].outlet == "Gull Point Post"
    assert feed.problems == ()


def test_atom_entries_resolve_against_xml_base() -> None:
    feed = parse_feed("f", ATOM.encode(), base_url="https://harbour.test/atom")
    assert feed.title == "Harbour Ledger"
    assert items(feed) == [
        (
            "https://harbour.test/2025/06/fees.html",
            "Harbour fees to rise in autumn",
            "2025-06-15T15:45:00+00:00",
        ),
        # published wins over updated
        (
            "https://harbour.test/2025/06/lights.html",
            "Pier lights replaced",
            "2025-06-13T08:00:00+00:00",
        ),
    ]


def test_item_hints_carry_what_the_feed_says() -> None:
    item = FeedItem("https://a.test/x", "Title", "2025-06-14T07:30:00+00:00", "Gull Point Post")
    assert item.hints() == Hints(
        title="Title", published="2025-06-14T07:30:00+00:00", outlet="Gull Point Post"
    )


def test_odd_and_relative_dates_leave_the_date_empty() -> None:
    dates = [
        "yesterday",
        "2 hours ago",
        "Sat, 31 Feb 2025 10:00:00 GMT",
        "not a date at all",
        "",
        "2025-06",
        "Mon, 16 Jun 25 06:05:00 EDT",
    ]
    entries = "".join(
        f"<item><title>Item {n}</title><link>https://a.test/{n}</link><pubDate>{d}</pubDate></item>"
        for n, d in enumerate(dates)
    )
    feed = parse_feed(
        "f", f'<rss version="2.0"><channel><title>T</title>{entries}</channel></rss>'.encode()
    )
    published = [i.published for i in feed.items]
    assert len(published) == len(dates)  # every item comes through, dated or not
    assert published[:5] == [None, None, None, None, None]
    assert published[5] is None or published[5].startswith("2025-06-01")
    assert published[6] == "2025-06-16T10:05:00+00:00"  # two-digit year, a US zone name


def test_items_without_usable_links_are_reported_and_skipped() -> None:
    data = """<rss version="2.0"><channel><title>T</title>
      <item><title>No link here</title></item>
      <item><title>Script</title><link>javascript:alert(1)</link></item>
      <item><title>Mail</title><link>mailto:desk@a.test</link></item>
      <item><title>Good</title><link>https://a.test/good</link></item>
      <item><title>Good again</title><link>https://a.test/good</link></item>
    </channel></rss>"""
    feed = parse_feed("feed.xml", data.encode())
    assert [i.url for i in feed.items] == ["https://a.test/good"]  # the repeat is dropped
    assert feed.problems == (
        Problem("feed.xml", "item 1: no link (No link here)"),
        Problem("feed.xml", "item 2: link 'javascript:alert(1)' is not an http(s) URL (Script)"),
        Problem("feed.xml", "item 3: link 'mailto:desk@a.test' is not an http(s) URL (Mail)"),
    )


def test_rss_091_doctype_is_fine() -> None:
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        '<rss version="0.91"><channel><title>Old</title>'
        "<item><title>A</title><link>https://old.test/a</link></item></channel></rss>"
    )
    assert [i.url for i in parse_feed("f", data.encode()).items] == ["https://old.test/a"]


def test_a_stray_ampersand_is_read_leniently() -> None:
    data = RSS.replace("&amp;", "&")
    feed = parse_feed("f", data.encode(), base_url="https://gullpoint.test/rss.xml")
    assert len(feed.items) == 2


# -- hostile and broken feeds ------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><title>&lol9;</title>'
    "<item><title>x</title><link>https://a.test/x</link></item></channel></rss>"
)


def test_entity_bomb_is_refused_fast() -> None:
    start = time.monotonic()
    message = refused(BILLION_LAUGHS)
    assert time.monotonic() - start < 1.0
    assert message == (
        "refused: the feed declares XML entities or external references (EntitiesForbidden); "
        "they can exhaust memory or read local files"
    )


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the keeper's password", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>&x;</title></channel></rss>'
    )
    assert refused(data).startswith("refused: the feed declares XML entities")


def test_malformed_feed_with_an_entity_is_refused() -> None:
    data = '<rss><channel><title>T</titl><!DOCTYPE x [<!ENTITY a "b">]></channel></rss>'
    assert refused(data) == "refused: a malformed feed that declares XML entities"


def test_truncated_feed() -> None:
    data = RSS[: RSS.index("<item>") + len("<item>\n   <title>Lighth")]
    assert refused(data).startswith("malformed feed XML: no element found: line 7")


def test_not_a_feed() -> None:
    assert refused("<html><body><p>Hello</p></body></html>") == (
        "not an RSS or Atom feed (no channel or feed element found)"
    )
    assert refused("  \n") == "empty feed"


def test_binary_garbage_feed() -> None:
    assert refused(bytes(range(256)) * 10).startswith("malformed feed XML:")


# -- reading feeds from files and URLs ---------------------------------------------------------


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


def test_local_feed_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    feed = read_feed(str(path), LOCAL)
    assert isinstance(feed, Feed)
    # no base URL for a file: the relative link cannot be fetched
    assert [i.url for i in feed.items] == ["https://gullpoint.test/news/kayakers.html"]
    assert feed.problems == (
        Problem(
            str(path),
            "item 2: link '/news/ferry.html' is not an http(s) URL "
            "(Ferry to Marrow Island & back: timetable restored)",
        ),
    )


def test_missing_and_oversized_feed_files(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.xml")
    assert read_feed(missing, LOCAL) == Problem(missing, "no such file or folder; check the path")
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * 2048)
    small = updated(DEFAULT, {"read.max_bytes": 1024})
    assert read_feed(str(big), small) == Problem(
        str(big), "feed file is over the 1 KB limit (--max-mb)"
    )


def test_feed_over_http_resolves_links_against_its_url(site: Site) -> None:
    url = site.page("/rss.xml", RSS, type="application/rss+xml; charset=utf-8")
    with Fetcher(LOCAL) as fetcher:
        feed = read_feed(url, LOCAL, fetcher)
    assert isinstance(feed, Feed)
    assert feed.items[1].url == site("/news/ferry.html")


def test_feed_types_and_failures_over_http(site: Site) -> None:
    atom = site.page("/atom", ATOM, type="application/atom+xml")
    xml = site.page("/feed.xml", RSS, type="text/xml")
    html = site.page("/news", "<html><body>News</body></html>")
    bomb = site.page("/bomb.xml", BILLION_LAUGHS, type="application/rss+xml")
    with Fetcher(LOCAL) as fetcher:
        assert isinstance(read_feed(atom, LOCAL, fetcher), Feed)
        assert isinstance(read_feed(xml, LOCAL, fetcher), Feed)
        assert read_feed(html, LOCAL, fetcher) == Problem(
            html, "not a feed: the server says it is an HTML page (RSS or Atom expected)"
        )
        assert read_feed(site("/missing.xml"), LOCAL, fetcher) == Problem(
            site("/missing.xml"), "HTTP 404 Not Found"
        )
        problem = read_feed(bomb, LOCAL, fetcher)
        assert isinstance(problem, Problem) and problem.message.startswith("refused:")


def test_feed_url_without_a_fetcher_uses_the_defaults(site: Site) -> None:
    url = site.page("/rss.xml", RSS, type="application/rss+xml")
    problem = read_feed(url)  # default options: the local server is refused
    assert isinstance(problem, Problem) and "loopback" in problem.message


def test_charset_from_the_server_decodes_the_feed(site: Site) -> None:
    body = (
        '<rss version="2.0"><channel><title>Café de la Côte</title>'
        "<item><title>Église rouverte</title><link>https://cote.test/eglise</link></item>"
        "</channel></rss>"
    ).encode("latin-1")
    url = site.page("/latin.xml", body, type="application/rss+xml; charset=iso-8859-1")
    with Fetcher(LOCAL) as fetcher:
        feed = read_feed(url, LOCAL, fetcher)
    assert isinstance(feed, Feed)
    assert feed.title == "Café de la Côte"
    assert feed.items[0].title == "Église rouverte"
