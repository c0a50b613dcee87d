"""The brief as one standalone HTML page (``export --format html``), from the web templates.

The page carries its stylesheet inline and no script; citations jump to the cited article's
text further down the same page, each passage shown on hover.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from newsweave.web.templating import HERE, templates
from newsweave.web.views import story_view


def _anchor(article: dict[str, Any], start: int, end: int) -> str:
    return f"#article-{article['id']}"


def render(brief: dict[str, Any]) -> str:
    """CONTRACT.md's JSON (``brief_dict``) as a self-contained HTML document."""
    env = templates()
    env.globals["article_url"] = lambda a: f"#article-{a['id']}"
    # Our own stylesheet, not article text: marked safe, since HTML-escaping the quotes and
    # ">" in its selectors and font names would break them (a <style> body is not decoded).
    css = Markup((HERE / "static" / "style.css").read_text(encoding="utf-8"))
    return env.get_template("export.html").render(
        v=story_view(brief, cite_url=_anchor),
        articles=brief["articles"],
        inline_css=css,
        standalone=True,
    )
