"""The claim matrix: one row a claim, verdict first, one column an original article.

Syndicated copies fold into their original's column ("+3 copies") rather than each taking a
column of its own: 145 reprints of a wire story made a 12,000 px table that hid the one
outlet with another figure. Before the columns, each row states its sides ("four: a3, a4 ·
six: a2"), so a phone shows the disagreement without scrolling sideways.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsweave.model import Brief, Claim
from newsweave.render.disagree import sides_of
from newsweave.render.labels import Folded, copy_of, fold

MakeCite = Callable[[str, int, int], Any]


@dataclass(frozen=True, slots=True)
class SideView:
    wording: str
    articles: Folded
    cite: Any


@dataclass(slots=True)
class CellView:
    """What one original's column holds for a claim: its and its copies' wordings."""

    texts: list[str] = field(default_factory=list)
    cites: list[Any] = field(default_factory=list)
    copies: int = 0


@dataclass(frozen=True, slots=True)
class RowView:
    claim: Claim
    sides: tuple[SideView, ...]
    cells: tuple[CellView, ...]


def originals(brief: Brief) -> list[str]:
    """The articles that get a column: all but syndicated copies."""
    return [b.id for b in brief.articles if not b.copy_of]


def matrix_rows(brief: Brief, cite: MakeCite) -> list[RowView]:
    """Every claim as a row over the originals' columns, conflicts and differences first."""
    copies = copy_of(brief)
    columns = originals(brief)
    at = {aid: i for i, aid in enumerate(columns)}
    rank = {"conflict": 0, "differ": 1, "agree": 2, "single": 3}
    rows = []
    for claim in sorted(brief.claims, key=lambda c: rank.get(c.verdict, 4)):
        cells = [CellView() for _ in columns]
        counted: set[str] = set()
        for r in claim.reports:
            original = copies.get(r.article, r.article)
            cell = cells[at[original]] if original in at else None
            if cell is None:
                continue
            if r.article != original:
                if r.article not in counted:
                    cell.copies += 1
                    counted.add(r.article)
                if r.text in cell.texts:
                    continue  # the copy says what its original says
            text = r.text + (f" ({r.source})" if r.source else "")
            if text not in cell.texts:
                cell.texts.append(text)
                cell.cites.append(cite(r.article, r.span.start, r.span.end))
        sides = tuple(
            SideView(s.wording, fold(s.articles, copies), cite(s.cite.article, *_span(s.cite)))
            for s in sides_of(claim)
        )
        rows.append(RowView(claim, sides, tuple(cells)))
    return rows


def _span(c: Any) -> tuple[int, int]:
    return c.span.start, c.span.end
