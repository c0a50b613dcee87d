"""What a qualifier does to a figure N: the closed interval it means, and why (CONTRACT.md).

Shared by the digit reader (``quantities.py``) and the reader of amounts written without a
numeral (``amounts.py``): "more than 40" and "more than a decade" bound N the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Bounds = tuple[float | None, float | None]

ABOUT_BAND = 0.10  # "about 40": reporters round to two significant figures, so ±10% covers it
NEARLY_BAND = 0.10  # "nearly 4,000": short of N, by no more than a rounding step


def clean(x: float) -> float:
    """``x`` to 12 significant digits, so that 1.1 * 40 reads 44.0 and not 44.00000000000001."""
    return float(f"{x:.12g}")


def _exact(n: float) -> Bounds:
    return n, n


def _at_least(n: float) -> Bounds:
    return n, None


def _at_most(n: float) -> Bounds:
    return None, n


def _about(n: float) -> Bounds:
    return clean(n * (1 - ABOUT_BAND)), clean(n * (1 + ABOUT_BAND))


def _nearly(n: float) -> Bounds:
    return clean(n * (1 - NEARLY_BAND)), n


def _just_over(n: float) -> Bounds:
    return n, clean(n * (1 + NEARLY_BAND))


@dataclass(frozen=True, slots=True)
class Kind:
    """How a qualifier turns N into an interval, and the reason a reader is shown."""

    bounds: Callable[[float], Bounds]
    why: str


AT_LEAST = Kind(_at_least, "a lower bound: low = N, as CONTRACT.md reads 'more than N'")
AT_MOST = Kind(_at_most, "an upper bound: high = N")
ABOUT = Kind(_about, "an approximation: N ± 10%, the rounding a reporter's 'about' hides")
NEARLY = Kind(_nearly, "just short of N: [0.9 N, N]")
JUST_OVER = Kind(_just_over, "just past N: [N, 1.1 N]")
EXACT = Kind(_exact, "")
# "rose to 19%", "inched up to 19%": a movement ends at the value, whatever "up to" says alone.
MOVED_TO = Kind(_exact, "a movement to a value: the value itself")

QUALIFIERS: dict[str, Kind] = {
    "more than": AT_LEAST,
    "over": AT_LEAST,
    "well over": AT_LEAST,
    "above": AT_LEAST,
    "at least": AT_LEAST,
    "upwards of": AT_LEAST,
    "in excess of": AT_LEAST,
    "greater than": AT_LEAST,
    "no fewer than": AT_LEAST,
    "no less than": AT_LEAST,
    "not less than": AT_LEAST,
    "a minimum of": AT_LEAST,
    # "as little as $5", "as few as 10": the low end of an estimate, so the least it may be
    "as little as": AT_LEAST,
    "as low as": AT_LEAST,
    "as few as": AT_LEAST,
    "fewer than": AT_MOST,
    "less than": AT_MOST,
    "up to": AT_MOST,
    "within": AT_MOST,
    "at most": AT_MOST,
    "no more than": AT_MOST,
    "not more than": AT_MOST,
    "under": AT_MOST,
    "below": AT_MOST,
    "a maximum of": AT_MOST,
    "as many as": AT_MOST,  # "as many as 40 may have died": 40 is the most anyone claims
    # "as much as $5 million", "as high as $7 million": the top of an estimate
    "as much as": AT_MOST,
    "as high as": AT_MOST,
    "as large as": AT_MOST,
    "as long as": AT_MOST,
    "about": ABOUT,
    "around": ABOUT,
    "approximately": ABOUT,
    "roughly": ABOUT,
    "some": ABOUT,
    "an estimated": ABOUT,
    "estimated": ABOUT,
    "in the region of": ABOUT,
    "nearly": NEARLY,
    "almost": NEARLY,
    "close to": NEARLY,
    "just under": NEARLY,
    "just shy of": NEARLY,
    "just over": JUST_OVER,
    "just above": JUST_OVER,
    "slightly more than": JUST_OVER,
    "a little over": JUST_OVER,
    "a little more than": JUST_OVER,
}
SYMBOL_QUALIFIERS = {
    "~": ABOUT,
    "≈": ABOUT,
    ">": AT_LEAST,
    "≥": AT_LEAST,
    "<": AT_MOST,
    "≤": AT_MOST,
}
# Words after the figure; keys are written lower case with single spaces.
POST_QUALIFIERS: dict[str, Kind] = {
    "or more": AT_LEAST,
    "or above": AT_LEAST,
    "or over": AT_LEAST,
    "or greater": AT_LEAST,
    "or higher": AT_LEAST,
    "and up": AT_LEAST,  # "$70,000 and up": a price list's floor
    "and above": AT_LEAST,
    "and counting": AT_LEAST,  # a toll still rising
    "+": AT_LEAST,
    "-plus": AT_LEAST,
    "or fewer": AT_MOST,
    "or less": AT_MOST,
    "or under": AT_MOST,
    "or below": AT_MOST,
    "or lower": AT_MOST,
    "or so": ABOUT,
    "-odd": JUST_OVER,  # "40-odd" is forty and a few
}

# Verbs of movement that end at the figure: "rose to", "fell to", "inched up to", "climbed to".
# Before them "up to" is where the movement stopped, not a ceiling.
MOVEMENT_BEFORE = re.compile(
    # past tenses only: "can grow up to 3 m" and "could go up to 30%" are ceilings
    r"\b(?:rose|risen|climbed|inched|edged|ticked|crept|jumped|soared|surged|shot|went|gone|"
    r"moved|pushed|ramped|bumped|stepped|increased|grew|grown|ballooned|swelled|spiked|leapt|"
    r"leaped|rocketed|boosted|revised|crawled)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def words(keys: list[str]) -> str:
    """An alternation of phrases, longest first, any run of spaces matching a space."""
    ordered = sorted(keys, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in ordered)


SPACES = re.compile(r"\s+")


def read_qualifier(written: str, text: str, start: int) -> tuple[Kind, str]:
    """The kind of a qualifier written in front of a figure at ``start`` of ``text``.

    "up to" after a verb of movement ("inched up to 19%") means the value reached.
    """
    key = SPACES.sub(" ", written.lower())
    kind = QUALIFIERS[key]
    if key == "up to" and MOVEMENT_BEFORE.search(text, max(0, start - 30), start):
        return MOVED_TO, key
    return kind, key
