"""The brief for a person at a terminal (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from newsweave.model import Brief
from newsweave.render.claims import by_article
from newsweave.render.json import iso

VERDICT_STYLE = {"conflict": "bold red", "differ": "yellow", "agree": "green", "single": "dim"}


def claims_table(brief: Brief) -> Table:
    """One row a measure: each outlet's figure as written, the verdict and why."""
    outlets = {b.id: b.article.outlet for b in brief.articles}
    table = Table(title="Figures", expand=True, show_lines=True)
    table.add_column("measure", overflow="fold", ratio=2)
    table.add_column("each outlet's figure", overflow="fold", ratio=3)
    table.add_column("verdict", overflow="fold", ratio=1)
    for c in brief.claims:
        figures = "\n".join(
            f"{aid} {escape(outlets.get(aid) or '')}: {', '.join(escape(w) for w in wordings)}"
            for aid, wordings in by_article(c)
        )
        style = VERDICT_STYLE.get(c.verdict, "")
        table.add_row(
            escape(c.measure), figures, f"[{style}]{c.verdict}[/]\n[dim]{escape(c.why)}[/]"
        )
    return table


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
    if brief.claims:
        parts.append(claims_table(brief))
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
