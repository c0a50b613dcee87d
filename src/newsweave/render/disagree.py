"""What disagrees across outlets: the block every format shows first.

A reader comes to a brief of many outlets to learn where they part: figures that cannot all be
true, quotations whose wording reverses or shifts what was said, figures that differ. Each is
one line with the articles on each side and the passage behind it; the summary follows.

Lines come in order of how much they matter: conflicts, reversed quotations, differing
figures, reworded quotations, then counts that only rose as the story went on (a trend is not
a contradiction, but a reader comparing two outlets should know why their figures part).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from newsweave.analyze.wording import STOP
from newsweave.model import Brief, Citation, Claim, QuoteGroup, QuoteVariant, Report, WordDiff

Kind = Literal["conflict", "reversed", "differ", "reworded", "rose"]
ORDER: dict[Kind, int] = {"conflict": 0, "reversed": 1, "differ": 2, "reworded": 3, "rose": 4}
# Words whose swap leaves the sense of a quotation ("will" / "are going to"): function words
# and the periphrastic future, on top of the wording module's stop list.
_FUNCTION = STOP | {"going", "shall", "am", "being", "gonna", "just", "also", "then"}
_EDGE = "\"'“”‘’«»„()[]{},;:!?…—–-*/"
# Swaps named on one line; a wording rewritten throughout reads as "… and N more".
SWAPS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class Side:
    """One figure of a claim and the articles that give it."""

    wording: str
    articles: tuple[str, ...]
    cite: Citation


@dataclass(frozen=True, slots=True)
class FigureLine:
    """A claim whose outlets disagree: its sides, most-reported first."""

    kind: Kind
    claim: Claim
    sides: tuple[Side, ...]
    trend: str = ""  # "200 (a3, 11 Mar 23:35) → 250 (a5, 12 Mar 14:05)" for a rising count


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """A wording of a quotation that reverses or shifts it, and the articles that print it."""

    kind: Kind
    group: QuoteGroup
    variant: QuoteVariant
    articles: tuple[str, ...]
    what: str  # 'drops “not”, which reverses the meaning' / 'has “strike back” for “respond”'


Line = FigureLine | QuoteLine


def disagreements(brief: Brief) -> list[Line]:
    """Every conflict, differing figure and meaning-changing quotation, most serious first."""
    lines: list[Line] = [x for c in brief.claims if (x := figure_line(c)) is not None]
    for g in brief.quotes:
        lines.extend(quote_lines(g))
    return sorted(lines, key=lambda x: ORDER[x.kind])  # stable: claims, then quotes, in order


def figure_line(claim: Claim) -> FigureLine | None:
    """The claim as sides of one interval each; None when its outlets do not disagree."""
    if claim.verdict not in ("conflict", "differ"):
        return None
    sides = sides_of(claim)
    if len(sides) < 2:
        return None
    rising = claim.verdict == "differ" and len(claim.trend) > 1
    return FigureLine("rose" if rising else claim.verdict, claim, sides, trend_text(claim))


def sides_of(claim: Claim) -> tuple[Side, ...]:
    """The claim's reports grouped by interval ("four" and "4" are one side), each worded as
    most of its reports word it, the side most articles give first."""
    groups: dict[tuple[float | None, float | None, str | None], list[Report]] = {}
    for r in claim.reports:
        groups.setdefault((r.low, r.high, r.unit), []).append(r)
    sides = []
    for reports in groups.values():
        wording = Counter(r.text.casefold() for r in reports).most_common(1)[0][0]
        arts = tuple(dict.fromkeys(r.article for r in reports))
        first = reports[0]
        sides.append(Side(wording, arts, Citation(first.article, first.span)))
    return tuple(sorted(sides, key=lambda s: -len(s.articles)))


def trend_text(claim: Claim) -> str:
    """The count at each step it changed: ``200 (a3, 11 Mar 23:35) → 250 (a5, 12 Mar 14:05)``."""
    steps: list[str] = []
    last: float | None = None
    for p in claim.trend:
        if p.value == last:
            continue
        last = p.value
        value = f"{p.value:g}"
        when = p.at.strftime("%-d %b %H:%M" if isinstance(p.at, datetime) else "%-d %b")
        steps.append(f"{value} ({p.article}, {when})")
    return " → ".join(steps) if len(steps) > 1 else ""


def quote_lines(group: QuoteGroup) -> list[QuoteLine]:
    """The group's direct wordings that reverse the quotation (its note names them) or swap a
    word that carries meaning; one line per distinct wording, naming every article printing it."""
    flips: dict[str, list[str]] = {}
    for part in (group.note or "").split("; "):
        aid, _, what = part.partition(" ")
        if what:
            flips.setdefault(aid, []).append(what)
    found: dict[str, QuoteLine] = {}
    for v in group.variants:
        if v.kind != "direct" or v.fidelity != "changed":
            continue
        key = _fold_text(v.text)
        if key in found:
            line = found[key]
            found[key] = QuoteLine(
                line.kind, group, line.variant, (*line.articles, v.article), line.what
            )
            continue
        if v.article in flips:
            found[key] = QuoteLine("reversed", group, v, (v.article,), "; ".join(flips[v.article]))
            continue
        swaps = [f"“{new}” for “{old}”" for old, new in swaps_of(v.diff)]
        if swaps:
            more = len(swaps) - SWAPS_SHOWN
            what = (
                "has " + ", ".join(swaps[:SWAPS_SHOWN]) + (f" and {more} more" if more > 0 else "")
            )
            found[key] = QuoteLine("reworded", group, v, (v.article,), what)
    return list(found.values())


def swaps_of(diff: tuple[WordDiff, ...]) -> list[tuple[str, str]]:
    """Runs of deleted words next to inserted ones where either side holds a word that carries
    meaning: ``("respond", "strike back")``. Words only added or only dropped are left out; the
    comparison already trims what one outlet quotes less of, and a dropped "not" is a flip."""
    out: list[tuple[str, str]] = []
    # A word dropped in one place and printed in another is moved, not swapped ("to do us
    # harm" / "to harm us").
    dropped = {_fold_text(d.word) for d in diff if d.op == "-"}
    added = {_fold_text(d.word) for d in diff if d.op == "+"}
    run: list[WordDiff] = []
    for d in (*diff, WordDiff("=", "")):
        if d.op != "=":
            run.append(d)
            continue
        gone = [_clean(x.word) for x in run if x.op == "-"]
        new = [_clean(x.word) for x in run if x.op == "+"]
        run = []
        gone, new = [w for w in gone if w], [w for w in new if w]
        if not gone or not new or _fold_text(" ".join(gone)) == _fold_text(" ".join(new)):
            continue
        if {_fold_text(w) for w in new} <= dropped or {_fold_text(w) for w in gone} <= added:
            continue
        pair = (" ".join(gone), " ".join(new))
        if any(w.casefold() not in _FUNCTION for w in (*gone, *new)) and pair not in out:
            out.append(pair)
    return out


def _clean(word: str) -> str:
    """A printed word without the punctuation around it; an abbreviation keeps its full stop."""
    word = word.strip(_EDGE)
    return word if "." in word[:-1] else word.rstrip(".")


def _fold_text(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
