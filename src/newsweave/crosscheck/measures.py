"""What makes two figures reports of one measure, or of two: the evidence ``claims.py`` weighs.

A figure is read once into a ``Measure``: its interval in the base unit of its dimension, what
it counts (noun class, head, phrase with modifiers), whose it is (holder), when (time frame)
and where (places), what happened to what it counts (event), and its sentence's words. Two
measures are then compared on:

- hard rules that keep two figures apart whatever else they share (``cannot_link``): killed
  and wounded, two places, two years, two people's ages, a running total and a day's count,
  and two nouns that one sentence of the story counts separately ("148 passengers and six
  crew": passengers and crew are two measures in every article of the story);
- the relation of their intervals (``relation``): the same, meeting, or apart;
- the relation of what they count (``noun_relation``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsweave.analyze import lexicon
from newsweave.analyze.figures import SELECTIVE
from newsweave.analyze.units import conversion_slack, dimension, to_base
from newsweave.model import Figure
from newsweave.text.names import HONORIFICS, initials_match

Relation = Literal["same", "meet", "apart"]
NounRelation = Literal["same", "none", "different"]

# Generation suffixes tell a father from his son: "Tomas Brenner Sr." is not "Tomas Brenner Jr."
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_RELATIVE_YEARS = {
    "this year": 0,
    "last year": -1,
    "previous year": -1,
    "past year": -1,
    "next year": 1,
    "coming year": 1,
}


@dataclass(frozen=True, slots=True)
class Measure:
    """One figure as the cross-check sees it (see the module docstring)."""

    article: str
    figure: Figure
    dim: str | None
    low: float | None  # in the dimension's base unit
    high: float | None
    converted: bool  # written in a unit other than its dimension's base
    kind: str | None
    head: str | None  # the counted noun's last word, lemmatised
    phrase: str | None
    holder: tuple[str, ...]  # lower-case words of the holder's name, titles dropped
    frames: frozenset[str]
    places: frozenset[str]
    event: str | None
    siblings: frozenset[tuple[float | None, float | None]]


def read(
    article: str,
    figure: Figure,
    published: date | None,
    siblings: frozenset[tuple[float | None, float | None]] = frozenset(),
) -> Measure:
    """The measure of one figure; ``published`` resolves "last year" to a year."""
    q = figure.quantity
    head = figure.noun.split()[-1] if figure.noun else None
    return Measure(
        article=article,
        figure=figure,
        dim=dimension(q.unit),
        low=to_base(q.low, q.unit),
        high=to_base(q.high, q.unit),
        converted=q.unit is not None and to_base(1.0, q.unit) != 1.0,
        kind=figure.kind if not q.unit else (figure.noun and lexicon.noun_class(figure.noun)),
        head=head,
        phrase=figure.phrase,
        holder=_name_words(figure.holder),
        frames=frozenset(_resolve(f, published) for f in figure.frame),
        places=frozenset(figure.places),
        event=figure.event,
        siblings=siblings,
    )


def _name_words(name: str | None) -> tuple[str, ...]:
    """A name's words, lower case, titles dropped; a common noun ("boy") is no name: ()."""
    if not name or not name[:1].isupper():
        return ()
    words = [w.lower().rstrip(".") for w in _WORD.findall(name)]
    return tuple(w for w in words if w not in HONORIFICS and w not in ("the", "'s"))


def _resolve(frame: str, published: date | None) -> str:
    """ "last year" in an article of 2016 is "2015"; without a date it stays as written."""
    shift = _RELATIVE_YEARS.get(frame)
    if shift is None or published is None:
        return frame
    return str(published.year + shift)


def relation(a: Measure, b: Measure) -> Relation:
    """Whether two intervals are the same, meet, or cannot both hold.

    Figures written in different units are compared with the slack of a conversion: a converted
    figure is rounded ("18 metres" for 60 feet).
    """
    qa, qb = a.figure.quantity, b.figure.quantity
    slack = conversion_slack(qa.low, qa.high, qb.low, qb.high) if qa.unit != qb.unit else 0.0
    if (a.low, a.high) == (b.low, b.high) or (slack and _close(a, b, slack)):
        return "same"
    lo = max(x for x in (a.low, b.low, -math.inf) if x is not None)
    hi = min(x for x in (a.high, b.high, math.inf) if x is not None)
    if lo <= hi or (
        math.isfinite(lo) and math.isfinite(hi) and lo - hi <= slack * max(abs(lo), abs(hi))
    ):
        return "meet"
    return "apart"


def _close(a: Measure, b: Measure, slack: float) -> bool:
    pairs = ((a.low, b.low), (a.high, b.high))
    for x, y in pairs:
        if (x is None) != (y is None):
            return False
        if x is not None and y is not None and abs(x - y) > slack * max(abs(x), abs(y)):
            return False
    return True


def holders_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """True for one person ("Brenner" and "Tomas Brenner"), False for two, None when one is unknown.

    One name's words must hold the other's; a differing generation suffix or an unmatched
    surname makes two people.
    """
    if not a or not b:
        return None
    sa, sb = set(a), set(b)
    if sa & _SUFFIXES != sb & _SUFFIXES and sa & _SUFFIXES and sb & _SUFFIXES:
        return False
    core_a, core_b = sa - _SUFFIXES, sb - _SUFFIXES
    return core_a <= core_b or core_b <= core_a


def cannot_link(a: Measure, b: Measure, contrasts: frozenset[frozenset[str]]) -> str | None:
    """Why two figures can never be one measure, or None when nothing forbids it."""
    fa, fb = a.figure, b.figure
    if a.dim != b.dim:
        return "they measure different things (units)"
    if fa.event in lexicon.FATES and fb.event in lexicon.FATES and fa.event != fb.event:
        return f"one counts {fa.event}, the other {fb.event}"
    if _fate_and_deed(fa, fb) or _fate_and_deed(fb, fa):
        return "one counts people something happened to, the other people who acted"
    if a.places and b.places and not a.places & b.places:
        return "they are placed in different places"
    if _years(a.frames) and _years(b.frames) and not _years(a.frames) & _years(b.frames):
        return "they are dated to different years"
    if (
        a.frames
        and b.frames
        and not a.frames & b.frames
        and not (_years(a.frames) or _years(b.frames))
    ):
        return "they are dated to different years"
    if holders_agree(a.holder, b.holder) is False:
        return "they belong to different people"
    if a.dim == "age" and ("then" in a.frames) != ("then" in b.frames):
        return "one is a person's age at an earlier time ('then-15-year-old')"
    if a.dim == "age" and _years_apart(a, b) > AGE_SLIP:
        return "ages years apart are one life at two times, not one age"
    if fa.change != fb.change:
        return 'one is a change ("rose 19%"), the other a level ("rose to 19%")'
    if fa.ago != fb.ago:
        return 'one says when something happened ("two years ago"), the other how long it lasted'
    if fa.cumulative != fb.cumulative and a.dim is None:
        return "one is a running total, the other one event's count"
    if a.kind and b.kind and a.kind != b.kind and frozenset((a.kind, b.kind)) in contrasts:
        return f"the story counts {a.kind} and {b.kind} side by side"
    return None


# Outlets that disagree on an age are a year or two apart (a birthday, a typo); ages further
# apart are one person at two moments ("the 25-year-old Mr. Brenner" of 1990, dead at 71).
AGE_SLIP = 2.0


def _years_apart(a: Measure, b: Measure) -> float:
    if a.low is None or b.low is None:
        return 0.0
    return abs(a.low - b.low)


def _years(frames: frozenset[str]) -> frozenset[str]:
    return frozenset(f for f in frames if f.isdigit())


def _fate_and_deed(fa: Figure, fb: Figure) -> bool:
    """One figure counts people something happened to; the other, people who did something."""
    return fa.event in lexicon.FATES and fb.event is None and fb.verb is not None


def noun_relation(a: Measure, b: Measure) -> NounRelation:
    """Whether two figures name what they count alike: the same class, head or acronym."""
    if a.dim == "age":
        return "same"
    ka, kb = a.kind, b.kind
    if not (ka or a.head) or not (kb or b.head):
        return "none"
    if (_picked(ka) or _picked(kb)) and ka != kb:
        return "different"  # "two other rifles" are not the rifles counted before
    if (ka and ka == kb) or (a.head and a.head == b.head) or initials_match(a.phrase, b.phrase):
        return "same"
    return "different"


def _picked(kind: str | None) -> bool:
    """Whether a kind names a set picked out of a noun's things ("other rifle")."""
    return kind is not None and kind.split()[0] in SELECTIVE


def specificity(m: Measure) -> float:
    """How much a shared value says, 0.3 to 1: two outlets writing 1,986 or 38 million
    gallons count one thing; two writing 3, or 50 per cent, may count two.

    Significant digits say most for counts, ages, shares and durations (3, 50 or 10 years:
    one; 23, 1,400 or 12 years: two), and a large count is rarer than a small one; an amount
    of money or a physical measure in the same unit is seldom shared by chance.
    """
    values = [abs(v) for v in (m.figure.quantity.low, m.figure.quantity.high) if v is not None]
    if not values:
        return 0.3
    v = max(values)
    spec = {1: 0.3, 2: 0.75}.get(_significant_digits(v), 1.0)
    if m.dim is None:
        return max(spec, min(1.0, math.log10(v + 1) / 4))
    if m.dim in ("share", "share points", "age", "time"):
        return spec
    return 1.0


def _significant_digits(v: float) -> int:
    """1 for 3, 50 and 2,000,000; 2 for 29, 1,200 and 4.5; 4 for 1,986."""
    text = f"{v:.6g}".replace(".", "").lstrip("0")
    if "e" in text:
        text = text.split("e")[0]
    return max(1, len(text.rstrip("0")))
