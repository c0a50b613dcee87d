"""Headlines that credit their claim with a label: "Twelve boats lost in the storm: Coastal
Authority", "Mayor Marrant: the pier will reopen in a week".

Headline style drops the verb of saying and puts the source before or after a colon. Only a
headline-like line counts (short, no full stop at its end), and only a label that names a
speaker (a person, organisation or government the tagger found), so that a dateline ("Port
Elm, March 3:") or a rubric ("Live Updates:", "READ MORE:") is never taken for a source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.model import Entity, Span

# A headline is short; its label shorter.
HEADLINE_WORDS = 30
LABEL_WORDS = 6
CLAIM_WORDS = 3
_SPEAKING = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_COLON = re.compile(r":\s+")


def _names(entities: Sequence[Entity], span: Span) -> list[Entity]:
    return [e for e in entities if span.start <= e.span.start and e.span.end <= span.end]


def _is_label(text: str, span: Span, entities: Sequence[Entity]) -> bool:
    words = span.of(text).split()
    if not 0 < len(words) <= LABEL_WORDS or not words[0][:1].isupper():
        return False
    if any(c.isdigit() for c in span.of(text)) or "," in span.of(text):
        return False  # a dateline: "Port Elm, March 3"
    inside = _names(entities, span)
    if any(e.label == "DATE" for e in inside):
        return False
    return any(e.label in _SPEAKING for e in inside)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t.":
        end -= 1
    return Span(start, end)


def headline_labels(
    text: str, paragraphs: Sequence[Span], entities: Sequence[Entity]
) -> list[tuple[Span, Span]]:
    """Each (claim, label) of a headline-like line that credits its claim to a speaker."""
    out = []
    for p in paragraphs:
        line = p.of(text)
        if "\n" in line or line.rstrip().endswith(".") or len(line.split()) > HEADLINE_WORDS:
            continue
        colons = list(_COLON.finditer(text, p.start, p.end))
        if len(colons) != 1:
            continue
        m = colons[0]
        head, tail = _trim(text, p.start, m.start()), _trim(text, m.end(), p.end)
        if len(tail.of(text).split()) >= CLAIM_WORDS and _is_label(text, head, entities):
            out.append((tail, head))
        elif len(head.of(text).split()) >= CLAIM_WORDS and _is_label(text, tail, entities):
            out.append((head, tail))
    return out
