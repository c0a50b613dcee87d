"""The brief for a person at a terminal (rich).

Article text goes through ``escape`` everywhere, so a page cannot style (or hide) itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from newsweave.model import Brief, Citation
from newsweave.render.claims import by_article
from newsweave.render.escape import terminal as escape
from newsweave.render.json import iso
from newsweave.render.leftout import left_out_table
from newsweave.render.quotes import quotes_table
from newsweave.render.sections import coverage_table, entities_table

VERDICT_STYLE = {"conflict": "bold red", "differ": "yellow", "agree": "green", "single": "dim"}


def _outlets(brief: Brief) -> dict[str, str]:
    return {b.id: b.article.outlet_label() for b in brief.articles}


def cite(citations: Sequence[Citation]) -> str:
    seen: list[str] = []
    for c in citations:
        if c.article not in seen:
            seen.append(c.article)
    return "[dim]\\[" + ", ".join(seen) + "][/dim]"


def summary_panel(brief: Brief) -> Panel:
    lines = [f"• {escape(s.text)} {cite(s.citations)}" for s in brief.summary]
    return Panel("\n".join(lines), title="Summary", title_align="left", expand=True)


def claims_table(brief: Brief) -> Table:
    """One row a measure: each outlet's figure as written, the verdict and why."""
    outlets = _outlets(brief)
    table = Table(title="Figures", expand=True, show_lines=True)
    table.add_column("measure", overflow="fold", ratio=2)
    table.add_column("each outlet's figure", overflow="fold", ratio=3)
    table.add_column("verdict", overflow="fold", ratio=2)
    for c in brief.claims:
        figures = "\n".join(
            f"{aid} {escape(outlets.get(aid, ''))}: {', '.join(escape(w) for w in wordings)}"
            for aid, wordings in by_article(c)
        )
        style = VERDICT_STYLE.get(c.verdict, "")
        verdict = f"[{style}]{c.verdict}[/]\n[dim]{escape(c.why)}[/]"
        table.add_row(escape(c.measure), figures, verdict)
    return table


def timeline_table(brief: Brief) -> Table:
    table = Table(title="Timeline", expand=True)
    table.add_column("when", no_wrap=True)
    table.add_column("what happened", overflow="fold", ratio=4)
    table.add_column("sources", overflow="fold")
    for e in brief.timeline:
        when = e.date.isoformat() + (f" {e.time}" if e.time else "") + (" ~" if e.inferred else "")
        table.add_row(when, escape(e.text), cite(e.citations))
    return table


def articles_table(brief: Brief) -> Table:
    table = Table(title="Articles", expand=True)
    for col in ("id", "outlet", "title", "published", "kind", "words", "removed"):
        table.add_column(col, overflow="fold")
    for b in brief.articles:
        a = b.article
        table.add_row(
            b.id,
            escape(a.outlet_label()),
            escape(a.title or "—"),
            (iso(a.published) or "—") + (" ~" if a.published_inferred else ""),
            a.kind,
            str(len(a.text.split())),
            str(len(a.removed)),
        )
    return table


def problems_table(brief: Brief) -> Table:
    table = Table(title="Could not read", expand=True)
    table.add_column("document", overflow="fold")
    table.add_column("problem", overflow="fold")
    for p in brief.problems:
        table.add_row(escape(p.origin), escape(p.message))
    return table


def renderable(brief: Brief) -> Group:
    head = escape(brief.title or "Untitled story")
    span = " – ".join(x for x in (iso(brief.first_published), iso(brief.last_published)) if x)
    parts: list[RenderableType] = [
        Panel(f"[bold]{head}[/bold]\n{len(brief.articles)} articles  {span}", expand=True)
    ]
    if brief.left_out:
        parts.append(left_out_table(brief))
    if brief.summary:
        parts.append(summary_panel(brief))
    if brief.claims:
        parts.append(claims_table(brief))
    if brief.quotes:
        parts.append(quotes_table(brief))
    if any(items for _, items in brief.coverage):
        parts.append(coverage_table(brief))
    if brief.timeline:
        parts.append(timeline_table(brief))
    if brief.entities:
        parts.append(entities_table(brief))
    parts.append(articles_table(brief))
    if brief.problems and not brief.left_out:  # a brief stored before left_out existed
        parts.append(problems_table(brief))
    return Group(*parts)


def render(brief: Brief, console: Console) -> None:
    console.print(renderable(brief))
