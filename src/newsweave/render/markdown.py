"""The brief as Markdown a journalist can paste into a note."""

from __future__ import annotations

import re

from newsweave.model import Brief
from newsweave.render.claims import by_article
from newsweave.render.json import iso

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def escape(text: str) -> str:
    """Article text is untrusted: no Markdown or HTML of its own survives into the note."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def render(brief: Brief) -> str:
    lines = [f"# {escape(brief.title or 'Untitled story')}", ""]
    span = " – ".join(x for x in (iso(brief.first_published), iso(brief.last_published)) if x)
    lines += [
        f"{len(brief.articles)} articles" + (f", {span}" if span else ""),
        "",
        "## Articles",
        "",
    ]
    lines += [
        "| id | outlet | title | published | kind | words | removed |",
        "|---|---|---|---|---|---|---|",
    ]
    for b in brief.articles:
        a = b.article
        lines.append(
            f"| {b.id} | {escape(a.outlet or '—')} | {escape(a.title or '—')} | "
            f"{iso(a.published) or '—'} | {a.kind} | {len(a.text.split())} | {len(a.removed)} |"
        )
    if brief.claims:
        lines += [
            "",
            "## Figures",
            "",
            "| measure | verdict | each outlet's figure | why |",
            "|---|---|---|---|",
        ]
        outlets = {b.id: b.article.outlet for b in brief.articles}
        for c in brief.claims:
            figures = " · ".join(
                f"{aid} {escape(outlets.get(aid) or '')}: {', '.join(escape(w) for w in wordings)}"
                for aid, wordings in by_article(c)
            )
            lines.append(f"| {escape(c.measure)} | **{c.verdict}** | {figures} | {escape(c.why)} |")
    if brief.problems:
        lines += ["", "## Could not read", ""]
        lines += [f"- `{p.origin}`: {escape(p.message)}" for p in brief.problems]
    return "\n".join(lines) + "\n"
