"""Live blogs: pages made of timestamped entries, newest first as a rule.

A page is a live blog when its text holds at least ``MIN_ENTRIES`` time stamps standing on
their own line, each followed by the entry it opens ("February 2, 5:40 p.m" then a heading and
paragraphs). A stamp without a date ("10:05 AM") takes the day of the stamp before it.
"""

from __future__ import annotations

from datetime import date, datetime

from newsweave.extract import datelines
from newsweave.model import LiveEntry, Span

# Two stamps could be a "published / updated" pair; three entries make a live page.
MIN_ENTRIES = 3


def _when(paragraph: str, year: int | None, day: date | None) -> tuple[bool, datetime | None]:
    """Whether the paragraph is a time stamp, and the moment it names when that is known."""
    m = datelines.stamp(paragraph)
    if m is not None and m.hour is not None:
        resolved = m.resolve(year)
        return True, resolved if isinstance(resolved, datetime) else None
    hm = datelines.clock_stamp(paragraph)
    if hm is not None:
        return True, datetime(day.year, day.month, day.day, *hm) if day else None
    return False, None


def find_entries(
    text: str, paragraphs: tuple[Span, ...], *, year: int | None, day: date | None = None
) -> tuple[LiveEntry, ...]:
    """The entries of a live blog, or () when the page is not one."""
    stamps: list[tuple[int, datetime | None]] = []
    for i, span in enumerate(paragraphs):
        is_stamp, when = _when(span.of(text), year, day)
        if not is_stamp:
            continue
        if stamps and stamps[-1][0] == i - 1:
            stamps.pop()  # a stamp right after a stamp opens no entry of its own
        stamps.append((i, when))
        if when is not None:
            day = when.date()
    if stamps and stamps[-1][0] == len(paragraphs) - 1:
        stamps.pop()
    if len(stamps) < MIN_ENTRIES:
        return ()
    entries = []
    for k, (i, when) in enumerate(stamps):
        last = stamps[k + 1][0] - 1 if k + 1 < len(stamps) else len(paragraphs) - 1
        entries.append(
            LiveEntry(when, paragraphs[i], Span(paragraphs[i].start, paragraphs[last].end))
        )
    return tuple(entries)
