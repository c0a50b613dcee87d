"""Quality floors on the reference case, scored by the shared scorer (STYLE.md, 10).

Each floor sits next to the figure last measured; lowering one is a deliberate commit.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from scoring import figure

pytestmark = pytest.mark.seeds

# name in the scorer's output: (floor, last measured)
FLOORS = {
    "boilerplate.all.body_kept": (0.98, 1.0),
    "boilerplate.all.junk_removed": (0.95, 1.0),
    "metadata.kind": (1.0, 1.0),
    "metadata.title": (0.75, 1.0),
    "metadata.published": (0.8, 1.0),
    "metadata.outlet": (0.8, 1.0),
    "claims.report_recall": (0.9, 0.979),
    "claims.verdict_accuracy": (0.8, 0.9),
    "claims.mean_purity": (0.85, 1.0),
    "timeline.event_recall": (0.8, 1.0),
    "summary.facts_covered": (0.8, 1.0),
    "summary.sentences_supported": (1.0, 1.0),
}
# Figures that must stay at or under a ceiling: (ceiling, last measured).
CEILINGS = {
    "claims.mean_claims_per_measure": (1.3, 1.11),
    "claims.false_conflicts(count)": (0, 0),
    "provenance.invalid_spans(count)": (0, 0),
    "timeline.outside_window(count)": (0, 0),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(scores: dict[str, Any], name: str) -> None:
    floor, _measured = FLOORS[name]
    assert figure(scores, name) >= floor


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_ceiling(scores: dict[str, Any], name: str) -> None:
    ceiling, _measured = CEILINGS[name]
    assert figure(scores, name) <= ceiling


def test_every_seed_is_read(scores: dict[str, Any]) -> None:
    assert "missing" not in json.dumps(scores["boilerplate"])
