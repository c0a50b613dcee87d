"""Batch throughput: articles per second over a generated web archive, per engine and workers.

    python bench/batch.py [--docs 2000] [--runs local:1 local:2 dask:1 dask:2] [--keep DIR]

The archive (a WARC.gz, with a request record before each response as crawlers write them)
models many small stories: each event (a fire, a flood, a strike, a bridge closure, …) in an
invented town is reported by 2 to 9 of 24 invented outlets over a day or two, each report
with its own wording, order of paragraphs, figures ("40", "more than 35", "about 40"; now and
then a different number), quote wordings and page furniture; some outlets run another's wire
copy verbatim. Events are spread over four months, so the story clusterer's time window is
exercised too.

Each run starts its engine and loads the models first (timed apart, as "start s"); the
throughput is the articles of the run over the wall time of ``run_batch`` alone. The output of
every run is compared with the first run's (briefs.jsonl and every Parquet table).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow.parquet as pq
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.batch.engines import open_engine
from newsweave.batch.run import run_batch
from newsweave.options import DEFAULT, updated

START = datetime(2025, 1, 6, 6, 0)
TABLES = ("articles", "claims", "quotes", "stories", "problems")

FIRST = [
    "Amira",
    "Bogdan",
    "Carys",
    "Dmitri",
    "Eero",
    "Fatima",
    "Gideon",
    "Hana",
    "Idris",
    "Jolene",
    "Kofi",
    "Lior",
    "Mireille",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosalind",
    "Saoirse",
    "Tomas",
    "Ulla",
    "Viktor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zora",
    "Anselm",
    "Beatriz",
    "Cormac",
    "Delphine",
    "Emeka",
    "Farrah",
    "Goran",
    "Hollis",
    "Ingrid",
    "Jasper",
    "Keiko",
    "Lazlo",
    "Marisol",
    "Niamh",
]
LAST = [
    "Achterberg",
    "Balogun",
    "Castellano",
    "Dunmore",
    "Eskelinen",
    "Fairweather",
    "Grzelak",
    "Halloran",
    "Ivanova",
    "Jagger",
    "Kowalczyk",
    "Lindqvist",
    "Mbeki",
    "Nakashima",
    "Oyelaran",
    "Pellegrini",
    "Quist",
    "Rasmussen",
    "Szabo",
    "Thorne",
    "Umberto",
    "Valdez",
    "Whitlock",
    "Xiang",
    "Yardley",
    "Zielinski",
    "Abernathy",
    "Brennan",
    "Carvalho",
    "Delacroix",
    "Engstrom",
    "Falconer",
    "Gutierrez",
    "Haverford",
    "Imrie",
    "Jovanovic",
    "Kinsella",
    "Lockhart",
    "Moreau",
    "Novak",
]
HEADS = [
    "Ash",
    "Bram",
    "Cold",
    "Dun",
    "Elm",
    "Fen",
    "Glen",
    "Holt",
    "Ivy",
    "Kirk",
    "Lark",
    "Mill",
    "Nor",
    "Oak",
    "Pen",
    "Rye",
    "Sal",
    "Thorn",
    "Wyn",
]
TAILS = [
    "ford",
    "bury",
    "wick",
    "stead",
    "haven",
    "mouth",
    "combe",
    "field",
    "ton",
    "ley",
    "brook",
    "gate",
]
REGIONS = ["Northmoor", "Eastvale", "Southwold", "Westmarch", "Highcliff", "Lowmere"]
PAPERS = ["Courier", "Gazette", "Herald", "Chronicle", "Post", "Sentinel", "Record", "Examiner"]
PLACES = ["Valley", "Coast", "Metro", "County", "Harbour", "Daily"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True, slots=True)
class Kind:
    """An event type: headline and paragraph templates, quote and figure names."""

    headlines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    quotes: tuple[str, ...]


KINDS = (
    Kind(
        (
            "{a} people hurt as fire sweeps through {site} in {town}",
            "Blaze at {town} {site} leaves {a} injured",
            "Fire crews battle {town} {site} fire; {a} hurt",
        ),
        (
            "A fire broke out at the {site} on {street} in {town} on {day} evening, injuring {a} "
            "people and forcing {b} residents from nearby homes, the {region} Fire Service said.",
            "{n_fire} fire engines and {c} firefighters were sent to the scene, and the blaze "
            "was under control by early the next morning.",
            "Chief fire officer {official} said the cause was not yet known and that an "
            "investigation had begun.",
            "Neighbour {witness} said the smoke could be seen from across {town}.",
            "The {site} had been inspected in {month}, according to council records.",
        ),
        (
            "Our crews worked through the night to stop the fire spreading to the homes nearby",
            "We will not know what started this fire until the building is safe to enter",
        ),
    ),
    Kind(
        (
            "Flooding forces {b} from their homes in {town}",
            "{town} flood: {b} evacuated as river bursts its banks",
            "River {river} floods {town}, {b} people moved",
        ),
        (
            "The River {river} burst its banks in {town} on {day}, flooding {c} homes and "
            "forcing {b} people to leave, the {region} Environment Agency said.",
            "Rescue teams used {n_fire} boats to reach residents on {street}, and {a} people "
            "were taken to hospital with minor injuries.",
            "Flood warden {official} said water levels had risen by {d} centimetres in a night.",
            "{witness}, who lives on {street}, said the water reached her front door in minutes.",
            "The agency said repairs to the flood wall would cost about {e} million pounds.",
        ),
        (
            "We have never seen the river rise this fast in a single night",
            "Everyone who was asked to leave should stay away until we say it is safe",
        ),
    ),
    Kind(
        (
            "{town} bus drivers strike over pay; {c} routes cut",
            "Bus strike halts {c} routes across {town}",
            "Drivers walk out at {town} depot in pay dispute",
        ),
        (
            "About {b} bus drivers at the {town} depot walked out on {day} in a dispute over "
            "pay, cutting {c} routes, the {region} Transport Union said.",
            "The union said drivers had been offered a rise of {a} per cent, against the "
            "{d} per cent they asked for.",
            "Union organiser {official} said the strike would last {n_fire} days unless talks "
            "resumed.",
            "Passenger {witness} said she had waited an hour on {street} before giving up.",
            "The operator said it would run a reduced timetable on the busiest routes.",
        ),
        (
            "Our members have had no real rise in three years and they have had enough",
            "We remain ready to talk at any hour if the company makes a fair offer",
        ),
    ),
    Kind(
        (
            "{town} bridge closed after cracks found; {b} vehicles a day diverted",
            "Cracks shut {town}'s {river} bridge",
            "Engineers close {river} bridge in {town} for safety checks",
        ),
        (
            "The {river} bridge in {town} was closed on {day} after engineers found cracks in "
            "{a} of its supports, the {region} Highways Authority said.",
            "The bridge carries about {b} vehicles a day, which will be diverted along "
            "{street}, adding up to {d} minutes to journeys.",
            "Highways engineer {official} said the closure could last {c} weeks.",
            "Shop owner {witness} said trade had fallen as soon as the barriers went up.",
            "The bridge was last repaired in {month}, at a cost of {e} million pounds.",
        ),
        (
            "We closed the bridge because we could not rule out a failure of the supports",
            "Safety comes first and the bridge will stay shut until the repairs are done",
        ),
    ),
    Kind(
        (
            "Power cut leaves {b} homes in {town} without electricity",
            "{town} blackout: {b} homes cut off after substation fault",
            "Substation fault plunges {town} into darkness",
        ),
        (
            "About {b} homes in {town} lost power on {day} after a fault at the {street} "
            "substation, the {region} grid operator said.",
            "Power was restored to {c} homes within {n_fire} hours, and engineers were working "
            "to reconnect the rest.",
            "Operations manager {official} said a cable had failed in the cold weather.",
            "{witness} said the traffic lights on {street} had stopped working during the rush.",
            "The operator said customers without power for more than {d} hours could claim "
            "compensation.",
        ),
        (
            "Our engineers are working around the clock to get everyone reconnected",
            "We are sorry for the disruption and we will review what went wrong",
        ),
    ),
    Kind(
        (
            "{town} factory to close with the loss of {b} jobs",
            "{b} jobs to go as {town} plant shuts",
            "Plant closure in {town} puts {b} jobs at risk",
        ),
        (
            "The {site} in {town} will close in {month} with the loss of {b} jobs, its owners "
            "said on {day}.",
            "The plant opened {c} years ago and once employed more than {e} hundred people.",
            "Managing director {official} said orders had fallen by {d} per cent in two years.",
            "Worker {witness}, who has been at the plant for {a} years, said staff learned of "
            "the closure at a meeting on {street}.",
            "The {region} council said it would help workers find new jobs.",
        ),
        (
            "This was the hardest decision we have had to make in the history of the company",
            "We will do everything we can to support our staff in the months ahead",
        ),
    ),
)
SYNONYMS = (
    ("will", "would"),
    ("everything", "all"),
    ("hardest", "most difficult"),
    ("around the clock", "day and night"),
    ("sorry", "very sorry"),
    ("stay away", "keep away"),
    ("enough", "had it"),
    ("stop", "prevent"),
)
SITES = ["warehouse", "printworks", "sawmill", "bakery", "depot", "cannery", "tannery", "brewery"]
RIVERS = ["Alder", "Brant", "Cress", "Dove", "Esk", "Fenn", "Greta", "Hurst"]
STREETS = ["Mill Lane", "Station Road", "Quay Street", "Church Walk", "High Street", "Market Row"]
# Background an event's reports share and other events of its kind do not: who else spoke,
# which place and which groups were involved (what tells two factory closures apart).
BACKGROUND = (
    "{town}, a {size} of about {pop} people {km} kilometres from {city}, {fortune}.",
    "Councillor {councillor} of the {party} group called for an inquiry at the next meeting "
    "of {town} council.",
    "The {charity} opened a centre at the {venue} to help those affected.",
    "{expert}, a {field} at the University of {city}, said events like this were {trend}.",
    "The {venue} nearby, owned by the {family} family since {year}, was {venue_fate}.",
    "Member of Parliament {mp} said she would raise the matter with {ministry}.",
)
SIZES = ["market town", "village", "former mill town", "seaside town", "cathedral city"]
CITIES = ["Carlmouth", "Dunharrow", "Eastleigh Cross", "Fordingham", "Garrowby", "Hexley"]
FORTUNES = [
    "has seen its high street shrink over the past decade",
    "has grown quickly since the new railway station opened",
    "relies on tourism in the summer months",
    "lost its last large employer in the 1990s",
    "is known for its annual cheese fair",
    "won a best-kept village award last year",
]
PARTIES = ["Liberal", "Independent", "Green", "Labour", "Conservative", "Residents'"]
CHARITIES = [
    "Red Lantern Trust",
    "Wayfarers' Aid",
    "Open Door Foundation",
    "St Brigid's Mission",
    "Harrowgate Relief Fund",
    "Kindred Neighbours charity",
]
VENUES = ["Corn Exchange", "Methodist hall", "sports centre", "old grammar school", "library"]
FIELDS = ["geographer", "economist", "civil engineer", "historian", "sociologist"]
TRENDS = ["becoming more common", "rarer than people think", "hard to predict"]
FATES = ["closed for the day", "used as a rest centre", "offering free tea and soup"]
MINISTRIES = ["the Home Office", "the Treasury", "the Transport Secretary", "ministers"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]


def outlets() -> list[str]:
    rng = random.Random(1)
    names: list[str] = []
    while len(names) < 24:
        name = f"The {rng.choice(PLACES)} {rng.choice(PAPERS)}"
        if name not in names:
            names.append(name)
    return names


def _figure(n: int, rng: random.Random) -> str:
    """A figure as one outlet words it: exact, hedged, rounded, or now and then wrong."""
    roll = rng.random()
    if roll < 0.55:
        return str(n)
    if roll < 0.7:
        return f"more than {max(1, n - rng.randint(1, 3))}"
    if roll < 0.8:
        return f"about {max(2, round(n, -1) or n)}"
    if roll < 0.9:
        return f"at least {n}"
    return str(n + rng.randint(2, 9))


def _quote(text: str, rng: random.Random) -> str:
    for old, new in SYNONYMS:
        if old in text and rng.random() < 0.3:
            text = text.replace(old, new, 1)
    return text


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def events(docs: int, seed: int = 8) -> list[tuple[datetime, str, str, str]]:
    """``docs`` reports: (published, outlet, url, html), in no particular order."""
    rng = random.Random(seed)
    papers = outlets()
    # About one event of each kind a fortnight: a newsroom's archive, not one week's news
    # (events of one kind sharing a fortnight and a template read as one story).
    span = max(30, docs * 3 // 2)
    reports: list[tuple[datetime, str, str, str]] = []
    event = 0
    while len(reports) < docs:
        event += 1
        kind = rng.choice(KINDS)
        town = f"{rng.choice(HEADS)}{rng.choice(TAILS)}"
        when = START + timedelta(hours=rng.randint(0, 24 * span))
        facts = {
            "town": town,
            "region": rng.choice(REGIONS),
            "site": rng.choice(SITES),
            "river": rng.choice(RIVERS),
            "street": rng.choice(STREETS),
            "month": rng.choice(MONTHS),
            "day": DAYS[when.weekday()],
            "official": _person(rng),
            "witness": _person(rng),
            "size": rng.choice(SIZES),
            "pop": f"{rng.randint(3, 95) * 1000:,}",
            "km": rng.randint(8, 90),
            "city": rng.choice(CITIES),
            "fortune": rng.choice(FORTUNES),
            "councillor": _person(rng),
            "party": rng.choice(PARTIES),
            "charity": rng.choice(CHARITIES),
            "venue": rng.choice(VENUES),
            "expert": _person(rng),
            "field": rng.choice(FIELDS),
            "trend": rng.choice(TRENDS),
            "family": rng.choice(LAST),
            "year": rng.randint(1890, 1995),
            "venue_fate": rng.choice(FATES),
            "mp": _person(rng),
            "ministry": rng.choice(MINISTRIES),
        }
        numbers = {
            "a": rng.randint(2, 60),
            "b": rng.randint(40, 900),
            "c": rng.randint(3, 40),
            "d": rng.randint(5, 80),
            "e": rng.randint(2, 30),
            "n_fire": rng.randint(2, 12),
        }
        quotes = [_quote(q, rng) for q in kind.quotes]
        background = [b.format(**facts) for b in rng.sample(BACKGROUND, 3)]
        wire: str | None = None
        for k, paper in enumerate(rng.sample(papers, rng.randint(2, 9))):
            published = when + timedelta(minutes=rng.randint(30, 36 * 60))
            if wire is not None and rng.random() < 0.15:  # a wire copy run verbatim
                body = wire
            else:
                values = {**facts, **{key: _figure(n, rng) for key, n in numbers.items()}}
                paragraphs = [p.format(**values) for p in kind.paragraphs]
                rng.shuffle(paragraphs[1:])  # the lead stays first
                keep = paragraphs[: rng.randint(3, len(paragraphs))]
                keep[1:1] = background[: rng.randint(2, 3)]
                said = rng.choice(["said", "told reporters", "added"])
                for q in quotes[: rng.randint(1, 2)]:
                    keep.append(f'"{_quote(q, rng)}," {facts["official"]} {said}.')
                headline = rng.choice(kind.headlines).format(**values)
                body = _body(headline, keep)
                wire = wire or body
            url = f"https://{paper.lower().replace(' ', '')}.example/{event}-{k}"
            reports.append((published, paper, url, _page(paper, published, body)))
    return reports[:docs]


def _body(headline: str, paragraphs: list[str]) -> str:
    text = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<h1>{headline}</h1>\n{text}"


def _page(paper: str, published: datetime, body: str) -> str:
    headline = body.split("</h1>", 1)[0].removeprefix("<h1>")
    stamp = published.isoformat(timespec="minutes")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{headline} | {paper}</title>
<meta property="og:site_name" content="{paper}">
<meta property="article:published_time" content="{stamp}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>{body}
<p class="byline">By {paper} staff</p></article>
<aside><h2>Most read</h2><ul><li><a href="/a">Council tax to rise</a></li>
<li><a href="/b">Weekend weather warning</a></li></ul></aside>
<footer>&copy; {published.year} {paper}. All rights reserved.</footer>
</body></html>"""


def write_warc(path: Path, docs: int) -> None:
    """The reports in publication order, each response after its request."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for published, _paper, url, html in sorted(events(docs)):
            stamp = (published + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
            headers = {"WARC-Date": stamp}
            request = b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(request), warc_headers_dict=headers
                )
            )
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(html.encode()),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            )


def same_output(a: Path, b: Path) -> bool:
    if (a / "briefs.jsonl").read_bytes() != (b / "briefs.jsonl").read_bytes():
        return False
    return all(
        pq.read_table(a / f"{t}.parquet").equals(pq.read_table(b / f"{t}.parquet")) for t in TABLES
    )


def story_quality(out: Path) -> str:
    """B-cubed precision and recall of the stories against the generated events (a report's
    event is in its URL: ``/EVENT-K``): how far same-kind events were told apart."""
    rows = pq.read_table(out / "articles.parquet", columns=["url", "story_id"]).to_pylist()
    event = {r["url"]: r["url"].rsplit("/", 1)[1].split("-")[0] for r in rows}
    story = {r["url"]: r["story_id"] for r in rows}
    by_story: dict[str, list[str]] = {}
    by_event: dict[str, list[str]] = {}
    for url in story:
        by_story.setdefault(story[url], []).append(url)
        by_event.setdefault(event[url], []).append(url)
    precision = recall = 0.0
    for url in story:
        same = sum(1 for other in by_story[story[url]] if event[other] == event[url])
        precision += same / len(by_story[story[url]])
        recall += same / len(by_event[event[url]])
    n = len(story) or 1
    return (
        f"{len(by_event)} events, {len(by_story)} stories: "
        f"B-cubed precision {precision / n:.3f}, recall {recall / n:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", nargs="+", default=["local:1", "local:2", "dask:1", "dask:2"])
    parser.add_argument("--keep", type=Path, help="write the archive and outputs here")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="newsweave-batch-"))
    root.mkdir(parents=True, exist_ok=True)
    archive = root / "news.warc.gz"
    started = time.perf_counter()
    write_warc(archive, args.docs)
    size = archive.stat().st_size / 1e6
    print(f"{args.docs} reports, {size:.1f} MB archive, in {time.perf_counter() - started:.1f} s")
    print(f"load before: {_load()}")
    rows = []
    first: Path | None = None
    for run in args.runs:
        engine_name, workers = run.split(":")
        options = updated(DEFAULT, {"batch.engine": engine_name, "batch.workers": int(workers)})
        begun = time.perf_counter()
        engine = open_engine(options.batch)
        start_s = time.perf_counter() - begun
        out = root / run.replace(":", "-")
        try:
            cpu = time.process_time()
            summary = run_batch([archive], out, options, engine=engine)
            driver_s = time.process_time() - cpu
        finally:
            engine.close()
        same = "—" if first is None else ("yes" if same_output(first, out) else "NO")
        first = first or out
        rows.append((run, start_s, summary, same, driver_s))
        rate = summary.articles / summary.seconds
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in summary.stages)
        print(f"  {run}: {summary.line()}  ({rate:.1f} articles/s; {steps})", flush=True)
    print(f"load after: {_load()}")
    if first is not None:
        print(f"stories against the generated events: {story_quality(first)}")
    print()
    print(
        "| engine | workers | start s | run s | driver CPU s | articles | stories "
        "| articles/s | same output |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    base: dict[str, float] = {}
    for _run, start_s, s, same, driver_s in rows:
        rate = s.articles / s.seconds
        base.setdefault(s.engine, rate)
        speedup = rate / base[s.engine]
        print(
            f"| {s.engine} | {s.workers} | {start_s:.1f} | {s.seconds:.1f} | {driver_s:.1f} | "
            f"{s.articles} | "
            f"{s.stories} | {rate:.1f} ({speedup:.2f}×) | {same} |"
        )


def _load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
