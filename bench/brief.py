"""Cold-process cost of `newsweave brief` on the reference case, all sections, and where it goes.

Usage: .venv/bin/python bench/brief.py [--runs N] [--shared PATH]

The first table runs the installed command in a fresh process each time (imports and model
load included, as a user pays them) and reads its CPU time from the OS. The second table
times each step of the library's run in this process, once, after a warm-up that loads the
model: the steps ``newsweave.weave`` takes (``pipeline.py``), each one library call, and the
brief they make must be the command's, byte for byte, or the bench says so and fails.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cold_runs(paths: list[str], runs: int) -> tuple[list[tuple[float, float]], str]:
    """(CPU seconds, wall seconds) of each fresh `newsweave brief --format json` process, and
    the JSON the last one printed."""
    exe = Path(sys.executable).parent / "newsweave"
    out = []
    printed = ""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        done = subprocess.run(
            [str(exe), "brief", "--format", "json", *paths],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.append((cpu, wall))
        printed = done.stdout
    return out, printed


def stages(paths: list[str]) -> tuple[list[tuple[str, float]], str]:
    """CPU seconds of each step of the library's run, in process, model already loaded, and
    the brief's JSON as the command prints it."""
    from newsweave.analyze.nlp import pipeline
    from newsweave.brief import write_brief
    from newsweave.crosscheck import cross_check
    from newsweave.pipeline import analyse, left_out_of, read_articles, split_stories, story_of

    t0 = time.process_time()
    pipeline()
    spent = [("model load", time.process_time() - t0)]

    def step(name: str, fn, *args):  # type: ignore[no-untyped-def]
        t = time.process_time()
        result = fn(*args)
        spent.append((name, time.process_time() - t))
        return result

    articles, problems = step("ingest + extract", read_articles, paths)
    stories = step("story split", split_stories, articles)
    left_out = left_out_of(articles, stories, 0, problems)
    members = [articles[i] for i in stories[0]]
    story = step("story (order, dates, ids, copies)", story_of, members, problems, left_out)
    story = step("analyze (sentences, entities, figures, quotes)", analyse, story)
    check = step("crosscheck (claims, quote groups, entities, coverage)", cross_check, story)
    brief = step("brief (timeline, summary)", write_brief, story, check)
    printed = step("render JSON", brief.to_json)
    return spent, printed + "\n"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    paths = [str(args.shared / "seeds")]
    runs, printed = cold_runs(paths, args.runs)
    cpus = sorted(c for c, _ in runs)
    walls = sorted(w for _, w in runs)
    print("| command | runs | CPU s (median) | CPU s (min–max) | wall s (median) |")
    print("|---|---|---|---|---|")
    print(
        f"| `newsweave brief --format json ../shared/seeds` (cold) | {len(runs)} | "
        f"**{cpus[len(cpus) // 2]:.2f}** | {cpus[0]:.2f}–{cpus[-1]:.2f} | "
        f"{walls[len(walls) // 2]:.2f} |"
    )
    print()
    spent, made = stages(paths)
    print("| step (in process) | CPU s |")
    print("|---|---|")
    for name, sec in spent:
        print(f"| {name} | {sec:.3f} |")
    if made != printed:
        print("\nthe steps timed here made a brief other than the command's: pipeline.py changed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
