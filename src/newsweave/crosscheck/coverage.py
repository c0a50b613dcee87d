"""What each article alone reports: the sentences no other independent outlet of the story says.

A sentence of article A is unique when

1. no sentence of an independent article says the same: the share of its content words
   (weighted by rarity in the story, so "Iraq" and "strikes" count little) found in the closest
   sentence elsewhere stays under ``SIMILAR``;
2. it does not carry a figure or a quote that other outlets also report: a claim reported by
   half the outlets or more, or a figure another outlet gives the same number for, is not news
   of A's own; unless the sentence adds figures of its own ("three were in Iraq and four in
   Syria" next to the shared "seven locations");
3. it is prose: not the headline, a live-blog time stamp or a label line.

Articles are independent when they come from different outlets and neither reprints the other
(``copies``: copy id → original id). A reprint's shared text is listed under the original only.
What remains is ranked by salience (names and figures no one else reports, quotes, how far the
sentence is from anything elsewhere, how early it stands) and the top few are kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from newsweave.crosscheck.entities import Mention, merge_mentions, story_mentions
from newsweave.crosscheck.names import name_key
from newsweave.extract.text import is_sentence_like
from newsweave.model import (
    AnnotatedArticle,
    Claim,
    EntityGroup,
    Quantity,
    QuoteGroup,
    Report,
    Span,
    Story,
    Unique,
)
from newsweave.text.sentences import ENDS_SENTENCE
from newsweave.text.stems import content_stems

# A sentence shares at most this much of its weighted content words with its closest match in
# another outlet and still counts as news of its own: a paraphrase of one fact keeps about
# half its words ("summoned the US envoy" / "the US ambassador was summoned"), two facts
# about the same event share their names and little else.
SIMILAR = 0.45
# The most unique items listed per article: a reader wants the few things worth a look, not
# every sentence of a long live blog.
MAX_PER_ARTICLE = 6
# A sentence that repeats at least this much of an earlier one of the same article is a
# repeat (papers restate the lead further down).
REPEAT = 0.8
# Nationalities ("Iranian") say where, not who: a new one is no news.
IGNORED_TYPES = frozenset({"NORP"})
# A person new to the story is worth more than an organisation, and an organisation more than
# a place or a title named in passing (a story about Iran names Tehran).
NAME_WEIGHT = {"PERSON": 2.0, "ORG": 1.0}
OTHER_NAME_WEIGHT = 0.5
# A figure no other outlet gives is a fact of its own; "one" and "two" less so.
FIGURE_WEIGHT = 1.5
SMALL_FIGURE_WEIGHT = 0.5
_QUOTE_MARK = re.compile(r"[“”\"]")
# The longest passage sentences are joined into: a quotation can run on, a unit of the list
# should stay readable.
MAX_JOINED = 500


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One candidate sentence with what the comparison needs."""

    article: str
    span: Span
    text: str
    stems: frozenset[str]
    index: int
    count: int


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a sentence carries besides words: names, figures and quotes, shared or not."""

    new_names: tuple[tuple[str, str], ...]  # (name, type) of names only this outlet gives
    new_figures: tuple[Quantity, ...]
    shared_figures: tuple[Quantity, ...]
    shared_quote: bool
    quoted: bool


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence no other outlet says, with what makes it worth listing."""

    sentence: _Sentence
    facts: _Facts
    closest: float  # the weighted share of its words the closest sentence elsewhere holds
    where: str | None  # the article that sentence is in


def unique_facts(
    story: Story,
    claims: Sequence[Claim] = (),
    quotes: Sequence[QuoteGroup] = (),
    entities: Sequence[EntityGroup] | None = None,
) -> list[tuple[str, tuple[Unique, ...]]]:
    """For each article id of an analysed story, the passages no other independent article
    reports (a copy, ``story.copies``, is not independent of its original), most significant
    first. ``entities`` (from ``merge_entities``) is computed when not given."""
    articles, copies = story.analysed(), story.copies
    family = independence(articles, copies)
    if len(set(family.values())) < 2:
        # With one source there is nothing to compare with: nothing is unique, all is.
        return [(aid, ()) for aid, _ in articles]
    sentences = {aid: candidate_sentences(aid, a) for aid, a in articles}
    idf = _idf([s.stems for ss in sentences.values() for s in ss])
    if entities is None:
        groups, mentions = merge_mentions(articles)
    else:
        groups, mentions = list(entities), story_mentions(articles)
    names = _names_by_article(articles, groups, mentions, family)
    figures = _figures_shared(articles, claims, family)
    quoted = _shared_quotes(quotes, family)
    out: list[tuple[str, tuple[Unique, ...]]] = []
    for aid, ann in articles:
        others = [s for o, ss in sentences.items() if family[o] != family[aid] for s in ss]
        originals = [s for o in _originals(aid, copies) for s in sentences.get(o, [])]
        found: list[_Candidate] = []
        for s in sentences[aid]:
            closest, where = _closest(s, others, idf)
            if closest >= SIMILAR:
                continue
            if originals and _closest(s, originals, idf)[0] >= SIMILAR:
                continue  # a reprint's shared text is listed under its original
            facts = _facts(s, ann, names.get(aid, {}), figures, quoted.get(aid, []))
            if facts.shared_quote or (facts.shared_figures and not facts.new_figures):
                continue
            found.append(_Candidate(s, facts, closest, where))
        out.append((aid, tuple(_unique(c) for c in rank(found, MAX_PER_ARTICLE))))
    return out


# -- who is independent of whom -------------------------------------------------------------


def independence(
    articles: Sequence[tuple[str, AnnotatedArticle]], copies: Mapping[str, str]
) -> dict[str, str]:
    """Each article's family: articles of one family are not independent sources.

    A reprint belongs with its original; two pages of one outlet (an article and its live
    blog) share a newsroom, so one cannot confirm the other.
    """
    parent = {aid: aid for aid, _ in articles}

    def find(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    def join(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    for copy, original in copies.items():
        join(copy, original)
    by_outlet: dict[str, str] = {}
    for aid, a in articles:
        outlet = " ".join((a.article.outlet or "").lower().split())
        if outlet:
            join(aid, by_outlet.setdefault(outlet, aid))
    return {aid: find(aid) for aid, _ in articles}


def _originals(aid: str, copies: Mapping[str, str]) -> list[str]:
    """The articles ``aid`` reprints, following chains (a copy of a copy)."""
    out: list[str] = []
    while aid in copies and copies[aid] not in out and copies[aid] != aid:
        aid = copies[aid]
        out.append(aid)
    return out


# -- sentences ------------------------------------------------------------------------------


def candidate_sentences(aid: str, ann: AnnotatedArticle) -> list[_Sentence]:
    """The article's prose sentences, without its headline, time stamps, label lines and
    sentences it already printed higher up."""
    a = ann.article
    skip = [a.headline] if a.headline else []
    skip += [e.stamp for e in a.entries]
    spans = _mend(a.text, [s for s in ann.sentences if not any(_overlaps(s, k) for k in skip)])
    out: list[_Sentence] = []
    for i, span in enumerate(spans):
        text = span.of(a.text)
        # Headings, captions and stamps are not sentences a fact can be read from.
        if not is_sentence_like(text):
            continue
        stems = frozenset(content_stems(text))
        if len(stems) < 3 or any(_repeats(stems, o.stems) for o in out):
            continue
        out.append(_Sentence(aid, span, text, stems, i, len(spans)))
    return out


def _mend(text: str, spans: Sequence[Span]) -> list[Span]:
    """Sentences joined where one unit was cut: a piece that ends without a full stop and runs
    on in the same paragraph ("… Guard Corps (IRGC)" | "Quds Force in …"), and a quotation of
    several sentences, which is one thing someone said."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and "\n" not in text[prev.end : s.start]
            and s.end - prev.start <= MAX_JOINED
            and (not ENDS_SENTENCE.search(prev.of(text)) or _open_quote(prev.of(text)))
        ):
            out[-1] = Span(prev.start, s.end)
        else:
            out.append(s)
    return out


def _open_quote(text: str) -> bool:
    """Whether a quotation opens in ``text`` and does not close there."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _repeats(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one sentence restates the other (either way round: a lead summed up, then
    told at length)."""
    return max(_containment(a, b), _containment(b, a)) >= REPEAT


def _containment(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a) if a else 1.0


def _idf(docs: Sequence[frozenset[str]]) -> dict[str, float]:
    """Rarity of each word across the story's sentences: shared vocabulary weighs little."""
    df: Counter[str] = Counter(w for d in docs for w in d)
    n = len(docs) + 1
    return {w: math.log(n / c) + 0.1 for w, c in df.items()}


def _closest(
    s: _Sentence, others: Sequence[_Sentence], idf: Mapping[str, float]
) -> tuple[float, str | None]:
    """The largest weighted share of ``s``'s words one other sentence holds, and where."""
    # fsum: exactly rounded in any order (a plain sum over a set follows the hash seed's order,
    # and its last bit can decide a tie between two sentences or a threshold)
    total = math.fsum(idf.get(w, 1.0) for w in s.stems) or 1.0
    best, where = 0.0, None
    for o in others:
        shared = s.stems & o.stems
        if shared:
            score = math.fsum(idf.get(w, 1.0) for w in shared) / total
            if score > best:
                best, where = score, o.article
    return best, where


# -- names, figures and quotes --------------------------------------------------------------


def _names_by_article(
    articles: Sequence[tuple[str, AnnotatedArticle]],
    groups: Sequence[EntityGroup],
    mentions: Sequence[Mention],
    family: Mapping[str, str],
) -> dict[str, dict[int, tuple[str, str]]]:
    """For each article, where it names someone or something no outlet of another family
    names (by mention start), with the merged name and its type."""
    home: dict[str, EntityGroup] = {}
    for g in groups:
        for form in (g.name, *g.aliases):
            home.setdefault(form, g)
    outlets = {aid: name_key(a.article.outlet or "") for aid, a in articles}
    out: dict[str, dict[int, tuple[str, str]]] = defaultdict(dict)
    for m in mentions:
        group = home.get(m.surface)
        if group is None or group.type in IGNORED_TYPES:
            continue
        # An outlet naming itself ("told ABC News", "seen by the Post") is not news of its own.
        outlet = outlets[m.article]
        if outlet and outlet[-len(m.key) :] == m.key and group.type not in ("GPE", "LOC"):
            continue
        if {family.get(a, a) for a in group.articles} == {family[m.article]}:
            out[m.article][m.span.start] = (group.name, group.type)
    return out


def _figures_shared(
    articles: Sequence[tuple[str, AnnotatedArticle]],
    claims: Sequence[Claim],
    family: Mapping[str, str],
) -> dict[tuple[str, int], bool]:
    """For each (article, figure start), whether other outlets report that figure too."""
    n_families = len(set(family.values()))
    shared: dict[tuple[str, int], bool] = {}
    for c in claims:
        fams = {family.get(r.article, r.article) for r in c.reports}
        # A measure half the outlets report is the story's common ground, whatever the figure.
        wide = len(fams) >= max(2, math.ceil(n_families / 2))
        for r in c.reports:
            mine = family.get(r.article, r.article)
            same_number = any(
                family.get(o.article, o.article) != mine and _numbers(r) & _numbers(o)
                for o in c.reports
            )
            shared[(r.article, r.span.start)] = wide or same_number
    # Figures no claim holds (or no claims at all): the same number of the same thing counted
    # ("85 targets") in another outlet.
    counted: dict[tuple[str, float], set[str]] = defaultdict(set)
    for aid, ann in articles:
        for f in ann.figures:
            for x in _numbers(f.quantity):
                if f.kind:
                    counted[(f.kind, x)].add(family[aid])
    for aid, ann in articles:
        for f in ann.figures:
            key = (aid, f.quantity.span.start)
            if key not in shared:
                shared[key] = bool(f.kind) and any(
                    counted[(f.kind or "", x)] - {family[aid]} for x in _numbers(f.quantity)
                )
    return shared


def _numbers(r: Report | Quantity) -> set[float]:
    """The numbers a figure gives: "85" and "more than 85" both give 85."""
    return {x for x in (r.low, r.high) if x is not None}


def _shared_quotes(
    quotes: Sequence[QuoteGroup], family: Mapping[str, str]
) -> dict[str, list[Span]]:
    """By article, where quotes stand that outlets of two families or more print: the story's
    common ground, not one outlet's news."""
    out: dict[str, list[Span]] = defaultdict(list)
    for g in quotes:
        if len({family.get(v.article, v.article) for v in g.variants}) >= 2:
            for v in g.variants:
                out[v.article].append(v.span)
    return out


def _facts(
    s: _Sentence,
    ann: AnnotatedArticle,
    names: Mapping[int, tuple[str, str]],
    figures: Mapping[tuple[str, int], bool],
    quoted: Sequence[Span],
) -> _Facts:
    """What the sentence carries that the comparison of words does not see."""
    a, b = s.span.start, s.span.end
    new_names = dict(sorted(v for at, v in names.items() if a <= at < b))
    inside = [f.quantity for f in ann.figures if a <= f.quantity.span.start < b]
    shared = [q for q in inside if figures.get((s.article, q.span.start), False)]
    return _Facts(
        tuple(new_names.items()),
        tuple(q for q in inside if q not in shared),
        tuple(shared),
        any(a <= sp.start < b for sp in quoted),
        bool(_QUOTE_MARK.search(s.text)) or any(a <= q.span.start < b for q in ann.quotes),
    )


# -- ranking ---------------------------------------------------------------------------------


def rank(candidates: Sequence[_Candidate], limit: int) -> list[_Candidate]:
    """The ``limit`` most salient candidates, most salient first. Chosen greedily, so that a
    name already listed adds nothing to another sentence that repeats it."""
    chosen: list[_Candidate] = []
    left = list(candidates)
    seen: set[str] = set()
    while left and len(chosen) < limit:
        best = max(left, key=lambda c: salience(c, seen))
        chosen.append(best)
        left.remove(best)
        seen.update(n for n, _ in best.facts.new_names)
    return chosen


def salience(c: _Candidate, seen: Collection[str] = ()) -> float:
    """How much a reader gains from the sentence: names and figures no one else has weigh
    most, then distance from anything elsewhere, a quote, and an early place (news puts what
    matters first). Names in ``seen`` are already listed and count for nothing."""
    f = c.facts
    names = sum(NAME_WEIGHT.get(k, OTHER_NAME_WEIGHT) for n, k in f.new_names if n not in seen)
    figures = sum(SMALL_FIGURE_WEIGHT if _is_small(q) else FIGURE_WEIGHT for q in f.new_figures)
    s = c.sentence
    return (
        min(names, 4.0)
        + min(figures, 3.0)
        + 0.5 * f.quoted
        + 2.0 * (1.0 - c.closest)
        + 0.5 * (1.0 - s.index / max(s.count, 1))
    )


def _is_small(q: Quantity) -> bool:
    """ "One" and "two" mostly count what the sentence names anyway ("the two countries")."""
    return q.unit is None and q.high is not None and q.high <= 2


def _unique(c: _Candidate) -> Unique:
    """The record, with why it is listed."""
    why = [
        f"the closest sentence elsewhere ({c.where}) shares {c.closest:.0%} of its words"
        if c.where
        else "no other outlet has a sentence like it"
    ]
    if c.facts.new_names:
        why.append("names no other outlet gives: " + ", ".join(n for n, _ in c.facts.new_names))
    if c.facts.new_figures:
        why.append("figures of its own: " + ", ".join(q.text for q in c.facts.new_figures))
    s = c.sentence
    return Unique(s.article, s.span, s.text, "; ".join(why))
