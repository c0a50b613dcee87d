"""The reference case scored once per test run by the shared scorer, for the floor tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from paths import GOLD, SHARED


def score_seeds(workdir: Path) -> dict[str, Any]:
    """The scorer's JSON for the brief of ../shared/seeds (caller checks the seeds are there)."""
    from newsweave import weave
    from newsweave.contract.encode import brief_dict

    out = workdir / "brief.json"
    out.write_text(json.dumps(brief_dict(weave([SHARED / "seeds"]))), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_brief.py"), str(out), str(GOLD), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def figure(scores: dict[str, Any], name: str) -> float:
    """One figure by its dotted name in the scorer's output ("claims.report_recall")."""
    value: Any = scores
    for part in name.split("."):
        value = value[part]
    return float(value)
