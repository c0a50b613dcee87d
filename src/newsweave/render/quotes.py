"""Quote groups for the terminal (rich) and Markdown, laid out by ``quote_layout`` (a heading
per speaker, faithful wordings folded): each changed wording with its word-level difference
from the canonical one marked (deleted words struck, inserted ones underlined; ``[-x-]{+y+}``
in plain text, ``<del>``/``<ins>`` in Markdown), the note when a change reverses the meaning,
and the outlets that report the utterance in their own words (without quote marks, since
they are not quoting). One renderer walks the rows for both formats; a ``QuoteMarkup`` says
how each format writes them.

Every word comes from an article, so each is escaped on the way out: ``rich.markup.escape``
for the terminal, ``newsweave.render.escape.markdown`` (what ``render.markdown.escape`` is)
for Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

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


def _plain_markup(diff: Sequence[WordDiff]) -> str:
    """The plain-text difference, escaped for rich (no colour: a pipe, a file, a log)."""
    return rich_escape(diff_plain(diff))


@dataclass(frozen=True, slots=True)
class QuoteMarkup:
    """How one format writes the quote section: its escape, its word-level difference, and a
    ``str.format`` template for each piece. The terminal and Markdown lay out the same rows
    (``quote_layout``), so one walk over them serves both and only the markup differs."""

    escape: Callable[[str], str]
    diff: Callable[[Sequence[WordDiff]], str]
    speaker: str  # a speaker's heading
    quotation: str  # a quotation under it (the canonical wording)
    who: str  # the articles that print one wording
    faithful: str  # fields: who
    reported: str  # fields: who, text
    changed: str  # fields: who, words
    note: str  # after a changed row whose meaning is reversed


TERMINAL = QuoteMarkup(
    escape=rich_escape,
    diff=diff_markup,
    speaker="[bold]{}[/]",
    quotation="“{}”",
    who="[bold]{}[/]",
    faithful="{who}: faithful",
    reported="{who} [dim]reported[/]: {text}",
    changed=f"{{who}} [{CHANGED_STYLE}]changed[/]: “{{words}}”",
    note="\n[bold red]{}[/]",
)
TERMINAL_PLAIN = replace(TERMINAL, diff=_plain_markup)
MARKDOWN = QuoteMarkup(
    escape=md_escape,
    diff=diff_markdown,
    speaker="- **{}**",
    quotation="- “{}”",
    who="{}",
    faithful="- {who}: faithful",
    # The outlet's own words, not a quotation: no quote marks.
    reported="- {who}, *reported*: {text}",
    changed="- {who}, *changed*: “{words}”",
    note=" **Meaning changed:** {}",
)


def _row(row: Row, outlets: dict[str, str], m: QuoteMarkup) -> str:
    who = m.who.format(m.escape(row.articles.named(outlets)))
    if row.kind == "faithful":
        return m.faithful.format(who=who)
    if row.kind == "reported":
        return m.reported.format(who=who, text=m.escape(row.variant.text))
    v = row.variant
    words = m.diff(v.diff) if v.diff else m.escape(v.text)
    out = m.changed.format(who=who, words=words)
    if row.note:
        out += m.note.format(m.escape(row.note))
    return out


def quote_lines(
    brief: Brief, groups: Sequence[QuoteGroup], m: QuoteMarkup
) -> list[tuple[int, str]]:
    """Who said what in ``m``'s markup, each line with its indent: a speaker's heading (0),
    each of their quotations (2), and a row per distinct wording (4), faithful ones folded."""
    outlets = _outlets(brief)
    lines: list[tuple[int, str]] = []
    for sp in by_speaker(brief, groups):
        lines.append((0, m.speaker.format(m.escape(sp.name) if sp.name else "Unattributed")))
        for q in sp.quotations:
            lines.append((2, m.quotation.format(m.escape(q.group.canonical))))
            lines.extend((4, _row(row, outlets, m)) for row in q.rows)
    return lines


def quotes_block(brief: Brief, limit: int = QUOTE_ROWS, *, plain: bool = False) -> Group:
    """Who said what, one heading a speaker: each quotation, then a row per distinct wording
    (faithful ones folded) with its differences marked, ``[-so-]{+plain+}`` when ``plain``
    (no colour: a pipe, a file, a log)."""
    shown = shown_groups(brief, limit)
    lines = quote_lines(brief, shown, TERMINAL_PLAIN if plain else TERMINAL)
    parts: list[RenderableType] = [
        Padding(text, (0, 0, 0, indent)) if indent else text for indent, text in lines
    ]
    more = len(brief.quotes) - len(shown)
    if more > 0:
        parts.append(f"[dim]{more} more (--format json)[/]")
    return Group(*parts)


def quotes_markdown(brief: Brief, limit: int = QUOTE_ROWS) -> list[str]:
    """The "Who said what" section: a speaker's quotations under one item, each outlet's
    wording under them (faithful ones folded) with ``<del>``/``<ins>`` marking the changes;
    empty without quotes."""
    if not brief.quotes:
        return []
    shown = shown_groups(brief, limit)
    lines = ["", "## Who said what", ""]
    lines += [" " * indent + text for indent, text in quote_lines(brief, shown, MARKDOWN)]
    more = len(brief.quotes) - len(shown)
    if more > 0:
        lines += ["", f"{more} more (--format json)."]
    return lines
