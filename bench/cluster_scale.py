"""Streams synthetic documents through the incremental story clusterer: time and memory.

    python bench/cluster_scale.py [--sizes 10000 100000 1000000] [--per-day 3000]

The stream models many small stories: topics (a vector centre and two shared names) hold a
few sibling stories (their own centre near the topic's, and four names of their own); each
story lasts a few days and emits 1 to 30 documents, a vector near its centre and a handful of
its names, its topic's names and chance names from a large vocabulary. Documents arrive in time
order at ``--per-day`` a day. Vectors are given (no encoder): this measures the clusterer, the
neighbour index and the regrouping. Each size runs in a fresh process so its peak memory is
its own; B-cubed F1 against the generating stories is printed as a sanity check.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from newsweave.cluster.features import DocFeatures
from newsweave.cluster.stories import StoryClusterer, StoryOptions

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
                centres[story] = _unit(mix)
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
    return DocFeatures(names=doc_names, key_scores=key, vector=vector, day=day)


# The stream is generated in chunks and each chunk handed to ``add_many`` (timed); a service
# hands over whatever arrived since its last poll the same way.
CHUNK = 20_000


def run_one(n: int, model: Model, window_days: int, method: str) -> dict[str, float]:
    """Cluster ``n`` streamed documents in this process; times exclude generating them.

    ``one``: ``add_features`` per document, one thread (CPU time). ``many``: ``add_many``
    per chunk, the index searched a block ahead on the second core (wall-clock time).
    """
    clusterer = StoryClusterer(StoryOptions(window_days=window_days))
    gold: list[int] = []
    seconds = cpu = 0.0
    docs = stream(n, model)
    while len(gold) < n:
        chunk = list(itertools.islice(docs, CHUNK if method == "many" else 1))
        gold.extend(story for _, story in chunk)
        started, started_cpu = time.perf_counter(), time.process_time()
        if method == "many":
            clusterer.add_many(doc for doc, _ in chunk)
        else:
            clusterer.add_features(chunk[0][0])
        seconds += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
    predicted = [clusterer.story_of(i) for i in range(n)]
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "docs": n,
        "wall_s": seconds,
        "cpu_s": cpu,
        "us_per_doc": seconds / n * 1e6,
        "peak_mib": peak_kib / 1024,
        "stories": len(set(predicted)),
        "bcubed_f1": _bcubed_f1(gold, predicted),
    }


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
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    model = Model(per_day=args.per_day)
    if args.one:
        print(json.dumps(run_one(args.one, model, args.window_days, args.method)))
        return 0
    print(f"method: {args.method}")
    print("| documents | wall s | CPU s | µs/doc (wall) | peak MiB | stories | B-cubed F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n), "--per-day", str(args.per_day)]
        command += ["--window-days", str(args.window_days), "--method", args.method]
        # One core for the clusterer: BLAS threads would only spin (and count as CPU time).
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"| {r['docs']:,} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['us_per_doc']:.0f} "
            f"| {r['peak_mib']:.0f} "
            f"| {r['stories']:,} | {r['bcubed_f1']:.3f} |",
            flush=True,
        )
    return 0


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def _bcubed_f1(gold: list[int], pred: list[str]) -> float:
    joint = Counter(zip(gold, pred, strict=True))
    g, p = Counter(gold), Counter(pred)
    n = len(gold)
    precision = sum(c * c / p[pc] for (_, pc), c in joint.items()) / n
    recall = sum(c * c / g[gc] for (gc, _), c in joint.items()) / n
    return 2 * precision * recall / (precision + recall)


if __name__ == "__main__":
    sys.exit(main())
