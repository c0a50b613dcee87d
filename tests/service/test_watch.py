"""``watch``: feeds polled into a real SQLite store, from a real server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from localsite import FETCH_LOCAL, Reply, Site, article, serve
from newsweave.cli import app
from newsweave.ingest.web import Fetcher
from newsweave.options import DEFAULT, Options, updated
from newsweave.service.watch import Cycle, parse_every, run_cycle, stored_origins, watch
from newsweave.store import Store, open_store
from newsweave.store.assign import OneStoryPerIngest, Placed
from newsweave.store.schema import articles, documents

# Loopback allowed (the test server), no pacing; items are not fetched again to catch edits
# (revisits have their own test).
LOCAL = updated(
    DEFAULT,
    {
        **FETCH_LOCAL,
        "fetch.revisit_hours": 0,
    },
)
RSS_TYPE = "application/rss+xml"

PAGES = {
    "/news/kayakers.html": article(
        "Lighthouse keeper rescues two kayakers off Gull Point",
        "A lighthouse keeper rescued two kayakers off Gull Point on Sunday after their boat "
        "capsized in rough water, the coastguard said.",
        "Both were treated for mild hypothermia at the scene and did not need hospital care.",
    ),
    "/news/kayak-rescue.html": article(
        "Keeper pulls kayakers from the sea at Gull Point",
        "Two kayakers were pulled from the water off Gull Point on Sunday by the lighthouse "
        "keeper, who saw their boat overturn, coastguard officials said.",
        "They were treated at the scene for mild hypothermia.",
    ),
    "/news/ferry.html": article(
        "Ferry to Marrow Island sails again after storm",
        "The ferry to Marrow Island sailed again on Saturday after a three-day halt, the "
        "operator said.",
        "About 120 passengers crossed on the first sailing.",
    ),
}


def rss(title: str, links: list[str]) -> str:
    entries = "".join(
        f"<item><title>Item {n}</title><link>{link}</link>"
        f"<pubDate>Sun, 15 Jun 2025 0{n}:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return f'<rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        for path, html in PAGES.items():
            s.page(path, html)
        yield s


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'nw.db'}")
    yield s
    s.close()


def cycles(store: Store, feeds: list[str], n: int = 1, options: Options = LOCAL) -> list[Cycle]:
    seen: list[Cycle] = []
    with Fetcher(options) as fetcher:
        ran = watch(
            store,
            feeds,
            options,
            every=600,
            cycles=n,
            report=seen.append,
            fetcher=fetcher,
            sleep=lambda s: None,
            assigner=OneStoryPerIngest(),
        )
    assert ran == n == len(seen)
    return seen


def test_parse_every() -> None:
    assert parse_every("30s") == 30
    assert parse_every("10m") == 600
    assert parse_every("1h") == 3600
    assert parse_every("1.5m") == 90
    assert parse_every("45") == 45
    for bad in ("", "10x", "-5m", "0s", "m"):
        with pytest.raises(ValueError, match="not an interval"):
            parse_every(bad)


def test_second_cycle_fetches_nothing_new_and_new_items_come_next(site: Site, store: Store) -> None:
    feed = site.page(
        "/rss.xml",
        rss("Gull Point Post", ["/news/kayakers.html", "/news/kayak-rescue.html"]),
        type=RSS_TYPE,
    )
    first, second = cycles(store, [feed], 2)
    assert (first.feeds, first.items, first.new, first.failed) == (1, 2, 2, 0)
    assert first.stories == 1
    assert (second.items, second.new, second.failed, second.stories) == (2, 0, 0, 0)
    assert site.hits_on("/news/kayakers.html") == 1  # not fetched again
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d 1 feed, 2 items, 0 new, 0 failed, 0 stories refreshed", second.line()
    )
    with store.read() as conn:
        stored = dict(conn.execute(select(articles.c.origin, articles.c.title)).all())
    assert stored[site("/news/kayakers.html")] == "Item 0"  # the feed's title is a hint

    site.routes["/rss.xml"] = Reply(
        rss(
            "Gull Point Post",
            ["/news/kayakers.html", "/news/kayak-rescue.html", "/news/ferry.html"],
        ),
        type=RSS_TYPE,
    )
    (third,) = cycles(store, [feed])
    assert (third.items, third.new, third.failed) == (3, 1, 0)
    assert site.hits_on("/news/kayakers.html") == 1
    assert stored_origins(store, [site("/news/ferry.html"), site("/elsewhere")]) == {
        site("/news/ferry.html")
    }


def test_a_broken_feed_does_not_stop_the_others(site: Site, store: Store, tmp_path: Path) -> None:
    good = site.page("/rss.xml", rss("Gull Point Post", ["/news/ferry.html"]), type=RSS_TYPE)
    broken_file = tmp_path / "broken.xml"
    broken_file.write_text("<rss><channel><item><title>cut off", encoding="utf-8")
    missing = site("/gone.xml")
    html = site.page("/index.html", "<html><body>Front page</body></html>")
    (cycle,) = cycles(store, [missing, str(broken_file), html, good])
    assert (cycle.feeds, cycle.unreadable, cycle.new) == (4, 3, 1)
    assert cycle.line().split(" ", 1)[1].startswith("4 feeds (3 unreadable), 1 item, 1 new")
    assert [str(p) for p in cycle.problems] == [
        f"{missing}: HTTP 404 Not Found",
        f"{broken_file}: malformed feed XML: no element found: line 1, column 34",
        f"{html}: not a feed: the server says it is an HTML page (RSS or Atom expected)",
    ]


def test_bad_items_are_one_line_each_and_the_run_goes_on(site: Site, store: Store) -> None:
    site.page("/photo.jpg", b"\xff\xd8\xff" + b"\x00" * 100, type="image/jpeg")
    site.page("/empty.html", "<html><body><nav>Home</nav></body></html>")
    site.routes["/flaky.html"] = [Reply("down", status=503), Reply(PAGES["/news/ferry.html"])]
    links = [
        "/missing.html",
        "/photo.jpg",
        "/empty.html",
        "/flaky.html",
        "http://user:pw@example.test/a",
        "/news/kayakers.html",
    ]
    feed = site.page("/rss.xml", rss("Gull Point Post", links), type=RSS_TYPE)
    first, second = cycles(store, [feed], 2)
    assert (first.items, first.new, first.failed) == (6, 1, 5)
    by_origin = {p.origin: p.message for p in first.problems}
    assert by_origin == {
        site("/missing.html"): "HTTP 404 Not Found",
        site(
            "/photo.jpg"
        ): "not a web page: the server says it is image/jpeg (HTML or text expected)",
        site("/empty.html"): "no article text found (the page may be empty, a list of links, "
        "or not an article)",
        site("/flaky.html"): "HTTP 503 Service Unavailable",
        "http://user:pw@example.test/a": "refused: the URL holds a user name or password",
    }
    # lasting failures are stored and never fetched again; the passing one is tried again
    assert (second.new, second.failed) == (1, 0)
    assert site.hits_on("/missing.html") == 1
    assert site.hits_on("/flaky.html") == 2
    with store.read() as conn:
        failed = set(
            conn.execute(select(documents.c.origin).where(documents.c.error.is_not(None))).scalars()
        )
    assert site("/missing.html") in failed and site("/flaky.html") not in failed


def test_private_feed_items_are_refused_by_default(
    site: Site, store: Store, tmp_path: Path
) -> None:
    # a local feed file (allowed) pointing at the local server (refused without --allow-private)
    path = tmp_path / "feed.xml"
    path.write_text(rss("Local", [site("/news/ferry.html")]), encoding="utf-8")
    options = updated(DEFAULT, {"fetch.host_interval": 0, "fetch.timeout": 0.5, "fetch.retries": 0})
    with Fetcher(options) as fetcher:
        cycle = run_cycle(store, [str(path)], options, fetcher, assigner=OneStoryPerIngest())
    assert (cycle.new, cycle.failed) == (0, 1)
    assert cycle.problems[0].message.startswith("refused: 127.0.0.1 is a loopback address")
    assert site.hits == []


class KilledDuringAssignment(OneStoryPerIngest):
    """Stands for a kill after the pages were stored and before their stories were written."""

    def assign(self, arrivals: Sequence[Placed], recent: Sequence[Placed]) -> dict[str, str]:
        raise KeyboardInterrupt


def test_a_cycle_after_a_kill_puts_every_stored_article_in_a_story(
    site: Site, store: Store
) -> None:
    feed = site.page(
        "/rss.xml",
        rss("Gull Point Post", ["/news/kayakers.html", "/news/kayak-rescue.html"]),
        type=RSS_TYPE,
    )
    with Fetcher(LOCAL) as fetcher, pytest.raises(KeyboardInterrupt):
        run_cycle(store, [feed], LOCAL, fetcher, assigner=KilledDuringAssignment())
    with store.read() as conn:
        assert conn.execute(select(articles.c.story_id)).scalars().all() == [None, None]
    (after,) = cycles(store, [feed])
    assert (after.new, after.failed, after.stories) == (0, 0, 1)  # nothing fetched again
    with store.read() as conn:
        placed = conn.execute(select(articles.c.story_id)).scalars().all()
    assert len(placed) == 2 and None not in placed


@pytest.mark.parametrize("robots", [True, False], ids=["robots", "ignore-robots"])
def test_refused_items_wait_for_no_pace(
    site: Site, store: Store, tmp_path: Path, robots: bool
) -> None:
    # 50 items on one refused host: no pacing between them (and robots.txt refused once)
    path = tmp_path / "feed.xml"
    path.write_text(rss("Local", [site(f"/news/{n}.html") for n in range(50)]), encoding="utf-8")
    options = updated(
        DEFAULT,
        {
            "fetch.host_interval": 30,
            "fetch.timeout": 0.5,
            "fetch.retries": 0,
            "fetch.respect_robots": robots,
        },
    )
    waits: list[float] = []
    with Fetcher(options, sleep=waits.append) as fetcher:
        cycle = run_cycle(store, [str(path)], options, fetcher, assigner=OneStoryPerIngest())
    assert (cycle.items, cycle.failed) == (50, 50)
    assert waits == []
    assert all("loopback" in p.message for p in cycle.problems)
    assert site.hits == []


def test_watch_sleeps_between_cycles_and_stops_on_ctrl_c(site: Site, store: Store) -> None:
    feed = site.page("/rss.xml", rss("Gull Point Post", []), type=RSS_TYPE)
    slept: list[float] = []
    reports: list[Cycle] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch(store, [feed], LOCAL, every=90, report=reports.append, sleep=sleep)
    assert slept == [90, 90]
    assert len(reports) == 2


def test_a_stop_set_during_a_cycle_ends_the_watch_before_the_next(
    site: Site, store: Store
) -> None:
    # A Ctrl-C whose KeyboardInterrupt was lost (it landed in a finalizer) still stops it.
    feed = site.page("/rss.xml", rss("Gull Point Post", []), type=RSS_TYPE)
    stop = threading.Event()

    def report(cycle: Cycle) -> None:
        stop.set()

    assert watch(store, [feed], LOCAL, every=3600, report=report, stop=stop) == 1


runner = CliRunner()


def test_cli_watch_once(site: Site, tmp_path: Path) -> None:
    feed = site.page(
        "/rss.xml", rss("Gull Point Post", ["/news/ferry.html", "/missing.html"]), type=RSS_TYPE
    )
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    args = ["watch", feed, "--once", "--db", db, "--allow-private", "--every", "30s"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d 1 feed, 2 items, 1 new, 1 failed, 1 story refreshed\n", result.stdout
    )
    assert result.stderr == f"newsweave: error: {site('/missing.html')}: HTTP 404 Not Found\n"
    # without --allow-private the feed itself is refused: the cycle is reported, and --once
    # exits 1 since no feed could be read
    result = runner.invoke(app, ["watch", feed, "--once", "--db", db])
    assert result.exit_code == 1
    assert "1 feed (1 unreadable), 0 items" in result.stdout
    assert "loopback" in result.stderr
    assert result.stderr.endswith("newsweave: error: no feed could be read\n")


def test_cli_watch_bad_interval(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["watch", "f.xml", "--every", "soon", "--db", f"sqlite:///{tmp_path / 'x.db'}"]
    )
    assert result.exit_code == 2
    assert "not an interval" in result.output


def test_cli_brief_and_ingest_take_urls(site: Site, tmp_path: Path) -> None:
    url = site("/news/kayakers.html")
    result = runner.invoke(
        app, ["brief", "-f", "json", "--allow-private", url, site("/news/kayak-rescue.html")]
    )
    assert result.exit_code == 0, result.output
    assert '"url": "' + url in result.stdout
    result = runner.invoke(app, ["brief", "-f", "json", url])
    assert result.exit_code == 1
    assert f"newsweave: error: {url}: refused: 127.0.0.1 is a loopback address" in result.stderr

    site.routes["/robots.txt"] = Reply("User-agent: *\nDisallow: /news/\n", type="text/plain")
    db = f"sqlite:///{tmp_path / 'in.db'}"
    result = runner.invoke(app, ["ingest", "--db", db, "--allow-private", url])
    assert result.exit_code == 1  # nothing could be stored
    assert "robots.txt does not allow newsweave" in result.stderr
    result = runner.invoke(app, ["ingest", "--db", db, "--allow-private", "--ignore-robots", url])
    assert result.exit_code == 0
    assert result.stdout.startswith("1 document (1 new), 1 article (1 new)")


@pytest.mark.slow
def test_ctrl_c_stops_the_command_cleanly(site: Site, tmp_path: Path) -> None:
    feed = site.page("/rss.xml", rss("Gull Point Post", ["/news/ferry.html"]), type=RSS_TYPE)
    db = f"sqlite:///{tmp_path / 'sig.db'}"
    code = "from newsweave.cli import main; main()"
    args = ["watch", feed, "--every", "1h", "--db", db, "--allow-private"]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONFAULTHANDLER": "1"},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # the first cycle is done; now it sleeps
        assert "1 feed, 1 item, 1 new" in line
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGABRT)  # the fault handler prints where each thread is
            _, err = proc.communicate(timeout=30)
            pytest.fail(f"the watch did not stop on Ctrl-C:\n{err}")
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert err.strip().endswith("newsweave: watch stopped")


# -- revisions and alerts (issue 19) ------------------------------------------------------

TOLL_V1 = article(
    "Storm floods Marrow Island harbour",
    "Floodwater swept through the harbour of Marrow Island on Saturday night and 12 people "
    "were taken to hospital, the island council said.",
    "The ferry operator said sailings would stay suspended until the quay is inspected.",
)
TOLL_V2 = article(
    "Storm floods Marrow Island harbour",
    "Floodwater swept through the harbour of Marrow Island on Saturday night and 15 people "
    "were taken to hospital, the island council said.",
    "The ferry operator said sailings would stay suspended until the quay is inspected.",
    "Volunteers filled sandbags along the sea wall through Sunday morning.",
)


def test_an_edited_page_is_one_revision_one_atom_entry_and_one_post(
    site: Site, store: Store
) -> None:
    from fastapi.testclient import TestClient

    from newsweave.service.notify import Notifier
    from newsweave.store.revisions import versions
    from newsweave.web.app import create_app

    site.page("/news/flood.html", TOLL_V1)
    feed = site.page("/rss.xml", rss("Island Courier", ["/news/flood.html"]), type=RSS_TYPE)
    # revisits on, a longer timeout (a page fetched again mid-cycle)
    options = updated(DEFAULT, {**FETCH_LOCAL, "fetch.timeout": 2})
    seen: list[Cycle] = []
    with Fetcher(options) as fetcher, Notifier(site("/hook"), options=options) as notifier:

        def poll() -> None:
            watch(
                store,
                [feed],
                options,
                every=600,
                cycles=1,
                report=seen.append,
                fetcher=fetcher,
                sleep=lambda s: None,
                assigner=OneStoryPerIngest(),
                notify=notifier.send,
            )

        poll()
        assert (seen[0].new, seen[0].revised, seen[0].updates) == (1, 0, ())
        site.page("/news/flood.html", TOLL_V2)  # the outlet edits its article
        poll()
    second = seen[1]
    assert (second.new, second.revised, second.failed) == (0, 1, 0), second.problems
    assert second.line().endswith("1 story refreshed, 1 revised, 1 story update")
    assert site.hits_on("/news/flood.html") == 2

    with store.read() as conn:
        (article_id,) = conn.execute(select(articles.c.id)).scalars()
    v1, v2 = versions(store, article_id)
    assert (v1.number, v1.diff, v2.number) == (1, None, 2)
    assert v2.diff is not None
    (edited,) = v2.diff["edited"]
    (figure,) = edited["figures"]
    assert (figure["before"]["text"], figure["after"]["text"]) == ("12", "15")
    assert [s["text"] for s in v2.diff["added"]] == [
        "Volunteers filled sandbags along the sea wall through Sunday morning."
    ]

    (post,) = site.posts
    assert (post.path, post.content_type) == ("/hook", "application/json")
    sent = json.loads(post.body)
    assert sent["schema"] == "newsweave/story-changes@1"
    kinds = [c["kind"] for c in sent["changes"]]
    assert kinds == ["figure_updated", "article_revised"]
    assert "15" in sent["changes"][0]["text"] and "12" in sent["changes"][0]["text"]

    client = TestClient(create_app(store))
    atom = client.get("/changes.atom")
    assert atom.status_code == 200
    assert atom.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    (entry,) = ET.fromstring(atom.content).findall("a:entry", ns)
    assert "15" in (entry.findtext("a:content", namespaces=ns) or "")
    story = sent["story"]["id"]
    assert len(ET.fromstring(client.get(f"/stories/{story}/changes.atom").content)) > 0
    page = client.get(f"/articles/{article_id}/changes")
    assert page.status_code == 200
    assert '<mark class="edited-figure" title="was 12">15</mark>' in page.text
    assert f'href="/articles/{article_id}/changes"' in client.get(f"/articles/{article_id}").text


def test_a_page_fetched_again_unchanged_is_no_revision(site: Site, store: Store) -> None:
    site.page("/news/flood.html", TOLL_V1)
    feed = site.page("/rss.xml", rss("Island Courier", ["/news/flood.html"]), type=RSS_TYPE)
    # revisits on, a longer timeout (a page fetched again mid-cycle)
    options = updated(DEFAULT, {**FETCH_LOCAL, "fetch.timeout": 2})
    # the same text in other markup: a new document, the same version
    site.routes["/news/flood.html"] = [
        Reply(TOLL_V1),
        Reply(TOLL_V1.replace("<article>", "<article class='x'>")),
    ]
    _, second = cycles(store, [feed], 2, options)
    assert (second.new, second.revised, second.stories, second.updates) == (0, 0, 0, ())
    assert site.hits_on("/news/flood.html") == 2
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == 1
