"""The golden renderings of the example story, and the script that rewrites them.

    .venv/bin/python tests/golden/regenerate.py     # then read `git diff tests/golden/`

``tests/render/test_golden.py`` renders examples/harbour-fire/ the same way and shows a
unified diff against these files when they part. A change to what the brief finds (a claim,
a quote group) changes them too: rerun this script and read the diff before committing it.

The terminal file is what ``newsweave brief examples/harbour-fire/ | cat`` prints: 80 columns,
no colour, word differences as ``[-x-]{+y+}``, no trailing spaces. The JSON file is what
``newsweave brief --format json examples/harbour-fire/`` prints run from the repository's root
(origins relative to it, so the file is the same wherever the repository lies).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
STORY = ROOT / "examples" / "harbour-fire"
WIDTH = 80
FILES = ("harbour-fire.txt", "harbour-fire.md", "harbour-fire.html", "harbour-fire.json")


def renderings() -> dict[str, str]:
    """File name → the example story rendered in that format, as it is now."""
    from rich.console import Console

    import newsweave
    from newsweave.contract.encode import brief_dict
    from newsweave.render import markdown, terminal
    from newsweave.web import standalone as html

    with contextlib.chdir(ROOT):  # origins as the CLI run from the root writes them
        brief = newsweave.weave([STORY.relative_to(ROOT)])
    console = Console(record=True, width=WIDTH, color_system=None, file=io.StringIO())
    terminal.render(brief, console)
    text = "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"
    data = json.loads(json.dumps(brief_dict(brief), ensure_ascii=False))
    return {
        FILES[0]: text,
        FILES[1]: markdown.render(brief),
        FILES[2]: html.render(data),
        FILES[3]: brief.to_json() + "\n",
    }


def main() -> int:
    for name, text in renderings().items():
        path = HERE / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        path.write_text(text, encoding="utf-8")
        print(f"{'unchanged' if old == text else 'written'}: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
