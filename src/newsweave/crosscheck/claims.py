"""Claims: the figures of a story's articles grouped by measure, each group with a verdict.

Alignment runs in two steps, and prefers leaving a figure ``single`` to forcing it into a claim:

1. Within one article, mentions of one measure are joined: the same interval of the same
   counted thing, holder, year and place ("40 million litres" twice). Two different values
   in one article are never joined, so an article never contradicts itself in a claim: its
   figures are two measures (or an update, which is not a contradiction either).
2. Across articles, these article-measures are linked, best evidence first, into claims that
   hold at most one article-measure per article. The evidence (``measures.py``): the
   sentences' rarer words in common, what is counted (same class or head, or a similar phrase
   when the values are the same), the value itself (a shared 38,000,000 says more than a
   shared 3), the event, holder, year, place, and companions ("148 passengers and six crew").
   Hard rules keep figures apart whatever they share (``measures.cannot_link``).

A claim whose figures cannot all be true (a ``conflict``) needs more: the same counted thing
(or the same person's age), sentences alike, and each article-measure the other's best match.
Outlets seldom contradict each other, so two disjoint figures are more often two measures.

The verdicts follow CONTRACT.md: ``single`` (one article), ``agree`` (one interval), ``differ``
(every two intervals meet) and ``conflict`` (two cannot both be true).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, pairwise

from newsweave.analyze import lexicon
from newsweave.analyze.qualifiers import ABOUT, QUALIFIERS, SYMBOL_QUALIFIERS, clean
from newsweave.analyze.quantities import CONVERSION_WHY, EXCHANGED_WHY
from newsweave.analyze.units import conversion_slack, dimension, to_base
from newsweave.crosscheck.measures import (
    Measure,
    cannot_link,
    holders_agree,
    noun_relation,
    read,
    relation,
    specificity,
)
from newsweave.crosscheck.measures import _significant_digits as _significant
from newsweave.crosscheck.phrases import phrase_similarity
from newsweave.crosscheck.trends import accumulates, aged_verdict, timed_verdict
from newsweave.model import (
    AnnotatedArticle,
    Claim,
    Figure,
    Report,
    Span,
    Story,
    TrendPoint,
    Verdict,
)

# --- how much each piece of evidence weighs (summed with the sentences' word overlap, 0..1) ---

# What two article-measures need to be linked.
LINK = 0.55
# The mean evidence across two clusters that join (lower than LINK: a conflict's sides share
# less than two outlets that agree).
MERGE_MEAN = 0.45
# What two disjoint figures need to be linked into a conflict, on top of the same counted
# thing and one more thing that names the measure (event, year, place, holder, companions).
LINK_APART = 0.5
# Sentences of a real contradiction share at least this much (IDF-weighted word overlap).
APART_CONTEXT = 0.15
# ... or this much when only the event names the measure.
EVENT_ONLY_CONTEXT = 0.3
# The same counted thing (class, head or acronym); a different one.
NOUN_SAME = 0.35
NOUN_DIFFERENT = -0.3
# Neither side names what it counts (a bare "two", "40 million litres"): a little credit,
# so that a specific shared value can carry the link.
NOUN_NONE = 0.1
# Two counted phrases this close in MiniLM space name one thing ("cars", "vehicles") when
# the values are the same; embeddings put co-hyponyms close too (men, women), hence the
# contrast rule in measures.py and no such credit for differing values.
PHRASE_SIMILAR = 0.6
PHRASE_CREDIT = 0.2
# The same interval, times how specific the value is; intervals that only meet earn nothing
# (the rest of the evidence must carry them), and disjoint ones lose a little.
VALUE_SAME = 0.45
VALUE_APART = -0.1
# A vague word ("several", "hundreds") meets almost any figure: it joins a different one only
# in sentences this alike.
VAGUE_CONTEXT = 0.3
# The same event class, holder, year, place; a shared companion figure in the sentence.
EVENT_SAME = 0.1
HOLDER_SAME = 0.2
# An age is a person's: one name is the whole measure ("Pell, 71" and "Ms Pell, 72").
HOLDER_SAME_AGE = 0.4
FRAME_SAME = 0.1
PLACE_SAME = 0.1
SIBLING_SAME = 0.2
# Each article's only figure of a physical dimension or currency: a story seldom has two
# lengths or two prices ("a 70-foot fir" and "a 72-foot spruce" are one tree).
SOLE_OF_DIMENSION = 0.2
# ... but sentences alike this much before two such figures may contradict each other.
SOLE_CONTEXT = 0.25
# A value or noun shared by more article-measures than this says nothing: no pairing by it.
MAX_BUCKET = 200

# Qualifiers that draw a band around the number written.
APPROXIMATE = frozenset(
    [k for k, v in QUALIFIERS.items() if v is ABOUT]
    + [k for k, v in SYMBOL_QUALIFIERS.items() if v is ABOUT]
    + ["or so"]
)

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
    "s": "seconds",
    "km": "kilometres",
    "m": "metres",
    "cm": "centimetres",
    "mm": "millimetres",
    "ft": "feet",
    "yd": "yards",
    "in": "inches",
    "mi": "miles",
    "t": "tonnes",
    "kg": "kilograms",
    "lb": "pounds",
    "g": "grams",
    "l": "litres",
    "gal": "gallons",
    "bbl": "barrels",
    "%": "per cent",
    "pp": "percentage points",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "km/h": "km/h",
    "mph": "mph",
    "kn": "knots",
    "km2": "square kilometres",
    "sqmi": "square miles",
    "ha": "hectares",
    "acre": "acres",
    "°C": "degrees Celsius",
    "°F": "degrees Fahrenheit",
}
_PHYSICAL_OR_MONEY_SKIP = frozenset({None, "share", "share points", "age"})


@dataclass(slots=True)
class _Group:
    """One article's mentions of one measure (the same interval of the same thing)."""

    article: str
    members: list[Measure]

    @property
    def first(self) -> Measure:
        return self.members[0]


# --- intervals and verdicts ---------------------------------------------------------------------


def meet(a: Report, b: Report) -> bool:
    """Whether two closed intervals (None = unbounded) share a value: both can be true.

    Figures in different units of one dimension (feet and metres) are compared in the base
    unit, within the rounding a conversion brings.
    """
    slack = conversion_slack(a.low, a.high, b.low, b.high) if a.unit != b.unit else 0.0
    lows = [to_base(x, u) for x, u in ((a.low, a.unit), (b.low, b.unit))]
    highs = [to_base(x, u) for x, u in ((a.high, a.unit), (b.high, b.unit))]
    lo = max((x for x in lows if x is not None), default=-math.inf)
    hi = min((x for x in highs if x is not None), default=math.inf)
    if lo <= hi:
        return True
    return bool(slack) and lo - hi <= slack * max(abs(lo), abs(hi))


def verdict(
    reports: Sequence[Report],
    passage: Callable[[Report], str] | None = None,
    source: Callable[[str], str | None] | None = None,
) -> tuple[Verdict, str]:
    """The verdict of CONTRACT.md and a sentence that explains it.

    ``passage`` gives a report's sentence, which a conflict quotes for both sides; ``source``
    maps an article to the one it copies, so that a reprint never corroborates its original.
    """

    def of(article: str) -> str:
        return (source(article) if source else None) or article

    articles = sorted({of(r.article) for r in reports})
    if len(articles) == 1:
        copied = len({r.article for r in reports}) > 1
        return "single", f"only {articles[0]} reports it" + (" (and its copies)" if copied else "")
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            if of(a.article) != of(b.article) and not meet(a, b):
                return "conflict", _conflict_why(a, b, passage)
    if all(_same_interval(reports[0], r) for r in reports[1:]):
        return "agree", f"all {len(reports)} reports give {interval(reports[0])}"
    shown = ", ".join(sorted({f'"{r.text}" ({interval(r)})' for r in reports}))
    return "differ", f"the figures differ but can all be true together: {shown}"


def _same_interval(a: Report, b: Report) -> bool:
    """One interval, in one unit, or in two within the rounding of a conversion."""
    if a.unit == b.unit:
        return (a.low, a.high) == (b.low, b.high)
    for x, y in ((a.low, b.low), (a.high, b.high)):
        if (x is None) != (y is None):
            return False
        bx, by = to_base(x, a.unit), to_base(y, b.unit)
        if (
            bx is not None
            and by is not None
            and abs(bx - by) > conversion_slack(x, y) * max(abs(bx), abs(by))
        ):
            return False
    return dimension(a.unit) == dimension(b.unit)


def _conflict_why(a: Report, b: Report, passage: Callable[[Report], str] | None) -> str:
    def side(r: Report) -> str:
        where = f" in “{_clip(passage(r))}”" if passage else ""
        return f'{r.article} "{r.text}" ({interval(r)}){where}'

    return f"{side(a)} and {side(b)} cannot both be true"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _number(x: float) -> str:
    """12, 4.2, 4,200,000: as a reader writes them."""
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def interval(r: Report) -> str:
    """The interval in words: "40", "at least 40", "at most 30 min", "18 to 22", "aged 33"."""
    if r.unit == "age":
        return f"aged {interval(Report(r.article, r.span, r.text, r.low, r.high))}"
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


# --- step 1: an article's mentions of one measure ----------------------------------------------


def _article_groups(
    measures: Sequence[Measure], contrasts: frozenset[frozenset[str]]
) -> list[_Group]:
    """Mentions of one measure within one article: the same interval of the same thing.

    A mention joins the first group of its value whose mentions count the same thing and
    nothing keeps apart (a place, a year, a holder, a fate); a bare number that says nothing
    of what it counts stays on its own; ages of one value are one person's unless their names
    differ. Past ``MAX_BUCKET`` mentions of one value, only identical readings join.
    """
    groups: list[_Group] = []
    by_value: dict[tuple[object, ...], list[_Group]] = defaultdict(list)
    for k, m in enumerate(measures):
        why = m.figure.quantity.why or ""
        if (
            why.startswith(CONVERSION_WHY)
            and k
            and groups
            and measures[k - 1].article == m.article
            and measures[k - 1].figure.sentence == m.figure.sentence
        ):
            # "a 12-metre (40-foot) boat": the bracket restates the figure before it
            prev = measures[k - 1]
            restated = next(g for g in reversed(groups) if any(x is prev for x in g.members))
            restated.members.append(m)
            continue
        # a unit says what is measured; a bare number ("three") says nothing, and stays alone
        # unless a copy repeats its sentence word for word
        what = "age" if m.dim == "age" else (m.kind or m.head or m.dim)
        if what is None:
            key = ("bare", m.low, m.high, m.figure.context, m.figure.near)
            if key in by_value:
                by_value[key][0].members.append(m)
            else:
                by_value[key] = [_Group(m.article, [m])]
                groups.append(by_value[key][0])
            continue
        bucket = by_value[(m.dim, m.low, m.high, what)]
        if len(bucket) > MAX_BUCKET:
            bucket = by_value[(m.dim, m.low, m.high, what, m.holder, m.frames, m.places, m.event)]
        home = next(
            (g for g in bucket if all(cannot_link(x, m, contrasts) is None for x in g.members[:8])),
            None,
        )
        if home is not None:
            home.members.append(m)
        else:
            bucket.append(_Group(m.article, [m]))
            groups.append(bucket[-1])
    return groups


# --- step 2: linking article-measures across articles ------------------------------------------


@dataclass(slots=True)
class _Story:
    groups: list[_Group]
    idf: dict[str, float]
    contrasts: frozenset[frozenset[str]]
    sole: set[int]  # indexes of groups that are their article's only one of their dimension
    phrases: dict[tuple[str, str], float]


def _context_similarity(a: Figure, b: Figure, idf: dict[str, float]) -> float:
    """IDF-weighted overlap of two figures' words, rare words telling events apart: of their
    sentences, or of the words near them when long sentences tell other things too."""
    return max(_overlap(a.context, b.context, idf), _overlap(a.near, b.near, idf))


def _overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    # fsum: exactly rounded whatever the order, and a set's order changes with the hash seed
    shared = math.fsum(idf.get(w, 0.0) for w in a & b)
    total = math.fsum(idf.get(w, 0.0) for w in a | b)
    return shared / total if total else 0.0


@dataclass(frozen=True, slots=True)
class _Pair:
    score: float
    apart: bool  # the two cannot both be true
    strong: bool  # evidence enough to start a conflict
    may_differ: bool = True  # alike enough to sit in one claim though they cannot both hold


def _score(m: Measure, n: Measure, story: _Story, sole: bool) -> _Pair | None:
    """The evidence that two figures of two articles report one measure (None: never)."""
    if cannot_link(m, n, story.contrasts) is not None:
        return None
    rel = relation(m, n)
    nouns = noun_relation(m, n)
    ctx = _context_similarity(m.figure, n.figure, story.idf)
    score = ctx
    if nouns == "same":
        score += NOUN_SAME
    elif nouns == "different" and not sole:
        # (each article's only length or price names its thing in its own words: "a 70-foot
        # fir", "a 72-foot Norway spruce")
        similar = story.phrases.get(_phrase_key(m, n), 0.0)
        score += PHRASE_CREDIT if rel == "same" and similar >= PHRASE_SIMILAR else NOUN_DIFFERENT
    else:
        score += NOUN_NONE
    if rel == "meet" and _vague(m, n) and ctx < VAGUE_CONTEXT:
        return _Pair(0.0, False, False)
    if rel == "same" or (rel == "meet" and _shared_number(m, n)):
        score += VALUE_SAME * specificity(m)  # "more than 85" and "85" write one number
    elif rel == "apart":
        score += VALUE_APART
    if m.event and m.event == n.event:
        score += EVENT_SAME
    holders = holders_agree(m.holder, n.holder)
    if holders:
        score += HOLDER_SAME_AGE if m.dim == "age" else HOLDER_SAME
    if m.frames & n.frames:
        score += FRAME_SAME
    if m.places & n.places:
        score += PLACE_SAME
    if m.siblings & n.siblings:
        score += SIBLING_SAME
    if sole:
        score += SOLE_OF_DIMENSION
    events_fit = m.event == n.event or not (m.event and n.event)
    may_differ = not _vague(m, n) and (
        (nouns == "same" and events_fit and m.dim != "age")
        or (m.dim == "age" and holders is not False)
        or sole
    )
    # What names one measure besides the noun: a year, place or companion figure
    # with sentences alike; or the same event with sentences much alike (a story's
    # background often counts the same fate of another event: "an attack last week killed
    # 21" beside today's 12).
    # (a shared holder is no such name: a player's points of two games are two measures)
    named = bool(
        m.frames & n.frames or m.places & n.places or any(_rare(v) for v in m.siblings & n.siblings)
    )
    same_event = bool(m.event and m.event == n.event)
    identity = (named and ctx >= APART_CONTEXT) or (same_event and ctx >= EVENT_ONLY_CONTEXT)
    strong = (
        (nouns == "same" and m.dim != "age" and identity)
        or (m.dim == "age" and bool(holders))
        or (sole and ctx >= SOLE_CONTEXT)
    )
    return _Pair(score, rel == "apart", may_differ and strong and score >= LINK_APART, may_differ)


def _rare(value: tuple[float | None, float | None]) -> bool:
    """A companion figure specific enough to name a moment ("148 passengers and six crew"
    again): three significant digits or more. Two box scores share a 14 by chance."""
    x = value[0] if value[0] is not None else value[1]
    return x is not None and _significant(x) >= 3


def _shared_number(m: Measure, n: Measure) -> bool:
    """Whether two figures write the same number, whatever qualifies it ("within 30
    minutes" and "30 minutes", "approximately 1,200" and "1,200")."""
    written = _written(m)
    return any(x in written for x in _written(n))


def _written(m: Measure) -> set[float]:
    """The numbers a figure's interval comes from: its ends, and the middle of an
    approximation's band ("about 40" is 36 to 44 around 40)."""
    ends = {x for x in (m.low, m.high) if x is not None}
    if m.low is not None and m.high is not None and m.figure.quantity.qualifier in APPROXIMATE:
        ends.add(clean((m.low + m.high) / 2))
    return ends


def _vague(m: Measure, n: Measure) -> bool:
    """A vague word ("several", "decades") never contradicts a figure."""
    return any(x.figure.quantity.qualifier in _VAGUE_WORDS for x in (m, n))


_VAGUE_WORDS = frozenset(
    {"several", "a few", "multiple", "a couple", "a handful", "vague", "dozens", "scores"}
    | {"tens", "hundreds", "thousands", "millions", "billions", "many"}
)


def _phrase_key(m: Measure, n: Measure) -> tuple[str, str]:
    a, b = m.phrase or m.head or "", n.phrase or n.head or ""
    return (a, b) if a <= b else (b, a)


def _candidates(story: _Story) -> list[tuple[int, int]]:
    """Pairs of article-measures of different articles worth scoring.

    Blocked by what they share: a dimension and either a value, what is counted, or being
    their articles' only figure of a physical dimension. A key shared by more than
    ``MAX_BUCKET`` article-measures is too common to pair by.
    """
    buckets: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, g in enumerate(story.groups):
        m = g.first
        buckets[("value", m.dim, m.low, m.high)].append(i)
        for what in {m.kind, m.head} - {None}:
            buckets[("noun", m.dim, what)].append(i)
        if m.dim == "age":
            buckets[("age",)].append(i)
        if i in story.sole:
            buckets[("sole", m.dim)].append(i)
        if m.kind is None and m.head is None and m.dim is None:
            buckets[("bare", m.figure.event or m.figure.verb)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        for i, j in combinations(members, 2):
            if story.groups[i].article != story.groups[j].article:
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def _pair(i: int, j: int, story: _Story) -> _Pair | None:
    """The best evidence between two article-measures' mentions (None if any pair never)."""
    gi, gj = story.groups[i], story.groups[j]
    sole = i in story.sole and j in story.sole
    best: _Pair | None = None
    for m in gi.members[:4]:
        for n in gj.members[:4]:
            p = _score(m, n, story, sole)
            if p is None:
                return None
            if best is None or p.score > best.score:
                best = p
    return best


def _link(story: _Story) -> list[list[int]]:
    """Greedy best-first union of article-measures into claims.

    Two clusters join on a pair with evidence of at least ``LINK`` (a disjoint pair: strong
    evidence, and each side the other's best match in its article) when no article is in
    both, no pair across them is forbidden or disjoint without counting the same thing, and
    the mean evidence across them is at least ``MERGE_MEAN``.
    """
    scored: dict[tuple[int, int], _Pair | None] = {}
    for i, j in _candidates(story):
        scored[(i, j)] = _pair(i, j, story)
    best_in: dict[tuple[int, str], float] = {}
    for (i, j), p in scored.items():
        if p is None:
            continue
        for x, y in ((i, j), (j, i)):
            key = (x, story.groups[y].article)
            best_in[key] = max(best_in.get(key, -math.inf), p.score)

    def get(i: int, j: int) -> _Pair | None:
        key = (i, j) if i < j else (j, i)
        if key not in scored:
            scored[key] = _pair(key[0], key[1], story)
        return scored[key]

    owner = list(range(len(story.groups)))
    members: dict[int, list[int]] = {i: [i] for i in owner}
    # Agreeing links first, then disagreeing ones: a conflict joins a claim whole.
    order = sorted(
        (
            (p.apart, p.score, i, j)
            for (i, j), p in scored.items()
            if p is not None
            and (p.score >= LINK if not p.apart else p.strong)
            and (not p.apart or _mutual_best(i, j, p.score, story, best_in))
        ),
        key=lambda t: (t[0], -t[1], t[2], t[3]),
    )
    for _, _, i, j in order:
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        a, b = members[ci], members[cj]
        if _joinable(a, b, story, get):
            members[ci] = a + b
            for y in b:
                owner[y] = ci
            del members[cj]
    return [sorted(v) for v in members.values()]


def _joinable(
    a: list[int], b: list[int], story: _Story, get: Callable[[int, int], _Pair | None]
) -> bool:
    """Whether two clusters of article-measures can be one claim.

    Each article's readings on one side meet each other article's on the other: nothing
    forbids any pair, the best pair of each two articles counts the same thing if they
    disagree, and the mean of those best pairs is at least ``MERGE_MEAN``. An article on both
    sides must read the same interval on both.
    """
    side_a: dict[str, list[int]] = defaultdict(list)
    side_b: dict[str, list[int]] = defaultdict(list)
    for x in a:
        side_a[story.groups[x].article].append(x)
    for y in b:
        side_b[story.groups[y].article].append(y)
    total, count = 0.0, 0
    for art_a, xs in side_a.items():
        for art_b, ys in side_b.items():
            if art_a == art_b:
                if not all(
                    _same_reading(story.groups[x], story.groups[y], story) for x in xs for y in ys
                ):
                    return False
                continue
            pairs = [get(x, y) for x in xs for y in ys]
            if any(p is None for p in pairs):
                return False
            best = max((p for p in pairs if p is not None), key=lambda p: p.score)
            if best.apart and not best.may_differ:
                return False
            if best.apart and not best.strong and not _carried(xs, ys, a, b, story, get):
                return False
            total += best.score
            count += 1
    return not count or total / count >= MERGE_MEAN


def _carried(
    xs: list[int],
    ys: list[int],
    a: list[int],
    b: list[int],
    story: _Story,
    get: Callable[[int, int], _Pair | None],
) -> bool:
    """Whether a weak disagreement between two articles is carried by a strong one: an
    article on either side that reads the same figure has strong evidence against the other.

    Four outlets say 4 and one says 6: the 6 need only contradict one of the fours strongly.
    But "ten games" and "fifteen games later", joined only through "at least 10", are two
    measures.
    """
    for mine, theirs, side in ((xs, ys, a), (ys, xs, b)):
        same = [
            z
            for z in side
            if any(relation(story.groups[z].first, story.groups[w].first) == "same" for w in mine)
        ]
        for z in same:
            for w in theirs:
                p = get(min(z, w), max(z, w)) if z != w else None
                if p is not None and p.apart and p.strong:
                    return True
    return False


def _same_reading(g: _Group, h: _Group, story: _Story) -> bool:
    """Whether two mention groups of one article can be one measure: one number, however
    qualified ("more than 85" and "85"), and nothing keeps their mentions apart. An article
    never contradicts itself inside a claim, nor gives two numbers for one measure there."""
    m, n = g.first, h.first
    if relation(m, n) == "apart" or not _shared_number(m, n):
        return False
    return all(
        cannot_link(x, y, story.contrasts) is None for x in g.members[:4] for y in h.members[:4]
    )


def _mutual_best(
    x: int, y: int, score: float, story: _Story, best_in: dict[tuple[int, str], float]
) -> bool:
    ax, ay = story.groups[x].article, story.groups[y].article
    return score >= best_in.get((x, ay), -math.inf) and score >= best_in.get((y, ax), -math.inf)


# --- the story's facts the rules need ----------------------------------------------------------


def _contrasts(measures: Sequence[Measure], texts: dict[str, str]) -> frozenset[frozenset[str]]:
    """Nouns that one sentence counts side by side ("148 passengers and six crew", "nine men
    and two women"): two measures wherever the story mentions them.

    Only figures joined by "and", "or" or a comma count: "17 charges, including 4 counts of
    fraud" names a part of a whole, not a second thing.
    """
    by_sentence: dict[tuple[str, Span], list[Measure]] = defaultdict(list)
    for m in measures:
        if m.dim is None and m.kind:
            by_sentence[(m.article, m.figure.sentence)].append(m)
    out: set[frozenset[str]] = set()
    for ms in by_sentence.values():
        ms.sort(key=lambda m: m.figure.quantity.span.start)
        for a, b in pairwise(ms):
            if a.kind == b.kind or a.kind is None or b.kind is None:
                continue
            text = texts[a.article]
            between = text[a.figure.quantity.span.end : b.figure.quantity.span.start]
            if _SIDE_BY_SIDE.search(between) and not _PART_OF.search(between):
                out.add(frozenset((a.kind, b.kind)))
    return frozenset(out)


_SIDE_BY_SIDE = re.compile(r"^\W*(?:\w+\W+){0,4}?(?:and|or|plus|while|as well as)\W", re.IGNORECASE)
_PART_OF = re.compile(r"\b(?:including|includ\w+|among|of whom|of them|of which)\b", re.IGNORECASE)


def _idf(contexts: Sequence[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over the story's figure sentences."""
    df: Counter[str] = Counter(w for c in contexts for w in c)
    n = len(contexts)
    return {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}


def _sole(groups: Sequence[_Group]) -> set[int]:
    """Groups that are their article's only figure of a physical dimension or currency."""
    count: Counter[tuple[str, str | None]] = Counter((g.article, g.first.dim) for g in groups)
    return {
        i
        for i, g in enumerate(groups)
        if g.first.dim not in _PHYSICAL_OR_MONEY_SKIP and count[(g.article, g.first.dim)] == 1
    }


def _phrase_pairs(
    groups: Sequence[_Group], pairs: Sequence[tuple[int, int]]
) -> dict[tuple[str, str], float]:
    """MiniLM similarity of the counted phrases of same-valued pairs that name them apart."""
    wanted: set[tuple[str, str]] = set()
    for i, j in pairs:
        m, n = groups[i].first, groups[j].first
        if (
            m.dim != "age"
            and (m.low, m.high) == (n.low, n.high)
            and noun_relation(m, n) == "different"
        ):
            wanted.add(_phrase_key(m, n))
    return phrase_similarity(sorted(wanted))


# --- the claims ---------------------------------------------------------------------------------


def _read_all(articles: Sequence[tuple[str, AnnotatedArticle]]) -> list[Measure]:
    """Every figure of the story as a measure, with the other figures of its sentence."""
    out: list[Measure] = []
    for aid, annotated in articles:
        by_sentence: dict[Span, list[Figure]] = defaultdict(list)
        for fig in annotated.figures:
            by_sentence[fig.sentence].append(fig)
        for fig in annotated.figures:
            siblings = frozenset(
                (o.quantity.low, o.quantity.high)
                for o in by_sentence[fig.sentence]
                if o is not fig and o.quantity.unit == fig.quantity.unit
            )
            out.append(read(aid, fig, annotated.article.published, siblings))
    return out


def _source_groups(
    measures: Sequence[Measure], family: Mapping[str, str], contrasts: frozenset[frozenset[str]]
) -> list[_Group]:
    """Each source's mentions of one measure (an article with its copies is one source)."""
    groups: list[_Group] = []
    for source in dict.fromkeys(family.values()):
        kin = [m for m in measures if family[m.article] == source]
        for group in _article_groups(kin, contrasts):
            group.article = source
            groups.append(group)
    return groups


_ORDER = {"conflict": 0, "differ": 1, "agree": 2, "single": 3}


def align(story: Story) -> list[Claim]:
    """Claims of an analysed story, its articles cited by their ids.

    A syndicated copy and its original (``story.copies``) are one source (one reading of each
    measure, never a corroboration of each other), and their reports sit together in the
    claim. Disagreements first, then the most widely reported.
    """
    articles = story.analysed()
    family = {aid: story.copies.get(aid, aid) for aid, _ in articles}
    measures = _read_all(articles)
    texts = {aid: annotated.article.text for aid, annotated in articles}
    contrasts = _contrasts(measures, texts)
    groups = _source_groups(measures, family, contrasts)
    if not groups:
        return []
    idf = _idf([m.figure.context for m in measures])
    linked = _Story(groups, idf, contrasts, _sole(groups), {})
    linked.phrases = _phrase_pairs(groups, _candidates(linked))
    sentence = {(m.article, m.figure.quantity.span): m.figure.sentence for m in measures}

    def passage(r: Report) -> str:
        s = sentence[(r.article, r.span)]
        return texts[r.article][s.start : s.end]

    claims = [
        _claim([m for i in cluster for m in groups[i].members], dict(articles), passage, family)
        for cluster in _link(linked)
    ]
    claims.sort(
        key=lambda cl: (
            _ORDER[cl.verdict],
            -len({r.article for r in cl.reports}),
            -len(cl.reports),
            cl.measure,
            cl.reports[0].article,
            cl.reports[0].span.start,
        )
    )
    return [replace(cl, id=f"c{i}") for i, cl in enumerate(claims, 1)]


def _exchanged(
    ms: Sequence[Measure],
    reports: Sequence[Report],
    passage: Callable[[Report], str],
    family: Mapping[str, str],
) -> tuple[Verdict, str] | None:
    """ "differ" where a conflict is only between amounts converted from another currency
    ("€80 billion ($95 billion)" against "($104 billion)": each outlet converted at its own
    rate), None where the amounts as given still conflict or none was converted."""
    exchanged = [
        r
        for m, r in zip(ms, reports, strict=True)
        if EXCHANGED_WHY in (m.figure.quantity.why or "")
    ]
    if not exchanged:
        return None
    rest = [r for r in reports if r not in exchanged]
    if len({r.article for r in rest}) > 1 and verdict(rest, passage, family.get)[0] == "conflict":
        return None
    shown = ", ".join(sorted(f'{r.article} "{r.text}"' for r in exchanged))
    return "differ", f"{shown}: converted from another currency, at the rate of the day"


def _claim(
    ms: list[Measure],
    articles: Mapping[str, AnnotatedArticle],
    passage: Callable[[Report], str],
    family: Mapping[str, str],
) -> Claim:
    """One claim: its reports in article order, its verdict, and a trend when a count rose."""
    ms.sort(key=lambda m: (m.article, m.figure.quantity.span.start))
    reports = tuple(_report(m) for m in ms)
    v, why = verdict(reports, passage, family.get)
    trend: tuple[TrendPoint, ...] = ()
    if v in ("conflict", "differ") and accumulates([m.figure for m in ms]):
        timed = timed_verdict(reports, articles, lambda rs: verdict(rs, passage, family.get))
        if timed is not None:
            v, why, trend = timed
    if v == "conflict":
        v, why = _exchanged(ms, reports, passage, family) or (v, why)
    if v == "conflict" and all(m.dim == "age" for m in ms):
        aged = aged_verdict(reports, articles)
        if aged is not None:
            v, why = aged
    return Claim("", describe(ms), reports, v, why, trend)


def _report(m: Measure) -> Report:
    q = m.figure.quantity
    return Report(m.article, q.span, q.text, q.low, q.high, q.unit)


# --- the measure in words ----------------------------------------------------------------------


# Nouns whose plural is not made with "s".
_IRREGULAR = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "life": "lives",
    "wife": "wives",
    "knife": "knives",
    "leaf": "leaves",
    "shelf": "shelves",
    "thief": "thieves",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
    "aircraft": "aircraft",
    "series": "series",
    "species": "species",
}


def _plural(noun: str) -> str:
    words = noun.split()
    if words and words[-1] in _IRREGULAR:
        return " ".join([*words[:-1], _IRREGULAR[words[-1]]])
    if noun.endswith(("s", "people", "personnel", "crew", "staff", "police")):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "x")):
        return noun + "es"
    return noun + "s"


def _phrase_words(phrase: str) -> str:
    """ "state charge" → "state charges"; "litre of fuel" keeps its "of"."""
    head, sep, rest = phrase.partition(" of ")
    return _plural(head) + (f" of {rest}" if sep else "")


def describe(measures: Sequence[Measure]) -> str:
    """A readable measure: "service members killed in Jordan", "age of Tomas Brenner",
    "per cent of gdp in 2015"."""
    figs = [m.figure for m in measures]
    first = measures[0]
    if first.dim == "age":
        names = [f.holder for f in figs if f.holder]
        fullest = max(names, key=lambda n: (len(n.split()), n), default=None)
        return f"age of {fullest}" if fullest else "age"
    unit = first.figure.quantity.unit
    # a noun that says what happened ("death toll", "casualties") reads best as its class
    # and event: "people killed"
    phrases = Counter(f.phrase for f in figs if f.phrase and lexicon.implied_event(f.noun) is None)
    nouns = Counter(f.noun for f in figs if f.noun and lexicon.implied_event(f.noun) is None)
    if unit and len(unit) == 3 and unit.isupper():
        head = f"amount in {unit}"  # a currency code
    elif unit == "%" and any(f.change for f in figs):
        head = "per cent change"  # "thefts rose almost 40%"
    elif unit:
        head = UNIT_WORDS.get(unit, unit)
    elif phrases:
        head = _phrase_words(phrases.most_common(1)[0][0])
    elif nouns:
        head = _plural(nouns.most_common(1)[0][0])
    else:
        head = _plural(first.kind) if first.kind else "figure"
    words = [head]
    if unit and phrases:
        words.append(("in " if head == "per cent change" else "of ") + phrases.most_common(1)[0][0])
    events = Counter(f.event for f in figs if f.event)
    event = events.most_common(1)[0][0] if events else None
    kind = first.kind or ""
    if (
        event in EVENT_WORDS
        and event not in head
        and event != lexicon.implied_event(first.figure.noun)
        and not (event == "used" and kind in PEOPLE)
    ):
        words.append(EVENT_WORDS[event])
    holders = Counter(f.holder for f in figs if f.holder)
    if holders:
        words.append("of " + holders.most_common(1)[0][0])
    places = Counter(p for f in figs for p in f.places)
    if places:
        top = [p for p, _ in places.most_common(2)]
        words.append("in " + " and ".join(top))
    frames = Counter(fr for m in measures for fr in m.frames if fr.isdigit())
    if frames:
        # The most named year, the earliest of a tie ("between 2026 and 2031": 2026); never
        # most_common, whose tie goes to the first counted, and a frozenset's order changes
        # with the hash seed.
        words.append("in " + min(frames, key=lambda fr: (-frames[fr], fr)))
    return " ".join(words)
