"""Briefs of ECB+ events as a held-out reading: what the cross-check and the quote rules say on
news nobody tuned them on.

Usage: .venv/bin/python bench/heldout_ecb.py [--shared PATH] [--skip N] [--reports N]
       [--jobs N] [--show conflict,differ] [--save DIR]

ECB+ (``shared/bench/clustering/ecbplus-dev.jsonl``) holds 66 events, each reported by several
outlets. Each event's ``--reports`` texts after its first ``--skip`` are
briefed with the installed command, as a
user would brief a folder, and the run prints one table (claims by verdict, quotations and
their speakers) and then, for reading, every claim whose verdict ``--show`` names with the
passage of each report. Nothing here is a score: ECB+ annotates events, not figures or
quotes. The table is what to compare before and after a change; the passages are what to
read, since a false conflict is what a fact-checker would publish. ``--skip`` reaches texts
not read before (a reading wears a set out: what was fixed on it no longer tests anything), and
``--save`` keeps each brief's JSON for reading the quotations and entities.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = 90  # characters shown on each side of a report


def events(path: Path, reports: int, skip: int = 0) -> dict[str, list[str]]:
    """Each event's ``reports`` texts after its first ``skip``, in the file's order."""
    found: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found[doc["event"]].append(doc["text"])
    return {e: texts[skip : skip + reports] for e, texts in found.items() if texts[skip:]}


def brief(texts: list[str]) -> dict:  # type: ignore[type-arg]
    """The JSON brief of one event's texts, saved as files the way a user would."""
    exe = Path(sys.executable).parent / "newsweave"
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"report{i + 1}.txt").write_text(text, encoding="utf-8")
        done = subprocess.run(
            [str(exe), "brief", "--format", "json", tmp],
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def tally(briefs: dict[str, dict]) -> Counter[str]:  # type: ignore[type-arg]
    counts: Counter[str] = Counter()
    for b in briefs.values():
        for claim in b["claims"]:
            counts[f"claims {claim['verdict']}"] += 1
        for group in b["quotes"]:
            for v in group["variants"]:
                counts["quotations"] += 1
                counts["quotations with a speaker"] += v["speaker"] is not None
        counts["entities"] += len(b["entities"])
    return counts


def passages(b: dict, claim: dict) -> list[str]:  # type: ignore[type-arg]
    texts = {a["id"]: a["text"] for a in b["articles"]}
    out = []
    for r in claim["reports"]:
        t = texts[r["article"]]
        around = t[max(0, r["start"] - CONTEXT) : r["end"] + CONTEXT].replace("\n", " ")
        out.append(f"    {r['article']} {r['text']!r}: …{around}…")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--skip", type=int, default=0, help="each event's texts passed over")
    parser.add_argument("--reports", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", default="conflict", help="verdicts to print, comma-separated")
    parser.add_argument("--save", help="a folder to keep each event's brief in, as JSON")
    args = parser.parse_args()
    path = Path(args.shared) / "bench/clustering/ecbplus-dev.jsonl"
    found = events(path, args.reports, args.skip)
    with ThreadPoolExecutor(args.jobs) as pool:
        briefs = dict(zip(found, pool.map(brief, found.values()), strict=True))
    if args.save:
        Path(args.save).mkdir(parents=True, exist_ok=True)
        for event, b in briefs.items():
            (Path(args.save) / f"{event}.json").write_text(json.dumps(b), encoding="utf-8")
    counts = tally(briefs)
    print(f"{len(briefs)} events, {sum(map(len, found.values()))} reports\n")
    print("| figure | count |\n|---|---:|")
    for key in sorted(counts):
        print(f"| {key} | {counts[key]:,} |")
    shown = set(args.show.split(","))
    for event, b in sorted(briefs.items()):
        for claim in b["claims"]:
            if claim["verdict"] in shown:
                print(f"\n{event} {claim['verdict']}: {claim['measure']}")
                print("\n".join(passages(b, claim)))


if __name__ == "__main__":
    main()
