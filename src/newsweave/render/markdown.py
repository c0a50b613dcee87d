"""The brief as Markdown a journalist can paste into a note.

Every line that comes from an article is escaped (article text is untrusted) and carries its
sources as citation markers: "[a1 ABC News, a3 CNN]".
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import Brief, Citation
from newsweave.progress import count
from newsweave.render.claims import by_article
from newsweave.render.escape import markdown as markdown_escape
from newsweave.render.escape import markdown_code
from newsweave.render.json import iso
from newsweave.render.leftout import left_out_markdown
from newsweave.render.quotes import quotes_markdown
from newsweave.render.sections import coverage_markdown, entities_markdown

escape = markdown_escape


def _outlets(brief: Brief) -> dict[str, str]:
    return {b.id: b.article.outlet_label() for b in brief.articles}


def cite(citations: Sequence[Citation], outlets: dict[str, str]) -> str:
    """ "[a1 ABC News, a3 CNN]": each article once, in citation order."""
    seen: list[str] = []
    for c in citations:
        if c.article not in seen:
            seen.append(c.article)
    return "[" + ", ".join(f"{a} {escape(outlets.get(a, ''))}".strip() for a in seen) + "]"


def summary_lines(brief: Brief) -> list[str]:
    outlets = _outlets(brief)
    lines = ["## Summary", ""]
    lines += [f"- {escape(s.text)} {cite(s.citations, outlets)}" for s in brief.summary]
    return lines


def claims_lines(brief: Brief) -> list[str]:
    outlets = _outlets(brief)
    lines = [
        "## Figures",
        "",
        "| measure | verdict | each outlet's figure | why |",
        "|---|---|---|---|",
    ]
    for c in brief.claims:
        figures = " · ".join(
            f"{aid} {escape(outlets.get(aid, ''))}: {', '.join(escape(w) for w in wordings)}"
            for aid, wordings in by_article(c)
        )
        lines.append(f"| {escape(c.measure)} | **{c.verdict}** | {figures} | {escape(c.why)} |")
    return lines


def timeline_lines(brief: Brief) -> list[str]:
    outlets = _outlets(brief)
    lines = ["## Timeline", ""]
    for e in brief.timeline:
        when = e.date.isoformat() + (f" {e.time}" if e.time else "")
        mark = " (date inferred)" if e.inferred else ""
        lines.append(f"- **{when}**{mark}: {escape(e.text)} {cite(e.citations, outlets)}")
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
            lines += coverage_markdown(brief)
    lines += entities_markdown(brief)
    if brief.problems and not brief.left_out:  # a brief stored before left_out existed
        lines += ["", "## Could not read", ""]
        lines += [f"- {markdown_code(p.origin)}: {escape(p.message)}" for p in brief.problems]
    return "\n".join(lines) + "\n"
