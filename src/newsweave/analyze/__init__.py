"""Analysis: an Article to spans of sentences, entities and figures (AnnotatedArticle).

Two passes over spaCy (see ``nlp.py``): every paragraph is split into sentences and tagged
for entities; only sentences that hold a figure are parsed, to find what the figure counts.
Paragraphs are read in pieces of bounded size, and only as much of an article as the limits
allow (``limits.py``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from newsweave.analyze import nlp
from newsweave.analyze.clauses import Cue, sentence_cues, surnames
from newsweave.analyze.cues import has_cue
from newsweave.analyze.entity_labels import relabelled
from newsweave.analyze.figures import sentence_figures
from newsweave.analyze.limits import DEFAULT_LIMITS, Limits, analysed
from newsweave.analyze.quantities import find_quantities
from newsweave.analyze.quotes import read_speech
from newsweave.analyze.sentence_rules import ends_with_title
from newsweave.analyze.views import has_view, sentence_views
from newsweave.model import AnnotatedArticle, Article, Entity, Figure, Quantity, Span
from newsweave.text.sentences import ENDS_SENTENCE

__all__ = ["analyze", "analyze_articles"]


def _shift(q: Quantity, offset: int) -> Quantity:
    return Quantity(
        Span(q.span.start + offset, q.span.end + offset),
        q.text,
        q.low,
        q.high,
        q.unit,
        q.qualifier,
        q.why,
    )


def _whole_sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The splitter's sentences, rejoined where it cut one that had not ended.

    The statistical splitter breaks after an abbreviation in brackets ("Corps (IRGC) Quds
    Force …", "Sen. Dana Roe (D-Calif.)" | "said …"), after a title ("Police Sgt." | "Joanne
    Roe said …") or inside a long quotation; a piece that does not end like a sentence, or ends
    on a title, is joined to the next one of its paragraph, and so is a piece ending on a
    bracket when the next opens in lower case (no sentence does).
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        last = text[out[-1][0] : out[-1][1]] if out else ""
        bracket = last.rstrip().endswith((")", "]")) and text[start : start + 1].islower()
        if out and (not ENDS_SENTENCE.search(last) or ends_with_title(last) or bracket):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def analyze_articles(
    articles: Sequence[Article], limits: Limits | None = None
) -> list[AnnotatedArticle]:
    """Sentences, entities and figures of each article, batched through the pipeline."""
    limits = limits or DEFAULT_LIMITS
    sentences, entities = _segment(articles, limits)
    # Parse only the sentences that hold a figure, up to the article's first ``figures`` ...
    todo = _figure_sentences(articles, sentences, limits.figures)
    # ... and the sentences with a verb of saying, for attributions: one parse serves both.
    jobs_parse = _parse_jobs(articles, sentences, todo, limits.views)
    figures, cues = _parse(articles, entities, jobs_parse, limits.views)
    parsed: list[list[Span]] = [[] for _ in articles]
    for ai, s, _, said in jobs_parse:
        if said:
            parsed[ai].append(s)
    out = []
    for i, a in enumerate(articles):
        quotes, attributions = read_speech(a, entities[i], cues[i], parsed[i])
        out.append(
            AnnotatedArticle(
                a,
                tuple(sentences[i]),
                tuple(entities[i]),
                tuple(figures[i]),
                quotes,
                attributions,
            )
        )
    return out


def _segment(
    articles: Sequence[Article], limits: Limits
) -> tuple[list[list[Span]], list[list[Entity]]]:
    """Every article's sentences and entities, its pieces sent through spaCy in one batch."""
    jobs = [(ai, p) for ai, a in enumerate(articles) for p in analysed(a, limits)]
    sentences: list[list[Span]] = [[] for _ in articles]
    entities: list[list[Entity]] = [[] for _ in articles]
    texts = (articles[ai].text[p.start : p.end] for ai, p in jobs)
    for (ai, p), doc in zip(jobs, nlp.segment(texts), strict=True):
        for start, end in _whole_sentences(
            doc.text, [(x.start_char, x.end_char) for x in doc.sents]
        ):
            sentences[ai].append(Span(p.start + start, p.start + end))
        for e in doc.ents:
            entities[ai].append(
                Entity(Span(p.start + e.start_char, p.start + e.end_char), e.label_, e.text)
            )
    relabel = zip(articles, entities, strict=True)
    return sentences, [relabelled(a.text, found) for a, found in relabel]


def _figure_sentences(
    articles: Sequence[Article], sentences: Sequence[Sequence[Span]], figures: int
) -> list[tuple[int, Span, list[Quantity]]]:
    """The sentences that hold a figure, with their quantities, up to the article's first
    ``figures``: only these are parsed for what they count."""
    todo: list[tuple[int, Span, list[Quantity]]] = []
    for ai, a in enumerate(articles):
        room = figures
        for s in sentences[ai]:
            found = find_quantities(a.text[s.start : s.end])[:room]
            if found:
                todo.append((ai, s, [_shift(q, s.start) for q in found]))
                room -= len(found)
                if room <= 0:
                    break
    return todo


def _parse(
    articles: Sequence[Article],
    entities: Sequence[Sequence[Entity]],
    jobs_parse: Sequence[tuple[int, Span, list[Quantity], bool]],
    views: bool = False,
) -> tuple[list[list[Figure]], list[list[tuple[Span, Cue]]]]:
    """Each article's figures and cues of speech (and of views, with ``views``), from one
    parse of the sentences that may hold them; the cues in text order."""
    # entities come in text order: a sentence's are found by bisection, not by a scan of the
    # article's (5,000 figure sentences times 10,000 names took seconds)
    starts = [[e.span.start for e in found] for found in entities]
    figures: list[list[Figure]] = [[] for _ in articles]
    cues: list[list[tuple[Span, Cue]]] = [[] for _ in articles]
    known = [surnames(found) for found in entities]
    # Figures need lemmas; a sentence read only for attributions is parsed without them.
    for lemmas in (True, False):
        todo_parse = [j for j in jobs_parse if bool(j[2]) == lemmas]
        texts_parse = (articles[ai].text[s.start : s.end] for ai, s, _, _ in todo_parse)
        docs = nlp.parse(texts_parse, lemmas)
        for (ai, s, quantities, said), doc in zip(todo_parse, docs, strict=True):
            ents = _within(entities[ai], starts[ai], s)
            if quantities:
                figures[ai].extend(sentence_figures(doc, s, quantities, ents))
            if said:
                found = sentence_cues(doc, s.start, ents, known[ai])
                if views:
                    found = _with_views(found, sentence_views(doc, s.start, ents, known[ai]))
                cues[ai].extend((s, c) for c in found)
    for article_cues in cues:
        article_cues.sort(key=lambda sc: (sc[0].start, sc[1].cue.start))
    return figures, cues


def _with_views(speech: list[Cue], views: list[Cue]) -> list[Cue]:
    """A sentence's cues of speech and of views: a verb the speech rules read with content of
    their own is speech only; any other view verb adds its view ("denied the report" is a view
    beside whatever quotation the speech rules hand "denied"; ``attributions.add_view``)."""
    said = {c.cue.start for c in speech if c.content is not None and not c.quoted_only}
    return speech + [c for c in views if c.cue.start not in said]


def _within(entities: Sequence[Entity], starts: Sequence[int], span: Span) -> list[Entity]:
    """The entities inside ``span``; ``starts`` are theirs, in order."""
    first = bisect_left(starts, span.start)
    last = bisect_left(starts, span.end, first)
    return [e for e in entities[first:last] if e.span.end <= span.end]


def _parse_jobs(
    articles: Sequence[Article],
    sentences: Sequence[Sequence[Span]],
    todo: Sequence[tuple[int, Span, list[Quantity]]],
    views: bool = False,
) -> list[tuple[int, Span, list[Quantity], bool]]:
    """The sentences to parse, in order: each with its figures and whether it may attribute
    (speech, or with ``views`` a view too)."""
    figures = {(ai, s.start): qs for ai, s, qs in todo}
    out = []
    for ai, a in enumerate(articles):
        for s in sentences[ai]:
            qs = figures.get((ai, s.start), [])
            text = a.text[s.start : s.end]
            said = has_cue(text) or (views and has_view(text))
            if qs or said:
                out.append((ai, s, qs, said))
    return out


def analyze(article: Article, limits: Limits | None = None) -> AnnotatedArticle:
    return analyze_articles([article], limits)[0]
