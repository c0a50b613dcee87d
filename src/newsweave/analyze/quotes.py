"""Direct quotes and their speakers: quote marks paired (``marks.py``), then attributed
(``speakers.py``).

Everything here is rules over the text and the entities the analysis already found; no sentence
is parsed, so quotes cost a small share of the analysis (bench/analyze.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.analyze.attributions import attributions
from newsweave.analyze.clauses import Cue, surnames
from newsweave.analyze.labels import headline_labels
from newsweave.analyze.marks import Stretch, quote_stretches, runs_into_sentence
from newsweave.analyze.notspeech import is_title, not_speech
from newsweave.analyze.speakers import GROUP_PRONOUNS, NOBODY, PERSON_PRONOUNS, Speakers
from newsweave.model import Article, Attribution, Entity, Quote, Span

# Space and dashes before a closing mark hand over to the reporter; a comma or full stop
# there is kept, as printed inside the marks ("…today,” he said).
_TRAILING = " —–-"


def _words(text: str, s: Stretch) -> Span:
    """The quoted words as printed between the marks, without a dash that hands over."""
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


# A quotation this short in title case, with no one said to say it, is a name.
SHORT_TITLE_WORDS = 4


def _short_title(words: str) -> bool:
    return len(words.split()) <= SHORT_TITLE_WORDS and is_title(words.rstrip(" ,.;:"))


def find_quotes(
    article: Article, sentences: Sequence[Span], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Every direct quote of the article with its speaker, by rule alone (no parse).

    ``sentences`` is accepted for the analysis's calling convention; the quote rules cut
    sentences themselves, since the model's sentences may not break inside quote marks.
    """
    del sentences
    return read_speech(article, entities, (), parsed=None)[0]


def read_speech(
    article: Article,
    entities: Sequence[Entity],
    cues: Sequence[tuple[Span, Cue]],
    parsed: Sequence[Span] | None = (),
) -> tuple[tuple[Quote, ...], tuple[Attribution, ...]]:
    """The article's quotes (quoted words someone is said to say) and its attributions.

    ``cues`` are the parse's cues (``clauses.py``), each with its sentence, and ``parsed`` the
    sentences read for them (every one with a verb of saying), so the parse alone tells who
    spoke where; None when nothing was parsed, and the quote rules also read speech verbs by
    pattern. Quotations the cues do not settle are attributed by rule.
    """
    text = article.text
    stretches = quote_stretches(text, article.paragraphs)
    partial = [is_partial(text, s) for s in stretches]
    speech = [
        not_speech(text, s, article.paragraphs[s.paragraph], partial[k]) is None
        for k, s in enumerate(stretches)
    ]
    if not stretches and not cues and ":" not in text:
        return (), ()
    speakers = Speakers(text, article.paragraphs, stretches, entities, mentions=parsed is None)
    labels = headline_labels(text, article.paragraphs, entities, surnames(entities))
    reading = attributions(text, stretches, speech, partial, speakers, cues, parsed or (), labels)
    out: list[Quote] = []
    for k, s in enumerate(stretches):
        a = reading.speakers[k]
        span = _words(text, s)
        if span.end <= span.start or not speech[k] or k in reading.mute:
            continue
        if a is None:
            if partial[k] or runs_into_sentence(text, s) or _short_title(span.of(text)):
                # a fragment no one is said to say: a scare quote, a phrase the reporter's
                # sentence goes on from ("“Containment” has been the policy since 1950"), or
                # a name in title case ("shows from Pixar, “Star Wars,” Marvel …")
                continue
            a = NOBODY
        if a.speaker and a.speaker.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
            a = NOBODY  # "he said" with no one named before: the speaker is unknown
        out.append(Quote(span, span.of(text), a.speaker, a.span, a.cue, partial[k]))
    return tuple(out), reading.attributions
