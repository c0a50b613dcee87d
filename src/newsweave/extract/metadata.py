"""What a page says about itself: title, outlet, byline, publication date.

Sources in order of trust: what the user's container said (a JSON row's fields), what the page
states in its text (a "(CNN) —" dateline, an "OAN's Sophia Flores" byline, a "– ABC News' …"
credit, a "Feb 2, 2024, 2:22 PM" stamp), the HTML metadata, and last the URL's domain.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from newsweave.extract import datelines
from newsweave.extract.blocks import Block
from newsweave.extract.outlets import names_a_person
from newsweave.extract.text import BYLINE, CREDIT, DATELINE, HEADLINE, byline, credit

# "(CNN) — The US conducted …": an outlet's name in parentheses opening the first paragraph,
# optionally after a place ("WASHINGTON (Reuters) -").
_PAREN_DATELINE = re.compile(
    r"^(?:[A-Z][\w .,'’-]{1,40}?\s)?\((?P<outlet>[A-Z][\w .&'’-]{1,30}?)\)\s*[—–-]"
)
_UPDATED_WORD = re.compile(r"\b(updated|modified)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Metadata:
    """The metadata fields an ``Article`` carries."""

    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: date | None = None
    updated: date | None = None
    year: int | None = None


def parse_iso(value: str | None) -> date | None:
    """An ISO 8601 date or datetime (time zone dropped: stamps in text carry none)."""
    if not value:
        return None
    v = value.strip().replace("Z", "+00:00")
    try:
        if len(v) <= 10:
            return date.fromisoformat(v)
        return datetime.fromisoformat(v).replace(tzinfo=None)
    except ValueError:
        return None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without "www.", the weakest cue to the outlet."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "http://[::1" and the like: no host to name the outlet by
        return None
    host = host.removeprefix("www.")
    return host or None


def _first_text(blocks: tuple[Block, ...]) -> str | None:
    return next((b.text for b in blocks if b.kept), None)


def text_outlet(blocks: tuple[Block, ...]) -> str | None:
    """The outlet the text credits itself to: dateline, byline, then credit lines."""
    first = _first_text(blocks)
    if first:
        m = _PAREN_DATELINE.match(first)
        if m:
            return m["outlet"].strip()
    for b in blocks:
        if b.reason == BYLINE:
            c = byline(b.text)
            if c and c.outlet and not names_a_person(c.outlet):
                return c.outlet
    credits = Counter(
        c.outlet for b in blocks if b.reason == CREDIT for c in [credit(b.text)] if c and c.outlet
    )
    return credits.most_common(1)[0][0] if credits else None


def text_byline(blocks: tuple[Block, ...]) -> str | None:
    """The writers a byline names, else those a closing credit names ("— JANE ROE")."""
    for b in blocks:
        if b.reason == BYLINE:
            c = byline(b.text)
            if c and c.names:
                return c.names
    for b in blocks:
        if b.reason == CREDIT:
            c = credit(b.text)
            if c and c.names and c.outlet is None:
                return c.names
    return None


def text_title(blocks: tuple[Block, ...]) -> str | None:
    return next((b.text for b in blocks if b.reason == HEADLINE), None)


def text_dates(blocks: tuple[Block, ...], year: int | None) -> tuple[date | None, date | None]:
    """Publication and update dates from the stamps above the article or its dateline."""
    for b in blocks:
        if b.reason != DATELINE:
            continue
        m = datelines.stamp(b.text)
        if m is None:
            continue
        published = m.resolve(year)
        return published, _updated(b.text, published)
    first = _first_text(blocks)
    if first:
        m = datelines.place_dateline(first)
        if m:
            return m.resolve(year), None
    return None, None


def _updated(stamp_text: str, published: date | None) -> date | None:
    """The "Updated: 3:25 pm" part of a stamp, on the publication day unless it names one."""
    u = _UPDATED_WORD.search(stamp_text)
    if not u or published is None:
        return None
    tail = stamp_text[u.end() :]
    dates = datelines.find_dates(tail)
    if dates:
        return dates[0].resolve(published.year)
    times = datelines.find_times(tail)
    if times:
        _, _, hour, minute = times[0]
        return datetime(published.year, published.month, published.day, hour, minute)
    return None


def page_year(blocks: tuple[Block, ...]) -> int | None:
    """The year for yearless stamps, from full dates anywhere on the page, furniture included."""
    return datelines.page_year([b.text for b in blocks])
