"""Quote variants grouped across outlets: one utterance, every outlet's wording, and how faithful.

Outlets cut a statement into quotations at different places ("“The pier is shut. It will
reopen on Monday”" in one, two quotations split by "Okafor said" in another), so the unit compared
across outlets is the sentence of a quotation. Sentences are linked when their words line up
(difflib over normalised words: case, punctuation, quote marks, U.S./US and British/American
spelling folded), when a partial quote is contained in a fuller one, and only rarely when two
named speakers differ. Sentences an outlet quotes together are joined back into one group
unless another outlet quotes one of them with a different sentence, so a quotation split by
its attribution groups with the outlet that printed it whole, and an outlet quoting part of a
statement is a partial variant of the whole.

Each sentence group's canonical wording is the one most outlets agree with; ties go to the
outlet whose wordings agree with the majority elsewhere in the story. A variant is ``faithful``
when it matches the canonical wording on the words both quote (a partial quote is faithful to
the sentence it is part of), else ``changed``; a change that reverses the meaning (a dropped
"not", "unarmed" for "unmanned") is called out in the group's ``note``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsweave.analyze.sentence_rules import sentence_pieces
from newsweave.analyze.speakers import is_name, same_speaker, speaker_key
from newsweave.analyze.wording import (
    STOP,
    Comparison,
    Word,
    compare,
    flat,
    flips,
    matched,
    opposite_kind,
    substitutions,
    words,
)
from newsweave.crosscheck.reported import add_reported
from newsweave.model import AnnotatedArticle, QuoteGroup, QuoteVariant, Span, Story, WordDiff
from newsweave.text.names import strip_titles

# Two sentences are one utterance when this share of their words lines up (2·matched / total).
LINK_RATIO = 0.6
# A partial quote joins a fuller sentence when this share of its own words lines up in it.
LINK_CONTAINED = 0.75
# Named speakers that differ link only near-identical wordings (an outlet misattributing).
LINK_OTHER_SPEAKER = 0.9
# Quotations this short ("violation", "multi-tiered") are linked only by exact containment.
SHORT = 5
# Sentences this long (in words) worded this alike are one utterance whoever they are credited to.
LONG = 12
LINK_LONG = 0.75


@dataclass(frozen=True, slots=True)
class _Unit:
    """One sentence of one quotation: what is compared across outlets."""

    key: int
    article: str
    quote: int
    order: int
    span: Span
    text: str
    words: tuple[Word, ...]
    tokens: tuple[str, ...]
    speaker: str | None
    named: bool
    partial: bool
    person: bool = False


def _persons(ann: AnnotatedArticle) -> set[str]:
    """Last words of the people the article names: a speaker with one of them is a person."""
    return {
        key[-1]
        for e in ann.entities
        if e.label == "PERSON" and len(key := speaker_key(e.text)) >= 2
    }


def _speakers(a: _Unit, b: _Unit) -> bool | None:
    """Whether two units' speakers can be one; a person and an organisation are not told apart,
    since an organisation speaks through its people ("Meridale said" / "Karin Holt said")."""
    if a.named and b.named and a.person != b.person:
        return None
    return same_speaker(a.speaker, b.speaker)


def _units(articles: Sequence[tuple[str, AnnotatedArticle]]) -> list[_Unit]:
    out: list[_Unit] = []
    for aid, ann in articles:
        persons = _persons(ann)
        for qi, q in enumerate(ann.quotes):
            key = speaker_key(q.speaker)
            for order, (s, e) in enumerate(sentence_pieces(q.text)):
                # Compared without the comma that hands over to the reporter ("respond,” she
                # said"), which the variant's text keeps as printed.
                ws = tuple(words(q.text[s:e].rstrip(" ,;:")))
                toks = tuple(flat(ws))
                if not toks:
                    continue
                out.append(
                    _Unit(
                        len(out),
                        aid,
                        qi,
                        order,
                        Span(q.span.start + s, q.span.start + e),
                        q.text[s:e],
                        ws,
                        toks,
                        q.speaker,
                        is_name(q.speaker),
                        # Only its first sentence can be a fragment of the reporter's sentence.
                        q.partial and order == 0,
                        bool(key) and key[-1] in persons,
                    )
                )
    return out


@dataclass(frozen=True, slots=True)
class Link:
    """Why two sentences are one utterance: ``score`` orders links, surest first;
    ``contained`` marks a partial quote found inside a fuller sentence, which may join that
    sentence's group but never bridge two groups; ``across`` marks a link between two named
    speakers that differ, which only a long near-identical wording makes."""

    score: float
    contained: bool = False
    across: bool = False


def link(a: _Unit, b: _Unit) -> Link | None:
    """How surely two sentences are one utterance, or None when they are not."""
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    # Words in common bound every measure below: most pairs stop here, before difflib.
    common = sum((Counter(short.tokens) & Counter(long_.tokens)).values())
    if (
        common < len(short.tokens)
        and common / len(short.tokens) < LINK_CONTAINED
        and 2 * common / (len(a.tokens) + len(b.tokens)) < LINK_RATIO
    ):
        return None
    m, run = matched(short.tokens, long_.tokens)
    ratio = 2 * m / (len(a.tokens) + len(b.tokens))
    contained = m / len(short.tokens)
    exact = run == len(short.tokens)
    speakers = _speakers(a, b)
    if a.article == b.article and not (speakers or a.speaker == b.speaker):
        # One article repeats an utterance only under one speaker (its headline and body);
        # "the pier is safe" and "the pier is not safe" from two speakers are two.
        return None
    if speakers is False:
        # Two named speakers: one utterance only when a long passage is worded nearly alike
        # (an organisation's words credited to its leader, or an outlet misattributing);
        # short formulas recur between speakers ("at a time and place of our choosing").
        near_same = len(short.tokens) >= SHORT and ratio >= LINK_OTHER_SPEAKER
        if near_same or (len(short.tokens) >= LONG and (ratio >= LINK_LONG or exact)):
            return Link(ratio, exact and ratio < LINK_RATIO, True)
        return None
    if len(short.tokens) < SHORT:
        if not (short.partial or long_.partial) and speakers and ratio >= LINK_RATIO and m >= 3:
            # Two short whole sentences of one speaker ("Our inquiry began/begins today").
            return Link(ratio)
        # A few words ("violation", "at risk") recur in many sentences: only exact containment
        # counts, and for one or two words only with the speaker known to be the same.
        if not exact or (len(short.tokens) <= 2 and not speakers):
            return None
        return Link(0.9, True)
    if ratio >= LINK_RATIO and m >= 4:
        return Link(ratio)
    if contained >= LINK_CONTAINED and run >= min(len(short.tokens), SHORT - 1):
        # Most of a partial quote inside a fuller sentence, with a run of words in a row
        # ("but we believe the pumps will hold"): scattered common words are not enough.
        return Link(0.95 * contained, True)
    return None


def _candidates(units: Sequence[_Unit]) -> list[tuple[int, int]]:
    """Pairs of units from different quotations that share a content word (blocking)."""
    index: dict[str, list[int]] = defaultdict(list)
    for u in units:
        content = {t for t in u.tokens if t not in STOP} or set(u.tokens)
        for t in content:
            index[t].append(u.key)
    pairs: set[tuple[int, int]] = set()
    limit = max(200, len(units) // 5)
    for keys in index.values():
        if len(keys) > limit:
            continue  # a word in a fifth of all sentences says nothing
        for i, x in enumerate(keys):
            for y in keys[i + 1 :]:
                if (units[x].article, units[x].quote) != (units[y].article, units[y].quote):
                    pairs.add((min(x, y), max(x, y)))
    return sorted(pairs)


class _Clusters:
    """Union-find over units that keeps each cluster's speakers compatible."""

    def __init__(self, units: Sequence[_Unit]) -> None:
        self.parent = list(range(len(units)))
        self.members: dict[int, list[int]] = {u.key: [u.key] for u in units}
        self.units = units

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def can_join(self, x: int, y: int, why: Link) -> bool:
        a, b = self.members[self.find(x)], self.members[self.find(y)]
        quotes = {(self.units[k].article, self.units[k].quote) for k in a}
        if any((self.units[k].article, self.units[k].quote) in quotes for k in b):
            return False  # two sentences of one quotation are two utterances
        if why.contained:
            # A partial quote joins the fuller sentence it is part of; it may not bridge two
            # groups (a quoted name can stand in two different sentences).
            short, long_ = sorted((x, y), key=lambda k: len(self.units[k].tokens))
            group = self.members[self.find(short)]
            if any(len(self.units[k].tokens) > len(self.units[long_].tokens) for k in group):
                return False
            if len(group) > 1 and not all(self.units[k].partial for k in group):
                return False
        if why.across:
            return True
        named_a = [self.units[k] for k in a if self.units[k].named]
        named_b = [self.units[k] for k in b if self.units[k].named]
        return all(_speakers(p, q) is not False for p in named_a for q in named_b)

    def join(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return
        if len(self.members[rx]) < len(self.members[ry]):
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.members[rx].extend(self.members.pop(ry))


def cluster_units(units: Sequence[_Unit]) -> list[list[_Unit]]:
    """Sentences grouped as one utterance, surest links first."""
    scored = []
    for x, y in _candidates(units):
        why = link(units[x], units[y])
        if why:
            scored.append((why, x, y))
    clusters = _Clusters(units)
    # Whole-sentence links first, so partial quotes attach to groups already formed.
    for why, x, y in sorted(scored, key=lambda t: (t[0].contained, -t[0].score, t[1], t[2])):
        if clusters.find(x) != clusters.find(y) and clusters.can_join(x, y, why):
            clusters.join(x, y)
    return [sorted((units[k] for k in ks), key=lambda u: u.key) for ks in clusters.members.values()]


_SPEECH_GAP = re.compile(
    r"\b(said|says|told|added|adds|continued|stated|declared|wrote|explained|noted|asked)\b"
)


def _carries_on(text: str, first: Span, second: Span) -> bool:
    """Whether a quotation goes on in the next one: split by its attribution ("“…,” Braddock
    told reporters. “…”") or carried over a paragraph break with no closing mark."""
    gap = text[first.end : second.start]
    bare = gap.strip(" \n\t\"“”‘’'.,;:—–-")
    if not bare:
        return "\n\n" in gap and not any(c in gap for c in "”»")
    return "\n" not in gap and len(bare.split()) <= 12 and bool(_SPEECH_GAP.search(bare))


def _successors(
    units: Sequence[_Unit], articles: dict[str, AnnotatedArticle]
) -> dict[int, int | None]:
    """The unit that follows each unit in the same speaker's run of words, if any."""
    by_quote: dict[tuple[str, int], list[_Unit]] = defaultdict(list)
    for u in units:
        by_quote[(u.article, u.quote)].append(u)
    nxt: dict[int, int | None] = {}
    for (aid, qi), us in by_quote.items():
        us.sort(key=lambda u: u.order)
        for a, b in pairwise(us):
            nxt[a.key] = b.key
        quotes = articles[aid].quotes
        follow = by_quote.get((aid, qi + 1))
        q, q2 = quotes[qi], quotes[qi + 1] if qi + 1 < len(quotes) else None
        carried = (
            follow is not None
            and q2 is not None
            and same_speaker(q.speaker, q2.speaker) is not False
            and _carries_on(articles[aid].article.text, q.span, q2.span)
        )
        nxt[us[-1].key] = min(follow, key=lambda u: u.order).key if carried and follow else None
    return nxt


def join_parallel(
    clusters: list[list[_Unit]], nxt: dict[int, int | None]
) -> list[list[list[_Unit]]]:
    """Sentence groups chained where an outlet quotes the two sentences together and no
    outlet quotes either of them with another sentence. An outlet that quotes one of them on
    its own (a partial quotation) does not split the statement the others print whole: its
    words join the whole as a variant of their own."""
    of: dict[int, int] = {u.key: ci for ci, c in enumerate(clusters) for u in c}
    prev: dict[int, int] = {v: k for k, v in nxt.items() if v is not None}
    follows: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        targets = {of[n] for u in c if (n := nxt.get(u.key)) is not None}
        if len(targets) != 1:
            continue
        (t,) = targets
        if t == ci:
            continue
        back = {of[p] for u in clusters[t] if (p := prev.get(u.key)) is not None}
        if back == {ci}:
            follows[ci] = t
    heads = set(range(len(clusters))) - set(follows.values())
    chains: list[list[list[_Unit]]] = []
    seen: set[int] = set()
    for h in sorted(heads):
        chain: list[list[_Unit]] = []
        at: int | None = h
        while at is not None and at not in seen:
            seen.add(at)
            chain.append(clusters[at])
            at = follows.get(at)
        chains.append(chain)
    chains.extend([clusters[ci]] for ci in range(len(clusters)) if ci not in seen)
    return chains


class _Wordings:
    """Word-level comparisons between units, each made once (ranking asks for them often)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, int], Comparison] = {}

    def compare(self, a: _Unit, b: _Unit) -> Comparison:
        key = (a.key, b.key)
        if key not in self._seen:
            if a.key == b.key:
                # A wording against itself: every word the same.
                self._seen[key] = Comparison(tuple(("=", w) for w in a.words), True)
            else:
                self._seen[key] = compare(a.words, b.words)
        return self._seen[key]

    def agree(self, a: _Unit, b: _Unit) -> bool:
        return a.key == b.key or self.compare(a, b).same

    def support(self, cluster: Sequence[_Unit]) -> dict[int, set[str]]:
        """For each unit, the outlets whose wording agrees with it (its own included)."""
        return {u.key: {v.article for v in cluster if self.agree(u, v)} for u in cluster}


def _reliability(clusters: Sequence[Sequence[_Unit]], wordings: _Wordings) -> Counter[str]:
    """How often each outlet's wording sides with a clear majority of the others (+1) or
    against it (−1): an outlet that rewords one quotation tends to reword the rest."""
    score: Counter[str] = Counter()
    for c in clusters:
        if len({u.article for u in c}) < 3:
            continue
        support = wordings.support(c)
        best = max(len(s) for s in support.values())
        tops = {frozenset(s) for s in support.values() if len(s) == best}
        if best < 2 or len(tops) != 1:
            continue
        (top,) = tops
        for art in {u.article for u in c}:
            score[art] += 1 if art in top else -1
    return score


def _flip_votes(u: _Unit, cluster: Sequence[_Unit], wordings: _Wordings) -> int:
    """Outlets whose words side with this wording where another wording reverses its meaning."""
    votes = 0
    for v in cluster:
        if v.article == u.article or wordings.agree(u, v):
            continue
        for x, y in substitutions(wordings.compare(u, v).ops):
            if opposite_kind(x, y):
                votes += sum(
                    1
                    for w in cluster
                    if w.article not in {u.article, v.article}
                    and x in w.tokens
                    and y not in w.tokens
                )
    return votes


def _word_votes(u: _Unit, cluster: Sequence[_Unit]) -> int:
    """Words of this wording that the other outlets' wordings share: the wording closest to
    all the others when none is more common ("the pumps ran" / "the pump ran" /
    "the pumps worked")."""
    return sum(matched(u.tokens, v.tokens)[0] for v in cluster if v.article != u.article)


def canonical(
    cluster: Sequence[_Unit],
    reliability: Counter[str],
    order: dict[str, int],
    wordings: _Wordings,
) -> _Unit:
    """The wording most outlets agree with; ties go to the wording a third outlet backs where
    the others reverse a word's meaning, then to the more reliable outlet, then to the wording
    closest to all the others, then to the fuller."""
    if len(cluster) == 1:
        return cluster[0]
    support = wordings.support(cluster)

    def rank(u: _Unit) -> tuple[int, int, int, int, int, int]:
        return (
            len(support[u.key]),
            _flip_votes(u, cluster, wordings),
            reliability[u.article],
            _word_votes(u, cluster),
            len(u.tokens),
            -order.get(u.article, 0),
        )

    best = max(cluster, key=rank)
    # A fuller whole quotation that agrees with it shows the wording better than a fragment.
    fuller = [
        u
        for u in cluster
        if not u.partial and len(u.tokens) > len(best.tokens) and wordings.agree(u, best)
    ]
    return max(fuller, key=rank) if fuller else best


def _variant_runs(chain: Sequence[Sequence[_Unit]]) -> list[list[_Unit]]:
    """Each quotation's consecutive sentences in a chain of groups: one variant each."""
    by_quote: dict[tuple[str, int], list[_Unit]] = defaultdict(list)
    for c in chain:
        for u in c:
            by_quote[(u.article, u.quote)].append(u)
    runs = []
    for us in by_quote.values():
        us.sort(key=lambda u: u.order)
        run = [us[0]]
        for u in us[1:]:
            if u.order == run[-1].order + 1:
                run.append(u)
            else:
                runs.append(run)
                run = [u]
        runs.append(run)
    return runs


def _group_speaker(variants: Sequence[QuoteVariant]) -> str | None:
    """The speaker most variants name, in the fullest form any of them gives."""
    names = [v.speaker for v in variants if is_name(v.speaker) and v.speaker]
    if not names:
        descs = [v.speaker for v in variants if v.speaker]
        return Counter(descs).most_common(1)[0][0] if descs else None
    tally: Counter[str] = Counter()
    for n in names:
        tally[n] += sum(1 for m in names if same_speaker(n, m))
    top = tally.most_common(1)[0][0]
    pool = [n for n in names if same_speaker(n, top)]
    return max(pool, key=lambda n: (len(strip_titles(n).split()), tally[n], n))


def _is_noise(variants: Sequence[QuoteVariant], units: Sequence[_Unit]) -> bool:
    """Scare quotes and quoted names ("the so-called “storm of the century”"): one outlet,
    words inside the reporter's sentence, nobody named as saying them."""
    return (
        len({v.article for v in variants}) == 1
        and all(u.partial for u in units)
        and not any(is_name(v.speaker) for v in variants)
    )


def _variant(
    run: Sequence[_Unit],
    reference: dict[int, _Unit],
    text: str,
    speaker: str | None,
    wordings: _Wordings,
) -> tuple[QuoteVariant, list[str]]:
    """One quotation's wording in a group: fidelity, word difference and meaning flips."""
    diff: list[WordDiff] = []
    faithful = True
    notes: list[str] = []
    for u in run:
        ref = reference[u.key]
        cmp_ = wordings.compare(ref, u)
        faithful = faithful and cmp_.same
        diff.extend(_word_diff(op, w.shown) for op, w in cmp_.ops)
        if not cmp_.same:
            notes.extend(f"{u.article} {f}" for f in flips(ref.words, u.words))
    span = Span(run[0].span.start, run[-1].span.end)
    variant = QuoteVariant(
        run[0].article,
        span,
        span.of(text),
        speaker,
        "faithful" if faithful else "changed",
        tuple(diff),
    )
    return variant, notes


def _word_diff(op: str, word: str) -> WordDiff:
    return WordDiff("=" if op == "=" else "-" if op == "-" else "+", word)


def _canonical_text(
    chain: Sequence[Sequence[_Unit]],
    variants: Sequence[QuoteVariant],
    runs: Sequence[Sequence[_Unit]],
    reference: dict[int, _Unit],
) -> str:
    """The canonical wording as printed: a whole quotation that matches it where an outlet
    printed one (its punctuation intact), else its sentences' canonical wordings in order."""
    for run, v in zip(runs, variants, strict=True):
        whole = len(run) == len(chain) and all(
            len(u.tokens) >= len(reference[u.key].tokens) for u in run
        )
        if whole and v.fidelity == "faithful":
            return v.text
    pieces = [reference[c[0].key].text.rstrip(",;:— ") for c in chain]
    # Sentences from several quotations read as one statement: each ends as a sentence does
    # (the comma that handed over to the reporter is not the speaker's).
    ended = [p if p.endswith((".", "!", "?", "…")) else p + "." for p in pieces[:-1]]
    return " ".join([*ended, pieces[-1]])


def _group(
    chain: Sequence[Sequence[_Unit]],
    articles: Sequence[tuple[str, AnnotatedArticle]],
    order: dict[str, int],
    reference: dict[int, _Unit],
    wordings: _Wordings,
) -> QuoteGroup | None:
    """One utterance's group, or None when it is a scare quote and not speech."""
    runs = sorted(_variant_runs(chain), key=lambda r: (order[r[0].article], r[0].key))
    variants: list[QuoteVariant] = []
    notes: list[str] = []
    for run in runs:
        ann = articles[order[run[0].article]][1]
        speaker = ann.quotes[run[0].quote].speaker
        v, flipped = _variant(run, reference, ann.article.text, speaker, wordings)
        variants.append(v)
        notes.extend(flipped)
    if _is_noise(variants, [u for c in chain for u in c]):
        return None
    # The comma that hands over to the reporter ("…respond,” he said) is not the wording.
    text = _canonical_text(chain, variants, runs, reference).rstrip(" ,;:")
    note = "; ".join(dict.fromkeys(notes)) or None
    return QuoteGroup("", _group_speaker(variants), text, tuple(variants), note)


def group_quotes(story: Story) -> list[QuoteGroup]:
    """Groups of one utterance's wordings across an analysed story's articles, the most
    widely quoted first."""
    articles = story.analysed()
    units = _units(articles)
    if not units:
        return []
    order = {aid: i for i, (aid, _a) in enumerate(articles)}
    clusters = cluster_units(units)
    wordings = _Wordings()
    reliability = _reliability(clusters, wordings)
    reference: dict[int, _Unit] = {}
    for c in clusters:
        best = canonical(c, reliability, order, wordings)
        reference.update((u.key, best) for u in c)
    chains = join_parallel(clusters, _successors(units, dict(articles)))
    ranked: list[tuple[tuple[int, int, int], QuoteGroup]] = []
    for chain in chains:
        g = _group(chain, articles, order, reference, wordings)
        if g is None:
            continue
        first = min((u for c in chain for u in c), key=lambda u: (order[u.article], u.span.start))
        ranked.append(
            ((-len({v.article for v in g.variants}), order[first.article], first.span.start), g)
        )
    ranked.sort(key=lambda x: x[0])
    groups = [
        QuoteGroup(f"q{i + 1}", g.speaker, g.canonical, g.variants, g.note)
        for i, (_r, g) in enumerate(ranked)
    ]
    return add_reported(groups, articles)
