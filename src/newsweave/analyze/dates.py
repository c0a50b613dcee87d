"""Date expressions in article text, resolved against the article's publication date.

"on Sunday", "last Sunday" and "this past Sunday" are the most recent Sunday on or before
publication; "7 October" is the nearest 7 October on or before it; "yesterday" is the day
before. A date the sentence looks forward to ("until at least Monday", "schools will stay shut
until May 6", "talks resume next Tuesday") is the nearest such day after publication instead:
the cue is a word just before the date ("until", "next", "by") or a future verb earlier in its
clause ("will", "is expected to", "opens"). A full date with its year needs no publication
date at all. Our own rules rather than dateparser, whose relative resolution was measured wrong for
news when this stage was planned: with past preference it puts "Friday" in an article published
on a Friday a week too early, and it misses "this past Sunday". The cases are pinned down in
tests/analyze/test_dates.py.

Only expressions that name a day are resolved: "in October" or "this week" say too little to
put on a timeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from statistics import median_low

from newsweave.extract import datelines
from newsweave.model import Article, Span

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"\b(?P<pre>(?:last|this past|this|past|on|earlier on|late on|early on|since|until|till|"
    r"by|next|coming|this coming|from|before)\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|’s)?"
    r"(?P<part>\s+(?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
    r"(?:last|this past) weekend)\b",
    re.IGNORECASE,
)
# Words before a weekday that point ahead of publication.
_FUTURE = frozenset({"until", "till", "by", "next", "coming", "this coming", "from", "before"})
# Cues earlier in the date's clause that it lies ahead: a future verb, or "until" with words
# between ("until at least Monday"). Not "through" or "next", which are places as often
# ("tore through a warehouse on Tuesday", "next to the pier").
_FORWARD_CUE = re.compile(
    r"\b(?:will|won['’]t|shall|is expected to|are expected to|is scheduled|are scheduled|"
    r"is due|are due|is set to|are set to|plans? to|planned for|going to|opens|reopens|"
    r"upcoming|until|till)\b|['’]ll\b",
    re.IGNORECASE,
)
# Where a clause begins: the forward cue must be in the date's own clause ("He said on Monday
# that the pier will reopen" keeps Monday in the past).
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\b(?:that|but|and|after|when|which|who)\b", re.IGNORECASE)
# Offsets in days from publication, for the relative words above.
_OFFSETS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
}


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression resolved to a day; ``span`` is relative to the text searched."""

    span: Span
    text: str
    day: date


def _day(d: date) -> date:
    return d.date() if isinstance(d, datetime) else d


def _shifted(ref: date, days: int) -> date | None:
    """``ref`` moved by ``days``, or None past the calendar's ends (a date of year 1 or 9999
    comes from a hostile or broken page, and must not stop the analysis)."""
    try:
        return ref + timedelta(days=days)
    except OverflowError:
        return None


def _on_or_before(ref: date, weekday: int) -> date | None:
    return _shifted(ref, -((ref.weekday() - weekday) % 7))


def _before(ref: date, weekday: int) -> date | None:
    """Strictly before: "last Friday" said on a Friday is a week ago."""
    return _shifted(ref, -(((ref.weekday() - weekday - 1) % 7) + 1))


def _nearest_past(ref: date, month: int, day: int) -> date | None:
    """The given day in the year that puts it on or before ``ref`` (and nearest to it)."""
    for year in (ref.year, ref.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= (_shifted(ref, 1) or date.max):  # a stamp may run a little ahead of a time zone
            return d
    return None


def _nearest_ahead(ref: date, month: int, day: int) -> date | None:
    """The given day in the year that puts it on or after ``ref`` (and nearest to it)."""
    for year in (ref.year, ref.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d >= ref:
            return d
    return None


def _after(ref: date, weekday: int) -> date | None:
    """Strictly after: "until Monday" said on a Monday is next week's."""
    return _shifted(ref, ((weekday - ref.weekday() - 1) % 7) + 1)


def looks_forward(text: str, at: int) -> bool:
    """Whether the date at ``at`` lies ahead of the sentence's telling: a future cue in its
    own clause, before it."""
    before = text[:at]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(_FORWARD_CUE.search(clause))


def resolve(text: str, published: date | None) -> list[DateRef]:
    """Day-precise date expressions in ``text``, resolved against ``published``; without a
    publication date, only full dates with their year."""
    ref = _day(published) if published is not None else None
    out: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for d in datelines.find_dates(text):
        if d.year is not None:
            resolved = d.resolve(None)
            day = _day(resolved) if resolved else None
        elif ref is None:
            continue
        elif looks_forward(text, d.start):
            day = _nearest_ahead(ref, d.month, d.day)
        else:
            day = _nearest_past(ref, d.month, d.day)
        if day:
            out.append(DateRef(Span(d.start, d.end), text[d.start : d.end], day))
            taken.append((d.start, d.end))
    if ref is None:
        return out
    for m in _WEEKDAY.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue  # "Friday, February 2, 2024": the full date already says it
        weekday = WEEKDAYS.index(m["day"].lower())
        pre = (m["pre"] or "").strip().lower()
        if pre in _FUTURE or looks_forward(text, m.start()):
            day = _after(ref, weekday)  # "until Monday", "next Friday", "will meet on Friday"
        elif pre == "last":
            day = _before(ref, weekday)
        else:
            day = _on_or_before(ref, weekday)
        if day:
            out.append(DateRef(Span(m.start(), m.end()), m.group(0), day))
    for m in _RELATIVE.finditer(text):
        word = m["word"].lower()
        if word.endswith("weekend"):
            eve = _shifted(ref, -1)
            day = _on_or_before(eve, 6) if eve else None  # the Sunday before
        else:
            day = _shifted(ref, _OFFSETS[word])
        if day:
            out.append(DateRef(Span(m.start(), m.end()), m.group(0), day))
    return sorted(out, key=lambda d: d.span.start)


def infer_dates(articles: list[Article]) -> list[Article]:
    """Articles with no date of their own take one from the story, marked as inferred.

    A yearless dateline ("New Delhi, Feb 3:") takes the year that puts it nearest the other
    articles' dates; an article with no date at all takes the middle date of the others, which
    report the same events.
    """
    known = sorted(_day(a.published) for a in articles if a.published)
    if not known:
        return articles
    middle = median_low(known)
    out = []
    for a in articles:
        if a.published:
            out.append(a)
            continue
        day = _dateline_day(a, middle) or middle
        out.append(replace(a, published=day, published_inferred=True))
    return out


def _dateline_day(a: Article, around: date) -> date | None:
    """The day of a yearless dateline or stamp near the top of the article, if any."""
    for p in a.paragraphs[:3]:
        text = a.text[p.start : p.end]
        m = datelines.place_dateline(text) or datelines.stamp(text)
        if m is None:
            continue
        options = []
        for year in (around.year - 1, around.year, around.year + 1):
            try:
                options.append(date(year, m.month, m.day))
            except ValueError:
                continue
        if options:
            return min(options, key=lambda d: abs((d - around).days))
    return None
