"""Hostile input (issue 15): the full-size hostile corpus (tests/hostile.py) through the
commands a user runs, in fresh processes, with a time limit, measuring memory.

    python bench/hostile.py [--small] [--limit 60] [--keep DIR] [--skip-cases]

Tables:

1. each case alone: ``newsweave brief --all --format json CASE``: crashed (a traceback, or an
   exit status other than 0 or 1), hung (over ``--limit`` seconds, killed), the one-line
   errors and warnings naming the file, wall seconds and peak memory (RSS of the process and
   its children, sampled every 20 ms);
2. the whole corpus, good story included, through ``brief``, ``ingest`` (SQLite) and ``batch``
   (local engine, 2 workers): the same columns, whether the good story's brief is the same as
   with the good files alone (brief), whether every stored article is in a story (ingest);
3. the two speed cases: 5,000 short figure paragraphs (with the default ``--max-figures``
   and with the cap lifted, which times claim clustering itself), and a search of 2,000
   repetitions of one word in the store the ingest run filled;
4. ``watch`` killed with SIGKILL in the middle of a cycle over a local feed, then run once
   more: articles stored, and how many of them are in no story.

Memory counts every process of the run (the batch workers too), so a batch's peak is the
sum of its processes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import Case, write_corpus  # noqa: E402 - tests/ is put on the path just above

EXE = str(Path(sys.executable).parent / "newsweave")
MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Run:
    """What one command did."""

    seconds: float
    peak_mb: float
    crashed: bool
    hung: bool
    lines: list[str]  # the "newsweave: error/warning" lines on standard error
    stdout: str


def run(args: list[str], limit: float, env: dict[str, str] | None = None) -> Run:
    """Run a command, killing it (and its children) after ``limit`` seconds."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env, start_new_session=True)
        peak = _PeakSampler(proc.pid)
        peak.start()
        try:
            code = proc.wait(timeout=limit)
            hung = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            code = proc.wait()
            hung = True
        peak.stop()
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    crashed = "Traceback" in stderr or (not hung and code not in (0, 1))
    lines = [x for x in stderr.splitlines() if x.startswith("newsweave: ")]
    return Run(seconds, peak.mb, crashed, hung, lines, stdout)


class _PeakSampler(threading.Thread):
    """The largest sum of RSS over a process and its descendants, sampled every 20 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop_event.wait(0.02):
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        continue
            except psutil.Error:
                return
            self.peak = max(self.peak, total)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    @property
    def mb(self) -> float:
        return self.peak / MB


def good_story(stdout: str, good: Path) -> dict[str, object] | None:
    """The brief (from ``brief --all --format json``) whose articles are the good files,
    without what depends on the other inputs."""
    try:
        briefs = json.loads(stdout)["briefs"]  # {"schema": "newsweave/briefs@1", "briefs": [...]}
    except (json.JSONDecodeError, KeyError, TypeError):
        return None
    for b in briefs:
        if str(good) in b["articles"][0]["origin"]:
            b.pop("problems", None)
            b.pop("left_out", None)
            return b  # type: ignore[no-any-return]
    return None


def header(*lines: str) -> list[str]:
    for line in lines:
        print(line, flush=True)
    return list(lines)


def row(name: str, r: Run, naming: int, extra: str = "") -> str:
    return (
        f"| {name} | {'yes' if r.crashed else 'no'} | {'yes' if r.hung else 'no'} | {naming} "
        f"| {r.seconds:.1f} | {r.peak_mb:.0f} |{extra}"
    )


def cases_table(cases: list[Case], limit: float) -> list[str]:
    out = header(
        "| case (what it tries) | crashed | hung | lines naming it | s | peak MB |",
        "|---|---|---|---|---|---|",
    )
    for case in cases:
        r = run([EXE, "brief", "-q", "--all", "-f", "json", str(case.path)], limit)
        shown = os.fsencode(case.path).decode("utf-8", "backslashreplace")
        naming = sum(1 for x in r.lines if shown.split("/")[-1][:8] in x)
        out.append(row(f"{case.name} ({case.tries})", r, naming))
        print(out[-1], flush=True)
    return out


def corpus_table(folder: Path, limit: float, work: Path) -> list[str]:
    good = folder / "good"
    out = header(
        "| whole corpus | crashed | hung | lines | s | peak MB | check |",
        "|---|---|---|---|---|---|---|",
    )
    alone = run([EXE, "brief", "-q", "--all", "-f", "json", str(good)], limit)
    mixed = run([EXE, "brief", "-q", "--all", "-f", "json", str(folder)], limit * 5)
    same = good_story(mixed.stdout, good) == good_story(alone.stdout, good) is not None
    out.append(
        row(
            "brief",
            mixed,
            len(mixed.lines),
            f" good story's brief {'same' if same else 'DIFFERS'} as alone |",
        )
    )
    print(out[-1], flush=True)
    db = work / "hostile.db"
    ing = run([EXE, "ingest", "--db", f"sqlite:///{db}", str(folder)], limit * 5)
    with sqlite3.connect(db) as conn:
        stored, unplaced = conn.execute(
            "SELECT count(*), sum(story_id IS NULL) FROM articles"
        ).fetchone()
    out.append(
        row("ingest", ing, len(ing.lines), f" {stored} articles, {unplaced or 0} without a story |")
    )
    print(out[-1], flush=True)
    bat = run(
        [EXE, "batch", str(folder), "--out", str(work / "batch"), "--workers", "2"], limit * 5
    )
    summary = next((x for x in bat.stdout.splitlines() if x.startswith("newsweave batch:")), "")
    out.append(
        row("batch (local, 2 workers)", bat, len(bat.lines), f" {summary.split(': ', 1)[-1]} |")
    )
    print(out[-1], flush=True)
    return out


def speed_table(cases: list[Case], limit: float, work: Path) -> list[str]:
    figures = next(c for c in cases if c.name == "5000-figures.txt")
    out = header("| speed case | s | peak MB | note |", "|---|---|---|---|")
    for flags, note in (
        ([], "default --max-figures 1000"),
        (["--max-figures", "20000"], "cap lifted: all 10,000 figures"),
    ):
        r = run([EXE, "brief", "-q", "-f", "json", *flags, str(figures.path)], limit * 10)
        claims = len(json.loads(r.stdout)["claims"]) if r.stdout.strip() else 0
        state = "hung" if r.hung else "crashed" if r.crashed else f"{claims} claims"
        out.append(
            f"| 5,000 figure paragraphs | {r.seconds:.1f} | {r.peak_mb:.0f} | {note}; {state} |"
        )
        print(out[-1], flush=True)
    db = work / "hostile.db"
    code = (
        "import sys, time\n"
        "from newsweave.store import open_store\n"
        "from newsweave.store.search import search\n"
        "s = open_store(sys.argv[1]); search(s, 'warm')\n"
        "t = time.perf_counter(); hits = search(s, 'museum ' * 2000)\n"
        "print(f'{time.perf_counter() - t:.3f} {len(hits)}')\n"
    )
    r = run([sys.executable, "-c", code, f"sqlite:///{db}"], limit)
    seconds, hits = [*r.stdout.split(), "?", "?"][:2]
    out.append(
        f"| search of 2,000 repeated words | {seconds} | {r.peak_mb:.0f} "
        f"| {hits} hits (query time alone) |"
    )
    print(out[-1], flush=True)
    return out


def watch_table(work: Path, limit: float) -> list[str]:
    """``watch`` killed mid-cycle (SIGKILL as soon as some articles are stored), then once more."""
    from hostile import article, html
    from localsite import serve

    db = work / "watch.db"
    out = header("| watch, kill -9 mid-cycle | articles stored | in no story |", "|---|---|---|")
    with serve() as site:
        links = []
        for n in range(30):
            title, body = article(n)
            links.append(site.page(f"/news/{n}.html", html(f"{title} ({n})", body)))
        items = "".join(
            f"<item><title>Item {n}</title><link>{u}</link></item>" for n, u in enumerate(links)
        )
        feed = site.page(
            "/rss.xml",
            f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>',
            type="application/rss+xml",
        )
        args = [EXE, "watch", feed, "--db", f"sqlite:///{db}", "--allow-private", "--every", "1h"]
        proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline and _count(db, "articles") < 10:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        out.append(f"| after the kill | {_count(db, 'articles')} | {_count(db, 'orphans')} |")
        run([*args, "--once"], limit)
        out.append(f"| after one more cycle | {_count(db, 'articles')} | {_count(db, 'orphans')} |")
    for line in out[2:]:
        print(line, flush=True)
    return out


def _count(db: Path, what: str) -> int:
    if not db.exists():
        return 0
    query = {
        "articles": "SELECT count(*) FROM articles",
        "orphans": "SELECT count(*) FROM articles WHERE story_id IS NULL",
    }[what]
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute(query).fetchone()[0])
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="the corpus 100 times smaller")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is hung")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--skip-cases", action="store_true", help="skip the per-case table")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hostile-"))
    folder = args.keep or work / "corpus"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cases = write_corpus(folder, full=not args.small)
    size = sum(c.path.stat().st_size for c in cases) / MB
    print(f"{len(cases)} hostile cases, {size:.1f} MB, and the 6 good files, in {folder}\n")
    try:
        if not args.skip_cases:
            cases_table(cases, args.limit)
            print()
        corpus_table(folder, args.limit, work)
        print()
        speed_table(cases, args.limit, work)
        print()
        watch_table(work, args.limit)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
