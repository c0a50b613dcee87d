"""The ECB+ quality floor: all 772 dev documents streamed together, no topic given."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from paths import ROOT, SHARED

DATA = SHARED / "bench" / "clustering" / "ecbplus-dev.jsonl"

# Last measured by bench/cluster_ecb.py (file order, add_many): B-cubed F1 0.9126 (P 0.9214, R 0.9040);
# shuffled arrival orders 0.902-0.915. The defaults were tuned on this same set: held out
# (5-fold by topic) the figure is about 0.89, see bench/RESULTS.md.
# The floor sits a little under it; lowering it is a deliberate, explained commit.
BCUBED_FLOOR = 0.90


def bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cluster_ecb", ROOT / "bench" / "cluster_ecb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_ecb_plus_bcubed_floor() -> None:
    if not DATA.is_file():
        pytest.skip("the ECB+ benchmark (../shared/bench/clustering) is not here")
    bench = bench_module()
    articles = bench.read_ecb(DATA)
    assert len(articles) == 772
    from newsweave.cluster.embed import encoder
    from newsweave.cluster.features import lead_text
    from newsweave.options import DEFAULT

    vectors = encoder().encode([lead_text(a, DEFAULT.stories.embed_paragraphs) for a in articles])
    labels, _ = bench.cluster(articles, vectors, DEFAULT.stories, list(range(len(articles))))
    rows = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    import json

    gold = {str(r["id"]): str(r["event"]) for r in map(json.loads, rows)}
    assert set(labels) == set(gold)
    f1 = bench.bcubed(gold, labels, sorted(gold))
    assert f1 >= BCUBED_FLOOR, f"B-cubed F1 {f1:.4f} fell under the floor {BCUBED_FLOOR}"
