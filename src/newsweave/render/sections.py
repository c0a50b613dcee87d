"""The entities and coverage sections for the terminal (rich) and Markdown formats.

Names and sentences come from articles, so they are escaped on the way out: ``rich.markup.escape``
for the terminal, ``newsweave.render.markdown.escape`` for Markdown.
"""

from __future__ import annotations

from rich.table import Table

from newsweave.model import Brief, EntityGroup
from newsweave.render.escape import markdown as md_escape
from newsweave.render.escape import terminal as rich_escape
from newsweave.render.labels import IDS_SHOWN, outlet_names

# The terminal and a note show the groups most outlets name; the JSON has them all.
ENTITY_ROWS = 30
ENTITY_ROWS_TERMINAL = 15
# Passages shown per outlet in the terminal, most significant first.
UNIQUE_SHOWN = 3
# Aliases shown per entity: a name printed ten ways needs no more to be recognised.
ALIASES_SHOWN = 6
# People first: who is involved reads before which places are named.
TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3}


def shown_entities(brief: Brief, limit: int = ENTITY_ROWS) -> list[EntityGroup]:
    """The groups worth a row: named by the most articles, people first among equals."""
    ranked = sorted(
        brief.entities,
        key=lambda e: (-len(e.articles), TYPE_ORDER.get(e.type, 4), -e.mentions, e.name),
    )
    return ranked[:limit]


def _aliases(e: EntityGroup) -> list[str]:
    return list(e.aliases[:ALIASES_SHOWN]) + (["…"] if len(e.aliases) > ALIASES_SHOWN else [])


def entities_table(brief: Brief, limit: int = ENTITY_ROWS_TERMINAL) -> Table:
    """One line a person, organisation or place: its name and type, its other names, and the
    articles naming it; a grid, so a name is never cut mid-word."""
    shown = shown_entities(brief, limit)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(overflow="fold")
    for e in shown:
        aliases = _aliases(e)
        also = f" also {rich_escape(' · '.join(aliases))}" if aliases else ""
        arts = ", ".join(e.articles[:IDS_SHOWN]) + ("…" if len(e.articles) > IDS_SHOWN else "")
        grid.add_row(
            f"[bold]{rich_escape(e.name)}[/bold] [dim]{e.type}[/dim]{also} [dim]\\[{arts}][/dim]"
        )
    more = len(brief.entities) - len(shown)
    if more > 0:
        grid.add_row(f"[dim]{more} more (--format json)[/dim]")
    return grid


def coverage_table(brief: Brief, per_article: int = UNIQUE_SHOWN) -> Table:
    """What each outlet alone reports: the outlet, then its passages, most significant first,
    the first few of each."""
    outlets = outlet_names(brief)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for aid, items in brief.coverage:
        if not items:
            continue
        grid.add_row(f"[bold]{aid}[/bold]", f"[bold]{rich_escape(outlets.get(aid, ''))}[/bold]")
        for u in items[:per_article]:
            grid.add_row(" •", rich_escape(u.text))
        if len(items) > per_article:
            grid.add_row("", f"[dim]{len(items) - per_article} more (--format json)[/dim]")
    return grid


def entities_markdown(brief: Brief, limit: int = ENTITY_ROWS) -> list[str]:
    """The entities as a Markdown table, for a note; empty when there are none."""
    shown = shown_entities(brief, limit)
    if not shown:
        return []
    lines = ["", "## Who and what", "", "| name | type | also written | articles |"]
    lines.append("|---|---|---|---|")
    for e in shown:
        aliases = " · ".join(md_escape(a) for a in _aliases(e))
        lines.append(f"| {md_escape(e.name)} | {e.type} | {aliases} | {', '.join(e.articles)} |")
    more = len(brief.entities) - len(shown)
    if more > 0:
        lines += ["", f"{more} more in the JSON."]
    return lines


def coverage_markdown(brief: Brief) -> list[str]:
    """Per outlet, "Only in <outlet>:" and a bullet for each passage it alone reports, citing
    the article; empty when no outlet reports anything alone."""
    outlets = outlet_names(brief)
    lines: list[str] = []
    for aid, items in brief.coverage:
        if not items:
            continue
        lines += ["", f"Only in {md_escape(outlets.get(aid, aid))} ({aid}):", ""]
        lines += [f"- {md_escape(u.text)} \\[{aid}\\]" for u in items]
    return ["", "## Only in one outlet", *lines] if lines else []
