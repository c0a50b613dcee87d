"""Direct quotes and their speakers: quote marks paired (``marks.py``), then attributed
(``speakers.py``).

Everything here is rules over the text and the entities the analysis already found; no sentence
is parsed, so quotes cost a small share of the analysis (bench/analyze.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.analyze.marks import Stretch, quote_stretches
from newsweave.analyze.speakers import Attribution, attribute
from newsweave.model import Article, Entity, Quote, Span

# Punctuation the reporter's sentence puts before a closing mark ("…today,” he said): it stands
# for the speaker's full stop and is not part of the words quoted.
_TRAILING = " ,;:—–-"


def _words(text: str, s: Stretch) -> Span:
    """The quoted words: the stretch without the comma or dash that hands over to the reporter."""
    start, end = s.span.start, s.span.end
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return Span(start, end)


def is_partial(text: str, s: Stretch) -> bool:
    """Whether the quotation is a fragment inside the reporter's sentence.

    A fragment starts in lower case ("said the strikes would “respond strongly”") or is glued
    to the reporter's words without a colon or comma ("would be “multi-tiered.”").
    """
    first = next((c for c in text[s.span.start : s.span.end] if c.isalpha()), "")
    if first.islower():
        return True
    before = text[: s.opened if s.opened is not None else s.span.start].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "’'")


def find_quotes(
    article: Article, sentences: Sequence[Span], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Every direct quote of the article with its speaker.

    ``sentences`` is accepted for the analysis's calling convention; the quote rules cut
    sentences themselves, since the model's sentences may not break inside quote marks.
    """
    del sentences
    text = article.text
    stretches = quote_stretches(text, article.paragraphs)
    if not stretches:
        return ()
    found: list[Attribution] = attribute(text, article.paragraphs, stretches, entities)
    out: list[Quote] = []
    for s, a in zip(stretches, found, strict=True):
        span = _words(text, s)
        if span.end <= span.start:
            continue
        out.append(
            Quote(
                span,
                span.of(text),
                a.speaker,
                a.span,
                a.cue,
                is_partial(text, s),
            )
        )
    return tuple(out)
