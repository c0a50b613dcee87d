"""Quote groups for the terminal (rich) and Markdown, laid out by ``quote_layout`` (a heading
per speaker, faithful wordings folded): each changed wording with its word-level difference
from the canonical one marked (deleted words struck, inserted ones underlined; ``[-x-]{+y+}``
in plain text, ``<del>``/``<ins>`` in Markdown), the note when a change reverses the meaning,
and the outlets that report the utterance in their own words (without quote marks, since
they are not quoting).

Every word comes from an article, so each is escaped on the way out: ``rich.markup.escape``
for the terminal, ``newsweave.render.escape.markdown`` (what ``render.markdown.escape`` is)
for Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding

from newsweave.model import Brief, QuoteGroup, WordDiff
from newsweave.render.escape import markdown as md_escape
from newsweave.render.escape import printable
from newsweave.render.escape import terminal as rich_escape
from newsweave.render.quote_layout import Row, by_speaker

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


def _marked(
    diff: Sequence[WordDiff], escape: Callable[[str], str], deleted: str, inserted: str
) -> str:
    """Each word escaped; each run of deleted or inserted words wrapped once by the ``{}``
    format given (``[-to include-] {+including+}``, as wdiff writes it)."""
    wrap = {"-": deleted, "+": inserted, "=": "{}"}
    runs: list[tuple[str, list[str]]] = []
    for d in diff:
        if runs and runs[-1][0] == d.op != "=":
            runs[-1][1].append(escape(d.word))
        else:
            runs.append((d.op, [escape(d.word)]))
    return " ".join(wrap[op].format(" ".join(words)) for op, words in runs)


def diff_markup(diff: Sequence[WordDiff]) -> str:
    """Rich markup of a word-level difference: deleted words struck in red, inserted ones
    underlined in green."""
    return _marked(diff, rich_escape, f"[{DELETED_STYLE}]{{}}[/]", f"[{INSERTED_STYLE}]{{}}[/]")


def diff_markdown(diff: Sequence[WordDiff]) -> str:
    """Markdown of a word-level difference: ``<del>deleted</del>`` and ``<ins>inserted</ins>``
    (inline HTML that Markdown viewers show struck and underlined; article text is escaped, so
    these are the only tags)."""
    return _marked(diff, md_escape, "<del>{}</del>", "<ins>{}</ins>")


def diff_plain(diff: Sequence[WordDiff]) -> str:
    """Plain text of a word-level difference, as wdiff writes it: ``[-deleted-]`` and
    ``{+inserted+}``. Colour and strike-through vanish in a pipe, a file or a log, where a
    dropped "not" would otherwise read as quoted."""
    return _marked(diff, printable, "[-{}-]", "{{+{}+}}")


def _words(
    row: Row, diff: Callable[[Sequence[WordDiff]], str], escape: Callable[[str], str]
) -> str:
    v = row.variant
    if row.kind == "changed" and v.diff:
        return diff(v.diff)
    return escape(v.text)


def _terminal_row(row: Row, outlets: dict[str, str], plain: bool) -> str:
    who = f"[bold]{rich_escape(row.articles.named(outlets))}[/]"
    if row.kind == "faithful":
        return f"{who}: faithful"
    if row.kind == "reported":
        return f"{who} [dim]reported[/]: {rich_escape(row.variant.text)}"
    diff = (lambda d: rich_escape(diff_plain(d))) if plain else diff_markup
    out = f"{who} [{CHANGED_STYLE}]changed[/]: “{_words(row, diff, rich_escape)}”"
    if row.note:
        out += f"\n[bold red]{rich_escape(row.note)}[/]"
    return out


def quotes_block(brief: Brief, limit: int = QUOTE_ROWS, *, plain: bool = False) -> Group:
    """Who said what, one heading a speaker: each quotation, then a row per distinct wording
    (faithful ones folded) with its differences marked, ``[-so-]{+plain+}`` when ``plain``
    (no colour: a pipe, a file, a log)."""
    outlets = _outlets(brief)
    shown = shown_groups(brief, limit)
    parts: list[RenderableType] = []
    for sp in by_speaker(brief, shown):
        parts.append(f"[bold]{rich_escape(sp.name or 'Unattributed')}[/]")
        for q in sp.quotations:
            parts.append(Padding(f"“{rich_escape(q.group.canonical)}”", (0, 0, 0, 2)))
            for row in q.rows:
                parts.append(Padding(_terminal_row(row, outlets, plain), (0, 0, 0, 4)))
    more = len(brief.quotes) - len(shown)
    if more > 0:
        parts.append(f"[dim]{more} more (--format json)[/]")
    return Group(*parts)


def _markdown_row(row: Row, outlets: dict[str, str]) -> str:
    who = md_escape(row.articles.named(outlets))
    if row.kind == "faithful":
        return f"    - {who}: faithful"
    if row.kind == "reported":
        # The outlet's own words, not a quotation: no quote marks.
        return f"    - {who}, *reported*: {md_escape(row.variant.text)}"
    out = f"    - {who}, *changed*: “{_words(row, diff_markdown, md_escape)}”"
    if row.note:
        out += f" **Meaning changed:** {md_escape(row.note)}"
    return out


def quotes_markdown(brief: Brief, limit: int = QUOTE_ROWS) -> list[str]:
    """The "Who said what" section: a speaker's quotations under one item, each outlet's
    wording under them (faithful ones folded) with ``<del>``/``<ins>`` marking the changes;
    empty without quotes."""
    if not brief.quotes:
        return []
    outlets = _outlets(brief)
    shown = shown_groups(brief, limit)
    lines = ["", "## Who said what", ""]
    for sp in by_speaker(brief, shown):
        lines.append(f"- **{md_escape(sp.name) if sp.name else 'Unattributed'}**")
        for q in sp.quotations:
            lines.append(f"  - “{md_escape(q.group.canonical)}”")
            lines.extend(_markdown_row(row, outlets) for row in q.rows)
    more = len(brief.quotes) - len(shown)
    if more > 0:
        lines += ["", f"{more} more (--format json)."]
    return lines
