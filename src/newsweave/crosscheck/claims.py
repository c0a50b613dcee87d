"""Claims: the figures of a story's articles grouped by measure, each group with a verdict.

Figures are first grouped by what they count and what happened to it (``Figure.kind`` and
``Figure.event``, synonyms folded). Inside a group, reports of one measure are merged by
average-link clustering on their sentences' words and places, under two cannot-link rules:

- figures placed in different places ("in Jordan" / "in Iraq") are different measures;
- two figures that cannot both be true are only merged on strong evidence (the same noun and
  similar sentences): outlets seldom contradict each other, so a contradiction is more often
  a sign of two different measures than of a real conflict.

The verdicts follow CONTRACT.md: ``single`` (one article), ``agree`` (one interval), ``differ``
(every two intervals meet) and ``conflict`` (two cannot both be true).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.analyze import lexicon
from newsweave.model import AnnotatedArticle, Claim, Figure, Report, Span, Verdict

# Average-link similarity two groups of reports need to be merged.
MERGE = 0.06
# Bonus to the similarity when two figures share a place or a counted noun.
PLACE_BONUS = 0.2
NOUN_BONUS = 0.1

# Events worth naming in a measure ("troops wounded"); others are left to the figures.
EVENT_WORDS = {
    "killed": "killed",
    "wounded": "wounded",
    "struck": "struck",
    "used": "used",
    "evacuated": "evacuated",
    "arrested": "arrested",
}
# Kinds that count people: "used" says nothing about them ("employs about 40 people").
PEOPLE = frozenset({"people", "troops", "firefighters"})
UNIT_WORDS = {
    "min": "minutes",
    "h": "hours",
    "km": "kilometres",
    "m": "metres",
    "t": "tonnes",
    "%": "per cent",
    "kg": "kilograms",
    "day": "days",
    "mi": "miles",
}


# Bonus when two figures share a companion: another figure of the same kind and value in the
# same sentence. Reports of one measure travel together ("killed three and wounded 40").
SIBLING_BONUS = 0.3
# Bonus when two figures give the same interval: one story rarely counts two things of one
# kind with the same number.
VALUE_BONUS = 0.1
# What two figures that cannot both be true lose in similarity when they count the same noun:
# a real contradiction needs sentences alike enough to outweigh it.
CONFLICT_PENALTY = 0.1


@dataclass(frozen=True, slots=True)
class _Item:
    article: str
    figure: Figure
    siblings: frozenset[tuple[str, float | None, float | None]] = frozenset()


def meet(a: Report, b: Report) -> bool:
    """Whether two closed intervals (None = unbounded) share a value: both can be true."""
    lo = max(x for x in (a.low, b.low, float("-inf")) if x is not None)
    hi = min(x for x in (a.high, b.high, float("inf")) if x is not None)
    return lo <= hi


def verdict(reports: Sequence[Report]) -> tuple[Verdict, str]:
    """The verdict of CONTRACT.md and a sentence that explains it."""
    articles = sorted({r.article for r in reports})
    if len(articles) == 1:
        return "single", f"only {articles[0]} reports it"
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            if not meet(a, b):
                return "conflict", (
                    f'{a.article} "{a.text}" ({interval(a)}) and {b.article} '
                    f'"{b.text}" ({interval(b)}) cannot both be true'
                )
    intervals = {(r.low, r.high) for r in reports}
    if len(intervals) == 1:
        return "agree", f"all {len(reports)} reports give {interval(reports[0])}"
    shown = ", ".join(sorted({f'"{r.text}" ({interval(r)})' for r in reports}))
    return "differ", f"the figures differ but can all be true together: {shown}"


def _number(x: float) -> str:
    """12, 4.2, 4,200,000: as a reader writes them."""
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def interval(r: Report) -> str:
    """The interval in words: "40", "at least 40", "at most 30 min", "18 to 22"."""
    unit = f" {r.unit}" if r.unit else ""
    if r.low is not None and r.low == r.high:
        return _number(r.low) + unit
    if r.high is None and r.low is not None:
        return f"at least {_number(r.low)}{unit}"
    if r.low is None and r.high is not None:
        return f"at most {_number(r.high)}{unit}"
    if r.low is not None and r.high is not None:
        return f"{_number(r.low)} to {_number(r.high)}{unit}"
    return "any value"


def _report(item: _Item) -> Report:
    q = item.figure.quantity
    return Report(item.article, q.span, q.text, q.low, q.high, q.unit)


def _similarity(a: _Item, b: _Item, idf: dict[str, float]) -> float:
    """How alike two figures' sentences are: IDF-weighted word overlap, places, companions.

    Words every sentence of the story uses ("strikes", "US") say little; words few use
    ("drone", "Sunday", "outpost") tell one event from another.
    """
    fa, fb = a.figure, b.figure
    # fsum: exactly rounded whatever the order, and a set's order changes with the hash seed
    shared = math.fsum(idf.get(w, 0.0) for w in fa.context & fb.context)
    total = math.fsum(idf.get(w, 0.0) for w in fa.context | fb.context)
    sim = shared / total if total else 0.0
    if set(fa.places) & set(fb.places):
        sim += PLACE_BONUS
    if fa.noun and fa.noun == fb.noun:
        sim += NOUN_BONUS
    if a.siblings & b.siblings:
        sim += SIBLING_BONUS
    if (fa.quantity.low, fa.quantity.high) == (fb.quantity.low, fb.quantity.high):
        sim += VALUE_BONUS
    return sim


def _cannot_link(a: _Item, b: _Item) -> bool:
    """Pairs of figures that are never one measure."""
    fa, fb = a.figure, b.figure
    if a.article == b.article and fa.sentence == fb.sentence:
        return True  # one sentence giving two figures gives them for two things
    if fa.event in lexicon.FATES and fb.event in lexicon.FATES and fa.event != fb.event:
        return True  # killed and wounded are two counts
    if _fate_and_deed(fa, fb) or _fate_and_deed(fb, fa):
        return True  # "four firefighters were injured" is not "80 firefighters fought"
    if fa.places and fb.places and not set(fa.places) & set(fb.places):
        return True  # the same count in two places is two measures
    # Two figures that cannot both be true are two measures unless they count the same noun
    # in the same frame (a running total "since October" is not one event's count); then the
    # similarity decides, less a penalty.
    return _contradicts(fa, fb) and (fa.noun != fb.noun or fa.cumulative != fb.cumulative)


def _fate_and_deed(fa: Figure, fb: Figure) -> bool:
    """One figure counts people something happened to; the other, people who did something."""
    return fa.event in lexicon.FATES and fb.event is None and fb.verb is not None


def _contradicts(fa: Figure, fb: Figure) -> bool:
    ra = Report("", fa.quantity.span, fa.quantity.text, fa.quantity.low, fa.quantity.high)
    rb = Report("", fb.quantity.span, fb.quantity.text, fb.quantity.low, fb.quantity.high)
    return not meet(ra, rb)


def cluster(items: Sequence[_Item], idf: dict[str, float]) -> list[list[_Item]]:
    """Average-link agglomerative clustering with cannot-link constraints.

    Cluster-to-cluster sums of similarity and the cannot-link flags are kept in matrices and
    folded on each merge, so a merge costs one pass over the remaining clusters.
    """
    n = len(items)
    if n == 1:
        return [list(items)]
    sim = np.zeros((n, n))
    cannot = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(i + 1, n):
            value = _similarity(items[i], items[j], idf)
            if _contradicts(items[i].figure, items[j].figure):
                value -= CONFLICT_PENALTY
            sim[i, j] = sim[j, i] = value
            cannot[i, j] = cannot[j, i] = _cannot_link(items[i], items[j])
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    while True:
        avg = sim / np.outer(sizes, sizes)
        blocked = cannot | ~np.outer(alive, alive) | np.eye(n, dtype=bool)
        avg[blocked] = -np.inf
        x, y = divmod(int(np.argmax(avg)), n)
        if avg[x, y] <= MERGE:
            break
        sim[x, :] += sim[y, :]
        sim[:, x] += sim[:, y]
        cannot[x, :] |= cannot[y, :]
        cannot[:, x] |= cannot[:, y]
        sizes[x] += sizes[y]
        alive[y] = False
        members[x] += members[y]
    groups = [members[i] for i in range(n) if alive[i]]
    return [[items[i] for i in sorted(g, key=lambda k: (items[k].article, k))] for g in groups]


def _plural(noun: str) -> str:
    if noun.endswith(("s", "people", "personnel")):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def describe(items: Sequence[_Item]) -> str:
    """A readable measure: "service members killed in Jordan", "amount in GBP"."""
    figs = [it.figure for it in items]
    kind = figs[0].kind or ""
    own = Counter(f.noun for f in figs if f.noun and lexicon.implied_event(f.noun) is None)
    noun = own.most_common(1)[0][0] if own else kind
    unit = figs[0].quantity.unit
    if unit and len(unit) == 3 and unit.isupper():
        head = f"amount in {unit}"  # a currency code
    else:
        head = UNIT_WORDS.get(noun, _plural(noun)) if noun else "figure"
    events = Counter(f.event for f in figs if f.event)
    event = events.most_common(1)[0][0] if events else None
    words = [head]
    if (
        event in EVENT_WORDS
        and event != lexicon.implied_event(noun)
        and not (event == "used" and kind in PEOPLE)
    ):
        words.append(EVENT_WORDS[event])
    places = Counter(p for f in figs for p in f.places)
    if places:
        top = [p for p, _ in places.most_common(2)]
        words.append("in " + " and ".join(top))
    return " ".join(words)


def _idf(contexts: Sequence[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over the story's figure sentences."""
    df: Counter[str] = Counter(w for c in contexts for w in c)
    n = len(contexts)
    return {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}


def align(articles: Sequence[tuple[str, AnnotatedArticle]]) -> list[Claim]:
    """Claims of a story: ``articles`` pairs each brief id with its analysed article."""
    groups: dict[tuple[str, str | None], list[_Item]] = defaultdict(list)
    sentences: dict[tuple[str, Span], frozenset[str]] = {}
    for aid, annotated in articles:
        by_sentence: dict[Span, list[Figure]] = defaultdict(list)
        for fig in annotated.figures:
            by_sentence[fig.sentence].append(fig)
            sentences[(aid, fig.sentence)] = fig.context
        for fig in annotated.figures:
            if fig.kind is None:
                continue  # a bare number with nothing counted cannot be compared
            siblings = frozenset(
                (o.kind, o.quantity.low, o.quantity.high)
                for o in by_sentence[fig.sentence]
                if o is not fig and o.kind
            )
            groups[(fig.kind, fig.quantity.unit)].append(_Item(aid, fig, siblings))
    idf = _idf(list(sentences.values()))
    clusters = [c for items in groups.values() for c in cluster(items, idf)]
    claims: list[Claim] = []
    for c in clusters:
        reports = tuple(_report(it) for it in c)
        v, why = verdict(reports)
        claims.append(Claim("", describe(c), reports, v, why))
    order = {"conflict": 0, "differ": 1, "agree": 2, "single": 3}
    claims.sort(
        key=lambda cl: (
            order[cl.verdict],
            -len({r.article for r in cl.reports}),
            -len(cl.reports),
            cl.measure,
        )
    )
    return [
        Claim(f"c{i}", cl.measure, cl.reports, cl.verdict, cl.why) for i, cl in enumerate(claims, 1)
    ]
