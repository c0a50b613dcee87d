"""Listing commands' output: a table on the terminal, Markdown, CSV rows, or one JSON document.

Each listing is built once as plain rows (a dict per row, the same keys for every format) and
a JSON document; the formats only lay them out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

from newsweave.progress import count
from newsweave.render.escape import markdown, terminal


class ListFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    csv = "csv"
    md = "md"


@dataclass(frozen=True, slots=True)
class Listing:
    """What a listing command found: ``rows`` for the tables, ``document`` for JSON."""

    title: str
    columns: tuple[str, ...]
    rows: Sequence[dict[str, Any]]
    document: dict[str, Any]
    note: str = ""  # a line under the table ("50 of 120 stories; --offset 50 for more")


def page_note(offset: int, shown: int, total: int, one: str, many: str) -> str:
    """ "51–100 of 230 stories; --offset 100 for more", or "230 stories" when all are shown."""
    if offset + shown < total:
        last = offset + shown
        return f"{offset + 1}–{last} of {count(total, one, many)}; --offset {last} for more"
    return count(total, one, many)


def chosen(fmt: ListFormat, json_flag: bool) -> ListFormat:
    return ListFormat.json if json_flag else fmt


def render(listing: Listing, fmt: ListFormat) -> str | None:
    """The listing as text; None for the terminal table, which ``show`` prints."""
    if fmt is ListFormat.json:
        return json.dumps(listing.document, ensure_ascii=False, indent=1) + "\n"
    if fmt is ListFormat.csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(listing.columns)
        for row in listing.rows:
            writer.writerow([_cell(row[c]) for c in listing.columns])
        return out.getvalue()
    if fmt is ListFormat.md:
        lines = [
            f"## {listing.title}",
            "",
            "| " + " | ".join(listing.columns) + " |",
            "|" + "---|" * len(listing.columns),
        ]
        for row in listing.rows:
            lines.append("| " + " | ".join(markdown(_cell(row[c])) for c in listing.columns) + " |")
        if listing.note:
            lines += ["", listing.note]
        return "\n".join(lines) + "\n"
    return None


def show(listing: Listing, fmt: ListFormat) -> str | None:
    """Print the terminal table, or return the text of the other formats."""
    text = render(listing, fmt)
    if text is not None:
        return text
    console = Console()
    table = Table(title=listing.title, expand=True)
    for col in listing.columns:
        table.add_column(col, overflow="fold")
    for row in listing.rows:
        table.add_row(*(terminal(_cell(row[c], "\n")) or "—" for c in listing.columns))
    console.print(table)
    if listing.note:
        console.print(terminal(listing.note))
    return None


def _cell(value: object, joiner: str = "; ") -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return joiner.join(str(v) for v in value)
    return str(value)
