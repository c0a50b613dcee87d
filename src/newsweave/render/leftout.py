"""The inputs a brief leaves out, shown first in the terminal and Markdown formats.

A user who handed over five files and sees four briefed must see at once which one is missing
and why (another story, not an article, unreadable). Origins, titles and reasons come from the
inputs, so they are escaped.
"""

from __future__ import annotations

from rich.table import Table

from newsweave.model import Brief
from newsweave.render.escape import markdown as md_escape
from newsweave.render.escape import terminal as rich_escape


def left_out_table(brief: Brief) -> Table:
    """One entry an input: its name and title, and why under it (a grid, so a long file name
    wraps between words instead of being cut into columns)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(overflow="fold")
    grid.add_row("[bold underline]Left out of this brief[/]")
    for x in brief.left_out:
        title = f" “{rich_escape(x.title)}”" if x.title else ""
        grid.add_row(f"• [bold]{rich_escape(x.origin)}[/]{title}\n  {rich_escape(x.reason)}")
    return grid


def left_out_markdown(brief: Brief) -> list[str]:
    if not brief.left_out:
        return []
    lines = ["## Left out of this brief", ""]
    for x in brief.left_out:
        title = f" “{md_escape(x.title)}”" if x.title else ""
        lines.append(f"- {md_escape(x.origin)}{title}: {md_escape(x.reason)}")
    return lines
