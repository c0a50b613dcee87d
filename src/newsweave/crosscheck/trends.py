"""Counts that change over time: a toll that rises between the morning and the evening.

Outlets that report a count of the dead, the injured, the arrested or the displaced at
different times give different figures without contradicting each other: the count grew.
Reports are put in time order (a live-blog entry's time, else the article's publication
time; a publication date the story lent an article does not count) and cut into slots of
reports made at about the same time. The verdict then compares reports within a slot only;
if the figures never fall from one slot to the next, the claim gains a trend and its
differences are explained by it. A count that falls, or two outlets at the same time with
figures that cannot both hold, keep the verdict of CONTRACT.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from newsweave.analyze import lexicon
from newsweave.model import AnnotatedArticle, Figure, Report, TrendPoint, Verdict

# Reports this close in time are of the same moment of a story (a newsroom refreshes a toll
# every few hours; two outlets within two hours report the same official count).
SAME_TIME = timedelta(hours=2)
_ORDER: dict[Verdict, int] = {"single": 0, "agree": 1, "differ": 2, "conflict": 3}

Moment = datetime | date


def accumulates(figures: Sequence[Figure]) -> bool:
    """Whether a claim counts something that only grows as news comes in: people something
    happened to (dead, injured, arrested, displaced), or a running total."""
    return all(f.quantity.unit is None for f in figures) and any(
        f.event in lexicon.FATES or f.cumulative for f in figures
    )


def report_time(annotated: AnnotatedArticle, report: Report) -> Moment | None:
    """When a report was made: its live-blog entry's time, else its article's publication."""
    for entry in annotated.article.entries:
        if entry.published and entry.span.start <= report.span.start < entry.span.end:
            return entry.published
    a = annotated.article
    return None if a.published_inferred else a.published


def _as_datetime(at: Moment) -> tuple[datetime, bool]:
    """A moment and whether it has a time of day (a bare date covers the whole day)."""
    if isinstance(at, datetime):
        return at.replace(tzinfo=None), True
    return datetime.combine(at, time()), False


def _same_time(a: Moment, b: Moment) -> bool:
    da, ta = _as_datetime(a)
    db, tb = _as_datetime(b)
    if ta and tb:
        return abs(da - db) <= SAME_TIME
    return da.date() == db.date()  # a day against a time that day: maybe the same moment


def timed_verdict(
    reports: Sequence[Report],
    articles: Mapping[str, AnnotatedArticle],
    verdict: Callable[[Sequence[Report]], tuple[Verdict, str]],
) -> tuple[Verdict, str, tuple[TrendPoint, ...]] | None:
    """The verdict over reports of about the same time and the trend, or None when time
    explains nothing (a time is missing, all are of one moment, or the count fell)."""
    times = [report_time(articles[r.article], r) for r in reports]
    if any(t is None for t in times):
        return None
    timed = sorted(
        ((t, r) for t, r in zip(times, reports, strict=True) if t is not None),
        key=lambda tr: _as_datetime(tr[0])[0],
    )
    slots: list[list[tuple[Moment, Report]]] = []
    for t, r in timed:
        if slots and _same_time(slots[-1][0][0], t):
            slots[-1].append((t, r))
        else:
            slots.append([(t, r)])
    if len(slots) < 2:
        return None
    verdicts = [verdict([r for _, r in slot]) for slot in slots]
    if any(v == "conflict" for v, _ in verdicts):
        return None
    values = [[_value(r) for _, r in slot] for slot in slots]
    if any(min(later) < max(earlier) for earlier, later in pairwise(values)):
        return None  # a count that accumulates does not fall: a contradiction after all
    if len({v for vs in values for v in vs}) < 2:
        return None  # one figure throughout
    trend = tuple(TrendPoint(r.article, _value(r), t) for slot in slots for t, r in slot[:1])
    worst = max((v for v, _ in verdicts), key=lambda v: _ORDER[v])
    shown = " → ".join(f"{_number(p.value)} ({p.article}, {_when(p.at)})" for p in trend)
    why = f"the count rose as the story went on, which is not a contradiction: {shown}"
    return ("differ" if _ORDER[worst] < _ORDER["differ"] else worst), why, trend


# A year, for people's ages (a year and a quarter day, on average).
_YEAR = timedelta(days=365.25)


def aged_verdict(
    reports: Sequence[Report], articles: Mapping[str, AnnotatedArticle]
) -> tuple[Verdict, str] | None:
    """A person's age given as 27 in one report and 29 in a report 20 months later is one
    person growing older, not a contradiction: "differ", with the dates that explain it, when
    every pair of dated reports fits the time between them (an age rises by the whole years
    elapsed, or one more; within a year it does not change) and each undated one gives an
    age a dated one gives; None when fewer than two are dated or a pair does not fit."""
    if any(r.low is None or r.low != r.high for r in reports):
        return None
    times = [report_time(articles[r.article], r) for r in reports]
    timed = sorted(
        ((_as_datetime(t)[0], r) for t, r in zip(times, reports, strict=True) if t is not None),
        key=lambda tr: tr[0],
    )
    # A report of no known date fits when it gives an age a dated report gives.
    undated = [r for t, r in zip(times, reports, strict=True) if t is None]
    if len(timed) < 2 or any(_value(r) not in {_value(d) for _, d in timed} for r in undated):
        return None
    for i, (t1, r1) in enumerate(timed):
        for t2, r2 in timed[i + 1 :]:
            whole = int((t2 - t1) / _YEAR)
            rise = _value(r2) - _value(r1)
            # within a year, two ages are two claims about one moment, birthday or not
            if not (rise == 0 if whole < 1 else whole <= rise <= whole + 1):
                return None
    shown = " → ".join(
        f"{_number(_value(r))} ({r.article}, {t:%Y-%m-%d})"
        for k, (t, r) in enumerate(timed)
        if k == 0 or _value(r) != _value(timed[k - 1][1])
    )
    why = f"the person grew older between the reports, which is not a contradiction: {shown}"
    if undated:
        why += f" ({', '.join(sorted({r.article for r in undated}))}: no date of their own)"
    return "differ", why


def _value(r: Report) -> float:
    """The figure a report gives: its low end, or its high end when it has none."""
    x = r.low if r.low is not None else r.high
    return float(x) if x is not None else 0.0


def _number(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,}"


def _when(at: Moment) -> str:
    d, has_time = _as_datetime(at)
    return d.strftime("%Y-%m-%d %H:%M") if has_time else d.strftime("%Y-%m-%d")
