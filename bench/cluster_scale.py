"""Streams synthetic documents through the incremental story clusterer: time and memory.

    python bench/cluster_scale.py [--sizes 10000 100000 1000000] [--per-day 3000]
    python bench/cluster_scale.py --sizes 1000000 5000000 --per-day 83334 --archive spill


The stream models many small stories: topics (a vector centre and two shared names) hold a
few sibling stories (their own centre near the topic's, and four names of their own); each
story lasts a few days and emits 1 to 30 documents, a vector near its centre and a handful of
its names, its topic's names and chance names from a large vocabulary. Documents arrive in time
order at ``--per-day`` a day. Vectors are given (no encoder): this measures the clusterer, the
neighbour index and the regrouping. Each size runs in a fresh process so its peak memory is
its own; B-cubed F1 against the generating stories is printed as a sanity check.

``--archive spill`` freezes stories a window old into a SQLite scratch file
(``store/spill.py``) instead of memory: the long-stream mode (5 million articles over 60
simulated days at ``--per-day 83334``). Resident memory is sampled at the end of each
simulated day, so a table can show that it stays flat after the first window; the generator's
labels go to a scratch file too, so nothing but the clusterer grows with the stream.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from newsweave.cluster.archive import Archive
from newsweave.cluster.features import DocFeatures
from newsweave.cluster.stories import StoryClusterer
from newsweave.options import StoryOptions
from newsweave.store.spill import SpillArchive

DIM = 384
START = date(2024, 1, 1)


@dataclass(frozen=True, slots=True)
class Model:
    """Knobs of the synthetic stream (cosines are what a doc shares with its centre)."""

    per_day: int = 3000
    stories_per_topic: int = 3
    mean_story_docs: float = 8.0
    max_story_docs: int = 30
    story_days: int = 3
    seed: int = 7


def stream(n: int, model: Model) -> Iterator[tuple[DocFeatures, int]]:
    """``n`` documents in time order, each with the id of the story that generated it."""
    rng = np.random.default_rng(model.seed)
    centres: dict[int, np.ndarray] = {}
    names: dict[int, list[str]] = {}
    pending: list[tuple[float, int]] = []  # (time in days, story) of documents to come
    topics_per_day = max(
        1, round(model.per_day / (model.mean_story_docs * model.stories_per_topic))
    )
    made = 0
    story = 0
    day_number = 0
    while made < n:
        for _ in range(topics_per_day):
            topic_centre = _unit(rng.standard_normal(DIM))
            topic_names = [f"t{story}a", f"t{story}b"]
            for _ in range(model.stories_per_topic):
                # Siblings: about 0.75 cosine with the topic centre, so siblings' documents
                # are as close as ECB+'s two earthquakes; their names tell them apart.
                mix = 0.75 * topic_centre + 0.66 * _unit(rng.standard_normal(DIM))
                centres[story] = _unit(mix).astype(np.float32)  # a few days of stories held
                names[story] = [f"s{story}{c}" for c in "abcd"] + topic_names
                size = int(min(model.max_story_docs, rng.geometric(1 / model.mean_story_docs)))
                start = day_number + rng.uniform(0.0, 1.0)
                pending.extend(
                    (float(when), story)
                    for when in start + rng.uniform(0.0, model.story_days, size)
                )
                story += 1
        pending.sort()
        day_number += 1
        due = [item for item in pending if item[0] < day_number]
        pending = pending[len(due) :]
        for when, sid in due:
            if made >= n:
                return
            made += 1
            yield _document(rng, centres[sid], names[sid], when), sid
        # Forget finished stories: the generator must not be what grows.
        live = {sid for _, sid in pending}
        for sid in [s for s in centres if s not in live]:
            del centres[sid]
            del names[sid]


def _document(
    rng: np.random.Generator, centre: np.ndarray, story_names: list[str], when: float
) -> DocFeatures:
    """A vector about 0.85 cosine from its story's centre, and a handful of names."""
    vector = _unit(centre + 0.6 * _unit(rng.standard_normal(DIM))).astype(np.float32)
    own = [nm for nm in story_names[:4] if rng.random() < 0.8]
    shared = [nm for nm in story_names[4:] if rng.random() < 0.5]
    noise = [f"w{int(rng.zipf(1.3)) % 200_000}" for _ in range(2)]
    doc_names = dict.fromkeys(own + shared + noise, 1.0)
    # The story's first name is what its documents are about, when they name it.
    key = {story_names[0]: 3.0} if story_names[0] in doc_names else {}
    day = START + timedelta(days=int(when))
    return DocFeatures(
        terms=_NONE, lead_terms=_NONE, names=doc_names, key_scores=key, vector=vector, day=day
    )


# The stream has no words: one empty mapping for all (never written to).
_NONE: dict[str, float] = {}


# The stream is generated in chunks and each chunk handed to ``add_many`` (timed); a service
# hands over whatever arrived since its last poll the same way.
CHUNK = 20_000


def run_one(
    n: int, model: Model, window_days: int, method: str, archive: str = "memory"
) -> dict[str, object]:
    """Cluster ``n`` streamed documents in this process; times exclude generating them.

    ``one``: ``add_features`` per document, one thread (CPU time). ``many``: ``add_many``
    per chunk, the index searched a block ahead on the second core (wall-clock time).
    """
    with tempfile.TemporaryDirectory(prefix="nw-scale-") as scratch:
        spill = SpillArchive(Path(scratch) / "frozen.db") if archive == "spill" else None
        try:
            return _run(n, model, window_days, method, spill, Path(scratch) / "gold.i32")
        finally:
            if spill is not None:
                spill.close()


def _run(
    n: int, model: Model, window_days: int, method: str, spill: Archive | None, gold_file: Path
) -> dict[str, object]:
    # One-day generations of the neighbour index: it then holds a window and a day of
    # vectors, not up to two windows.
    clusterer = StoryClusterer(StoryOptions(window_days=window_days, index_days=1), archive=spill)
    seconds = cpu = 0.0
    docs = stream(n, model)
    done = 0
    rss_by_day: list[int] = []
    # Clusterer time per simulated day (µs a document), to see whether later days cost more.
    us_by_day: list[int] = []
    day_seconds, day_docs = 0.0, 0
    day = START
    with gold_file.open("wb") as gold_out:
        while done < n:
            chunk = list(itertools.islice(docs, CHUNK if method == "many" else 1))
            array("i", (story for _, story in chunk)).tofile(gold_out)
            done += len(chunk)
            started, started_cpu = time.perf_counter(), time.process_time()
            if method == "many":
                clusterer.add_many(doc for doc, _ in chunk)
            else:
                clusterer.add_features(chunk[0][0])
            took = time.perf_counter() - started
            seconds += took
            cpu += time.process_time() - started_cpu
            day_seconds += took
            day_docs += len(chunk)
            last = chunk[-1][0].day
            if last is not None and last > day:  # a simulated day ended in this chunk
                rss_by_day.extend([_rss_mib()] * (last - day).days)
                us_by_day.append(round(day_seconds / day_docs * 1e6))
                day_seconds, day_docs = 0.0, 0
                day = last
    stream_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_by_day.append(_rss_mib())
    live = clusterer.live()
    gold = np.fromfile(gold_file, dtype=np.int32)
    predicted = np.full(n, -1, dtype=np.int64)
    frozen = spill.assignments() if spill is not None else iter(())
    for index, story_id in frozen:
        predicted[index] = int(story_id[1:])
    for index in np.flatnonzero(predicted < 0).tolist():
        predicted[index] = int(clusterer.story_of(index)[1:])
    return {
        "docs": n,
        "days": (day - START).days + 1,
        "wall_s": seconds,
        "cpu_s": cpu,
        "us_per_doc": seconds / n * 1e6,
        "peak_mib": stream_peak,
        "rss_by_day": rss_by_day,
        "us_by_day": us_by_day,
        "live": live,
        "stories": len(np.unique(predicted)),
        "bcubed_f1": _bcubed_f1(gold, predicted),
    }


def _rss_mib() -> int:
    """Resident memory now, in MiB (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // (1 << 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--per-day", type=int, default=Model().per_day)
    # The model's stories last three days: a longer window only makes the index bigger.
    parser.add_argument("--window-days", type=int, default=3)
    parser.add_argument(
        "--method",
        choices=["many", "one"],
        default="many",
        help="add_many per chunk (index searched ahead on a second thread) or add_features "
        "per document",
    )
    parser.add_argument(
        "--archive",
        choices=["memory", "spill"],
        default="memory",
        help="where frozen stories go: kept in memory, or spilled to a SQLite scratch file",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    model = Model(per_day=args.per_day)
    if args.one:
        result = run_one(args.one, model, args.window_days, args.method, args.archive)
        print(json.dumps(result))
        return 0
    print(f"method: {args.method}, archive: {args.archive}, {args.per_day:,} documents a day")
    print(
        "| documents | days | wall s | CPU s | µs/doc (wall) | peak MiB | RSS after "
        "2 windows | RSS at end | live at end | stories | B-cubed F1 |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n), "--per-day", str(args.per_day)]
        command += ["--window-days", str(args.window_days), "--method", args.method]
        command += ["--archive", args.archive]
        # One core for the clusterer: BLAS threads would only spin (and count as CPU time).
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
        r = json.loads(out.strip().splitlines()[-1])
        by_day = r["rss_by_day"]
        settled = by_day[min(2 * args.window_days, len(by_day) - 1)]
        print(
            f"| {r['docs']:,} | {r['days']} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} "
            f"| {r['us_per_doc']:.0f} | {r['peak_mib']:.0f} | {settled:,} | {by_day[-1]:,} "
            f"| {r['live']:,} | {r['stories']:,} | {r['bcubed_f1']:.3f} |",
            flush=True,
        )
        print("RSS MiB by day:", " ".join(str(x) for x in by_day), file=sys.stderr, flush=True)
        print("µs/doc by day:", " ".join(map(str, r["us_by_day"])), file=sys.stderr, flush=True)
    return 0


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def _bcubed_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """B-cubed F1 of integer labels (numpy: five million labels take no Python objects)."""
    gold = gold.astype(np.int64)
    pred = pred.astype(np.int64)
    n = len(gold)
    pairs = gold * (int(pred.max()) + 1) + pred
    _, pair_at, joint = np.unique(pairs, return_inverse=True, return_counts=True)
    _, gold_at, gold_size = np.unique(gold, return_inverse=True, return_counts=True)
    _, pred_at, pred_size = np.unique(pred, return_inverse=True, return_counts=True)
    # per item: the share of its predicted (gold) cluster that shares its gold (predicted) one
    precision = float(np.sum(joint[pair_at] / pred_size[pred_at])) / n
    recall = float(np.sum(joint[pair_at] / gold_size[gold_at])) / n
    return 2 * precision * recall / (precision + recall)


if __name__ == "__main__":
    sys.exit(main())
