"""Amounts written without a numeral: shares ("less than half", "two-thirds of"), spans of
years ("more than a decade", "decades") and small vague counts ("several", "a few").

``quantities.py`` reads every figure that has a number in it; this module reads the rest, in a
second pass over the text that leaves alone whatever the first pass took. Each amount is a
closed interval like any figure (CONTRACT.md):

- a share is a percentage of something: "half of its equipment" is 50 %, "a third" 33.3 %,
  "three quarters" 75 %; a qualifier in front bounds it as it bounds a number ("less than
  half" is at most 50 %). A share of a scale is a number: "a quarter million" is 250,000.
- "a decade" is 10 years and "a century" 100; "decades" and "centuries" are vague plurals,
  at least two of them, as CONTRACT.md reads "dozens".
- "several" is at least 3 (more than a couple), "a few" and "multiple" at least 2, "a couple
  of" 2 to 3 and "a handful" 2 to 5: loose on purpose, they only ever meet other figures.

Fractions that measure something else are left alone: "half an hour", "a quarter mile",
"the second half", "half-brother".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.analyze.qualifiers import (
    EXACT,
    QUALIFIERS,
    SPACES,
    Kind,
    read_qualifier,
    words,
)
from newsweave.model import Quantity, Span

SHARE_WHY = "a share written as a fraction: a percentage of the whole"
VAGUE_COUNT_WHY = "a vague count: the least (and most) the word allows"
DECADES_WHY = "a vague plural of a span of years: at least two of them"

_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "one-third": 1 / 3,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "one-quarter": 0.25,
    "three quarters": 0.75,
    "three-quarters": 0.75,
    "a fifth": 0.2,
    "one fifth": 0.2,
    "one-fifth": 0.2,
    "two fifths": 0.4,
    "two-fifths": 0.4,
    "three fifths": 0.6,
    "three-fifths": 0.6,
    "four fifths": 0.8,
    "four-fifths": 0.8,
    "a tenth": 0.1,
    "one tenth": 0.1,
    "one-tenth": 0.1,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_YEARS = {"a decade": 10.0, "a century": 100.0, "half a century": 50.0}
_YEARS_VAGUE = {"decades": 10.0, "centuries": 100.0}
# "over a week", "nearly a year": one of a unit, a figure only with a qualifier in front
_ONE_UNIT = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "hour": "h",
    "minute": "min",
}
# "the trio", "a pair of": a group named by its size
_GROUPS = {"duo": 2.0, "pair": 2.0, "trio": 3.0, "quartet": 4.0}
# word → (low, high)
_COUNTS: dict[str, tuple[float, float | None]] = {
    "several": (3.0, None),
    "a few": (2.0, None),
    "multiple": (2.0, None),
    "a couple of": (2.0, 3.0),
    "a handful of": (2.0, 5.0),
    "a handful": (2.0, 5.0),
}

# "several years", "a few hours", "a few percent": a vague count takes the unit it counts.
_TIME_AFTER = re.compile(
    r"\s+(years|months|weeks|days|hours|minutes|seconds|percent|per\s+cent)\b", re.IGNORECASE
)
_TIME_UNITS = {
    "years": "year",
    "months": "month",
    "weeks": "week",
    "days": "day",
    "hours": "h",
    "minutes": "min",
    "seconds": "s",
    "percent": "%",
    "per cent": "%",
}
_QUALIFIER = words(list(QUALIFIERS))
# What a share is a share of: "half of", "half the", "half its", "less than half what it was".
_SHARE_OF = r"(?=\s+(?:of|the|its|their|his|her|our|your|what|that|this|these|those|all)\b)"
# A fraction of a unit is a length or a time, not a share: "half an hour", "a quarter mile".
_UNIT_AFTER = (
    r"(?!\s+(?:of\s+)?(?:an?\s+)?(?:hour|minute|second|mile|kilomet|century|decade|year|month|"
    r"week|day|inch|foot|pound|point|cup|lap|time))"
)
PATTERN = re.compile(
    r"(?<![\w'’-])(?:(?P<qual>" + _QUALIFIER + r")\s+)?"
    r"(?:(?P<scaled>(?P<sfrac>a\s+quarter|three\s+quarters|half)\s+(?:of\s+)?an?\s*"
    r"(?P<sscale>thousand|million|billion|trillion)|a\s+quarter\s+(?P<sscale2>million|billion))"
    r"|(?P<frac>"
    + words(list(_FRACTIONS))
    + r")(?![\w-])"
    + _UNIT_AFTER
    + r"(?P<of>"
    + _SHARE_OF
    + r")?"
    r"|(?P<years>" + words(list(_YEARS)) + r")(?![\w])"
    r"|an?\s+(?P<one_unit>day|week|month|year|hour|minute)(?![\w-])"
    r"|(?P<decades>decades|centuries)(?![\w'’-])"
    r"|(?P<group>(?:(?<=\ba\s)|(?<=\bthe\s))(?:trio|duo|pair|quartet))\b"
    r"|(?P<count>several|a\s+few|multiple|a\s+couple\s+of|a\s+handful(?:\s+of)?)(?![\w'’-]))",
    re.IGNORECASE,
)
# "the second half", "one and a half": a fraction that belongs to something before it.
_NOT_A_SHARE_BEFORE = re.compile(
    r"(?:\b(?:first|second|last|latter|other|and|the)\s+|-)$", re.IGNORECASE
)
# "quite a few" is many; "every few days" is a frequency.
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:quite|every|only\s+a|the)\s+$", re.IGNORECASE)


def find_amounts(text: str, taken: Sequence[Span] = ()) -> list[Quantity]:
    """Amounts without a numeral in ``text``, outside the spans another reader ``taken``."""
    out: list[Quantity] = []
    for m in PATTERN.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in taken):
            continue
        q = _amount(text, m)
        if q is not None:
            out.append(q)
    return out


def _amount(text: str, m: re.Match[str]) -> Quantity | None:
    span = Span(m.start(), m.end())
    written = span.of(text)
    before = text[max(0, m.start() - 12) : m.start()]
    if m.group("scaled"):
        frac = SPACES.sub(" ", (m.group("sfrac") or "a quarter").lower())
        scale = _SCALES[(m.group("sscale") or m.group("sscale2")).lower()]
        value = {"a quarter": 0.25, "three quarters": 0.75, "half": 0.5}[frac] * scale
        return _bounded(text, m, span, value, None, None)
    if m.group("frac"):
        if _NOT_A_SHARE_BEFORE.search(before):
            return None
        if not (m.group("of") is not None or m.group("qual")):
            return None  # "a quarter" alone is a coin, a district or a season
        # a share is written to one decimal: two-thirds is 66.7 per cent
        value = round(100 * _FRACTIONS[SPACES.sub(" ", m.group("frac").lower())], 1)
        return _bounded(text, m, span, value, "%", SHARE_WHY)
    if m.group("years"):
        value = _YEARS[SPACES.sub(" ", m.group("years").lower())]
        return _bounded(text, m, span, value, "year", None)
    if m.group("one_unit"):
        if not m.group("qual"):
            return None  # "a year ago", "once a week": a qualifier makes "a week" a figure
        unit = _ONE_UNIT[m.group("one_unit").lower()]
        return _bounded(text, m, span, 1.0, unit, None)
    if m.group("qual"):
        return None  # "more than several" says nothing a reader could compare
    if m.group("group"):
        value = _GROUPS[m.group("group").lower()]
        return Quantity(span, written, value, value, None, None, None)
    if m.group("decades"):
        base = _YEARS_VAGUE[m.group("decades").lower()]
        return Quantity(span, written, 2 * base, None, "year", "vague", DECADES_WHY)
    if _NOT_A_COUNT_BEFORE.search(before):
        return None
    key = SPACES.sub(" ", m.group("count").lower())
    low, high = _COUNTS[key]
    time = _TIME_AFTER.match(text, m.end())
    time_unit = _TIME_UNITS[SPACES.sub(" ", time.group(1).lower())] if time else None
    if time:
        span = Span(span.start, time.end())
    return Quantity(
        span, span.of(text), low, high, time_unit, key.removesuffix(" of"), VAGUE_COUNT_WHY
    )


def _bounded(
    text: str, m: re.Match[str], span: Span, value: float, unit: str | None, why: str | None
) -> Quantity:
    """The amount with its qualifier applied, as ``quantities.py`` applies one to a number."""
    kind: Kind = EXACT
    qualifier = None
    if m.group("qual"):
        kind, qualifier = read_qualifier(m.group("qual"), text, m.start())
    low, high = kind.bounds(value)
    reasons = "; ".join(r for r in (why, kind.why) if r) or None
    return Quantity(span, span.of(text), low, high, unit, qualifier, reasons)
