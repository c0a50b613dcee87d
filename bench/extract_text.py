"""Furniture in saved text: how much page clutter newsweave's text path removes, and how much
article it keeps, on pages nobody tuned on.

A folder of scraped articles holds text, not HTML: an extractor's output, with what it let
through (captions and credits, cookie banners, the writer's note, teasers, stamps). This bench
makes such text from the AEB benchmark's 181 pages the way a scraper would: jusText's
non-boilerplate paragraphs of each page (jusText keeps the body and some clutter), one
paragraph per blank-line-separated block. newsweave then cleans each text
(``extract.text.clean``). A paragraph is *body* when its words appear, in order, in the
page's gold article body, else *clutter*; the table gives the share of body paragraphs kept
and of clutter paragraphs removed, and the reasons given.

Usage, from the repository root::

    .venv/bin/python bench/extract_text.py [--limit N] [--shared PATH] [--show]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import justext

from newsweave.extract.text import clean

ROOT = Path(__file__).resolve().parent.parent


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def scraped(html: bytes) -> list[str]:
    """The page's paragraphs as a scraper keeps them (jusText, English stop words)."""
    stop = justext.get_stoplist("English")
    return [p.text.strip() for p in justext.justext(html, stop) if not p.is_boilerplate]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", action="store_true", help="list clutter kept and body lost")
    args = parser.parse_args(argv)
    aeb = args.shared / "bench" / "extraction" / "aeb"
    if not aeb.is_dir():
        print(f"{aeb}: benchmark not found; pass --shared PATH", file=sys.stderr)
        return 2
    truth = json.loads((aeb / "ground-truth.json").read_text())
    counts: Counter[tuple[str, bool]] = Counter()
    reasons: Counter[tuple[str, str]] = Counter()
    pages = sorted((aeb / "html").glob("*.html.gz"))[: args.limit]
    for path in pages:
        page_id = path.name.split(".")[0]
        gold = _norm(truth[page_id]["articleBody"])
        paras = [p for p in scraped(gzip.decompress(path.read_bytes())) if _norm(p)]
        blocks = clean("\n\n".join(paras))
        kept = _norm(" ".join(b.text for b in blocks if b.kept))
        why = {_norm(b.text): b.reason or "" for b in blocks if not b.kept}
        for p in paras:
            key = _norm(p)
            kind = "body" if key in gold else "clutter"
            was_kept = key in kept
            counts[(kind, was_kept)] += 1
            if not was_kept:
                reasons[(kind, why.get(key, "(merged or split)"))] += 1
            if args.show and (kind == "body") != was_kept:
                print(f"{'LOST' if kind == 'body' else 'LEFT'} {page_id[:8]} {p[:110]!r}")
    body = counts[("body", True)] + counts[("body", False)]
    clutter = counts[("clutter", True)] + counts[("clutter", False)]
    print(f"{len(pages)} pages, {body} body paragraphs, {clutter} clutter paragraphs\n")
    print("| measure | share | of |")
    print("|---|---:|---:|")
    print(f"| body paragraphs kept | {counts[('body', True)] / max(body, 1):.3f} | {body} |")
    removed = counts[("clutter", False)]
    print(f"| clutter paragraphs removed | {removed / max(clutter, 1):.3f} | {clutter} |")
    print("\n| removed as | clutter | body |")
    print("|---|---:|---:|")
    for reason in sorted({r for _, r in reasons}, key=lambda r: -reasons[("clutter", r)]):
        print(f"| {reason} | {reasons[('clutter', reason)]} | {reasons[('body', reason)]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
