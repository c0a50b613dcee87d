"""The cited summary: a few sentences copied verbatim, chosen for what most outlets say.

Every candidate sentence is compared with every sentence of the other articles (TF-IDF cosine
over content words: cheap, and measured enough here to tell "the same fact" from "the same
topic"). A sentence scores by how many other independent articles carry an equivalent one
(corroboration) and how central it is; sentences are then picked greedily, skipping any too
close to one already picked (maximal marginal relevance) or stating the fact of one already
picked (one of its citations), within 8 sentences and 250 words. A question is never a line.
Where another outlet's equivalent passage says a line's fact in full (its words and more, as
widely cited), that passage is the line. Each picked sentence cites itself and every
equivalent sentence of the other articles. They are shown in the order a reader expects:
what happened first, then figures, then reactions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newsweave.brief.support import Passage, passages, supports
from newsweave.model import (
    AnnotatedArticle,
    Citation,
    Claim,
    QuoteGroup,
    Span,
    Story,
    SummarySentence,
)
from newsweave.text.sentences import ENDS_SENTENCE_AT_LAST_CHAR
from newsweave.text.stems import content_stems

MAX_SENTENCES = 8
MAX_WORDS = 250
# Slots for figures, so that a reaction and the best remaining sentence still fit.
FIGURE_SLOTS = 6
# Cosine at which two sentences of different articles say the same thing.
EQUIVALENT = 0.35
# Cosine above which a candidate repeats a sentence already picked.
REDUNDANT = 0.4
# Sentences outside this many words make poor summary lines (fragments, run-ons).
MIN_WORDS, MAX_SENTENCE_WORDS = 8, 45
# Slots for other outlets' lead sentences after the first: a lead says what the outlet
# thinks happened, in the fewest words, and outlets lead with different sides of the event.
LEAD_SLOTS = 1
# What being at the top of its article adds: outlets lead with what happened.
LEAD = 1.0
# Say it in full: of the passages that state a line's fact (its equivalents, which support()
# vouches for), one that holds at least this share of the line's content words and says more
# and is cited by as many other articles is shown instead ("The council will rebuild the pier
# before the summer season, the mayor said" for "The council will rebuild the pier"). The
# fact comes with its detail and its own citations, at no cost in lines (the summary's 8
# lines, not its words, run out first) and with no loss of corroboration.
FULLER_CONTAINS = 0.9
# A question asserts nothing: '"Who will pay for the repairs?" residents asked' says that
# someone asked, not what happened. A sentence with a question in it (the reporter's or a
# quotation's) is never a summary line.
_QUESTION = re.compile(r"\?[\"”’')\]]*(?:\s|$)")
# An embedded post's signature closing its last sentence ("… to do. #Fourth — A Show
# (@show) July 5, 2016"): the sentence is the post's words, without it.
_EMBED_SIGNATURE = re.compile(
    r"(?:\s+#\w+)*\s+[—–-]\s*[^—–()]{1,60}\(@\w{1,15}\)\s+\w+\.? \d{1,2}, \d{4}$"
)
_QUOTE_OPEN = re.compile(r"^[\"“‘']")
# A list item is no sentence: one opening with a bullet ("• Asking regulators to …") has no
# subject, and one whose every word of four letters or more is capitalised is a line of
# names and posts ("Dana Roe of Harbour County, Court of Appeals (Ret.)"): neither states
# anything. (A real sentence of eight words or more has a lower-case word of four letters.)
_BULLET = re.compile(r"^[•►▪▸◦●■·*]")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
# A sentence this much inside a quotation is the speaker's words even with no mark of its own
# (the second sentence of a quotation that runs on): a reaction, not the reporter's account.
QUOTED = 0.8
# Two sentences quote one utterance alike when they share this many of the quoted content
# words, and this share of the fewer (a statement's other sentence is another thing said).
SAME_WORDS, QUOTED_ALIKE = 3, 0.6


@dataclass(frozen=True, slots=True)
class _Sentence:
    article: str
    span: Span
    text: str
    position: float  # 0 at the top of the article, 1 at the bottom
    quote: bool


def _candidates(aid: str, ann: AnnotatedArticle) -> list[_Sentence]:
    a = ann.article
    skip = [e.stamp for e in a.entries]
    if a.headline:
        skip.append(a.headline)
    for e in a.entries:  # a live-blog entry's heading follows its stamp
        heading = next((p for p in a.paragraphs if p.start > e.stamp.start), None)
        if heading is not None:
            skip.append(heading)
    n = max(len(ann.sentences), 1)
    out = []
    for i, s in enumerate(ann.sentences):
        if any(k.start <= s.start < k.end for k in skip):
            continue
        text = _EMBED_SIGNATURE.sub("", a.text[s.start : s.end].strip())
        if not text:
            continue
        start = s.start + a.text[s.start : s.end].index(text)
        span = Span(start, start + len(text))
        quote = bool(_QUOTE_OPEN.match(text)) or _quoted_share(span, ann) >= QUOTED
        out.append(_Sentence(aid, span, text, i / n, quote))
    return out


def _quoted_share(span: Span, ann: AnnotatedArticle) -> float:
    """How much of a sentence lies inside the article's quotations."""
    inside = sum(
        max(0, min(q.span.end, span.end) - max(q.span.start, span.start)) for q in ann.quotes
    )
    return inside / max(span.end - span.start, 1)


def _tfidf(texts: Sequence[str]) -> npt.NDArray[np.float64]:
    """Rows of L2-normalised TF-IDF weights over content stems."""
    bags = [Counter(content_stems(t)) for t in texts]
    vocab = {w: i for i, w in enumerate(sorted({w for b in bags for w in b}))}
    df = Counter(w for b in bags for w in b)
    n = len(texts)
    m = np.zeros((n, len(vocab)))
    for r, bag in enumerate(bags):
        for w, tf in bag.items():
            m[r, vocab[w]] = tf * (math.log((1 + n) / (1 + df[w])) + 1.0)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: npt.NDArray[np.float64] = m / norms
    return normalised


def _readable(s: _Sentence) -> bool:
    words = len(s.text.split())
    # A piece of a quotation cut by the sentence splitter reads as a fragment: it opens in
    # lower case, ends on a comma, or leaves a quotation mark open.
    fragment = (
        s.text[0].islower()
        or not ENDS_SENTENCE_AT_LAST_CHAR.search(s.text)
        or s.text.endswith((",", ":", ";"))
        or s.text.count("“") != s.text.count("”")
        or s.text.count('"') % 2 == 1
    )
    asks = bool(_QUESTION.search(s.text))
    return (
        MIN_WORDS <= words <= MAX_SENTENCE_WORDS
        and not fragment
        and not asks
        and not _BULLET.match(s.text)
        and _LOWER_WORD.search(s.text) is not None
    )


def _claims_in(sents: Sequence[_Sentence], claims: Sequence[Claim]) -> list[frozenset[str]]:
    """The claims (reported by several articles) each sentence gives a figure for."""
    spans: dict[str, list[tuple[Span, str]]] = {}
    for c in claims:
        if c.verdict == "single":
            continue
        for r in c.reports:
            spans.setdefault(r.article, []).append((r.span, c.id))
    return [
        frozenset(
            cid
            for sp, cid in spans.get(s.article, ())
            if s.span.start <= sp.start and sp.end <= s.span.end
        )
        for s in sents
    ]


def _widely_reported(
    claims: Sequence[Claim], n_outlets: int, copies: Mapping[str, str]
) -> list[str]:
    """Claims two or more outlets report (corroborated), most widely reported first."""
    counts = {c.id: len({copies.get(r.article, r.article) for r in c.reports}) for c in claims}
    wide = [c.id for c in claims if counts[c.id] >= 2]
    return sorted(wide, key=lambda cid: -counts[cid])


@dataclass(slots=True)
class _Picker:
    """The summary as it fills: the lines in, and what a candidate must pass to join them."""

    sents: Sequence[_Sentence]
    sim: npt.NDArray[np.float64]
    figures: Sequence[frozenset[str]]
    equivalents: Sequence[frozenset[int]]
    readable: frozenset[int]
    picked: list[int] = field(default_factory=list)
    covered: set[str] = field(default_factory=set)
    words: int = 0

    def take(self, i: int) -> bool:
        """Put sentence ``i`` in, said in full where another outlet says it so
        (``FULLER_CONTAINS``); False when neither may go in."""
        return any(self._put(j) for j in self._fuller(i)) or self._put(i)

    def _fuller(self, i: int) -> list[int]:
        """The equivalents of ``i`` that hold its content words, say more and are cited by
        as many articles, longest first."""
        own = content_stems(self.sents[i].text)
        size = len(self.sents[i].text.split())
        out = [
            j
            for j in self.equivalents[i]
            if j in self.readable
            and self.sents[j].quote == self.sents[i].quote
            and len(self.sents[j].text.split()) > size
            and len(own & content_stems(self.sents[j].text)) >= FULLER_CONTAINS * len(own)
            and self._cited_by(j) >= self._cited_by(i)
        ]
        return sorted(out, key=lambda j: (-len(self.sents[j].text.split()), j))

    def _cited_by(self, i: int) -> int:
        return len({self.sents[j].article for j in self.equivalents[i]})

    def _put(self, i: int) -> bool:
        n = len(self.sents[i].text.split())
        if i in self.picked or len(self.picked) >= MAX_SENTENCES or self.words + n > MAX_WORDS:
            return False
        if any(self.sim[i, j] >= REDUNDANT for j in self.picked):
            return False
        # Already said: a passage that a line in cites states that line's fact, and a
        # passage that cites a line in states it too; either way it repeats the line in
        # other words, which the cosine test above lets through.
        if any(i in self.equivalents[j] or j in self.equivalents[i] for j in self.picked):
            return False
        if self.figures[i] and self.figures[i] <= self.covered:
            return False  # its figures are already in the summary
        self.picked.append(i)
        self.covered.update(self.figures[i])
        self.words += n
        return True


def _pick(
    sents: Sequence[_Sentence],
    scores: npt.NDArray[np.float64],
    sim: npt.NDArray[np.float64],
    figures: Sequence[frozenset[str]],
    wide: Sequence[str],
    equivalents: Sequence[frozenset[int]],
) -> list[int]:
    """Fill the summary as a reader needs it: what happened, the figures, the reactions.

    One slot for the best report of what happened (no quotation), one for another outlet's
    lead sentence, then the best sentence for each figure most outlets report, then the best
    quotation, then whatever scores best; any sentence too close to one already in, already
    said by one, or over the length limits, is passed over (``_Picker``).
    """
    order = [int(i) for i in np.argsort(-scores, kind="stable") if _readable(sents[int(i)])]
    summary = _Picker(sents, sim, figures, equivalents, frozenset(order))
    take = summary.take
    for i in order:  # what happened
        if not sents[i].quote and take(i):
            break
    for i in _leads(sents, order)[:LEAD_SLOTS]:  # each outlet's own account of it
        take(i)
    for cid in wide:  # the figures most outlets report
        if cid not in summary.covered and len(summary.picked) < 1 + FIGURE_SLOTS:
            for i in order:
                if cid in figures[i] and take(i):
                    break
    for i in order:  # a reaction
        if sents[i].quote and take(i):
            break
    for i in order:  # the rest, best first
        take(i)
    return summary.picked


def _leads(sents: Sequence[_Sentence], order: Sequence[int]) -> list[int]:
    """Each article's first readable sentence that is not a quotation, best scoring first."""
    first: dict[str, int] = {}
    readable = set(order)
    for i, s in enumerate(sents):
        if i in readable and not s.quote and s.article not in first:
            first[s.article] = i
    rank = {i: k for k, i in enumerate(order)}
    return sorted(first.values(), key=lambda i: rank[i])


def _passages(
    articles: Sequence[tuple[str, AnnotatedArticle]], sents: Sequence[_Sentence]
) -> list[Passage]:
    """Each candidate sentence with its figures, names and polarity (brief/support.py)."""
    by_article = dict(articles)
    spans: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        spans.setdefault(s.article, []).append(i)
    out: list[Passage | None] = [None] * len(sents)
    for aid, idx in spans.items():
        for i, p in zip(idx, passages(by_article[aid], [sents[i].span for i in idx]), strict=True):
            out[i] = p
    return [p for p in out if p is not None]


def _quoting_alike(
    sents: Sequence[_Sentence], outlet: Sequence[str], quotes: Sequence[QuoteGroup]
) -> list[set[int]]:
    """For each sentence, the other outlets' sentences that quote the same utterance (one
    quote group's faithful variants, sharing most of the quoted words): they say the same
    thing in the same words, whatever else each sentence says, so each cites the other and
    the summary says it once."""
    at: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        at.setdefault(s.article, []).append(i)
    out: list[set[int]] = [set() for _ in sents]
    for g in quotes:
        # the quoted words each sentence holds (a group may span a statement's sentences)
        said: dict[int, set[str]] = {}
        # Only faithful wordings: a changed one may say the opposite ("is at risk" for "is
        # not at risk"), and a reported one is the outlet's words, not the quotation.
        for v in (v for v in g.variants if v.fidelity == "faithful" and v.kind == "direct"):
            for i in at.get(v.article, ()):
                lo, hi = max(v.span.start, sents[i].span.start), min(v.span.end, sents[i].span.end)
                if lo < hi:
                    words = content_stems(v.text[lo - v.span.start : hi - v.span.start])
                    said.setdefault(i, set()).update(words)
        for i, mine in said.items():
            for j, theirs in said.items():
                need = max(SAME_WORDS, QUOTED_ALIKE * min(len(mine), len(theirs)))
                if outlet[j] != outlet[i] and len(mine & theirs) >= need:
                    out[i].add(j)
    return out


def summarize(
    story: Story, claims: Sequence[Claim] = (), quotes: Sequence[QuoteGroup] = ()
) -> list[SummarySentence]:
    """At most 8 cited sentences of an analysed story, about what most outlets corroborate
    (a copy, ``story.copies``, counts as its original's outlet). ``quotes``: the story's quote
    groups, whose variants tie the sentences that quote one utterance."""
    articles, copies = story.analysed(), story.copies
    sents = [s for aid, ann in articles for s in _candidates(aid, ann)]
    if not sents:
        return []
    vec = _tfidf([s.text for s in sents])
    sim = vec @ vec.T
    outlet = [copies.get(s.article, s.article) for s in sents]  # a reprint is its original
    said = _passages(articles, sents)
    scores = np.zeros(len(sents))
    equivalents: list[frozenset[int]] = []
    codes: dict[str, int] = {}
    outlet_ids = np.array([codes.setdefault(o, len(codes)) for o in outlet])
    for i, s in enumerate(sents):
        # similar words are not enough: the other passage must state the same fact
        near = np.flatnonzero((sim[i] >= EQUIVALENT) & (outlet_ids != outlet_ids[i]))
        others = [int(j) for j in near if supports(said[i], said[int(j)])]
        equivalents.append(frozenset(others))
        corroboration = len({outlet[j] for j in others})
        # Leads say what happened: a sentence high in its article counts for more.
        scores[i] = corroboration + 2 * float(sim[i].mean()) + LEAD * (1 - s.position)
    # Sentences quoting one utterance cite each other and are said once; they do not count
    # again as corroboration (a quotation repeated is one statement, already ranked above).
    for i, alike in enumerate(_quoting_alike(sents, outlet, quotes)):
        if alike - equivalents[i]:
            equivalents[i] = equivalents[i] | frozenset(alike)
    figures = _claims_in(sents, claims)
    wide = _widely_reported(claims, len(set(outlet)), copies)
    picked = _pick(sents, scores, sim, figures, wide, equivalents)

    # Reading order: where the outlets that carry a sentence place it, reactions (quotes) last.
    def place(i: int) -> tuple[bool, float]:
        spots = [sents[i].position] + [sents[j].position for j in sorted(equivalents[i])]
        return (sents[i].quote, sum(spots) / len(spots))

    picked.sort(key=place)
    out = []
    for i in picked:
        s = sents[i]
        cites = [Citation(s.article, s.span)]
        seen = {s.article}
        for j in sorted(equivalents[i], key=lambda j: (-sim[i, j], j)):
            if sents[j].article not in seen:
                seen.add(sents[j].article)
                cites.append(Citation(sents[j].article, sents[j].span))
        out.append(SummarySentence(s.text, tuple(cites)))
    return out
