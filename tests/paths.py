"""Where the tests find the reference case and the bundled example."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "strikes-2024-02-02.json"
EXAMPLES = ROOT / "examples"
