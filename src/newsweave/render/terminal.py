"""The brief for a person at a terminal (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from newsweave.model import Brief
from newsweave.render.json import iso


def renderable(brief: Brief) -> Group:
    """What ``print`` shows; article text goes through ``escape`` so it cannot style itself."""
    head = escape(brief.title or "Untitled story")
    span = " – ".join(x for x in (iso(brief.first_published), iso(brief.last_published)) if x)
    table = Table(title="Articles", show_lines=False, expand=True)
    for col in ("id", "outlet", "title", "published", "kind", "words", "removed"):
        table.add_column(col, overflow="fold")
    for b in brief.articles:
        a = b.article
        table.add_row(
            b.id,
            escape(a.outlet or "—"),
            escape(a.title or "—"),
            iso(a.published) or "—",
            a.kind,
            str(len(a.text.split())),
            str(len(a.removed)),
        )
    parts: list[Panel | Table] = [
        Panel(f"[bold]{head}[/bold]\n{len(brief.articles)} articles  {span}", expand=True),
        table,
    ]
    if brief.problems:
        problems = Table(title="Could not read", expand=True)
        problems.add_column("document", overflow="fold")
        problems.add_column("problem", overflow="fold")
        for p in brief.problems:
            problems.add_row(escape(p.origin), escape(p.message))
        parts.append(problems)
    return Group(*parts)


def render(brief: Brief, console: Console) -> None:
    console.print(renderable(brief))
