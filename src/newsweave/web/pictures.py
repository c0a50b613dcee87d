"""The geometry of the story page's two pictures, drawn by the templates as inline SVG.

A timeline strip puts the story's dated events and each article's publication on one time
axis: who reported before what happened next shows at a glance. A coverage bar per outlet
counts the claims it reports, the facts only it has, and the quotations it prints. Both are
numbers and labels here; the templates write the SVG (escaped like any text), with no script
and no style attribute, so the page's content-security policy holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from newsweave.model import Brief
from newsweave.render.labels import copy_of

# The strip's drawing box (SVG user units; the picture scales to the page's width).
# 400 units draw labels about 9 px high on a phone and 14 px at the page's widest.
STRIP_WIDTH = 400
STRIP_MARGIN = 16
# Article labels closer than this (user units) go on a second row rather than overlap.
LABEL_GAP = 16
LABEL_ROWS = 3
DATE_ONLY = time(12, 0)  # a date without a time sits mid-day


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    label: str  # "a3" for an article, "" for an event
    title: str  # what a hover shows: the outlet and time, or the event
    row: int = 0  # label row (0 to LABEL_ROWS - 1) so close labels do not overlap
    href: str = ""


@dataclass(frozen=True, slots=True)
class Strip:
    width: int
    events: tuple[Mark, ...]
    articles: tuple[Mark, ...]
    ticks: tuple[Mark, ...]  # day boundaries, labelled with the date


@dataclass(frozen=True, slots=True)
class Bar:
    """One outlet's counts, and each as a share (0–100) of the largest outlet's."""

    article: str
    outlet: str
    copies: int
    claims: int
    unique: int
    quotes: int
    claims_pct: float
    unique_pct: float
    quotes_pct: float


def _at(d: date, clock: str | None = None) -> datetime:
    if isinstance(d, datetime):
        return d.replace(tzinfo=None)
    if clock:
        try:
            h, m = (int(x) for x in clock.split(":")[:2])
            return datetime.combine(d, time(h, m))
        except ValueError:
            pass
    return datetime.combine(d, DATE_ONLY)


def _stamp(d: date) -> str:
    return d.strftime("%Y-%m-%d %H:%M") if isinstance(d, datetime) else d.isoformat()


def timeline_strip(brief: Brief) -> Strip | None:
    """Events and publications on one axis; None when fewer than two moments are known."""
    events = [(_at(e.date, e.time), e) for e in brief.timeline]
    published = [(_at(b.article.published), b) for b in brief.articles if b.article.published]
    moments = [t for t, _ in events] + [t for t, _ in published]
    if len(set(moments)) < 2:
        return None
    lo, hi = min(moments), max(moments)
    span = (hi - lo).total_seconds()
    inner = STRIP_WIDTH - 2 * STRIP_MARGIN

    def x(t: datetime) -> float:
        return round(STRIP_MARGIN + inner * (t - lo).total_seconds() / span, 1)

    event_marks = tuple(
        Mark(
            x(t),
            "",
            f"{e.date.isoformat()}{' ' + e.time if e.time else ''}: {e.text}",
            href=f"#event-{i}",
        )
        for i, (t, e) in enumerate(events)
    )
    article_marks: list[Mark] = []
    last_x = [-float(LABEL_GAP)] * LABEL_ROWS
    copies = copy_of(brief)
    for t, b in sorted(published, key=lambda p: p[0]):
        if b.id in copies:
            continue  # a copy's time is its original's story; it is counted in the legend
        px = x(t)
        free = [r for r in range(LABEL_ROWS) if px - last_x[r] >= LABEL_GAP]
        row = free[0] if free else min(range(LABEL_ROWS), key=lambda r: last_x[r])
        last_x[row] = px
        title = f"{b.id} {b.article.outlet_label()} · {_stamp(b.article.published or t)}"
        article_marks.append(Mark(px, b.id, title, row))
    ticks: list[Mark] = []
    day = lo.date()
    while datetime.combine(day, time()) <= hi and len(ticks) < 32:
        start = datetime.combine(day, time())
        if start >= lo:
            ticks.append(Mark(x(start), day.strftime("%-d %b"), day.isoformat()))
        day = date.fromordinal(day.toordinal() + 1)
    if not ticks:
        ticks.append(Mark(x(lo), lo.strftime("%-d %b"), lo.date().isoformat()))
    return Strip(STRIP_WIDTH, event_marks, tuple(article_marks), tuple(ticks))


def coverage_bars(brief: Brief) -> list[Bar]:
    """Per original article (its copies folded in): claims reported, facts only it reports,
    quotations printed."""
    copies = copy_of(brief)
    originals = [b for b in brief.articles if not b.copy_of]
    claims: dict[str, set[str]] = {b.id: set() for b in originals}
    quotes: dict[str, set[str]] = {b.id: set() for b in originals}
    for c in brief.claims:
        for r in c.reports:
            claims.get(copies.get(r.article, r.article), set()).add(c.id)
    for g in brief.quotes:
        for v in g.variants:
            quotes.get(copies.get(v.article, v.article), set()).add(g.id)
    unique = {aid: len(items) for aid, items in brief.coverage}
    n_copies = {b.id: sum(1 for o in copies.values() if o == b.id) for b in originals}
    top_c = max((len(s) for s in claims.values()), default=0) or 1
    top_u = max(unique.values(), default=0) or 1
    top_q = max((len(s) for s in quotes.values()), default=0) or 1
    return [
        Bar(
            b.id,
            b.article.outlet_label(),
            n_copies[b.id],
            len(claims[b.id]),
            unique.get(b.id, 0),
            len(quotes[b.id]),
            round(100 * len(claims[b.id]) / top_c, 1),
            round(100 * unique.get(b.id, 0) / top_u, 1),
            round(100 * len(quotes[b.id]) / top_q, 1),
        )
        for b in originals
    ]
