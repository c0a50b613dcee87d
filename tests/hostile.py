"""A hostile corpus, written into a folder by the test or benchmark that needs it (never
committed as files): every case of issue 15 and the earlier bad-input cases, each next to the
good reference story (``examples/harbour-fire``).

``write_corpus(folder, full=True)`` writes the full-size cases bench/hostile.py runs (a
paragraph of a million characters, a 2.7 MB page, a WARC gzip bomb, 5,000 figure paragraphs);
``full=False`` writes the same cases a hundred times smaller, for tests, which then run with
limits a hundred times smaller too (``SMALL_LIMITS``). Each hostile article is about its own
unrelated subject, so none of them joins the harbour fire story or makes a story of its own
bigger than it: the good files must give the same brief with the corpus as without it.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.options import DEFAULT, updated
from paths import EXAMPLES

GOOD = EXAMPLES / "harbour-fire"
# Limits a hundred times smaller, for the small corpus.
SMALL_LIMITS = updated(
    DEFAULT,
    {
        "read.max_bytes": 200_000,
        "analysis.max_paragraph_chars": 1_000,
        "analysis.max_article_chars": 3_000,
        "analysis.max_figures": 100,
    },
)

# Short articles on subjects unrelated to each other and to the harbour fire (made up here).
SUBJECTS = (
    (
        "Chess club opens in the old library",
        "The Westbrook chess club opened its new rooms in the old library on Saturday, with "
        "forty members playing a simultaneous game against the county champion. The club "
        "meets twice a week and offers free lessons for children, the organisers said, and "
        "hopes to host the regional junior tournament next spring.",
    ),
    (
        "Bakery wins regional bread prize",
        "A family bakery in Millford won the regional sourdough prize on Thursday, beating "
        "sixty entries from across the valley. The owners said the recipe had been in the "
        "family for three generations and that they would use the prize money to buy a "
        "second oven for the shop on Mill Street.",
    ),
    (
        "Marathon route changes after roadworks",
        "Organisers of the Eastvale marathon moved part of the route on Tuesday because of "
        "roadworks on the river embankment. Runners will now cross the park twice, and the "
        "finish line moves to the stadium car park, the race director said, adding that the "
        "change does not affect the course length.",
    ),
    (
        "Orchestra names new conductor",
        "The Northfield Youth Orchestra named a new principal conductor on Monday after a "
        "search that lasted a year. She studied in Vienna and has led ensembles in three "
        "countries, the orchestra said, and will conduct her first concert with the players "
        "in the autumn season at the town hall.",
    ),
    (
        "Beekeepers report record honey harvest",
        "Beekeepers in the Larch Hills reported a record honey harvest this summer, helped by "
        "a warm spring and late rain. The local association said members collected more than "
        "usual from wildflower meadows, and that the annual honey fair will be held in the "
        "school hall at the end of the month.",
    ),
    (
        "Cycle lane opens on Canal Road",
        "A protected cycle lane opened on Canal Road on Wednesday after months of "
        "consultation with residents and shop owners. The council said the lane links the "
        "station with the university campus, and that counters installed along it will show "
        "how many people use it each day.",
    ),
    (
        "Museum restores medieval tapestry",
        "Conservators at the Ashworth museum finished restoring a medieval tapestry on "
        "Friday after two years of work. The hanging shows a hunting scene and had faded "
        "badly in a damp storeroom, the curator said; it goes on display in the east gallery "
        "from next week, behind new glass.",
    ),
    (
        "Village school gets solar panels",
        "The primary school in Hollin Cross switched on its new solar panels on Tuesday, "
        "paid for by parents' fundraising and a council grant. The head teacher said the "
        "panels should cover most of the school's electricity in summer, and that pupils "
        "will track the output in their science lessons.",
    ),
    (
        "Ferry company orders electric boat",
        "The Skerry Ferry Company ordered its first electric boat on Monday, to enter service "
        "on the short crossing to Inch Island in two years. The boat will charge at the pier "
        "overnight, the company said, and carry ninety passengers and twelve cars on each of "
        "its daily sailings.",
    ),
    (
        "Allotment waiting list closes",
        "The Brackley allotment society closed its waiting list on Thursday after it passed "
        "two hundred names. The secretary said new plots on the former railway land would "
        "open next year, and that existing tenants had agreed to share larger plots with "
        "families on the list until then.",
    ),
    (
        "Lighthouse becomes holiday let",
        "The disused lighthouse at Carrick Head reopened as a holiday let on Saturday after a "
        "three-year conversion. Guests climb one hundred and twenty steps to the lantern "
        "room, which now holds a bedroom, the trust that owns it said; bookings for the "
        "summer filled within a day.",
    ),
    (
        "Football ground gets new stand",
        "Dunmore Rovers opened a new stand at their Riverside ground on Sunday, raising the "
        "capacity to four thousand. The chairman said the stand was paid for by supporters' "
        "shares, and that the first match in front of it ended in a draw against the league "
        "leaders.",
    ),
    (
        "Choir raises money for hospice",
        "The Glenford community choir raised money for the town hospice with a concert in "
        "the parish church on Friday night. More than three hundred people came, the "
        "organisers said, and the choir will sing again at the Christmas market in the "
        "square in December.",
    ),
    (
        "Reservoir walk reopens after storm",
        "The footpath around Haw Reservoir reopened on Wednesday after storm damage closed "
        "it in the spring. Rangers cleared fallen trees and rebuilt two footbridges, the "
        "water company said, and new benches now stand at the viewpoint over the dam.",
    ),
    (
        "Bus route returns to hill villages",
        "A bus route to the hill villages above Stanton returned on Monday after a gap of "
        "four years. The service runs three times a day on weekdays, the council said, "
        "paid for by a rural transport grant, and stops at the health centre and market.",
    ),
    (
        "Robotics team heads to final",
        "A robotics team from Kelso Academy qualified for the national final on Saturday "
        "with a machine that sorts recycling. The six pupils built it in the school's "
        "technology club, their teacher said, and will travel to the final in Glasgow next "
        "month.",
    ),
    (
        "Observatory opens to the public",
        "The university observatory on Carn Hill opened to the public on Tuesday evening for "
        "the first time in a decade. Visitors looked at Saturn through the restored "
        "telescope, the astronomy department said, and open nights will now be held once a "
        "month through the winter.",
    ),
)


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile input: its short name, where it lies, and which item of issue 15 (or which
    earlier bad-input case) it tries."""

    name: str
    path: Path
    tries: str


def article(n: int) -> tuple[str, str]:
    """The ``n``-th unrelated article: (headline, body)."""
    return SUBJECTS[n % len(SUBJECTS)]


def html(title: str, *paragraphs: str, head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    )


def write_corpus(folder: Path, *, full: bool = True) -> list[Case]:
    """Write the good story into ``folder/good`` and every hostile case into
    ``folder/hostile``; the cases, in a stable order."""
    good = folder / "good"
    shutil.copytree(GOOD, good)
    bad = folder / "hostile"
    bad.mkdir()
    scale = 1 if full else 100
    cases: list[Case] = []

    def add(name: str, tries: str, data: bytes | str, filename: str | bytes = "") -> None:
        # a bytes name that is not UTF-8 comes back as str with surrogate escapes (PEP 383)
        target = bad / (os.fsdecode(filename) if isinstance(filename, bytes) else filename or name)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, target, tries))

    title, body = article(0)
    add(
        "long-paragraph.txt",
        "1: a paragraph over 1,000,000 characters (spaCy E088)",
        f"{title}\n\n" + "word " * (210_000 // scale),
    )
    add(
        "long-prose.txt",
        "1: a 1,000,000-character paragraph of sentences",
        f"{title}\n\n" + f"{body} " * (3_300 // scale),
    )
    title, body = article(1)
    huge = ("lorem ipsum dolor " * (50_000 // scale)).strip()
    add(
        "three-huge-paragraphs.html",
        "1: a 2.7 MB page of three 900,000-character paragraphs",
        html(title, body, huge, huge, huge),
    )
    title, body = article(2)
    add(
        "huge-title.html",
        "1: a 1 MB page with a 500,000-character title",
        html(title + " " + "x" * (500_000 // scale), body, "more " * (100_000 // scale)),
    )
    title, body = article(3)
    add(
        "deep.json",
        "2: JSON nested 5,000 deep (RecursionError)",
        "[" * 5000 + "]" * 5000,
    )
    add(
        "long-integer.json",
        "2: an integer of 5,000 digits (ValueError)",
        '{"text": ' + "7" * 5000 + "}",
    )
    add(
        "surrogate.jsonl",
        "2: a lone \\ud800 escape (UnicodeEncodeError)",
        json.dumps({"id": "\ud800", "title": title, "text": f"{title}\n\n{body} \ud800"}),
    )
    title4, body4 = article(4)
    add(
        "one-bad-line.jsonl",
        "2: one bad JSONL line among good ones",
        "\n".join(
            [
                json.dumps({"id": "ok", "title": title4, "text": f"{title4}\n\n{body4}"}),
                "[" * 3000 + "]" * 3000,
                '{"text": ' + "9" * 5000 + "}",
                "{broken",
            ]
        ),
    )
    title, body = article(5)
    add(
        "not-utf8-name",
        "6: a file name that is not UTF-8",
        f"{title}\n\n{body}\n",
        filename=b"caf\xe9-cycle-lane.txt",
    )
    title, body = article(6)
    add(
        "escape-name",
        "11: ESC/OSC sequences in a file name",
        f"{title}\n\n{body}\n",
        filename="museum\x1b]0;pwned\x07\x1b[2J.txt",
    )
    title, body = article(7)
    sequences = "\x1b]8;;http://evil.example\x07here\x1b]8;;\x07 \x1b[2J\x1b[31mred\x1b[0m\r"
    add(
        "control-text.html",
        "11: ESC/OSC sequences in an article's title and text",
        html(f"{title} \x1b]0;pwned\x07", f"{body} {sequences}"),
    )
    title, body = article(8)
    add(
        "year-edges.jsonl",
        "7: dates of year 1 and 9999 (OverflowError)",
        "\n".join(
            json.dumps(
                {
                    "id": n,
                    "published": when,
                    "text": f"{title}\n\n{body} It opened last Sunday and closes tomorrow.",
                }
            )
            for n, when in enumerate(("0001-01-01", "9999-12-31T23:59:59"))
        ),
    )
    title, body = article(9)
    add(
        "year-one-meta.html",
        "7: a <meta> date of year 1",
        html(
            title,
            body + " The route changed last Friday.",
            head='<meta property="article:published_time" content="0001-01-01T00:00:00">',
        ),
    )
    title, body = article(10)
    add(
        "bad-url-hint.jsonl",
        "8: a URL hint http://[::1 (ValueError)",
        json.dumps({"id": "u", "url": "http://[::1", "text": f"{title}\n\n{body}"}),
    )
    title, body = article(11)
    add(
        "deep-json-ld.html",
        "13: JSON-LD nested 5,000 deep",
        html(
            title,
            body,
            head='<script type="application/ld+json">'
            + "[" * 5000
            + "]" * 5000
            + '</script><link rel="canonical" href="http://[::1">',
        ),
    )
    title, body = article(12)
    add(
        "utf16-no-bom.txt",
        "13: UTF-16 without a byte-order mark",
        f"{title}\r\n\r\n{body}".encode("utf-16-le"),
    )
    add("bogus-length.warc", "13: a WARC record claiming 10^12 bytes", _warc_bogus_length())
    add("truncated.warc", "13: a plain WARC cut inside its 4th of 5 records", _warc_cut())
    add(
        "bomb.warc.gz",
        "13: a WARC.gz record that inflates past 16x --max-mb",
        _warc_bomb(350_000_000 // scale),
    )
    add(
        "gzip-bomb.txt.gz",
        "earlier: a gzip file that inflates past --max-mb",
        gzip.compress(b"\0" * (30_000_000 // scale), compresslevel=9),
    )
    title, body = article(13)
    figures = "\n\n".join(
        f"Room {n} of the museum holds {n + 3} paintings and {2 * n + 1} drawings."
        for n in range(5_000 // scale)
    )
    add(
        "5000-figures.txt",
        "5: 5,000 short figure paragraphs (claim clustering)",
        f"{title}\n\n{figures}",
    )
    title, body = article(14)
    quotes = " ".join(
        f'"We will fix panel {n}," the caretaker said.' for n in range(3_000 // scale)
    )
    add(
        "quote-storm.txt",
        "hang probe: 3,000 quotations in one paragraph",
        f"{title}\n\n{body}\n\n{quotes}",
    )
    # the earlier bad inputs the tests already hold
    add("empty.txt", "earlier: an empty file", b"")
    add("binary.html", "earlier: binary data named .html", bytes(range(256)) * 40)
    add(
        "over-limit.txt",
        "earlier: a file over --max-mb",
        b"x" * ((21 * 1024 * 1024) // scale),
    )
    title, body = article(15)
    add(
        "truncated.html",
        "earlier: HTML cut mid-tag",
        html(title, body)[: len(html(title, body)) - 40],
    )
    title, body = article(16)
    add(
        "script.html",
        "earlier: scripts and event handlers in a page",
        html(title, body + ' <img src=x onerror="alert(1)"><script>alert(2)</script>'),
    )
    add(
        "japanese.txt",
        "earlier: a page in Japanese",
        "図書館でチェスクラブが開設\n\n土曜日、旧図書館でチェスクラブが新しい部屋を開設し、四十人の会員が県のチャンピオンと対局した。"
        "クラブは週に二回集まり、子ども向けの無料教室を開いている。",
    )
    return cases


def _response(w: WARCWriter, url: str, body: bytes) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
    w.write_record(
        w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    )


def _pages(first: int, count: int) -> list[bytes]:
    return [html(*article(n)).encode() for n in range(first, first + count)]


def _warc_bogus_length() -> bytes:
    buffer = io.BytesIO()
    w = WARCWriter(buffer, gzip=False)
    starts = []
    for n, page in enumerate(_pages(0, 3)):
        starts.append(buffer.tell())
        _response(w, f"https://bogus.example/{n}", page)
    data = buffer.getvalue()
    record = data[starts[1] : starts[2]]
    length = record.split(b"Content-Length: ")[1].split(b"\r\n")[0]
    bogus = record.replace(b"Content-Length: " + length, b"Content-Length: 1000000000000", 1)
    return data[: starts[1]] + bogus + data[starts[2] :]


def _warc_cut() -> bytes:
    buffer = io.BytesIO()
    w = WARCWriter(buffer, gzip=False)
    starts = []
    for n, page in enumerate(_pages(3, 5)):
        starts.append(buffer.tell())
        _response(w, f"https://cut.example/{n}", page)
    return buffer.getvalue()[: (starts[3] + starts[4]) // 2]


def _warc_bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    w = WARCWriter(buffer, gzip=True)
    first, second = _pages(8, 2)
    _response(w, "https://bomb.example/before", first)
    blob = w.create_warc_record(
        "https://bomb.example/blob", "resource", payload=io.BytesIO(b"\0" * size)
    )
    w.write_record(blob)
    _response(w, "https://bomb.example/after", second)
    return buffer.getvalue()
