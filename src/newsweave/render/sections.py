"""The entities and coverage sections for the terminal (rich) and Markdown formats.

Names and sentences come from articles, so they are escaped on the way out: ``rich.markup.escape``
for the terminal, ``newsweave.render.markdown.escape`` for Markdown.
"""

from __future__ import annotations

from rich.table import Table

from newsweave.model import Brief, EntityGroup
from newsweave.render.escape import markdown as md_escape
from newsweave.render.escape import terminal as rich_escape

# The terminal and a note show the groups most outlets name; the JSON has them all.
ENTITY_ROWS = 30
# Aliases shown per entity: a name printed ten ways needs no more to be recognised.
ALIASES_SHOWN = 6
# People first: who is involved reads before which places are named.
TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3}


def outlet_names(brief: Brief) -> dict[str, str]:
    """Each article id's outlet as every format names it (``Article.outlet_label``)."""
    return {b.id: b.article.outlet_label() for b in brief.articles}


def shown_entities(brief: Brief, limit: int = ENTITY_ROWS) -> list[EntityGroup]:
    """The groups worth a row: named by the most articles, people first among equals."""
    ranked = sorted(
        brief.entities,
        key=lambda e: (-len(e.articles), TYPE_ORDER.get(e.type, 4), -e.mentions, e.name),
    )
    return ranked[:limit]


def _aliases(e: EntityGroup) -> list[str]:
    return list(e.aliases[:ALIASES_SHOWN]) + (["…"] if len(e.aliases) > ALIASES_SHOWN else [])


def entities_table(brief: Brief, limit: int = ENTITY_ROWS) -> Table:
    """One row a person, organisation or place: its name, type, other names and articles."""
    shown = shown_entities(brief, limit)
    more = len(brief.entities) - len(shown)
    table = Table(
        title="Who and what",
        caption=f"{more} more in the JSON" if more > 0 else None,
        expand=True,
    )
    table.add_column("name", overflow="fold", ratio=2)
    table.add_column("type", no_wrap=True)
    table.add_column("also written", overflow="fold", ratio=3)
    table.add_column("articles", overflow="fold", ratio=1)
    for e in shown:
        table.add_row(
            f"[bold]{rich_escape(e.name)}[/bold]",
            e.type,
            rich_escape(" · ".join(_aliases(e))),
            ", ".join(e.articles),
        )
    return table


def coverage_table(brief: Brief) -> Table:
    """What each outlet alone reports, one row a passage, most significant first."""
    outlets = outlet_names(brief)
    table = Table(title="Only in one outlet", expand=True, show_lines=True)
    table.add_column("outlet", overflow="fold", ratio=1)
    table.add_column("reports, where no other outlet does", overflow="fold", ratio=5)
    for aid, items in brief.coverage:
        for i, u in enumerate(items):
            who = f"{aid} {rich_escape(outlets.get(aid, ''))}" if i == 0 else ""
            table.add_row(who, f"{rich_escape(u.text)} [dim]\\[{aid}][/dim]")
    return table


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
