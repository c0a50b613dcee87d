"""Article extraction on the AEB benchmark: newsweave against plain trafilatura, same run.

Reads the 181 pages of ``<shared>/bench/extraction/aeb/html/*.html.gz``, extracts each with
newsweave (``extract_html``) and with ``trafilatura.extract(html, include_comments=False)``,
writes both predictions under ``bench/out/``, scores them with the benchmark's own scorer
(``<shared>/tools/score_extraction.py``) and prints a table.

Speed is pages per CPU-second of extraction alone (``time.process_time()`` around each call,
one process). An untimed first pass over all pages loads what both extractors load lazily
(modules, trafilatura's justext stop lists on the first page that needs them), so neither pays
the other's start-up costs; the timed pass then runs both on each page in turn, alternating
which goes first. The predictions scored are those of the timed pass.

Usage, from the repository root::

    .venv/bin/python bench/extract_aeb.py [--limit N] [--shared PATH]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

Extractor = Callable[[str], str]


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    aeb = args.shared / "bench" / "extraction" / "aeb"
    if not aeb.is_dir():
        print(f"{aeb}: benchmark not found; pass --shared PATH", file=sys.stderr)
        return 2
    pages = read_pages(aeb / "html", args.limit)
    truth = read_truth(aeb / "ground-truth.json", pages)
    extractors: dict[str, Extractor] = {
        "newsweave": newsweave_text,
        "trafilatura 2.3.1, include_comments=False": trafilatura_text,
    }
    predictions, seconds = run(extractors, pages)
    OUT.mkdir(parents=True, exist_ok=True)
    files = {"newsweave": "aeb_predictions.json"}
    for name, preds in predictions.items():
        path = OUT / files.get(name, "aeb_predictions_trafilatura.json")
        path.write_text(json.dumps(preds, ensure_ascii=False, indent=0), encoding="utf-8")
    score = load_scorer(args.shared / "tools" / "score_extraction.py")
    print(f"AEB: {len(pages)} pages\n")
    print("| extractor | precision | recall | F1 | pages/CPU-s |")
    print("|---|---|---|---|---|")
    speeds = {}
    for name, preds in predictions.items():
        s = score(truth, preds)
        speeds[name] = len(pages) / seconds[name] if seconds[name] else float("inf")
        print(f"| {name} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} | "
              f"{speeds[name]:.1f} |")
    names = list(predictions)
    print(f"\nspeed ratio {names[0]} / {names[1]}: {speeds[names[0]] / speeds[names[1]]:.2f}")
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding bench/ and tools/ (default: ../shared)")
    return parser.parse_args(argv)


def read_pages(folder: Path, limit: int | None) -> dict[str, str]:
    """Page id → decoded HTML, in id order."""
    paths = sorted(folder.glob("*.html.gz"))[:limit]
    return {p.name.removesuffix(".html.gz"): decode(gzip.decompress(p.read_bytes())) for p in paths}


def decode(data: bytes) -> str:
    """UTF-8 when the bytes are UTF-8, else charset-normalizer's guess, else UTF-8 with
    replacement characters: the tools in the benchmark's table were given decoded text."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", "replace")


def read_truth(path: Path, pages: dict[str, str]) -> dict[str, str]:
    """Page id → expected article body, for the pages read."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: (v.get("articleBody") if isinstance(v, dict) else v) or "" for k, v in data.items()
            if k in pages}


def newsweave_text(html: str) -> str:
    from newsweave.extract.html import extract_html

    return extract_html(html).text


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def run(extractors: dict[str, Extractor], pages: dict[str, str]
        ) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Predictions and CPU seconds per extractor, timing each call alone."""
    for html in pages.values():
        for extract in extractors.values():
            extract(html)
    predictions: dict[str, dict[str, str]] = {name: {} for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    order = list(extractors)
    for i, (page_id, html) in enumerate(pages.items()):
        for name in order if i % 2 == 0 else order[::-1]:
            start = time.process_time()
            text = extractors[name](html)
            seconds[name] += time.process_time() - start
            predictions[name][page_id] = text
    return predictions, seconds


def load_scorer(path: Path) -> Callable[[dict[str, str], dict[str, str]], dict[str, Any]]:
    """The benchmark's ``score`` function, imported from its file (standard library only)."""
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: scorer not found; pass --shared PATH")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scorer: Callable[[dict[str, str], dict[str, str]], dict[str, Any]] = module.score
    return scorer


if __name__ == "__main__":
    sys.exit(main())
