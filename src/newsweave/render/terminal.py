"""The brief for a person at a terminal (rich), made to be read at 80 columns.

What disagrees comes first, then the summary; articles are short labels (a1, a2 …) defined
once at the top, each claim is one line with its verdict first, identical wordings are
folded and long lists are cut with "N more (--format json)". Lines wrap between words, never
inside a date or a name. Without colour (a pipe, ``-o FILE``, a log) word differences are
written ``[-dropped-]{+added+}`` so a deleted "not" still shows.

Article text goes through ``escape`` everywhere, so a page cannot style (or hide) itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table

from newsweave.model import Brief, Citation
from newsweave.progress import count
from newsweave.render.disagree import FigureLine, Line, QuoteLine, disagreements, sides_of
from newsweave.render.escape import terminal as escape
from newsweave.render.flags import pieces, summary_flags
from newsweave.render.labels import copy_of, fold, outlet_names
from newsweave.render.leftout import left_out_table
from newsweave.render.quotes import quotes_block
from newsweave.render.sections import coverage_table, entities_table
from newsweave.render.views import held_views, views_table

VERDICT_STYLE = {
    "conflict": "bold red",
    "reversed": "bold red",
    "differ": "yellow",
    "reworded": "yellow",
    "rose": "cyan",
    "agree": "green",
    "single": "dim",
}
# Rows a section shows before "N more (--format json)": a brief should fit a screenful or two.
SOURCES_SHOWN = 20
SINGLE_CLAIMS_SHOWN = 8
TIMELINE_SHOWN = 10
# Quotations shown (those most outlets print, and every reversed one); the rest in the JSON.
QUOTES_SHOWN = 10


def when(d: date | None) -> str:
    """A date, or a date and time to the minute: ``2025-03-12 14:15``."""
    if d is None:
        return "—"
    return d.strftime("%Y-%m-%d %H:%M") if isinstance(d, datetime) else d.isoformat()


def cite(citations: Sequence[Citation], copies: dict[str, str] | None = None) -> str:
    """ "[a1, a3]": each article once, copies folded under their original."""
    ids = fold((c.article for c in citations), copies or {})
    return "[dim]\\[" + ids.text() + "][/dim]"


def heading(text: str) -> str:
    return f"\n[bold underline]{text}[/]"


def _grid() -> Table:
    """Two columns without borders: a short label, then text that wraps under itself."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def header(brief: Brief) -> str:
    outlets = {b.article.outlet_label() for b in brief.articles}
    span = " – ".join(when(d) for d in (brief.first_published, brief.last_published) if d)
    line = f"{count(len(brief.articles), 'article')} from {count(len(outlets), 'outlet')}" + (
        f" · {span}" if span else ""
    )
    return f"[bold]{escape(brief.title or 'Untitled story')}[/bold]\n{line}"


def sources_grid(brief: Brief, limit: int = SOURCES_SHOWN) -> Table:
    """The legend of article labels: outlet, time, kind, and what it is a copy of."""
    grid = _grid()
    for b in brief.articles[:limit]:
        a = b.article
        bits = [f"[bold]{escape(a.outlet_label())}[/]"]
        if a.published:
            bits.append(when(a.published) + (" ~" if a.published_inferred else ""))
        if a.kind == "liveblog":
            bits.append("live blog")
        if b.copy_of:
            bits.append(f"copy of {b.copy_of}")
        title = f"\n[dim]{escape(a.title)}[/]" if a.title else ""
        grid.add_row(b.id, " · ".join(bits) + title)
    more = len(brief.articles) - limit
    if more > 0:
        grid.add_row("", f"[dim]{more} more (--format json)[/]")
    return grid


def _sides(line: FigureLine, copies: dict[str, str]) -> str:
    return " · ".join(
        f"{escape(s.wording)} [dim]({fold(s.articles, copies).text()})[/]" for s in line.sides
    )


def disagree_grid(brief: Brief, lines: list[Line] | None = None) -> Table:
    """Every conflict, differing figure and meaning-changing quotation, one line each."""
    copies = copy_of(brief)
    outlets = outlet_names(brief)
    grid = _grid()
    for x in disagreements(brief) if lines is None else lines:
        label = f"[{VERDICT_STYLE[x.kind]}]{x.kind.upper()}[/]"
        if isinstance(x, QuoteLine):
            who = escape(fold(x.articles, copies).named(outlets))
            speaker = escape(x.group.speaker or "unattributed")
            grid.add_row(label, f"{speaker}'s words: {who} {escape(x.what)}")
        elif x.kind == "rose":
            grid.add_row(label, f"{escape(x.claim.measure)}: {escape(x.trend)}")
        else:
            grid.add_row(label, f"{escape(x.claim.measure)}: {_sides(x, copies)}")
    return grid


def summary_lines(brief: Brief) -> Table:
    """The summary, a disputed figure or a pronoun's speaker noted in brackets after it."""
    copies = copy_of(brief)
    grid = _grid()
    for s in brief.summary:
        text = "".join(
            escape(t) if f is None else f" [bold]\\[{escape(f.note)}][/]"
            for t, f in pieces(s.text, summary_flags(brief, s))
        )
        grid.add_row("•", f"{text} {cite(s.citations, copies)}")
    return grid


def claims_grid(brief: Brief, singles: int = SINGLE_CLAIMS_SHOWN) -> Table:
    """One line a claim, verdict first: each figure with the articles that give it, and why
    under a conflict or a difference."""
    copies = copy_of(brief)
    grid = _grid()
    shown_singles = 0
    for c in brief.claims:
        if c.verdict == "single":
            shown_singles += 1
            if shown_singles > singles:
                continue
        each = " · ".join(
            f"{escape(s.wording)} [dim]({fold(s.articles, copies).text()})[/]" for s in sides_of(c)
        )
        text = f"{escape(c.measure)}: {each}"
        if c.verdict in ("conflict", "differ"):
            text += f"\n[dim]{escape(c.why)}[/]"
        grid.add_row(f"[{VERDICT_STYLE.get(c.verdict, '')}]{c.verdict}[/]", text)
    more = shown_singles - singles
    if more > 0:
        grid.add_row("", f"[dim]{more} more reported by one article (--format json)[/]")
    return grid


def timeline_grid(brief: Brief, limit: int = TIMELINE_SHOWN) -> Table:
    copies = copy_of(brief)
    grid = _grid()
    for e in brief.timeline[:limit]:
        stamp = e.date.isoformat() + (f" {e.time}" if e.time else "") + (" ~" if e.inferred else "")
        grid.add_row(stamp, f"{escape(e.text)} {cite(e.citations, copies)}")
    more = len(brief.timeline) - limit
    if more > 0:
        grid.add_row("", f"[dim]{more} more (--format json)[/]")
    return grid


def problems_grid(brief: Brief) -> Table:
    grid = _grid()
    for p in brief.problems:
        grid.add_row(escape(p.origin), escape(p.message))
    return grid


def renderable(brief: Brief, *, plain: bool = False) -> Group:
    """The whole brief; ``plain`` writes word differences as ``[-x-]{+y+}``."""
    parts: list[RenderableType] = [header(brief)]
    if brief.left_out:
        parts.append(left_out_table(brief))
    parts += [heading("Sources"), sources_grid(brief)]
    lines = disagreements(brief)
    if lines:
        parts += [heading("What disagrees"), disagree_grid(brief, lines)]
    if brief.summary:
        parts += [heading("Summary"), summary_lines(brief)]
    if brief.claims:
        parts += [heading("Figures"), claims_grid(brief)]
    if brief.quotes:
        parts += [
            heading("Who said what"),
            Padding(quotes_block(brief, QUOTES_SHOWN, plain=plain), 0),
        ]
    if held_views(brief):
        parts += [heading("Views held (not quotations)"), views_table(brief)]
    if any(items for _, items in brief.coverage):
        parts += [heading("Only in one outlet"), coverage_table(brief)]
    if brief.timeline:
        parts += [heading("Timeline"), timeline_grid(brief)]
    if brief.entities:
        parts += [heading("Who and what"), entities_table(brief)]
    if brief.problems and not brief.left_out:  # a brief stored before left_out existed
        parts += [heading("Could not read"), problems_grid(brief)]
    return Group(*parts)


def render(brief: Brief, console: Console) -> None:
    """Print the brief; without a colour terminal, differences are marked in plain text and
    the spaces rich pads its grids with are dropped (a file or a pipe keeps words only)."""
    plain = console.no_color or console.color_system is None
    if not plain:
        console.print(renderable(brief))
        return
    with console.capture() as captured:
        console.print(renderable(brief, plain=True))
    text = "\n".join(line.rstrip() for line in captured.get().split("\n"))
    console.out(text, highlight=False, end="")
