"""The Jinja2 environment every page and the standalone HTML export render with."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent


def templates() -> Environment:
    """Autoescaping everywhere: no template marks article text safe."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["article_url"] = lambda a: f"/articles/{a.get('store_id', a['id'])}"
    return env


def templates_fingerprint() -> str:
    """Changes whenever a template does, so pages rendered by older templates are redone."""
    h = hashlib.sha256()
    for path in sorted((HERE / "templates").glob("*.html")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:40]
