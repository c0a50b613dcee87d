"""The brief as Markdown a journalist can paste into a note.

The order is the terminal's: sources defined once at the top, then what disagrees, then the
summary (a disputed figure noted where it stands), figures verdict first, quotations with
``<del>``/``<ins>`` marking changed words. Every line that comes from an article is escaped
(article text is untrusted) and carries its sources as citation markers: "[a1 ABC News, a3
CNN]", syndicated copies counted under their original.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.contract.encode import iso
from newsweave.model import Brief, Citation
from newsweave.progress import count
from newsweave.render.claims import by_article
from newsweave.render.disagree import FigureLine, QuoteLine, disagreements
from newsweave.render.escape import markdown as markdown_escape
from newsweave.render.escape import markdown_code
from newsweave.render.flags import pieces, summary_flags
from newsweave.render.labels import copy_of, fold, outlet_names
from newsweave.render.leftout import left_out_markdown
from newsweave.render.quotes import quotes_markdown
from newsweave.render.sections import coverage_markdown, entities_markdown
from newsweave.render.views import views_markdown

escape = markdown_escape


def cite(
    citations: Sequence[Citation], outlets: dict[str, str], copies: dict[str, str] | None = None
) -> str:
    """ "[a1 ABC News, a3 CNN +2 copies]": each article once, in citation order, copies
    counted under their original."""
    return cite_ids([c.article for c in citations], outlets, copies)


def cite_ids(
    ids: Sequence[str], outlets: dict[str, str], copies: dict[str, str] | None = None
) -> str:
    folded = fold(ids, copies or {})
    named = ", ".join(f"{a} {escape(outlets.get(a, ''))}".strip() for a in folded.shown)
    return "[" + named + folded.tail() + "]"


def sources_lines(brief: Brief) -> list[str]:
    """The article labels every later line uses, defined once."""
    items = []
    for b in brief.articles:
        extra = f" (copy of {b.copy_of})" if b.copy_of else ""
        items.append(f"{b.id} {escape(b.article.outlet_label())}{extra}")
    return ["**Sources:** " + " · ".join(items)]


def disagree_lines(brief: Brief) -> list[str]:
    """What disagrees, one item a conflict, difference or meaning-changing quotation."""
    lines = disagreements(brief)
    if not lines:
        return []
    outlets = outlet_names(brief)
    copies = copy_of(brief)
    out = ["## What disagrees", ""]
    for x in lines:
        label = f"**{x.kind.capitalize()}**"
        if isinstance(x, QuoteLine):
            who = escape(fold(x.articles, copies).named(outlets))
            speaker = escape(x.group.speaker or "unattributed")
            out.append(f"- {label}: {speaker}'s words: {who} {escape(x.what)}")
        elif x.kind == "rose":
            out.append(f"- {label}: {escape(x.claim.measure)}: {escape(x.trend)}")
        else:
            out.append(f"- {label}: {escape(x.claim.measure)}: {_sides(x, outlets, copies)}")
    return out


def _sides(line: FigureLine, outlets: dict[str, str], copies: dict[str, str]) -> str:
    return " · ".join(
        f"{escape(s.wording)} {cite_ids(s.articles, outlets, copies)}" for s in line.sides
    )


def summary_lines(brief: Brief) -> list[str]:
    """The summary; a disputed figure or a pronoun's speaker is noted in bold brackets."""
    outlets = outlet_names(brief)
    copies = copy_of(brief)
    lines = ["## Summary", ""]
    for s in brief.summary:
        text = "".join(
            escape(t) if f is None else f" **\\[{escape(f.note)}\\]**"
            for t, f in pieces(s.text, summary_flags(brief, s))
        )
        lines.append(f"- {text} {cite(s.citations, outlets, copies)}")
    return lines


def claims_lines(brief: Brief) -> list[str]:
    outlets = outlet_names(brief)
    lines = [
        "## Figures",
        "",
        "| verdict | measure | each outlet's figure | why |",
        "|---|---|---|---|",
    ]
    for c in brief.claims:
        figures = " · ".join(
            f"{aid} {escape(outlets.get(aid, ''))}: {', '.join(escape(w) for w in wordings)}"
            for aid, wordings in by_article(c)
        )
        lines.append(f"| **{c.verdict}** | {escape(c.measure)} | {figures} | {escape(c.why)} |")
    return lines


def timeline_lines(brief: Brief) -> list[str]:
    outlets = outlet_names(brief)
    copies = copy_of(brief)
    lines = ["## Timeline", ""]
    for e in brief.timeline:
        when = e.date.isoformat() + (f" {e.time}" if e.time else "")
        mark = " (date inferred)" if e.inferred else ""
        lines.append(f"- **{when}**{mark}: {escape(e.text)} {cite(e.citations, outlets, copies)}")
    return lines


def articles_lines(brief: Brief) -> list[str]:
    lines = [
        "## Articles",
        "",
        "| id | outlet | title | published | kind | words | removed |",
        "|---|---|---|---|---|---|---|",
    ]
    for b in brief.articles:
        a = b.article
        published = (iso(a.published) or "—") + (" (inferred)" if a.published_inferred else "")
        lines.append(
            f"| {b.id} | {escape(a.outlet_label())} | {escape(a.title or '—')} | "
            f"{published} | {a.kind} | {len(a.text.split())} | {len(a.removed)} |"
        )
    return lines


def render(brief: Brief) -> str:
    span = " – ".join(x for x in (iso(brief.first_published), iso(brief.last_published)) if x)
    lines = [
        f"# {escape(brief.title or 'Untitled story')}",
        "",
        count(len(brief.articles), "article") + (f", {span}" if span else ""),
    ]
    if brief.left_out:
        lines += ["", *left_out_markdown(brief)]
    lines += ["", *sources_lines(brief)]
    if disagreements(brief):
        lines += ["", *disagree_lines(brief)]
    sections = [
        (brief.summary, summary_lines),
        (brief.claims, claims_lines),
        (brief.timeline, timeline_lines),
        (brief.articles, articles_lines),
    ]
    for present, make in sections:
        if present:
            lines += ["", *make(brief)]
        if make is claims_lines:
            lines += quotes_markdown(brief)
            lines += views_markdown(brief)
            lines += coverage_markdown(brief)
    lines += entities_markdown(brief)
    if brief.problems and not brief.left_out:  # a brief stored before left_out existed
        lines += ["", "## Could not read", ""]
        lines += [f"- {markdown_code(p.origin)}: {escape(p.message)}" for p in brief.problems]
    return "\n".join(lines) + "\n"
