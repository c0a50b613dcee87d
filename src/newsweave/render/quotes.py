"""Quote groups for the terminal (rich) and Markdown: each outlet's wording, its word-level
difference from the canonical wording marked (deleted words struck, inserted ones
underlined or bold), the note when a change reverses the meaning, and the outlets that
report the utterance in their own words (without quote marks, since they are not quoting).

Every word comes from an article, so each is escaped on the way out: ``rich.markup.escape``
for the terminal, ``newsweave.render.escape.markdown`` (what ``render.markdown.escape`` is)
for Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.table import Table

from newsweave.model import Brief, QuoteGroup, QuoteVariant, WordDiff
from newsweave.render.escape import markdown as md_escape
from newsweave.render.escape import terminal as rich_escape

# The terminal and a note show the groups most outlets quote; the JSON has them all.
QUOTE_ROWS = 25
DELETED_STYLE = "strike red"
INSERTED_STYLE = "underline green"
CHANGED_STYLE = "yellow"


def _outlets(brief: Brief) -> dict[str, str]:
    """Each article id's outlet as every format names it (``Article.outlet_label``)."""
    return {b.id: b.article.outlet_label() for b in brief.articles}


def shown_groups(brief: Brief, limit: int = QUOTE_ROWS) -> list[QuoteGroup]:
    """The groups worth showing: those most outlets quote, and any whose meaning changed."""
    flagged = [g for g in brief.quotes if g.note]
    rest = [g for g in brief.quotes if not g.note]
    return sorted(flagged + rest[: max(0, limit - len(flagged))], key=brief.quotes.index)


def _has_changes(v: QuoteVariant) -> bool:
    return any(d.op != "=" for d in v.diff)


def _marked(
    diff: Sequence[WordDiff], escape: Callable[[str], str], deleted: str, inserted: str
) -> str:
    """Each word escaped; deleted and inserted ones wrapped by the ``{}`` format given."""
    wrap = {"-": deleted, "+": inserted, "=": "{}"}
    return " ".join(wrap[d.op].format(escape(d.word)) for d in diff)


def diff_markup(diff: Sequence[WordDiff]) -> str:
    """Rich markup of a word-level difference: deleted words struck in red, inserted ones
    underlined in green."""
    return _marked(diff, rich_escape, f"[{DELETED_STYLE}]{{}}[/]", f"[{INSERTED_STYLE}]{{}}[/]")


def diff_markdown(diff: Sequence[WordDiff]) -> str:
    """Markdown of a word-level difference: ``~~deleted~~`` and ``**inserted**``."""
    return _marked(diff, md_escape, "~~{}~~", "**{}**")


def _terminal_variant(v: QuoteVariant, outlets: dict[str, str]) -> str:
    who = f"[bold]{v.article}[/] {rich_escape(outlets.get(v.article, ''))}".rstrip()
    if v.kind == "reported":
        return f"{who} [dim]reported[/]: {rich_escape(v.text)}"
    if v.fidelity == "changed":
        words = diff_markup(v.diff) if v.diff else rich_escape(v.text)
        return f"{who} [{CHANGED_STYLE}]changed[/]: “{words}”"
    if _has_changes(v):
        # Faithful up to an article or "that": show what differs all the same.
        return f"{who} faithful: “{diff_markup(v.diff)}”"
    return f"{who} faithful: “{rich_escape(v.text)}”"


def quotes_table(brief: Brief, limit: int = QUOTE_ROWS) -> Table:
    """One row an utterance: who said it, the canonical wording, and each outlet's wording
    with its differences marked; a note where a change reverses the meaning."""
    outlets = _outlets(brief)
    shown = shown_groups(brief, limit)
    more = len(brief.quotes) - len(shown)
    table = Table(
        title="Who said what",
        caption=f"{more} more in the JSON" if more > 0 else None,
        expand=True,
        show_lines=True,
    )
    table.add_column("speaker", overflow="fold", ratio=1)
    table.add_column("wording", overflow="fold", ratio=3)
    table.add_column("each outlet's wording", overflow="fold", ratio=4)
    for g in shown:
        wording = f"“{rich_escape(g.canonical)}”"
        if g.note:
            wording += f"\n[bold red]{rich_escape(g.note)}[/]"
        variants = "\n".join(_terminal_variant(v, outlets) for v in g.variants)
        table.add_row(rich_escape(g.speaker or "—"), wording, variants)
    return table


def _markdown_variant(v: QuoteVariant, outlets: dict[str, str]) -> str:
    who = f"{v.article} {md_escape(outlets.get(v.article, ''))}".rstrip()
    if v.kind == "reported":
        # The outlet's own words, not a quotation: no quote marks.
        return f"  - {who}, *reported*: {md_escape(v.text)}"
    if v.fidelity == "changed":
        words = diff_markdown(v.diff) if v.diff else md_escape(v.text)
        return f"  - {who}, *changed*: “{words}”"
    if _has_changes(v):
        return f"  - {who}, faithful: “{diff_markdown(v.diff)}”"
    return f"  - {who}, faithful: “{md_escape(v.text)}”"


def quotes_markdown(brief: Brief, limit: int = QUOTE_ROWS) -> list[str]:
    """The "Who said what" section: one item an utterance, each outlet's wording under it
    with deletions as ``~~word~~`` and insertions as ``**word**``; empty without quotes."""
    if not brief.quotes:
        return []
    outlets = _outlets(brief)
    shown = shown_groups(brief, limit)
    lines = ["", "## Who said what", ""]
    for g in shown:
        speaker = md_escape(g.speaker) if g.speaker else "Unattributed"
        lines.append(f"- **{speaker}**: “{md_escape(g.canonical)}”")
        if g.note:
            lines.append(f"  - **Meaning changed:** {md_escape(g.note)}")
        lines.extend(_markdown_variant(v, outlets) for v in g.variants)
    more = len(brief.quotes) - len(shown)
    if more > 0:
        lines += ["", f"{more} more in the JSON."]
    return lines
