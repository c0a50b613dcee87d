"""What an outlet changed when it edited an article: the diff of two versions of its text.

Outlets revise published articles quietly: a toll goes from 16 to 18, a paragraph is added, a
quote is reworded. Two versions are compared sentence by sentence (difflib over sentences, so
a moved paragraph does not read as everything changed); a sentence whose words mostly stayed
is *edited*, and the figures that changed inside it are paired up (the same words after them,
else the same place in the sentence): that pairing is what marks "an edited figure". Quotations
are compared as wholes, a reworded one paired with the one it replaced.

Spans point into the old text (``before``) or the new one (``after``), as everywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from newsweave.analyze.marks import quote_stretches
from newsweave.analyze.quantities import find_quantities
from newsweave.analyze.sentence_rules import sentence_pieces
from newsweave.model import Article, Quantity, Span

# Two sentences that share this much of their words (difflib's ratio) are one sentence edited;
# below it, one was removed and another written.
SAME_SENTENCE = 0.5
# A reworded quotation keeps about half its words ("will respond" / "will strike back" does).
SAME_QUOTE = 0.5

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class FigureEdit:
    """A figure the outlet changed: as written before and after, and their intervals."""

    before: Span
    after: Span
    before_text: str
    after_text: str
    before_interval: tuple[float | None, float | None]
    after_interval: tuple[float | None, float | None]


@dataclass(frozen=True, slots=True)
class SentenceEdit:
    """A sentence whose words changed, and the figures that changed in it."""

    before: Span
    after: Span
    figures: tuple[FigureEdit, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteEdit:
    """A quotation reworded (both spans), taken out (no ``after``) or added (no ``before``)."""

    before: Span | None
    after: Span | None


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    """What changed from one version of an article to the next."""

    title_before: str | None
    title_after: str | None
    added: tuple[Span, ...] = ()
    removed: tuple[Span, ...] = ()
    edited: tuple[SentenceEdit, ...] = ()
    quotes: tuple[QuoteEdit, ...] = ()

    @property
    def figures(self) -> tuple[FigureEdit, ...]:
        return tuple(f for e in self.edited for f in e.figures)

    def is_empty(self) -> bool:
        return self.title_before == self.title_after and not (
            self.added or self.removed or self.edited or self.quotes
        )


def diff_articles(old: Article, new: Article) -> RevisionDiff:
    """The diff of two versions of one article (``old`` first)."""
    before, after = sentences(old), sentences(new)
    matcher = SequenceMatcher(
        None,
        [_norm(s.of(old.text)) for s in before],
        [_norm(s.of(new.text)) for s in after],
        autojunk=False,
    )
    added: list[Span] = []
    removed: list[Span] = []
    edited: list[SentenceEdit] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = _pair(old.text, before[i1:i2], new.text, after[j1:j2], SAME_SENTENCE)
        paired_old = {a for a, _ in pairs}
        paired_new = {b for _, b in pairs}
        removed.extend(s for s in before[i1:i2] if s not in paired_old)
        added.extend(s for s in after[j1:j2] if s not in paired_new)
        edited.extend(SentenceEdit(a, b, _figure_edits(old.text, a, new.text, b)) for a, b in pairs)
    return RevisionDiff(
        old.title,
        new.title,
        tuple(added),
        tuple(removed),
        tuple(sorted(edited, key=lambda e: e.after.start)),
        _quote_edits(old, new),
    )


def sentences(article: Article) -> list[Span]:
    """The article's sentences, paragraph by paragraph, as spans of its text."""
    paragraphs = article.paragraphs or (Span(0, len(article.text)),)
    out: list[Span] = []
    for p in paragraphs:
        piece = p.of(article.text)
        out.extend(Span(p.start + s, p.start + e) for s, e in sentence_pieces(piece))
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def _pair(
    old_text: str, olds: list[Span], new_text: str, news: list[Span], floor: float
) -> list[tuple[Span, Span]]:
    """Old and new spans that are one item edited: most alike first, each used once."""
    if not olds or not news:
        return []
    scored = sorted(
        (
            (-_similarity(a.of(old_text), b.of(new_text)), i, j)
            for i, a in enumerate(olds)
            for j, b in enumerate(news)
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[Span, Span]] = []
    for negative, i, j in scored:
        if -negative < floor:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((olds[i], news[j]))
    return pairs


def _figure_edits(old_text: str, a: Span, new_text: str, b: Span) -> tuple[FigureEdit, ...]:
    """Figures of an edited sentence that changed: paired by the words that follow them
    ("12 people" and "15 people"), else by their order when both have as many."""
    olds = _figures(old_text, a)
    news = _figures(new_text, b)
    pairs: list[tuple[Quantity, Quantity]] = []
    left_new = list(news)
    unpaired: list[Quantity] = []
    for q in olds:
        context = _after(old_text, q.span)
        match = next((n for n in left_new if _after(new_text, n.span) == context), None)
        if match is not None and context:
            pairs.append((q, match))
            left_new.remove(match)
        else:
            unpaired.append(q)
    if unpaired and len(unpaired) == len(left_new):
        pairs.extend(zip(unpaired, left_new, strict=True))
    return tuple(
        FigureEdit(q.span, n.span, q.text, n.text, (q.low, q.high), (n.low, n.high))
        for q, n in sorted(pairs, key=lambda p: p[1].span.start)
        if (q.text, q.low, q.high) != (n.text, n.low, n.high)
    )


def _figures(text: str, sentence: Span) -> list[Quantity]:
    base = sentence.start
    return [
        Quantity(Span(base + q.span.start, base + q.span.end), q.text, q.low, q.high, q.unit)
        for q in find_quantities(sentence.of(text))
    ]


def _after(text: str, span: Span, words: int = 2) -> tuple[str, ...]:
    return tuple(_words(text[span.end : span.end + 60])[:words])


def _quote_edits(old: Article, new: Article) -> tuple[QuoteEdit, ...]:
    """Quotations in one version and not (word for word) in the other; a reworded one is
    paired with the one it replaced."""
    before = _quotes(old)
    after = _quotes(new)
    kept_old = {_norm(s.of(old.text)).lower() for s in before}
    kept_new = {_norm(s.of(new.text)).lower() for s in after}
    gone = [s for s in before if _norm(s.of(old.text)).lower() not in kept_new]
    came = [s for s in after if _norm(s.of(new.text)).lower() not in kept_old]
    pairs = _pair(old.text, gone, new.text, came, SAME_QUOTE)
    paired_old = {a for a, _ in pairs}
    paired_new = {b for _, b in pairs}
    edits = [QuoteEdit(a, b) for a, b in pairs]
    edits.extend(QuoteEdit(a, None) for a in gone if a not in paired_old)
    edits.extend(QuoteEdit(None, b) for b in came if b not in paired_new)
    return tuple(edits)


def _quotes(article: Article) -> list[Span]:
    paragraphs = article.paragraphs or (Span(0, len(article.text)),)
    return [s.span for s in quote_stretches(article.text, paragraphs) if s.span.end > s.span.start]


# -- JSON ------------------------------------------------------------------------------------


def _span(s: Span | None, text: str) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.of(text)}


def diff_dict(diff: RevisionDiff, old_text: str, new_text: str) -> dict[str, Any]:
    """The diff as JSON, each span with the text it covers (``before`` spans in the old
    version's text, ``after`` spans in the new one's)."""
    return {
        "title": {"before": diff.title_before, "after": diff.title_after},
        "added": [_span(s, new_text) for s in diff.added],
        "removed": [_span(s, old_text) for s in diff.removed],
        "edited": [
            {
                "before": _span(e.before, old_text),
                "after": _span(e.after, new_text),
                "figures": [
                    {
                        "before": _span(f.before, old_text),
                        "after": _span(f.after, new_text),
                        "before_low": f.before_interval[0],
                        "before_high": f.before_interval[1],
                        "after_low": f.after_interval[0],
                        "after_high": f.after_interval[1],
                    }
                    for f in e.figures
                ],
            }
            for e in diff.edited
        ],
        "quotes": [
            {"before": _span(q.before, old_text), "after": _span(q.after, new_text)}
            for q in diff.quotes
        ],
    }
