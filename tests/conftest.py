"""Shared fixtures: where the reference case lives, and skips when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "strikes-2024-02-02.json"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip("the reference case (../shared/seeds and gold) is not here")
    return SEEDS
