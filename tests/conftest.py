"""Shared fixtures: the reference case, skipped cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from paths import GOLD, SEEDS


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip("the reference case (../shared/seeds and gold) is not here")
    return SEEDS
