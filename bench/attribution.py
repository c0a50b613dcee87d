"""Attribution: who said what (direct, mixed and indirect speech), scored on annotated news.

Usage: .venv/bin/python bench/attribution.py [GOLD.jsonl] [PRED.jsonl] [--limit N] [--views]
       [--shared PATH]

GOLD.jsonl is any file in the format of ``../shared/bench/attribution/`` (one article a line,
``{"id", "text", "attributions": […]}``; default ``polnear-dev.jsonl``). Each ``text`` is
analysed as given (paragraphs at line breaks, offsets into that same text); the predictions go
to PRED.jsonl (default: a temporary file) in the format ``../shared/tools/score_attribution.py``
reads, and that script's table is printed. The content span of a prediction is the
attribution's content; its source, the mention as written near the cue; its ``source_text``,
the speaker as newsweave names it (a pronoun resolved to the person's fullest name).
``--views`` reads views beside speech (``newsweave brief --views``: "Roe backs the plan"), as
attribution corpora such as PolNeAR count them; the default reads speech only, as quote sets
count it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from newsweave.analyze import analyze_articles, nlp
from newsweave.analyze.limits import Limits
from newsweave.model import Article, Span

ROOT = Path(__file__).resolve().parents[1]


def paragraphs(text: str) -> tuple[Span, ...]:
    """Each non-blank line of the text, without its surrounding spaces."""
    out = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Span(start + lead, start + lead + len(stripped)))
        start += len(line) + 1
    return tuple(out)


def predict(rows: list[dict[str, object]], views: bool = False) -> list[dict[str, object]]:
    articles = []
    for r in rows:
        text = str(r["text"])
        articles.append(Article(origin=str(r["id"]), text=text, paragraphs=paragraphs(text)))
    out = []
    for r, ann in zip(rows, analyze_articles(articles, Limits(views=views)), strict=True):
        out.append(
            {
                "id": r["id"],
                "attributions": [
                    {
                        "content": [a.span.start, a.span.end],
                        "source": [a.source_span.start, a.source_span.end]
                        if a.source_span
                        else None,
                        "source_text": a.source,
                        "kind": a.kind,
                        "cue": a.cue,
                    }
                    for a in ann.attributions
                ],
            }
        )
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path)
    ap.add_argument("pred", nargs="?", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--views", action="store_true", help="read views beside speech")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    gold = args.gold or args.shared / "bench" / "attribution" / "polnear-dev.jsonl"
    with gold.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    nlp.pipeline()
    t = time.process_time()
    preds = predict(rows, args.views)
    spent = time.process_time() - t
    pred = args.pred or Path(tempfile.mkstemp(suffix=".jsonl", prefix="attribution-")[1])
    with pred.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    if args.limit:
        # The scorer counts every gold article: score only the ones analysed.
        cut = Path(tempfile.mkstemp(suffix=".jsonl", prefix="gold-")[1])
        cut.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        gold = cut
    kinds = Counter(str(a["kind"]) for p in preds for a in p["attributions"])  # type: ignore[attr-defined]
    words = sum(len(str(r["text"]).split()) for r in rows)
    print(f"{gold.name}: {len(rows)} articles, {words:,} words, analysed in {spent:.1f} CPU s")
    print(f"predicted kinds: {dict(kinds)}; predictions in {pred}\n")
    scorer = args.shared / "tools" / "score_attribution.py"
    return subprocess.call([sys.executable, str(scorer), str(gold), str(pred)])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
