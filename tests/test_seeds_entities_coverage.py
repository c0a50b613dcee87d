"""Quality floors for entities and coverage on the reference case, scored by the shared scorer
(STYLE.md, 10). Each floor sits next to the figure last measured; lowering one is a deliberate
commit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsweave import weave
from newsweave.render.json import brief_dict
from paths import GOLD, SHARED

pytestmark = pytest.mark.seeds

# name in the scorer's output: (floor, last measured)
FLOORS = {
    "entities.merged": (0.85, 1.0),
    "coverage.unique_recall": (0.7, 0.9),
}
# Figures that must stay at or under a ceiling: (ceiling, last measured).
CEILINGS = {
    "coverage.widely_reported_listed_as_unique(count)": (0, 0),
    "provenance.invalid_spans(count)": (0, 0),
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    seeds = SHARED / "seeds"
    if not seeds.is_dir() or not GOLD.is_file():
        pytest.skip("the reference case (../shared/seeds and gold) is not here")
    out: Path = tmp_path_factory.mktemp("seeds") / "brief.json"
    out.write_text(json.dumps(brief_dict(weave([seeds]))), encoding="utf-8")
    scorer = SHARED / "tools" / "score_brief.py"
    run = subprocess.run(
        [sys.executable, str(scorer), str(out), str(GOLD), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def _get(scores: dict[str, Any], name: str) -> float:
    value: Any = scores
    for part in name.split("."):
        value = value[part]
    return float(value)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(scores: dict[str, Any], name: str) -> None:
    floor, _measured = FLOORS[name]
    assert _get(scores, name) >= floor


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_ceiling(scores: dict[str, Any], name: str) -> None:
    ceiling, _measured = CEILINGS[name]
    assert _get(scores, name) <= ceiling
