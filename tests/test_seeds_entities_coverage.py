"""Quality floors for entities and coverage on the reference case, scored by the shared scorer
(STYLE.md, 10). Each floor sits next to the figure last measured; lowering one is a deliberate
commit."""

from __future__ import annotations

from typing import Any

import pytest

from scoring import figure

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


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(scores: dict[str, Any], name: str) -> None:
    floor, _measured = FLOORS[name]
    assert figure(scores, name) >= floor


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_ceiling(scores: dict[str, Any], name: str) -> None:
    ceiling, _measured = CEILINGS[name]
    assert figure(scores, name) <= ceiling
