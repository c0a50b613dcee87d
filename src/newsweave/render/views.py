"""The views section for the terminal (rich) and Markdown: what each source is said to back,
condemn, want or believe, present only when the brief was made with ``--views``.

Views are listed apart from "Who said what": a reader must never take "backs the plan" for
words someone said. One line a source, named sources first, each view cited by its article.
Names and passages come from articles, so they are escaped on the way out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rich.table import Table

from newsweave.model import Brief, Span
from newsweave.render.escape import markdown as md_escape
from newsweave.render.escape import terminal as rich_escape

# Sources shown, and views per source: the JSON has them all.
SOURCES_SHOWN = 12
VIEWS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class HeldView:
    """One view as the brief shows it: its verb, its words, and where they stand."""

    cue: str
    text: str
    article: str
    span: Span


def held_views(brief: Brief) -> list[tuple[str, list[HeldView]]]:
    """(source, its views) for each source of a view, named sources first, then by how many
    views, then by name."""
    by: dict[str, list[HeldView]] = defaultdict(list)
    named: dict[str, bool] = {}
    for b in brief.articles:
        for x in b.attributions:
            if x.view and x.source:
                by[x.source].append(HeldView(x.cue or "", x.span.of(b.article.text), b.id, x.span))
                named[x.source] = named.get(x.source, False) or x.named
    return sorted(by.items(), key=lambda kv: (not named[kv[0]], -len(kv[1]), kv[0]))


def views_markdown(brief: Brief) -> list[str]:
    """The views as a Markdown list, for a note; empty when the brief holds none."""
    held = held_views(brief)
    if not held:
        return []
    lines = ["", "## Views held (not quotations)", ""]
    for source, views in held[:SOURCES_SHOWN]:
        shown = "; ".join(
            f"{md_escape(v.cue)} {md_escape(v.text)} \\[{v.article}\\]" for v in views[:VIEWS_SHOWN]
        )
        more = f" (+{len(views) - VIEWS_SHOWN} more)" if len(views) > VIEWS_SHOWN else ""
        lines.append(f"- **{md_escape(source)}**: {shown}{more}")
    if len(held) > SOURCES_SHOWN:
        lines += ["", f"{len(held) - SOURCES_SHOWN} more sources in the JSON."]
    return lines


def views_table(brief: Brief) -> Table:
    """One row a source: its name, then its views, each with its cue and article."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(overflow="fold")
    held = held_views(brief)
    for source, views in held[:SOURCES_SHOWN]:
        grid.add_row(f"[bold]{rich_escape(source)}[/bold]")
        for v in views[:VIEWS_SHOWN]:
            cited = (
                f"[dim]{rich_escape(v.cue)}[/dim] {rich_escape(v.text)} [dim]\\[{v.article}][/dim]"
            )
            grid.add_row(f" • {cited}")
        if len(views) > VIEWS_SHOWN:
            grid.add_row(f"   [dim]{len(views) - VIEWS_SHOWN} more (--format json)[/dim]")
    if len(held) > SOURCES_SHOWN:
        grid.add_row(f"[dim]{len(held) - SOURCES_SHOWN} more sources (--format json)[/dim]")
    return grid
