"""Shared fixtures: the reference case, skipped cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paths import GOLD, SEEDS
from scoring import score_seeds


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip("the reference case (../shared/seeds and gold) is not here")
    return SEEDS


@pytest.fixture(scope="session")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The reference case briefed and scored once for every floor test."""
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip("the reference case (../shared/seeds and gold) is not here")
    return score_seeds(tmp_path_factory.mktemp("seeds"))
