"""Story clustering on ECB+ dev: all 772 documents streamed together, no topic given.

    python bench/cluster_ecb.py [--orders 3] [--cv]

Reads ``../shared/bench/clustering/ecbplus-dev.jsonl`` as JSON Lines (origins ``PATH#ID``),
encodes each headline and lead once, streams the articles through ``StoryClusterer``, writes
``bench/out/ecb_stories.json`` ({doc id: story id}) and scores it with
``../shared/tools/score_clusters.py``. Prints B-cubed and pairwise F1, and documents per
CPU-second for encoding and for clustering separately. ``--orders N`` also streams N shuffled
arrival orders; ``--cv`` runs 5-fold cross-validation by topic of the thresholds.

Two rows hold only a headline ("Robbers in drag steal e80 million ..."); extraction refuses
them as "no article text", so here they are clustered from their raw text rather than left
out (a missing document would count as a cluster of its own).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from newsweave.cluster.embed import encoder
from newsweave.cluster.features import article_features, lead_text
from newsweave.cluster.stories import StoryClusterer
from newsweave.errors import InputError
from newsweave.extract import extract_article
from newsweave.ingest.files import iter_documents
from newsweave.model import Article, Problem, Span
from newsweave.options import DEFAULT, StoryOptions

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "bench" / "clustering" / "ecbplus-dev.jsonl"
SCORER = SHARED / "tools" / "score_clusters.py"
OUT = ROOT / "bench" / "out" / "ecb_stories.json"


def read_ecb(path: Path = DATA) -> list[Article]:
    """Every row as an article; a row extraction refuses is kept with its raw text."""
    articles: list[Article] = []
    for doc in iter_documents([path]):
        if isinstance(doc, Problem):
            raise SystemExit(f"cannot read {doc}")
        try:
            articles.append(extract_article(doc))
        except InputError:
            text = doc.text.strip()
            articles.append(Article(doc.origin, text, (Span(0, len(text)),)))
    return articles


def doc_id(article: Article) -> str:
    return article.origin.rsplit("#", 1)[1]


def cluster(
    articles: Sequence[Article], vectors: np.ndarray, options: StoryOptions, order: list[int]
) -> tuple[dict[str, str], float]:
    """{doc id: story id} streaming ``articles`` in ``order``, and the CPU seconds it took."""
    clusterer = StoryClusterer(options, encode=_no_encoder)
    started = time.process_time()
    # as cluster_stories does: features in arrival order, the index searched a block ahead
    clusterer.add_many(article_features(articles[i], vectors[i]) for i in order)
    seconds = time.process_time() - started
    labels = {doc_id(articles[i]): clusterer.story_of(row) for row, i in enumerate(order)}
    return labels, seconds


def bcubed(gold: dict[str, str], labels: dict[str, str], ids: Sequence[str]) -> float:
    """B-cubed F1 over ``ids`` (the scorer's definition, for the cross-validation loop)."""
    pairs = [(gold[i], labels[i]) for i in ids]
    joint, g, p = Counter(pairs), Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    precision = sum(c * c / p[pc] for (_, pc), c in joint.items()) / len(pairs)
    recall = sum(c * c / g[gc] for (gc, _), c in joint.items()) / len(pairs)
    return 2 * precision * recall / (precision + recall)


def score(labels: dict[str, str]) -> dict[str, float]:
    """Run the shared scorer on a prediction file and parse its lines."""
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(labels, indent=0, sort_keys=True), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(OUT), str(DATA)],
        check=True,
        capture_output=True,
        text=True,
    )
    values: dict[str, float] = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition(" ")
        values[name] = float(value.strip())
    return values


def cross_validate(
    articles: Sequence[Article], vectors: np.ndarray, gold: dict[str, str], topic: dict[str, str]
) -> list[tuple[int, float, StoryOptions]]:
    """5 folds by topic: thresholds chosen on four folds' documents, scored on the fifth.

    Every run clusters all 772 documents together; only the scoring is split by fold.
    """
    grid = [
        replace(DEFAULT.stories, topic_threshold=t, event_threshold=e, local_weight=w)
        for t, e, w in itertools.product((0.5, 0.55, 0.6), (0.03, 0.05, 0.07), (0.6, 0.7, 0.8))
    ]
    order = list(range(len(articles)))
    runs = [cluster(articles, vectors, options, order)[0] for options in grid]
    topics = sorted(set(topic.values()), key=int)
    folds = [set(topics[k::5]) for k in range(5)]
    results = []
    for k, fold in enumerate(folds):
        train = [i for i in gold if topic[i] not in fold]
        test = [i for i in gold if topic[i] in fold]
        best = max(range(len(grid)), key=lambda r: (bcubed(gold, runs[r], train), -r))
        results.append((k, bcubed(gold, runs[best], test), grid[best]))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=0, help="shuffled arrival orders to add")
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation by topic")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"{DATA} is not here; nothing to measure")
        return 1
    articles = read_ecb()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    gold = {str(r["id"]): str(r["event"]) for r in rows}
    topic = {str(r["id"]): str(r["topic"]) for r in rows}

    started = time.process_time()
    texts = [lead_text(a, DEFAULT.stories.embed_paragraphs) for a in articles]
    vectors = encoder().encode(texts)
    encode_s = time.process_time() - started

    labels, cluster_s = cluster(articles, vectors, DEFAULT.stories, list(range(len(articles))))
    scores = score(labels)
    n = len(articles)
    print("| run | documents | B-cubed P | B-cubed R | B-cubed F1 | pairwise F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    print(
        f"| file order | {n} | {scores['bcubed_precision']:.4f} | {scores['bcubed_recall']:.4f} "
        f"| {scores['bcubed_f1']:.4f} | {scores['pairwise_f1']:.4f} |"
    )
    for seed in range(args.orders):
        order = list(range(n))
        random.Random(seed).shuffle(order)
        shuffled, _ = cluster(articles, vectors, DEFAULT.stories, order)
        s = score(shuffled)
        print(
            f"| shuffled (seed {seed}) | {n} | {s['bcubed_precision']:.4f} "
            f"| {s['bcubed_recall']:.4f} | {s['bcubed_f1']:.4f} | {s['pairwise_f1']:.4f} |"
        )
    if args.orders:
        score(labels)  # leave the file-order prediction in bench/out
    print()
    print("| stage | CPU s | documents per CPU-second |")
    print("|---|---:|---:|")
    print(f"| encoding (MiniLM int8, 128 tokens) | {encode_s:.1f} | {n / encode_s:.0f} |")
    print(f"| clustering (stream, both stages) | {cluster_s:.1f} | {n / cluster_s:.0f} |")
    if args.cv:
        print()
        print("| fold | held-out B-cubed F1 | topic | event | local |")
        print("|---:|---:|---:|---:|---:|")
        results = cross_validate(articles, vectors, gold, topic)
        for k, f1, options in results:
            print(
                f"| {k + 1} | {f1:.4f} | {options.topic_threshold} | {options.event_threshold} "
                f"| {options.local_weight} |"
            )
        mean = sum(f1 for _, f1, _ in results) / len(results)
        print(f"| mean | {mean:.4f} | | | |")
    return 0


def _no_encoder(texts: Sequence[str]) -> np.ndarray:
    raise AssertionError("vectors are given")


if __name__ == "__main__":
    sys.exit(main())
