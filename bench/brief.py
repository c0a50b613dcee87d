"""Cold-process cost of `newsweave brief` on the reference case, all sections, and where it goes.

Usage: .venv/bin/python bench/brief.py [--runs N] [--shared PATH]

The first table runs the installed command in a fresh process each time (imports and model
load included, as a user pays them) and reads its CPU time from the OS. The second table
times each stage in this process, once, after a warm-up that loads the model.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cold_runs(paths: list[str], runs: int) -> list[tuple[float, float]]:
    """(CPU seconds, wall seconds) of each fresh `newsweave brief --format json` process."""
    exe = Path(sys.executable).parent / "newsweave"
    out = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(
            [str(exe), "brief", "--format", "json", *paths], check=True, stdout=subprocess.DEVNULL
        )
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.append((cpu, wall))
    return out


def stages(paths: list[str]) -> list[tuple[str, float]]:
    """CPU seconds of each stage, in process, model already loaded."""
    from newsweave.analyze import analyze_articles
    from newsweave.analyze.dates import infer_dates
    from newsweave.analyze.nlp import pipeline
    from newsweave.brief.story import article_ids, make_brief
    from newsweave.brief.summary import summarize
    from newsweave.brief.timeline import build_timeline
    from newsweave.contract.encode import dumps
    from newsweave.crosscheck.claims import align
    from newsweave.crosscheck.coverage import unique_facts
    from newsweave.crosscheck.entities import merge_entities
    from newsweave.crosscheck.quotes import group_quotes
    from newsweave.pipeline import read_articles

    t0 = time.process_time()
    pipeline()
    spent = [("model load", time.process_time() - t0)]

    def step(name: str, fn, *args):  # type: ignore[no-untyped-def]
        t = time.process_time()
        result = fn(*args)
        spent.append((name, time.process_time() - t))
        return result

    articles, problems = step("ingest + extract", read_articles, paths)
    articles = step("date inference", infer_dates, articles)
    annotated = step("analyze (sentences, entities, figures, quotes)", analyze_articles, articles)
    pairs = list(zip(article_ids(articles), annotated, strict=True))
    claims = step("claims", align, pairs)
    quotes = step("quote groups", group_quotes, pairs)
    entities = step("entities", merge_entities, pairs)
    coverage = step("coverage", unique_facts, pairs, claims, quotes)
    timeline = step("timeline", build_timeline, pairs)
    summary = step("summary", summarize, pairs, claims)
    brief = make_brief(
        articles,
        problems,
        claims=claims,
        quotes=quotes,
        entities=entities,
        coverage=coverage,
        timeline=timeline,
        summary=summary,
    )
    step("render JSON", dumps, brief)
    return spent


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    paths = [str(args.shared / "seeds")]
    runs = cold_runs(paths, args.runs)
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
    print("| stage (in process) | CPU s |")
    print("|---|---|")
    for name, sec in stages(paths):
        print(f"| {name} | {sec:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
