"""Serving benchmark: 1,000 stored stories; requests/s and p50/p99 of the story list and pages.

The server (uvicorn, one process) and the load generator (asyncio, keep-alive connections,
closed loop) share this machine's cores on 127.0.0.1. The stories are copies of one real brief
(the reference case, or the bundled example when ../shared is absent) under 1,000 ids and
titles, so every page renders a full-size brief.

    .venv/bin/python bench/serve.py [--seconds 10] [--connections 8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsweave.service.ingest import ingest  # noqa: E402
from newsweave.store import open_store  # noqa: E402
from newsweave.store.queries import brief_json, list_stories  # noqa: E402
from newsweave.store.schema import stories  # noqa: E402

STORIES = 1000
SERVER = """
import sys, uvicorn
from newsweave.store import open_store
from newsweave.web.app import create_app
app = create_app(open_store(sys.argv[1]), story_cache=int(sys.argv[3]))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


def build_db(path: Path) -> list[str]:
    """Ingest one real story, then store 1,000 stories carrying its brief."""
    seeds = ROOT.parent / "shared" / "seeds"
    source = seeds if seeds.is_dir() else ROOT / "examples" / "harbour-fire"
    store = open_store(f"sqlite:///{path}")
    ingest(store, [source])
    (row,) = list_stories(store)
    brief = json.loads(brief_json(store, row.id) or "{}")
    now = datetime.now(UTC)
    ids = []
    with store.begin() as conn:
        for i in range(STORIES):
            sid = f"bench{i:04d}"
            brief["story"]["title"] = f"{row.title} ({i})"
            conn.execute(
                insert(stories).values(
                    id=sid,
                    title=brief["story"]["title"],
                    articles=row.articles,
                    outlets=json.dumps(list(row.outlets)),
                    conflicts=row.conflicts,
                    first_published=row.first_published,
                    last_published=row.last_published,
                    brief=json.dumps(brief, ensure_ascii=False),
                    stale=False,
                    updated_at=now - timedelta(minutes=i),
                )
            )
            ids.append(sid)
    store.close()
    return ids


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return status


async def load(port: int, paths: list[str], seconds: float, connections: int) -> list[float]:
    """Closed-loop load: each connection sends its next request when the last one is back."""
    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    async def worker(seed: int) -> None:
        rnd = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.perf_counter() < stop:
            t = time.perf_counter()
            status = await _get(reader, writer, rnd.choice(paths))
            assert status == 200, status
            latencies.append(time.perf_counter() - t)
        writer.close()

    await asyncio.gather(*(worker(i) for i in range(connections)))
    return latencies


async def load_once(port: int, paths: list[str]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for path in dict.fromkeys(paths):
        await _get(reader, writer, path)
    writer.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(db: Path, cache: int, paths: list[str], seconds: float, connections: int) -> str:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, f"sqlite:///{db}", str(port), str(cache)]
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        # warm-up: each page once, so the steady state (each story rendered once per change,
        # kept in the store) is what is measured; the cache-off row is the worst case
        asyncio.run(load_once(port, paths))
        t = time.perf_counter()
        lat = asyncio.run(load(port, paths, seconds, connections))
        wall = time.perf_counter() - t
    finally:
        server.terminate()
        server.wait()
    q = statistics.quantiles(lat, n=100)
    return f"| {len(lat)} | **{len(lat) / wall:.0f}** | {q[49] * 1000:.1f} | {q[98] * 1000:.1f} |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--connections", type=int, default=8)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        ids = build_db(db)
        story_pages = [f"/stories/{i}" for i in ids]
        print(f"{STORIES} stories, {args.connections} connections, {args.seconds:.0f} s each\n")
        print("| page | render cache | requests | req/s | p50 ms | p99 ms |")
        print("|---|---|---|---|---|---|")
        cases = [
            ("story list `/`", 1024, ["/"]),
            ("story list, 20 pages `/?page=N`", 1024, [f"/?page={n}" for n in range(1, 21)]),
            ("story page `/stories/{id}`, 1,000 ids", 1024, story_pages),
            ("story page, cache off (every request renders)", 0, story_pages),
            ("brief JSON `/api/stories/{id}/brief`", 0, [f"/api/stories/{i}/brief" for i in ids]),
        ]
        for name, cache, paths in cases:
            row = run(db, cache, paths, args.seconds, args.connections)
            print(f"| {name} | {'on' if cache else 'off'} {row}")


if __name__ == "__main__":
    main()
