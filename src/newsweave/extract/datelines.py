"""Dates and times as pages print them in stamps and datelines.

"Feb 2, 2024, 2:22 PM | Updated: 3:25 pm", "3:34 PM –Friday, February 2, 2024",
"February 2, 10:22 p.m", "New Delhi, Feb 3:". A stamp often leaves out the year, which the page
prints elsewhere (a caption, a copyright line), so a mention keeps ``year`` None until
``resolve`` is given one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"

_DATE = re.compile(
    r"\b(?:"
    + _MONTH.format("m1")
    + r"\s+"
    + _DAY.format("d1")
    + r"(?!\d)(?:,?\s+"
    + _YEAR.format("y1")
    + r")?"
    + r"|"
    + _DAY.format("d2")
    + r"\s+(?:of\s+)?"
    + _MONTH.format("m2")
    + r"(?:,?\s+"
    + _YEAR.format("y2")
    + r")?"
    + r"|"
    + _YEAR.format("y3")
    + r"-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"
    + r")\b",
    re.IGNORECASE,
)
# 2:22 PM, 10:22 p.m, 06.07, 4 pm; an optional zone name is swallowed with it.
_TIME = re.compile(
    r"\b(?P<h>[012]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)?"
    r"(?:\s*\(?(?:[ECMP][SD]?T|GMT|UTC|BST|CET|IST|AEST|AEDT)\)?)?",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"\b(updated|last updated|modified)\b", re.IGNORECASE)
# Words that may stand in a stamp besides the date and time themselves.
_STAMP_FILLER = re.compile(
    r"(?i:\b(?:" + _WEEKDAY + r"|updated|last updated|published|posted|first published|"
    r"modified|created|edited|story|on|at|am|pm|a\.m|p\.m|a|p|ET|EST|EDT|GMT|UTC|BST|PT|PST|PDT|"
    r"CT|CST|CDT|MT|MST|MDT|CET|CEST|IST|AEST|AEDT)\b)(?:[+-]\d{1,2}(?::\d{0,2})?)?"
    # a time zone's letters ("AKDT")
    r"|\b[A-Z]{2,5}\b|[|,:;·•–—\-()\s.@+/]+"
)
# A date in figures ("3/4/2021", "24/11/2021"): which is the month is not known, so it is no
# date to resolve, but a line of such dates and times is a stamp, not a headline.
_NUMERIC_DATE = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\b\d{4}[/.]\s?\d{1,2}[/.]\s?\d{1,2}\b"
    # a month's short name with figures ("Dec-19-05"), a misspelt month with its day and year
    # ("Novmber 27, 2005"): no date to resolve, but a stamp all the same
    r"|\b[A-Z][a-z]{2}-\d{1,2}-\d{2,4}\b|^[A-Z][a-z]{2,9}\.? \d{1,2},? \d{4}$"
    r"|(?<=\d)-\d{4}\b"  # "November 27-2005"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date (and maybe a clock time) found in a piece of text."""

    start: int
    end: int
    month: int
    day: int
    year: int | None = None
    hour: int | None = None
    minute: int | None = None
    updated: bool = False

    def resolve(self, default_year: int | None) -> date | None:
        """The date, or datetime when a time was printed; None when no year is known."""
        year = self.year or default_year
        if year is None:
            return None
        try:
            if self.hour is not None:
                return datetime(year, self.month, self.day, self.hour, self.minute or 0)
            return date(year, self.month, self.day)
        except ValueError:
            return None


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def find_dates(text: str) -> list[DateMention]:
    """Every calendar date in ``text``, each with the clock time printed next to it, if any."""
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["m1"]:
            month, day, year = _month(g["m1"]), int(g["d1"]), g["y1"]
        elif g["m2"]:
            month, day, year = _month(g["m2"]), int(g["d2"]), g["y2"]
        else:
            month, day, year = int(g["m3"]), int(g["d3"]), g["y3"]
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        hour, minute = _time_near(text, m.start(), m.end())
        updated = bool(_UPDATED.search(text[max(0, m.start() - 20) : m.start()]))
        out.append(
            DateMention(
                m.start(), m.end(), month, day, int(year) if year else None, hour, minute, updated
            )
        )
    return out


_GAP_AFTER = re.compile(r"^[\s,|–—-]*(?:at\s*)?$", re.IGNORECASE)
_GAP_BEFORE = re.compile(r"^[\s,|–—-]*(?:" + _WEEKDAY + r")?[\s,|–—-]*$", re.IGNORECASE)


def _time_near(text: str, start: int, end: int) -> tuple[int | None, int | None]:
    """A clock time printed just after or just before a date ("Feb 2, 2024, 2:22 PM")."""
    after = text[end : end + 16]
    for t in _TIME.finditer(after):
        hm = _clock(t)
        if hm is not None and _GAP_AFTER.match(after[: t.start()]):
            return hm
        break
    before = text[max(0, start - 24) : start]
    for t in reversed(list(_TIME.finditer(before))):
        hm = _clock(t)
        if hm is not None and _GAP_BEFORE.match(before[t.end() :]):
            return hm
    return None, None


def _clock(t: re.Match[str]) -> tuple[int, int] | None:
    """Hour and minute of a time match, or None when it is just a number."""
    hour = int(t["h"])
    minute = int(t["min"]) if t["min"] else None
    ap = (t["ap"] or "").lower().replace(".", "").replace(" ", "")
    if minute is None and not ap:
        return None  # a bare number is not a time
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    elif hour > 23:
        return None
    return hour, minute or 0


def find_times(text: str) -> list[tuple[int, int, int, int]]:
    """Clock times in ``text`` as (start, end, hour, minute)."""
    out = []
    for t in _TIME.finditer(text):
        hm = _clock(t)
        if hm is not None:
            out.append((t.start(), t.end(), hm[0], hm[1]))
    return out


def stamp(paragraph: str) -> DateMention | None:
    """The date of a paragraph that is nothing but a date/time stamp, else None.

    "February 2, 5:55 p.m" and "Feb 2, 2024, 2:22 PM | Updated: 3:25 pm" are stamps; a sentence
    that mentions a date is not. The first date is the one returned (publication before update).
    """
    text = paragraph.strip()
    if not text or len(text) > 80:
        return None
    dates = find_dates(text)
    times = find_times(text)
    spans = [(d.start, d.end) for d in dates] + [(t[0], t[1]) for t in times]
    if not dates or not _only_filler_besides(text, spans):
        return None
    first = dates[0]
    if first.hour is None and times:
        first = DateMention(
            first.start,
            first.end,
            first.month,
            first.day,
            first.year,
            times[0][2],
            times[0][3],
            first.updated,
        )
    return first


def is_stamp_line(paragraph: str) -> bool:
    """Whether a paragraph is only dates and times, in words or in figures ("9:41 AM PDT
    3/4/2021", "4 March 2021, 09:41 (GMT+05:00)"), whether or not its date can be read."""
    text = paragraph.strip()
    if not text or len(text) > 80:
        return False
    spans = [(d.start, d.end) for d in find_dates(text)] + [(t[0], t[1]) for t in find_times(text)]
    spans += [(m.start(), m.end()) for m in _NUMERIC_DATE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _SECONDS.finditer(text)]
    return bool(spans) and _only_filler_besides(text, spans)


_SECONDS = re.compile(r"(?<=\d:\d{2}):\d{2}\b")  # "6:07:15 PM"
# Where a stamp may be glued to the end of a headline: "… Driver on May 4, 2013 11:41am |
# Updated on May 4, 2013 11:41am".
_STAMP_GLUE = re.compile(r"\s+(?:\||on|-|–|—|·)\s+")


def without_stamp(line: str) -> str:
    """A headline without the date and time stamp a page glued to its end; the line as it
    is when it has none (or is nothing but one). The stamp holds a clock time: "… held on
    May 4" is the headline's own date."""
    m = _STAMP_GLUE.search(line)
    while m is not None:
        head, tail = line[: m.start()].rstrip(), line[m.start() :]
        # "… move on on Mar 8": the first "on" is the headline's
        again = _STAMP_GLUE.match(" " + line[m.end() :]) is not None
        if not again and len(head.split()) >= 3 and find_times(tail) and is_stamp_line(tail):
            return head
        m = _STAMP_GLUE.search(line, m.start() + 1)
    return line


def _only_filler_besides(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the text outside ``spans`` (its dates and times) is only a stamp's filler."""
    rest = text
    for s, e in sorted(spans, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    return not _STAMP_FILLER.sub("", rest).strip()


# A place before a stamp, every word capitalised: "Harbourton D. C., Jul 13, 2009/02:00 pm".
_PLACE_BEFORE = re.compile(r"^(?:[A-Z][\w.'’-]*\s?){1,4},\s*(?=\S)")


def is_dateline_line(paragraph: str) -> bool:
    """Whether a paragraph is a place and a stamp with a year or a time and nothing else: a
    dateline on its own line, no headline ("Harbour figure Ana Ruiz, July 24" is one)."""
    m = _PLACE_BEFORE.match(paragraph.strip())
    rest = paragraph.strip()[m.end() :] if m else ""
    dates = find_dates(rest)
    dated = any(d.year is not None for d in dates) or bool(find_times(rest))
    return bool(rest) and bool(dates) and dated and is_stamp_line(rest)


def clock_stamp(paragraph: str) -> tuple[int, int] | None:
    """Hour and minute of a paragraph that is only a clock time ("10:05 AM"), else None."""
    text = paragraph.strip()
    if len(text) > 30:
        return None
    times = find_times(text)
    if len(times) != 1:
        return None
    s, e, h, m = times[0]
    if _STAMP_FILLER.sub("", text[:s] + text[e:]).strip():
        return None
    return h, m


# "New Delhi, Feb 3:" or "WASHINGTON, Feb. 2 (Reuters) -": a place, a date, then the story.
_PLACE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’. -]{1,40}?),\s*(?P<date>[^:—–(]{3,25}?)\s*(?:\([^)]{2,40}\)\s*)?[:—–-]"
)


def place_dateline(paragraph: str) -> DateMention | None:
    """The date of a dateline that opens a paragraph ("New Delhi, Feb 3: The …")."""
    m = _PLACE_DATELINE.match(paragraph)
    if not m:
        return None
    dates = find_dates(m["date"])
    if len(dates) != 1:
        return None
    d = dates[0]
    return DateMention(m.start("date") + d.start, m.start("date") + d.end, d.month, d.day, d.year)


def page_year(texts: list[str]) -> int | None:
    """The year a page prints most often in full dates: the year of its yearless stamps."""
    years = Counter(d.year for t in texts for d in find_dates(t) if d.year)
    return years.most_common(1)[0][0] if years else None
