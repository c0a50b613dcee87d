"""Whether one article's passage states the same fact as another's: what a citation promises.

Words in common are not enough: "In addition to the six dead, 19 people were wounded" and
"Six men were killed and five people remain in hospital" share most of their content words
and state different facts. A passage supports a sentence only when

- every figure of the sentence is in the passage, as the same number (however qualified:
  "more than 85" supports "85"), in the same unit;
- it names the same people: a sentence that names someone is not supported by a passage
  that names only someone else;
- neither is negated where the other is not ("was not at risk" against "was at risk").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.analyze.units import conversion_slack, dimension, to_base
from newsweave.model import AnnotatedArticle, Quantity, Span

# Words that turn a statement into its denial.
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|deny|denies|denied|"
    r"refuse[sd]?|false|cannot)\b|n[’']t\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'’-]+")
_NAME_LABELS = frozenset({"PERSON", "ORG"})


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence with what a citation must keep: its figures, names and polarity."""

    text: str
    figures: tuple[Quantity, ...]
    names: frozenset[str]  # last words of the people and organisations it names, lower case
    negated: bool


def passages(annotated: AnnotatedArticle, spans: Sequence[Span]) -> list[Passage]:
    """The passages of ``annotated`` at ``spans`` (its sentences, in text order)."""
    text = annotated.article.text
    figures = sorted(annotated.figures, key=lambda f: f.quantity.span.start)
    names = sorted(
        (e for e in annotated.entities if e.label in _NAME_LABELS), key=lambda e: e.span.start
    )
    fig_starts = [f.quantity.span.start for f in figures]
    name_starts = [e.span.start for e in names]
    out = []
    for span in spans:
        lo, hi = bisect_left(fig_starts, span.start), bisect_left(fig_starts, span.end)
        found = tuple(f.quantity for f in figures[lo:hi] if f.quantity.span.end <= span.end)
        lo, hi = bisect_left(name_starts, span.start), bisect_left(name_starts, span.end)
        named = frozenset(
            words[-1].lower()
            for e in names[lo:hi]
            if e.span.end <= span.end
            for words in [_WORD.findall(e.text)]
            if words
        )
        sentence = text[span.start : span.end]
        out.append(Passage(sentence, found, named, bool(_NEGATION.search(sentence))))
    return out


def supports(claim: Passage, evidence: Passage) -> bool:
    """Whether ``evidence`` states what ``claim`` states (see the module docstring)."""
    if claim.negated != evidence.negated:
        return False
    if claim.names and evidence.names and not claim.names & evidence.names:
        return False
    if claim.names and not evidence.names and not any(
        n in evidence.text.lower() for n in claim.names
    ):
        return False
    return all(any(_same_number(f, g) for g in evidence.figures) for f in claim.figures)


def _same_number(a: Quantity, b: Quantity) -> bool:
    """One number in one unit, however qualified: "more than 85" and "85"; 60 ft and 18 m."""
    if dimension(a.unit) != dimension(b.unit):
        return False
    slack = conversion_slack(a.low, a.high, b.low, b.high) if a.unit != b.unit else 0.0
    ends_a = [to_base(x, a.unit) for x in (a.low, a.high) if x is not None]
    ends_b = [to_base(x, b.unit) for x in (b.low, b.high) if x is not None]
    return any(
        x is not None and y is not None and abs(x - y) <= slack * max(abs(x), abs(y))
        for x in ends_a
        for y in ends_b
    )
