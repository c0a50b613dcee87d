"""A brief does not change with Python's hash seed: a fact-checker gets the same brief every run.

Sets of strings iterate in an order that changes with ``PYTHONHASHSEED``; wherever that order
decided a result (a tie among a figure's years, a float summed in set order), two runs of one
story could write two briefs. The story below is invented: figures whose clause names two years
("between 2026 and 2031"), the tie that once named a claim's measure by the set's order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
EXE = Path(sys.executable).parent / "newsweave"

STORY = {
    "gullhaven-herald.txt": """Gullhaven Herald

Gullhaven council approves new sea wall budget

Gullhaven council on Monday approved a plan to rebuild the town's crumbling sea wall, the \
council's finance chief said.

The council will spend $48 million on the wall between 2026 and 2031, finance chief Dana Orrin \
told reporters.

Work on the northern breakwater will cost $12.5 million from 2027 to 2029, she said.

Residents have complained for years about flooding on Quay Street during winter storms.
""",
    "coast-courier.txt": """The Coast Courier

Sea wall plan wins council backing in Gullhaven

Councillors in Gullhaven voted on Monday to back a long-delayed plan to rebuild the sea wall.

The town expects to spend $48 million on the project between 2026 and 2031, according to \
finance chief Dana Orrin.

A separate repair of the harbour slipway is budgeted at 3.2 million euros for 2028 and 2030.

Flooding on Quay Street has forced shop owners to close several times each winter.
""",
}


def _brief(folder: Path, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    run = subprocess.run(
        [str(EXE), "brief", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return run.stdout


def test_two_hash_seeds_write_one_brief(tmp_path: Path) -> None:
    for name, text in STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # (seeds 0 and 1 order these years apart: before the fix their measures differed)
    first, second = _brief(tmp_path, 0), _brief(tmp_path, 1)
    assert first == second
    measures = [c["measure"] for c in json.loads(first)["claims"]]
    # A tie among a figure's years goes to the earliest, whatever the seed.
    assert "amount in USD in 2026" in measures
    assert "amount in EUR in 2028" in measures
